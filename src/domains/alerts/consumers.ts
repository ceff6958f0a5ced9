/**
 * What intake feeds after it has stored alerts and groups: incident linking
 * (which declares incidents, and through them the status page and metrics)
 * and paging (escalations, pages with their runbook links). Each runs in its
 * own savepoint, so its failure never fails intake: its writes roll back, the
 * failure is logged and counted, and the work is handed to a retried job.
 */
import { randomUUID } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { Transaction } from 'kysely';
import { InjectedFault, type ConsumerFaults } from '../../app/faults.js';
import type { Database } from '../../db/schema.js';
import { inSavepoint } from '../../db/savepoint.js';
import { completeIn, defineJobKind, handleJob } from '../../jobs/definition.js';
import type { Actor } from '../auth/identity.js';
import { lockServicesForAlerts, routingServices, type RoutingService } from '../catalog/service.js';
import { linkIncidents, noteResolvedGroups } from './incident-link.js';
import { pageGroups } from './paging-link.js';
import type { AlertDeps } from './pipeline.js';
import * as store from './store.js';

export type ConsumerPart = 'incident' | 'paging';

export interface ConsumerWork {
  groups: store.GroupRow[];
  opened: readonly string[];
  statusChanged: readonly string[];
  services: ReadonlyMap<string, RoutingService>;
  source: string;
  /** Which alerts (rule, fingerprint) each group carries, kept on the incident's log; absent on a retry. */
  alertKeys?: ReadonlyMap<string, { rules: ReadonlySet<string>; fingerprints: ReadonlySet<string> }>;
}

const retryKind = defineJobKind({
  kind: 'alerts.consumers',
  payload: Type.Object({
    parts: Type.Array(Type.Union([Type.Literal('incident'), Type.Literal('paging')])),
    groups: Type.Array(Type.String()),
    opened: Type.Array(Type.String()),
    statusChanged: Type.Array(Type.String()),
    actor: Type.String(),
    source: Type.String(),
  }),
  // Retried (with backoff) long enough to outlast an outage of the consumer.
  maxAttempts: 50,
});

/** The label a failure is counted under: the consumer a test made fail, else the part that failed. */
function failedConsumer(part: ConsumerPart, error: unknown): string {
  return error instanceof InjectedFault ? error.consumer : part;
}

function report(deps: AlertDeps, part: ConsumerPart, error: unknown, groups: readonly string[], retried: boolean): void {
  const consumer = failedConsumer(part, error);
  deps.metrics?.intakeConsumerFailures?.inc({ consumer });
  deps.logger?.error({ err: error, consumer, groups: groups.slice(0, 20), retried }, `alert intake: ${consumer} failed; the alerts are stored and the ${part} work is retried`);
}

/** Links incidents and notes resolved groups; returns the incident ids touched. */
async function linkPart(trx: Transaction<Database>, deps: AlertDeps, actor: Actor, work: ConsumerWork): Promise<string[]> {
  const before = work.groups.map((g) => g.incident_id);
  const ids = await linkIncidents(trx, deps, actor, work.groups, new Map(work.services), work.source, work.alertKeys);
  await noteResolvedGroups(trx, deps, work.groups, work.statusChanged);
  await store.setGroupIncidents(trx, work.groups.filter((g, i) => g.incident_id !== before[i]));
  return ids;
}

/**
 * Runs the consumers of stored groups in trx, each in a savepoint; schedules
 * a retry job (in trx) for any that failed. Returns the incident ids touched.
 */
export async function runConsumers(trx: Transaction<Database>, deps: AlertDeps, actor: Actor, work: ConsumerWork): Promise<string[]> {
  if (work.groups.length === 0) return [];
  const failed: ConsumerPart[] = [];
  const before = work.groups.map((g) => ({ id: g.incident_id, ref: g.incident_ref }));
  let incidentIds: string[] = [];
  const linked = await inSavepoint(trx, () => linkPart(trx, deps, actor, work));
  if (linked.ok) incidentIds = linked.value;
  else {
    work.groups.forEach((g, i) => Object.assign(g, { incident_id: before[i]!.id, incident_ref: before[i]!.ref }));
    failed.push('incident');
    report(deps, 'incident', linked.error, work.groups.map((g) => g.id), true);
  }
  const paged = await inSavepoint(trx, () => pageGroups(trx, deps, actor, work.groups, work.opened, work.statusChanged, work.services));
  if (!paged.ok) {
    failed.push('paging');
    report(deps, 'paging', paged.error, work.groups.map((g) => g.id), true);
  }
  if (failed.length > 0) {
    await deps.jobs.schedule(trx, retryKind, {
      parts: failed,
      groups: work.groups.map((g) => g.id),
      opened: [...work.opened],
      statusChanged: [...work.statusChanged],
      actor: actor.label,
      source: work.source,
    }, { key: randomUUID() });
  }
  return incidentIds;
}

/** Runs consumer work that failed during intake again, until it succeeds; the job completes in the same transaction. */
export const consumersRetryJob = handleJob(retryKind, async (payload, ctx) => {
  const deps: AlertDeps & { faults?: ConsumerFaults } = ctx;
  const actor: Actor = { userId: null, label: payload.actor, role: null, via: 'integration', ip: null, requestId: null };
  try {
    await ctx.store.transaction(async (trx) => {
      const serviceIds = await store.servicesOfGroups(trx, payload.groups);
      await lockServicesForAlerts(trx, serviceIds);
      const groups = await store.findGroupsForUpdate(trx, payload.groups);
      const services = new Map((await routingServices(trx, serviceIds, [])).map((s) => [s.id, s] as const));
      const work: ConsumerWork = { groups, opened: payload.opened, statusChanged: payload.statusChanged, services, source: payload.source };
      if (payload.parts.includes('incident')) await linkPart(trx, deps, actor, work);
      if (payload.parts.includes('paging')) await pageGroups(trx, deps, actor, groups, payload.opened, payload.statusChanged, services);
      await completeIn(ctx, trx);
    });
  } catch (err) {
    ctx.logger.warn({ err, consumer: failedConsumer(payload.parts[0]!, err), attempt: ctx.attempt }, 'alert intake: retried consumer work failed again; it will be retried');
    throw err;
  }
});
