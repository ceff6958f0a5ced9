/** What every incident command needs: who is acting, in which zone, at what time, against which database. */
import { InvalidArgumentError } from 'commander';
import { createChangeBus } from '../../db/changes.js';
import type { Store } from '../../db/store.js';
import type { Config } from '../../config.js';
import { JobQueue } from '../../jobs/queue.js';
import { cliNow, UsageError, withStore } from '../../cli/support.js';
import { io } from '../../cli/io.js';
import { findUserByEmail } from '../auth/service.js';
import type { IncidentState } from './model.js';
import type * as service from './service.js';

/** A person named on the command line: a user by email, or a plain name for someone without an account; never a UUID. */
export async function personByEmailOrName(store: Store, value: string, field: string): Promise<{ userId?: string; label: string }> {
  const v = value.trim();
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(v)) throw new UsageError(`${field}: name people by email (or a plain name for someone without an account), not by id`);
  if (!v.includes('@')) {
    if (!v) throw new UsageError(`${field} must not be empty`);
    return { label: v };
  }
  const user = await findUserByEmail(store.db, v);
  if (!user) throw new UsageError(`${field}: no user ${v} in ${store.description}; create them with \`firebreak user create\`, or give a plain name for someone without an account`);
  if (user.disabled) throw new UsageError(`${field}: user ${v} is disabled`);
  return { userId: user.id, label: user.name };
}

/** Runs fn with the store and the dependencies the incident service needs (the CLI's clock included), closing the bus afterwards. */
export async function withIncidents<T>(fn: (store: Store, deps: service.IncidentDeps, now: Date) => Promise<T>): Promise<T> {
  return withStore(async (store: Store, config: Config) => {
    const bus = createChangeBus(store);
    const now = cliNow(config);
    try {
      return await fn(store, { bus, jobs: new JobQueue(bus, config.jobMaxAttempts), config, clock: { now: () => cliNow(config) } }, now);
    } finally {
      await bus.close();
    }
  });
}

export function parseJsonObject(text: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new InvalidArgumentError(`--body is not valid JSON: ${(err as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new InvalidArgumentError('--body must be a JSON object');
  return parsed as Record<string, unknown>;
}

export function printWarnings(warnings: string[]): void {
  for (const w of warnings) io.err(`warning: ${w}\n`);
}

const VOLATILE = new Set(['lastSeq', 'lastEventAt', 'eventCount']);

/** The projection fields an event changed, as `field: before -> after` lines (for --dry-run). */
export function projectionChange(before: IncidentState | undefined, after: IncidentState): string[] {
  const lines: string[] = [];
  const short = (v: unknown) => {
    const s = JSON.stringify(v) ?? 'undefined';
    return s.length > 160 ? `${s.slice(0, 157)}...` : s;
  };
  for (const key of Object.keys(after) as Array<keyof IncidentState>) {
    if (VOLATILE.has(key)) continue;
    const [b, a] = [before?.[key], after[key]];
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    // A list that only grew shows what was added, not the whole list twice.
    if (Array.isArray(b) && Array.isArray(a) && a.length > b.length && JSON.stringify(a.slice(0, b.length)) === JSON.stringify(b)) lines.push(`  ${key}: + ${short(a.slice(b.length))}`);
    else lines.push(before ? `  ${key}: ${short(b)} -> ${short(a)}` : `  ${key}: ${short(a)}`);
  }
  return lines;
}

/** Collects every value of a repeatable flag. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
