/** Queries of the intake journal: append, find what is pending, claim a partition, retire what was applied. */
import { sql, type Insertable, type Selectable } from 'kysely';
import type { Db } from '../../db/schema.js';
import { skipLocked } from '../../db/dialect.js';
import type { AlertJournalTable } from './tables.js';

export type JournalEntry = Selectable<AlertJournalTable>;
export type NewJournalEntry = Insertable<AlertJournalTable>;

/** Appends entries in one statement; returns their ids in order. */
export async function appendEntries(db: Db, rows: readonly NewJournalEntry[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const ids = await db.insertInto('alert_journal').values([...rows]).returning('id').execute();
  return ids.map((r) => r.id).sort((a, b) => a - b);
}

/**
 * PostgreSQL: appends entries and announces them on `channel` in one statement,
 * run on its own (autocommit): one round trip, durable when it returns, where
 * BEGIN, INSERT, NOTIFY and COMMIT took four. Returns the ids in order.
 */
export async function appendEntriesAnnounced(db: Db, rows: readonly NewJournalEntry[], channel: string): Promise<number[]> {
  if (rows.length === 0) return [];
  const appended = await db
    .with('appended', (qb) => qb.insertInto('alert_journal').values([...rows]).returning('id'))
    .selectFrom('appended')
    .select(['id', sql<string>`pg_notify(${channel}, '')`.as('announced')])
    .execute();
  return appended.map((r) => r.id).sort((a, b) => a - b);
}

/** Partitions with pending entries (not set aside), the one waiting longest first. */
export async function pendingPartitions(db: Db, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('alert_journal')
    .select(['partition_key', (eb) => eb.fn.min('id').as('first')])
    .where('set_aside_at', 'is', null)
    .groupBy('partition_key')
    .orderBy('first')
    .limit(limit)
    .execute();
  return rows.map((r) => r.partition_key);
}

/**
 * Claims a partition for this transaction: its row locked, or skipped when
 * another applier holds it (PostgreSQL; SQLite's single writer already
 * excludes others). False when another applier has it.
 */
export async function claimPartition(trx: Db, key: string): Promise<boolean> {
  const exists = await trx.selectFrom('alert_journal_partitions').select('partition_key').where('partition_key', '=', key).executeTakeFirst();
  if (!exists) await trx.insertInto('alert_journal_partitions').values({ partition_key: key, applied_entries: 0, applied_at: null }).onConflict((oc) => oc.column('partition_key').doNothing()).execute();
  const claimed = await skipLocked(trx as never, trx.selectFrom('alert_journal_partitions').select('partition_key').where('partition_key', '=', key)).executeTakeFirst();
  return claimed !== undefined;
}

/** The partition's oldest pending entries (not set aside), in id order. */
export async function entriesOf(db: Db, key: string, limit: number): Promise<JournalEntry[]> {
  return db.selectFrom('alert_journal').selectAll().where('partition_key', '=', key).where('set_aside_at', 'is', null).orderBy('id').limit(limit).execute();
}

/**
 * Counts a failed attempt at the partition's oldest pending entry (run in a
 * transaction holding the partition's claim); sets it aside once it has
 * failed `maxAttempts` times. Returns the entry, or undefined when none is pending.
 */
export async function noteFailure(trx: Db, key: string, error: string, maxAttempts: number, now: string): Promise<{ id: number; attempts: number; setAside: boolean } | undefined> {
  const [entry] = await entriesOf(trx, key, 1);
  if (!entry) return undefined;
  const attempts = entry.attempts + 1;
  const setAside = attempts >= maxAttempts;
  await trx
    .updateTable('alert_journal')
    .set({ attempts, last_error: error.slice(0, 2000), set_aside_at: setAside ? now : null })
    .where('id', '=', entry.id)
    .execute();
  return { id: entry.id, attempts, setAside };
}

export interface SetAsideEntry {
  id: number;
  service_id: string;
  integration_id: string;
  received_at: string;
  request_id: string | null;
  attempts: number;
  last_error: string | null;
  set_aside_at: string;
  signals: number;
}

/** Entries set aside, oldest first. */
export async function setAsideEntries(db: Db, limit: number): Promise<SetAsideEntry[]> {
  const rows = await db
    .selectFrom('alert_journal')
    .select(['id', 'partition_key', 'integration_id', 'received_at', 'request_id', 'attempts', 'last_error', 'set_aside_at', 'signals'])
    .where('set_aside_at', 'is not', null)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    service_id: r.partition_key,
    integration_id: r.integration_id,
    received_at: r.received_at,
    request_id: r.request_id,
    attempts: r.attempts,
    last_error: r.last_error,
    set_aside_at: r.set_aside_at!,
    signals: countSignals(r.signals),
  }));
}

