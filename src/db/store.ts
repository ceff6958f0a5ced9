import { mkdirSync } from 'node:fs';
import { WalSync } from './wal-sync.js';
import path from 'node:path';
import { Kysely, Migrator, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import { dialectOf, type DialectName } from './dialect.js';
import { openSqlite } from './sqlite.js';
import { migrations } from './migrations/index.js';

// Make PostgreSQL values look like SQLite's: int8 as number, timestamps as ISO strings.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, (v) => new Date(v).toISOString());
pg.types.setTypeParser(pg.types.builtins.TIMESTAMP, (v) => new Date(`${v}Z`).toISOString());

type AfterCommit = () => void;
const afterCommitHooks = new WeakMap<Transaction<Database>, AfterCommit[]>();

export interface StoreOptions {
  /** postgres://… URL; when absent the embedded SQLite file in dataDir is used. */
  databaseUrl?: string | undefined;
  dataDir: string;
  poolSize?: number;
  /**
   * PostgreSQL: fail a query that gets no answer, or a wait for a pool
   * connection that is not granted, within this long. For tests
   * that cut the connection under a running transaction: a client whose socket
   * died mid-query can otherwise wait for ever, holding its pool slot.
   */
  queryTimeoutMs?: number;
}

/** The database handle every service receives, plus what it takes to run transactions and close it. */
export class Store {
  readonly dialect: DialectName;
  /** A human description without credentials, for logs. */
  readonly description: string;

  private constructor(
    readonly db: Kysely<Database>,
    description: string,
    /** Present on PostgreSQL: the URL, for dedicated LISTEN connections. */
    readonly postgresUrl: string | undefined,
    /** Present on SQLite: reads the connection's data_version, which changes when another process commits. */
    readonly sqliteDataVersion?: () => number,
    /** Present on SQLite: flushes the write-ahead log for durableTransaction. */
    private readonly walSync?: WalSync,
  ) {
    this.dialect = dialectOf(db);
    this.description = description;
  }

  /** Opens SQLite in the data dir, or PostgreSQL when a URL is given. Does not migrate. */
  static open(options: StoreOptions): Store {
    if (options.databaseUrl) {
      const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10, ...(options.queryTimeoutMs ? { query_timeout: options.queryTimeoutMs, connectionTimeoutMillis: options.queryTimeoutMs } : {}) });
      // An idle client losing its server must not crash the process; the pool replaces it.
      pool.on('error', () => undefined);
      // A checked-out client whose connection drops between queries emits 'error' with no listener (a crash);
      // the failure still reaches the caller through its next query, and pg-pool drops the dead client on release.
      pool.on('connect', (client) => client.on('error', () => undefined));
      const url = new URL(options.databaseUrl);
      return new Store(
        new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
        `postgresql ${url.hostname}:${url.port || 5432}${url.pathname}`,
        options.databaseUrl,
      );
    }
    mkdirSync(options.dataDir, { recursive: true });
    const file = path.join(options.dataDir, 'firebreak.sqlite');
    const { dialect, database } = openSqlite(file);
    return new Store(new Kysely<Database>({ dialect }), `sqlite ${file}`, undefined, () => database.pragma('data_version', { simple: true }) as number, new WalSync(`${file}-wal`));
  }

  /**
   * Runs fn in one transaction. Hooks registered with `afterCommit` run once
   * the transaction has committed (never when it rolls back).
   */
  async transaction<T>(fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    let hooks: AfterCommit[] = [];
    const result = await this.db.transaction().execute(async (trx) => {
      hooks = [];
      afterCommitHooks.set(trx, hooks);
      return fn(trx);
    });
    for (const hook of hooks) hook();
    return result;
  }

  /**
   * Like `transaction`, for work that is derived from something already
   * durable and redone after a crash if lost (the intake journal's applier):
   * the commit does not wait for the disk (SQLite `synchronous=NORMAL`,
   * PostgreSQL `synchronous_commit=off`). It stays atomic and in order: the
   * next durable commit, which precedes anything sent outside, flushes it too.
   */
  async derivedTransaction<T>(fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    if (this.dialect === 'postgres') {
      return this.transaction(async (trx) => {
        await sql`set local synchronous_commit = off`.execute(trx);
        return fn(trx);
      });
    }
    return this.unsyncedSqliteTransaction(fn);
  }

  /**
   * Like `transaction`, for many small commits arriving together (the intake
   * journal's appends): resolves once committed, with `durable`, which
   * resolves once the commit is on disk. On SQLite the commit itself does not
   * wait for the disk; the write-ahead log is then flushed by one fdatasync,
   * off the event loop, shared by every commit made before it started: the
   * event loop keeps parsing requests while the disk works, and they share the
   * next flush (see wal-sync.ts). On PostgreSQL the commit is durable (its WAL
   * writer already groups concurrent commits).
   */
  async groupCommitTransaction<T>(fn: (trx: Transaction<Database>) => Promise<T>): Promise<{ value: T; durable: Promise<void> }> {
    if (this.dialect === 'postgres' || !this.walSync) return { value: await this.transaction(fn), durable: Promise.resolve() };
    const value = await this.unsyncedSqliteTransaction(fn);
    return { value, durable: this.walSync.flush() };
  }

  /** A SQLite transaction whose commit does not fsync (`synchronous=NORMAL`: atomic and in order, not yet durable). */
  private unsyncedSqliteTransaction<T>(fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    // SQLite cannot change the safety level inside a transaction: set it around one, on the same connection.
    return this.db.connection().execute(async (conn) => {
      await sql`pragma synchronous = NORMAL`.execute(conn);
      try {
        let hooks: AfterCommit[] = [];
        const result = await conn.transaction().execute(async (trx) => {
          hooks = [];
          afterCommitHooks.set(trx, hooks);
          return fn(trx);
        });
        for (const hook of hooks) hook();
        return result;
      } finally {
        await sql`pragma synchronous = FULL`.execute(conn);
      }
    });
  }

  /** Applies every pending migration. Safe to call from several processes at once. */
  async migrate(): Promise<string[]> {
    const { error, results } = await this.migrator().migrateToLatest();
    if (error) throw error instanceof Error ? error : new Error(String(error));
    return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  }

  /** Reverts the most recent migration. */
  async migrateDown(): Promise<string | undefined> {
    const { error, results } = await this.migrator().migrateDown();
    if (error) throw error instanceof Error ? error : new Error(String(error));
    return results?.[0]?.migrationName;
  }

  /** True when every known migration has been applied. */
  async isMigrated(): Promise<boolean> {
    const all = await this.migrator().getMigrations();
    return all.every((m) => m.executedAt !== undefined);
  }

  /** Round-trips a trivial query. */
  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }

  async close(): Promise<void> {
    await this.walSync?.close();
    await this.db.destroy();
  }

  private migrator(): Migrator {
    return new Migrator({ db: this.db, provider: { getMigrations: async () => migrations } });
  }
}

/** Runs hook after the transaction trx commits; runs it now if trx is not a Store transaction. */
export function afterCommit(trx: unknown, hook: AfterCommit): void {
  const hooks = afterCommitHooks.get(trx as Transaction<Database>);
  if (hooks) hooks.push(hook);
  else hook();
}
