import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { Db } from './schema.js';
import { afterCommit, type Store } from './store.js';
import { pgNotify } from './dialect.js';

/**
 * Receives a notification payload, or null after a reconnect when
 * notifications may have been missed and the listener should catch up.
 */
export type ChangeListener = (payload: string | null) => void;

/**
 * Change notifications between processes (ARCHITECTURE.md, "The change bus"): PostgreSQL NOTIFY
 * delivered at commit to every process, or an in-process emitter on SQLite,
 * where one process owns the database.
 */
export interface ChangeBus {
  /** Announces a change made in trx; listeners hear it only if trx commits. */
  publish(trx: Db, channel: string, payload: string): Promise<void>;
  subscribe(channel: string, listener: ChangeListener): Promise<() => void>;
  close(): Promise<void>;
}

/** How often an SQLite process looks for commits made by another process (the CLI). */
const EXTERNAL_CHANGE_CHECK_MS = 1000;

class LocalChangeBus implements ChangeBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  private readonly timer: NodeJS.Timeout | undefined;

  /**
   * Commits of this process are announced directly. Another process on the
   * same file (the CLI logging an event) cannot reach this emitter, so its
   * commits are noticed through SQLite's data_version, a counter in shared
   * memory that changes only when another connection commits; listeners then
   * get null and catch up from the database, as after a reconnect.
   */
  constructor(dataVersion: (() => number) | undefined) {
    if (!dataVersion) return;
    let seen = dataVersion();
    this.timer = setInterval(() => {
      let now: number;
      try {
        now = dataVersion();
      } catch {
        // The database was closed under us (shutdown): nothing more to watch.
        clearInterval(this.timer);
        return;
      }
      if (now === seen) return;
      seen = now;
      for (const channel of this.emitter.eventNames()) this.emitter.emit(channel, null);
    }, EXTERNAL_CHANGE_CHECK_MS).unref();
  }

  async publish(trx: Db, channel: string, payload: string): Promise<void> {
    afterCommit(trx, () => this.emitter.emit(channel, payload));
  }

  async subscribe(channel: string, listener: ChangeListener): Promise<() => void> {
    this.emitter.on(channel, listener);
    return () => this.emitter.off(channel, listener);
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.emitter.removeAllListeners();
  }
}

class PostgresChangeBus implements ChangeBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  private client: pg.Client | undefined;
  private connecting: Promise<pg.Client> | undefined;
  private readonly channels = new Set<string>();
  private closed = false;
  private retryMs = 100;

  constructor(private readonly url: string) {}

  async publish(trx: Db, channel: string, payload: string): Promise<void> {
    await pgNotify(trx, channel, payload);
  }

  async subscribe(channel: string, listener: ChangeListener): Promise<() => void> {
    this.emitter.on(channel, listener);
    if (!this.channels.has(channel)) {
      this.channels.add(channel);
      const client = await this.connection();
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    }
    return () => this.emitter.off(channel, listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.emitter.removeAllListeners();
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private connection(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= this.connect().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.url });
    client.on('notification', (n) => this.emitter.emit(n.channel, n.payload ?? ''));
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    await client.connect();
    for (const channel of this.channels) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    this.client = client;
    this.retryMs = 100;
    return client;
  }

  /** The LISTEN connection dropped: reconnect with backoff, then tell listeners to catch up. */
  private lost(client: pg.Client): void {
    if (this.client !== client || this.closed) return;
    this.client = undefined;
    const retry = (): void => {
      if (this.closed) return;
      this.connection().then(
        () => {
          for (const channel of this.channels) this.emitter.emit(channel, null);
        },
        () => {
          this.retryMs = Math.min(this.retryMs * 2, 10_000);
          setTimeout(retry, this.retryMs).unref();
        },
      );
    };
    setTimeout(retry, this.retryMs).unref();
  }
}

/** The change bus that fits the store's dialect. */
export function createChangeBus(store: Store): ChangeBus {
  return store.postgresUrl ? new PostgresChangeBus(store.postgresUrl) : new LocalChangeBus(store.sqliteDataVersion);
}
