/**
 * Heartbeats (a dead man's switch): a heartbeat integration expects a ping
 * within its interval. Each ping moves the deadline and schedules a check for
 * it (keyed by integration and deadline, so it is scheduled once); a check
 * that finds its deadline still standing raises the heartbeat's alert through
 * the normal intake pipeline, in its own transaction under the heartbeat's
 * row lock, so it fires once however many processes run the check. The next
 * ping resolves that alert.
 */
import { Type } from '@sinclair/typebox';
import type { Db } from '../../db/schema.js';
import { completeIn, defineJobKind, handleJob } from '../../jobs/definition.js';
import type { JobQueue } from '../../jobs/queue.js';
import { badRequest } from '../../errors.js';
import { lockIntakeServices } from './intake-writer.js';
import type { IntakeTarget } from './integrations.js';
import { ingestInTx, type AlertDeps } from './pipeline.js';
import type { AlertSignal } from './signal.js';
import * as store from './store-heartbeats.js';
import { findIntegration, type IntegrationRow } from './store.js';
import { fromJson } from '../../db/dialect.js';
import type { FieldMappings } from './adapt-generic.js';
import { clockNow } from '../../clock.js';

/** The one dedup key of a heartbeat integration's alert. */
export const HEARTBEAT_DEDUP_KEY = 'heartbeat-missed';
export const MIN_INTERVAL_SECONDS = 1;
export const MAX_INTERVAL_SECONDS = 7 * 24 * 3600;

export interface HeartbeatView {
  intervalSeconds: number;
  state: 'waiting' | 'ok' | 'missed';
  dueAt: string;
  lastPingAt: string | null;
  missedAt: string | null;
  pings: number;
  misses: number;
}

export function heartbeatView(row: store.HeartbeatRow): HeartbeatView {
  return { intervalSeconds: row.interval_seconds, state: row.state, dueAt: row.due_at, lastPingAt: row.last_ping_at, missedAt: row.missed_at, pings: Number(row.pings), misses: Number(row.misses) };
}

/** A heartbeat's deadline passed: check it. */
export const heartbeatDueKind = defineJobKind({
  kind: 'alerts.heartbeat-due',
  payload: Type.Object({ integrationId: Type.String(), dueAt: Type.String() }),
});

async function scheduleCheck(trx: Db, jobs: JobQueue, integrationId: string, dueAt: string): Promise<void> {
  await jobs.schedule(trx, heartbeatDueKind, { integrationId, dueAt }, { key: `${integrationId}:${dueAt}`, runAt: dueAt });
}

function checkedInterval(seconds: number | undefined): number {
  if (seconds === undefined) throw badRequest('a heartbeat integration needs intervalSeconds', [{ field: 'heartbeat.intervalSeconds', message: 'is required' }]);
  if (!Number.isInteger(seconds) || seconds < MIN_INTERVAL_SECONDS || seconds > MAX_INTERVAL_SECONDS) {
    throw badRequest(`intervalSeconds must be a whole number from ${MIN_INTERVAL_SECONDS} to ${MAX_INTERVAL_SECONDS}`, [{ field: 'heartbeat.intervalSeconds', message: `must be from ${MIN_INTERVAL_SECONDS} to ${MAX_INTERVAL_SECONDS}` }]);
  }
  return seconds;
}

/** Starts a new heartbeat integration's clock: the first ping is due one interval after creation. */
export async function createHeartbeat(trx: Db, jobs: JobQueue, integrationId: string, intervalSeconds: number | undefined, now: Date): Promise<store.HeartbeatRow> {
  const interval = checkedInterval(intervalSeconds);
  const dueAt = new Date(now.getTime() + interval * 1000).toISOString();
  const row = { integration_id: integrationId, interval_seconds: interval, state: 'waiting' as const, due_at: dueAt, last_ping_at: null, missed_at: null, created_at: now.toISOString(), updated_at: now.toISOString() };
  await store.insertHeartbeat(trx, row);
  await scheduleCheck(trx, jobs, integrationId, dueAt);
  return { ...row, pings: 0, misses: 0 };
}

/** Changes the interval; the deadline counts from the last ping (or now, if none yet). */
export async function changeHeartbeatInterval(trx: Db, jobs: JobQueue, integrationId: string, intervalSeconds: number, now: Date): Promise<void> {
  const interval = checkedInterval(intervalSeconds);
  const row = await store.findHeartbeatForUpdate(trx, integrationId);
  if (!row) return;
  const from = row.last_ping_at ? Date.parse(row.last_ping_at) : now.getTime();
  const dueAt = new Date(Math.max(from + interval * 1000, now.getTime())).toISOString();
  await store.updateHeartbeat(trx, integrationId, { interval_seconds: interval, due_at: dueAt, updated_at: now.toISOString() });
  if (row.state !== 'missed') await scheduleCheck(trx, jobs, integrationId, dueAt);
}

