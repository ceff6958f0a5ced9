/**
 * Test helpers that run the same store tests on SQLite and PostgreSQL
 * (ARCHITECTURE.md, "One program, two roles, two dialects"). PostgreSQL runs when FIREBREAK_TEST_DATABASE_URL is set, and
 * always on CI (CI=true) against postgres://postgres@127.0.0.1:5432/test;
 * elsewhere its suites are skipped with the reason printed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { after, before, describe } from 'node:test';
import pg from 'pg';
import { Store } from './store.js';
import type { DialectName } from './dialect.js';

export const CI_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** The PostgreSQL server tests may create databases on, or undefined to skip. */
export function testPostgresUrl(): string | undefined {
  return process.env.FIREBREAK_TEST_DATABASE_URL || (process.env.CI === 'true' ? CI_DATABASE_URL : undefined);
}

export const POSTGRES_SKIP_REASON = 'PostgreSQL tests skipped: FIREBREAK_TEST_DATABASE_URL is not set (CI always runs them)';

/** A throwaway database: an SQLite file in a temp dir, or a fresh PostgreSQL database. */
export interface ScratchDatabase {
  dialect: DialectName;
  /** FIREBREAK_DATABASE_URL for child processes (undefined for SQLite). */
  databaseUrl: string | undefined;
  /** FIREBREAK_DATA_DIR for child processes. */
  dataDir: string;
  /** Opens a new migrated Store on it. */
  open(): Promise<Store>;
  drop(): Promise<void>;
}

export async function createScratchDatabase(dialect: DialectName): Promise<ScratchDatabase> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'firebreak-test-'));
  let databaseUrl: string | undefined;
  let dropPostgres = async () => undefined as void;
  if (dialect === 'postgres') {
    const base = testPostgresUrl();
    if (!base) throw new Error(POSTGRES_SKIP_REASON);
    const name = `firebreak_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropPostgres = async () => {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    };
  }
  return {
    dialect,
    databaseUrl,
    dataDir,
    async open() {
      const store = Store.open({ databaseUrl, dataDir, poolSize: 10 });
      await store.migrate();
      return store;
    },
    async drop() {
      await dropPostgres();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface StoreFixture {
  /** The migrated store for this dialect; valid inside tests. */
  readonly store: Store;
  readonly scratch: ScratchDatabase;
}

/**
 * Declares `fn`'s tests once per dialect: `describe('<name> [sqlite]')` and
 * `describe('<name> [postgres]')`, each with a fresh migrated database.
 */
export function describeEachStore(
  name: string,
  fn: (fixture: StoreFixture) => void,
  dialects: readonly DialectName[] = ['sqlite', 'postgres'],
): void {
  for (const dialect of dialects) {
    const skip = dialect === 'postgres' && !testPostgresUrl() ? POSTGRES_SKIP_REASON : false;
    describe(`${name} [${dialect}]`, { skip }, () => {
      let store: Store | undefined;
      let scratch: ScratchDatabase | undefined;
      before(async () => {
        scratch = await createScratchDatabase(dialect);
        store = await scratch.open();
      });
      after(async () => {
        await store?.close();
        await scratch?.drop();
      });
      fn({
        get store() {
          if (!store) throw new Error('store used outside a test');
          return store;
        },
        get scratch() {
          if (!scratch) throw new Error('scratch database used outside a test');
          return scratch;
        },
      });
    });
  }
}

/** Like describeEachStore, for PostgreSQL only (multi-process and locking tests). */
export function describePostgres(name: string, fn: (fixture: StoreFixture) => void): void {
  describeEachStore(name, fn, ['postgres']);
}

/** A TCP proxy in front of PostgreSQL that can be cut, to make the database unreachable on demand. */
export async function cuttableProxy(target: URL): Promise<{ port: number; cut: () => Promise<void>; restore: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 5432), target.hostname);
        // A reset on one side resets the other, as a direct connection would see it. pipe() passes on only
        // an orderly end: when PostgreSQL reset a terminated backend's socket, the client's side stayed open
        // and its next query waited for an answer that could never come.
        for (const [s, peer] of [[client, upstream], [upstream, client]] as const) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => {
            if (!peer.destroyed) peer.resetAndDestroy();
          });
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });
  const cut = async () => {
    const closed = new Promise<void>((resolve) => server!.close(() => resolve()));
    for (const s of sockets) s.destroy();
    await closed;
  };
  await listen();
  return { port, cut, restore: listen };
}
