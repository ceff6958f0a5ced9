import { InvalidArgumentError, type Command } from 'commander';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { Store } from '../db/store.js';
import { DomainError } from '../errors.js';

/** Thrown for a usage mistake: printed without a stack, exit code 2. */
export class UsageError extends Error {}

/** Parses a `--flag` value against a fixed list, for commander. */
export function oneOfArg<T extends string>(allowed: readonly T[], what: string): (value: string) => T {
  return (value) => {
    if (!(allowed as readonly string[]).includes(value)) throw new InvalidArgumentError(`${what} must be one of ${allowed.join(', ')}`);
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

/** Reads the config as `serve` does, opens and migrates the store, runs fn, closes. */
export async function withStore<T>(fn: (store: Store, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const store = Store.open({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    await store.migrate();
    return await fn(store, config);
  } finally {
    await store.close();
  }
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
    process.stderr.write(`firebreak: invalid configuration: ${err.message}\n`);
    return 2;
  }
  if (err instanceof UsageError) {
    process.stderr.write(`firebreak: ${err.message}\n`);
    return 2;
  }
  if (err instanceof DomainError) {
    process.stderr.write(`firebreak: ${err.message}\n`);
    return 1;
  }
  process.stderr.write(`firebreak: ${err instanceof Error ? err.message : String(err)}\n`);
  return 1;
}

/** Prints rows as aligned columns. */
export function printTable(rows: Array<Record<string, string>>): void {
  if (rows.length === 0) return;
  const keys = Object.keys(rows[0]!);
  const widths = keys.map((k) => Math.max(k.length, ...rows.map((r) => (r[k] ?? '').length)));
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
  process.stdout.write(`${line(keys.map((k) => k.toUpperCase()))}\n`);
  for (const row of rows) process.stdout.write(`${line(keys.map((k) => row[k] ?? ''))}\n`);
}

export type { Command };