function countSignals(text: string): number {
  try {
    const parsed: unknown = JSON.parse(text);
    if (Array.isArray(parsed)) return parsed.length;
    return isAdaptAgain(parsed) ? parsed.count : 0;
  } catch {
    return 0;
  }
}

/**
 * What an entry's `signals` holds in place of the signals when they are to be
 * adapted again from its `evidence`, the body as sent (formats whose adapter
 * needs nothing but the body).
 */
export interface AdaptAgain {
  adapt: 'alertmanager' | 'grafana';
  count: number;
}

export function adaptAgain(format: AdaptAgain['adapt'], count: number): AdaptAgain {
  return { adapt: format, count };
}

export function isAdaptAgain(value: unknown): value is AdaptAgain {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && ((value as AdaptAgain).adapt === 'alertmanager' || (value as AdaptAgain).adapt === 'grafana');
}

/**
 * Puts a set-aside entry back in its partition for another try (with its
 * attempts reset). It keeps its id, so it applies before its partition's
 * later entries still pending. False when no such entry is set aside.
 */
export async function replayEntry(db: Db, id: number): Promise<boolean> {
  const result = await db.updateTable('alert_journal').set({ set_aside_at: null, attempts: 0 }).where('id', '=', id).where('set_aside_at', 'is not', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Entries waiting to be applied, set aside, and when the oldest waiting one was received. */
export async function journalStats(db: Db): Promise<{ pending: number; setAside: number; oldestPendingAt: string | null }> {
  const row = await db
    .selectFrom('alert_journal')
    .select((eb) => [
      eb.fn.countAll<number>().as('all'),
      eb.fn.count<number>('set_aside_at').as('aside'),
      eb.fn.min(eb.case().when('set_aside_at', 'is', null).then(eb.ref('received_at')).end()).as('oldest'),
    ])
    .executeTakeFirstOrThrow();
  const all = Number(row.all);
  const setAside = Number(row.aside);
  return { pending: all - setAside, setAside, oldestPendingAt: (row.oldest as string | null) ?? null };
}

/** Retires applied entries and advances the partition's count, in the applying transaction; returns how many were deleted. */
export async function retireEntries(trx: Db, key: string, ids: readonly number[], now: string): Promise<number> {
  if (ids.length === 0) return 0;
  const deleted = Number((await trx.deleteFrom('alert_journal').where('id', 'in', [...ids]).executeTakeFirst()).numDeletedRows);
  await trx
    .updateTable('alert_journal_partitions')
    .set((eb) => ({ applied_entries: eb('applied_entries', '+', deleted), applied_at: now }))
    .where('partition_key', '=', key)
    .execute();
  return deleted;
}

/** The newest entry's id (null when the journal is empty). */
export async function lastEntryId(db: Db): Promise<number | null> {
  const row = await db.selectFrom('alert_journal').select((eb) => eb.fn.max('id').as('last')).executeTakeFirst();
  return row?.last === null || row?.last === undefined ? null : Number(row.last);
}

/** True while an entry with id ≤ `through` is still pending (set-aside entries are not waited for). */
export async function pendingThrough(db: Db, through: number): Promise<boolean> {
  return (await db.selectFrom('alert_journal').select('id').where('id', '<=', through).where('set_aside_at', 'is', null).limit(1).executeTakeFirst()) !== undefined;
}