export async function heartbeatsOf(db: Db, integrationIds: readonly string[]): Promise<Map<string, HeartbeatView>> {
  return new Map((await store.findHeartbeats(db, integrationIds)).map((r) => [r.integration_id, heartbeatView(r)]));
}

function missedSignal(target: IntakeTarget, row: store.HeartbeatRow): AlertSignal {
  const minutes = row.interval_seconds % 60 === 0 ? `${row.interval_seconds / 60} min` : `${row.interval_seconds} s`;
  const since = row.last_ping_at ? `the last ping came at ${row.last_ping_at}` : 'it was never pinged';
  return {
    dedupKey: HEARTBEAT_DEDUP_KEY,
    action: 'trigger',
    severity: 'critical',
    summary: `Heartbeat "${target.name}" missed: no ping within ${minutes} (${since}); what sends it may be down`,
    rule: `heartbeat ${target.name}`,
    labels: { alertname: 'HeartbeatMissed', heartbeat: target.name },
    links: [],
    startsAt: row.due_at,
    endsAt: null,
    payload: { heartbeat: target.name, intervalSeconds: row.interval_seconds, dueAt: row.due_at, lastPingAt: row.last_ping_at },
  };
}

/**
 * Records a ping: the deadline moves one interval on, and a missed heartbeat's
 * alert resolves, in one transaction with the check for the new deadline.
 */
export async function pingHeartbeat(deps: AlertDeps, target: IntakeTarget, now: Date, meta: { ip: string | null; requestId: string | null }): Promise<HeartbeatView> {
  return deps.store.transaction(async (trx) => {
    const resolves: AlertSignal = { dedupKey: HEARTBEAT_DEDUP_KEY, action: 'resolve', severity: 'critical', summary: HEARTBEAT_DEDUP_KEY, rule: null, labels: {}, links: [], startsAt: null, endsAt: now.toISOString(), payload: { ping: now.toISOString() }, contentless: true };
    // Services first, then the heartbeat row: the order every intake transaction locks in.
    await lockIntakeServices(trx, [{ integration: target, signals: [resolves] }]);
    const row = await store.findHeartbeatForUpdate(trx, target.id);
    if (!row) throw badRequest(`the integration "${target.name}" is not a heartbeat`);
    const dueAt = new Date(now.getTime() + row.interval_seconds * 1000).toISOString();
    if (row.state === 'missed') await ingestInTx(trx, deps, target, [resolves], { ...meta, evidence: resolves.payload });
    await store.updateHeartbeat(trx, target.id, { state: 'ok', due_at: dueAt, last_ping_at: now.toISOString(), pings: Number(row.pings) + 1, updated_at: now.toISOString() });
    await scheduleCheck(trx, deps.jobs, target.id, dueAt);
    return heartbeatView({ ...row, state: 'ok', due_at: dueAt, last_ping_at: now.toISOString(), pings: Number(row.pings) + 1 });
  });
}

function targetOf(row: IntegrationRow): IntakeTarget {
  return { id: row.id, serviceId: row.service_id, kind: row.kind, name: row.name, groupBy: fromJson<string[]>(row.group_by), mappings: fromJson<FieldMappings>(row.mappings) };
}

/**
 * A deadline passed. Under the heartbeat's row lock: when no ping moved the
 * deadline since (the job's deadline is still the row's) and the heartbeat is
 * not already missed, its alert fires through intake, in the transaction that
 * completes the job.
 */
export const heartbeatDueJob = handleJob(heartbeatDueKind, async (payload, ctx) => {
  const fired = await ctx.store.transaction(async (trx) => {
    const integration = await findIntegration(trx, payload.integrationId);
    const target = integration && integration.disabled_at === null ? targetOf(integration) : undefined;
    // Services first, then the heartbeat row: the order every intake transaction locks in.
    if (target) await lockIntakeServices(trx, [{ integration: target, signals: [] }]);
    const row = target ? await store.findHeartbeatForUpdate(trx, payload.integrationId) : undefined;
    if (!target || !row || row.due_at !== payload.dueAt || row.state === 'missed') {
      await completeIn(ctx, trx);
      return null;
    }
    const now = clockNow().toISOString();
    await ingestInTx(trx, ctx, target, [missedSignal(target, row)], { ip: null, requestId: null, evidence: { heartbeat: target.name, dueAt: row.due_at } });
    await store.updateHeartbeat(trx, target.id, { state: 'missed', missed_at: now, misses: Number(row.misses) + 1, updated_at: now });
    await completeIn(ctx, trx);
    return target;
  });
  if (fired) ctx.logger.warn({ integrationId: fired.id, heartbeat: fired.name, dueAt: payload.dueAt }, 'heartbeat missed: alert raised');
});
