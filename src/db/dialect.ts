/**
 * The few places where SQLite and PostgreSQL differ, kept in one module so
 * domain code never branches on the dialect: column types in migrations,
 * row locking when claiming work, and change notifications.
 *
 * Conventions shared by both dialects (so values look the same to the code):
 * - timestamps are ISO-8601 UTC strings (`timestamptz` on PostgreSQL, read back
 *   as ISO strings by a type parser; `text` on SQLite, which sorts correctly);
 * - JSON is stored as text and parsed by `fromJson`; queries never reach inside it;
 * - 64-bit integers come back as JavaScript numbers.
 */
import { sql, type Kysely, type SelectQueryBuilder, PostgresAdapter, type ColumnDataType } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

/** Which dialect a Kysely handle (or transaction) speaks. */
export function dialectOf(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** Column type for a UTC timestamp. */
export function timestampType(db: Kysely<any>): ColumnDataType {
  return dialectOf(db) === 'postgres' ? 'timestamptz' : 'text';
}

/** Column type for an auto-incrementing 64-bit primary key. */
export function autoIdType(db: Kysely<any>): ColumnDataType {
  return dialectOf(db) === 'postgres' ? 'bigserial' : 'integer';
}

/** Column type for a 64-bit integer. */
export function bigintType(db: Kysely<any>): ColumnDataType {
  return dialectOf(db) === 'postgres' ? 'bigint' : 'integer';
}

/**
 * Locks the selected rows for this transaction and skips rows other workers
 * hold (PostgreSQL). SQLite has a single writer, so the surrounding write
 * transaction already excludes other claimers.
 */
export function skipLocked<DB, TB extends keyof DB, O>(
  db: Kysely<any>,
  query: SelectQueryBuilder<DB, TB, O>,
): SelectQueryBuilder<DB, TB, O> {
  return dialectOf(db) === 'postgres' ? query.forUpdate().skipLocked() : query;
}

/** Serialises a value for a JSON text column. */
export function toJson(value: unknown): string {
  return JSON.stringify(value);
}

/** Parses a JSON text column. */
export function fromJson<T>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}

/** Current product time as stored in timestamp columns (from the injected clock, `src/clock.ts`). */
export { nowIso } from '../clock.js';

/**
 * The database's current time. Leases are compared and set on this clock, so
 * workers on hosts whose clocks disagree still agree on when a lease expires.
 * (SQLite runs in-process: its clock is the host's, shared by every process on it.)
 */
export async function databaseNow(db: Kysely<any>): Promise<Date> {
  const query =
    dialectOf(db) === 'postgres'
      ? sql<{ now: string }>`select to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as now`
      : sql<{ now: string }>`select strftime('%Y-%m-%dT%H:%M:%fZ', 'now') as now`;
  const row = (await query.execute(db)).rows[0];
  return new Date(row!.now);
}

/** Sends a change notification inside a PostgreSQL transaction (delivered at commit). */
export async function pgNotify(db: Kysely<any>, channel: string, payload: string): Promise<void> {
  await sql`select pg_notify(${channel}, ${payload})`.execute(db);
}

/**
 * Locks the selected rows until the transaction ends (PostgreSQL). SQLite
 * write transactions already hold the database's single write lock.
 */
export function forUpdate<DB, TB extends keyof DB, O>(
  db: Kysely<any>,
  query: SelectQueryBuilder<DB, TB, O>,
): SelectQueryBuilder<DB, TB, O> {
  return dialectOf(db) === 'postgres' ? query.forUpdate() : query;
}

const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_IOERR', 'SQLITE_FULL', 'SQLITE_CANTOPEN', 'SQLITE_READONLY']);

/**
 * True when an error means the database cannot be reached or cannot take the
 * write right now (as opposed to a bug or a constraint): callers answer 503
 * and let the sender retry. Covers connection errors, PostgreSQL classes 08
 * (connection), 53 (resources) and 57P (shutdown), 55000 when it is "not
 * currently accepting connections" (a database closed for maintenance), and
 * SQLite busy/I/O errors (extended codes such as SQLITE_IOERR_FSYNC included).
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = String((err as { code?: unknown }).code ?? '');
  if (UNAVAILABLE_CODES.has(code) || UNAVAILABLE_CODES.has(code.split('_').slice(0, 2).join('_'))) return true;
  if (/^(08|53|57P)/.test(code)) return true;
  if (code === '55000' && /not (currently )?accepting connections/i.test(err.message)) return true;
  return /Connection terminated|connection timeout|Client has encountered a connection error|driver has already been destroyed|Cannot use a pool after calling end/i.test(err.message);
}

/** A write refused because a row it references does not exist (PostgreSQL 23503, SQLite's foreign key constraint). */
export function isForeignKeyViolation(err: unknown): boolean {
  const code = String((err as { code?: unknown } | null)?.code ?? '');
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}
