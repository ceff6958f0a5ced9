import { existsSync } from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { sql } from 'kysely';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { Store } from '../db/store.js';
import { DomainError } from '../errors.js';
import { didYouMean } from '../suggest.js';
import { io } from './io.js';
import { domains } from '../app/domains.js';
import { registerFactConsumers } from '../domains/incidents/fact-consumers.js';
import { registerPageObservers } from '../domains/oncall/page-observers.js';

/** Thrown for a usage mistake: printed without a stack, exit code 2. */
export class UsageError extends Error {}

/** Parses a `--flag` value against a fixed list, for commander. */
export function oneOfArg<T extends string>(allowed: readonly T[], what: string): (value: string) => T {
  return (value) => {
    if (!(allowed as readonly string[]).includes(value)) throw new InvalidArgumentError(`${what} must be one of ${allowed.join(', ')}${didYouMean(value, allowed)}`);
    return value as T;
  };
}

/** Parses a whole number within bounds, for commander. */
export function integerArg(what: string, min: number, max: number): (value: string) => number {
  return (value) => {
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw new InvalidArgumentError(`${what} must be a whole number from ${min} to ${max}`);
    return Number(value);
  };
}

export function emailArg(value: string): string {
  if (!/^[^@\s]+@[^@\s]+$/.test(value) || value.length > 254) throw new InvalidArgumentError(`"${value}" is not an email address`);
  return value;
}

export function nonEmptyArg(what: string): (value: string) => string {
  return (value) => {
    if (!value.trim()) throw new InvalidArgumentError(`${what} must not be empty`);
    return value;
  };
}

/** How to point the command line at another database, for refusals. */
export const POINT_ELSEWHERE = 'set FIREBREAK_DATA_DIR or FIREBREAK_DATABASE_URL';

/** The config the command line runs with (read from its environment, once per command). */
export function cliConfig(): Config {
  return loadConfig(io.env);
}

/** The CLI's clock: FIREBREAK_NOW when set (tests, replays), else the machine's. */
export function cliNow(config: Config): Date {
  return config.now ? new Date(config.now) : new Date();
}

/**
 * Reads the config as `serve` does, opens the existing store (never creating a
 * new one: a typo in FIREBREAK_DATA_DIR must not silently start an empty
 * database; `serve` and `migrate` create), brings its schema up to date, runs fn, closes.
 */
export async function withStore<T>(fn: (store: Store, config: Config) => Promise<T>): Promise<T> {
  const config = cliConfig();
  const where = config.databaseUrl ? undefined : path.join(config.dataDir, 'firebreak.sqlite');
  if (where && !existsSync(where)) {
    throw new UsageError(`no Firebreak database at ${where}; run \`firebreak migrate\` (or \`firebreak serve\`) to create one there, or ${POINT_ELSEWHERE} to use yours`);
  }
  const store = Store.open({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  io.openedDatabase = store.description;
  if (io.verbose) io.err(`firebreak: using ${store.description}\n`);
  try {
    if (store.dialect === 'postgres' && !(await hasFirebreakTables(store))) {
      throw new UsageError(`${store.description} holds no Firebreak tables; run \`firebreak migrate\` to create them, or ${POINT_ELSEWHERE} to use yours`);
    }
    await store.migrate();
    registerFactConsumers(domains.flatMap((d) => d.facts ?? []));
    registerPageObservers(domains.flatMap((d) => d.pages ?? []));
    return await fn(store, config);
  } finally {
    await store.close();
  }
}

async function hasFirebreakTables(store: Store): Promise<boolean> {
  const found = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_name = 'kysely_migration' and table_schema = current_schema()`.execute(store.db);
  return (found.rows[0]?.n ?? 0) > 0;
}

/** Runs a command action and turns known failures into a message and an exit code. */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (err) {
      process.exitCode = reportError(err);
    }
  };
}

export function reportError(err: unknown): number {
  if (err instanceof ConfigError) {
    io.err(`firebreak: invalid configuration: ${err.message}\n`);
    return 2;
  }
  if (err instanceof UsageError) {
    io.err(`firebreak: ${err.message}\n`);
    return 2;
  }
  if (err instanceof DomainError) {
    const where = err.kind === 'not_found' && io.openedDatabase ? ` in ${io.openedDatabase}; ${POINT_ELSEWHERE} to look elsewhere` : '';
    io.err(`firebreak: ${err.message}${where}\n`);
    return 1;
  }
  io.err(`firebreak: ${err instanceof Error ? err.message : String(err)}\n`);
  return 1;
}

/** Prints rows as aligned columns. */
export function printTable(rows: Array<Record<string, string>>): void {
  if (rows.length === 0) return;
  const keys = Object.keys(rows[0]!);
  const widths = keys.map((k) => Math.max(k.length, ...rows.map((r) => (r[k] ?? '').length)));
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
  io.out(`${line(keys.map((k) => k.toUpperCase()))}\n`);
  for (const row of rows) io.out(`${line(keys.map((k) => row[k] ?? ''))}\n`);
}

export type { Command };
