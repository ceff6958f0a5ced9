/**
 * When a silence or maintenance window stops suppressing, the alerts it kept
 * quiet that are still firing are evaluated again at once: they join (or
 * open) their group and may open an incident, exactly as if they had arrived
 * now. Alertmanager resends firing alerts only every repeat interval (often
 * hours), so waiting for the next resend would hide a live problem that long.
 * A group opened this way pages its service's on-call like any new group.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { fromJson, toJson } from '../../db/dialect.js';
import { completeIn, handleJob } from '../../jobs/definition.js';
import { systemActor } from '../auth/identity.js';
import { lockServicesForAlerts, routingServices } from '../catalog/service.js';
import { suppressionEndedKind } from './job-kinds.js';
import { linkIncidents } from './incident-link.js';
import { pageGroups } from './paging-link.js';
import { ALERTS_CHANNEL, assignGroups, groupWish, type AlertDeps, type GroupWish } from './pipeline.js';
import { settleGroups, writeChanges, type AlertChange } from './settle.js';
import { compileSilence, suppressionOf } from './suppression.js';
import * as store from './store.js';
import * as queries from './store-queries.js';
import * as silenceStore from './store-silences.js';
import { clockNow } from '../../clock.js';

/** Re-evaluates, in trx, the unresolved alerts `suppressedBy` kept quiet. Returns how many it released into groups. */
export async function resurfaceSuppressed(trx: Transaction<Database>, deps: AlertDeps, suppressedBy: string): Promise<number> {
  const now = clockNow().toISOString();
  // Service locks first, in id order, as intake takes them: the two never wait for each other in a cycle.
  await lockServicesForAlerts(trx, await queries.servicesOfSuppressed(trx, suppressedBy));
  const rows = await queries.suppressedAlertsForUpdate(trx, suppressedBy);
  if (rows.length === 0) return 0;
  const serviceIds = [...new Set(rows.map((r) => r.service_id))];
  // The ended suppression is left out by id: the job may run a moment before this process's clock reaches its end.
  const silences = (await silenceStore.activeSilences(trx, now)).filter((s) => `silence:${s.id}` !== suppressedBy).map(compileSilence);
  const maintenance = (await silenceStore.activeMaintenance(trx, serviceIds, now)).filter((m) => `maintenance:${m.id}` !== suppressedBy).map((m) => ({ id: m.id, serviceId: m.service_id }));
  const services = new Map((await routingServices(trx, serviceIds, [])).map((s) => [s.id, s]));
  const integrations = new Map<string, string[] | null>();
  for (const id of new Set(rows.map((r) => r.integration_id))) integrations.set(id, fromJson<string[]>((await store.findIntegration(trx, id))?.group_by ?? null));

  const actor = systemActor(suppressedBy.startsWith('silence:') ? 'silence-ended' : 'maintenance-ended');
  const changes: AlertChange[] = [];
  const wanted: GroupWish[] = [];
  for (const row of rows) {
    const labels = fromJson<Record<string, string>>(row.labels) ?? {};
    const service = services.get(row.service_id);
    const stillSuppressed = suppressionOf(labels, row.service_id, silences, maintenance);
    const change: AlertChange = { prev: row, next: { ...row, suppressed_by: stillSuppressed }, transitions: [], occurrences: 0, actor: actor.label };
    changes.push(change);
    if (!stillSuppressed && service && row.group_id === null) wanted.push(groupWish(change, labels, service, integrations.get(row.integration_id) ?? null, row.drill_run_id ?? undefined));
  }
  const opened = await assignGroups(trx, deps.config, wanted, now);
  const { groups, statusChanged } = await settleGroups(trx, changes, now);
  await linkIncidents(trx, deps, actor, groups, services, rows[0]!.source);
  await writeChanges(trx, changes, now);
  await store.writeGroups(trx, groups);
  // A group opened now pages as one opened by intake would: the silence only delayed it.
  await pageGroups(trx, deps, actor, groups, opened, statusChanged, services);
  const announced = [...new Set([...opened, ...statusChanged])];
  if (announced.length) await deps.bus.publish(trx, ALERTS_CHANNEL, toJson({ groups: announced.slice(0, 50) }));
  return wanted.length;
}

/** Runs the re-evaluation when a silence or maintenance window ends; the job completes in the same transaction. */
export const suppressionEndedJob = handleJob(suppressionEndedKind, async (payload, ctx) => {
  const released = await ctx.store.transaction(async (trx) => {
    const n = await resurfaceSuppressed(trx, ctx, payload.suppressedBy);
    await completeIn(ctx, trx);
    return n;
  });
  if (released > 0) ctx.logger.info({ suppressedBy: payload.suppressedBy, released }, 'alerts released by an ended suppression were grouped again');
});
