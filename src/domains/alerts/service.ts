/** What people do with alerts: list and inspect them and their groups, acknowledge, resolve, fire a test alert, read the noise report. */
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../db/schema.js';
import { fromJson, nowIso } from '../../db/dialect.js';
import { conflict, invalidField, notFound } from '../../errors.js';
import { recordAudit } from '../audit/service.js';
import type { Actor } from '../auth/identity.js';
import { lockServicesForAlerts } from '../catalog/service.js';
import { testIntegration } from './integrations.js';
import { changeStatus } from './lifecycle.js';
import { NOISE_ADVICE, noiseReport, type NoiseLine } from './noise.js';
import { ALERTS_CHANNEL, flapPolicyOf, type AlertDeps } from './pipeline.js';
import { ingestSignals } from './intake-writer.js';
import { noteResolvedGroups } from './incident-link.js';
import { pageGroups } from './paging-link.js';
import { settleGroups, stateColumns, stateOf, writeChanges, type AlertChange } from './settle.js';
import type { AlertLink, Severity } from './signal.js';
import * as store from './store.js';
import * as queries from './store-queries.js';
import { hiddenFrom, type AlertReader } from './visibility.js';
import { clockMs } from '../../clock.js';
import type { IntakeTarget } from './integrations.js';
import type { FieldMappings } from './adapt-generic.js';

export { createIntegration, updateIntegration, deleteIntegration, getIntegration, listIntegrations, INTEGRATION_KINDS } from './integrations.js';
export { ALERTS_CHANNEL, type AlertDeps } from './pipeline.js';
export { ingestSignals } from './intake-writer.js';
export { intakeSettled, replaySetAside } from './intake-journal.js';
export { journalStats, setAsideEntries, type SetAsideEntry } from './store-journal.js';

export interface AlertView {
  id: string;
  integrationId: string;
  serviceId: string;
  dedupKey: string;
  source: string;
  status: store.AlertRow['status'];
  severity: Severity;
  summary: string;
  rule: string | null;
  labels: Record<string, string>;
  links: AlertLink[];
  groupId: string | null;
  suppressedBy: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  count: number;
  triggerCount: number;
  stateChanges: number;
  flapping: boolean;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

export interface GroupView {
  id: string;
  serviceId: string;
  groupLabels: Record<string, string>;
  status: store.GroupRow['status'];
  severity: Severity;
  summary: string;
  open: boolean;
  openedAt: string;
  lastAlertAt: string;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  alertCount: number;
  openCount: number;
  occurrences: number;
  incidentId: string | null;
  incidentRef: string | null;
  escalationPolicyId: string | null;
  /** Opened by a drill (kept out of incident metrics; its pages say DRILL). */
  drill: boolean;
}

export function toAlertView(r: store.AlertRow): AlertView {
  return {
    id: r.id,
    integrationId: r.integration_id,
    serviceId: r.service_id,
    dedupKey: r.dedup_key,
    source: r.source,
    status: r.status,
    severity: r.severity,
    summary: r.summary,
    rule: r.rule,
    labels: fromJson<Record<string, string>>(r.labels) ?? {},
    links: fromJson<AlertLink[]>(r.links) ?? [],
    groupId: r.group_id,
    suppressedBy: r.suppressed_by,
    firstSeenAt: r.first_seen_at,
    lastSeenAt: r.last_seen_at,
    count: r.count,
    triggerCount: r.trigger_count,
    stateChanges: r.state_changes,
    flapping: r.flapping === 1,
    acknowledgedAt: r.acknowledged_at,
    acknowledgedBy: r.acknowledged_by,
    resolvedAt: r.resolved_at,
    resolvedBy: r.resolved_by,
  };
}

export function toGroupView(g: queries.GroupWithActivity): GroupView {
  return {
    id: g.id,
    serviceId: g.service_id,
    groupLabels: fromJson<Record<string, string>>(g.group_labels) ?? {},
    status: g.status,
    severity: g.severity,
    summary: g.summary,
    open: g.open_slot === 1,
    openedAt: g.opened_at,
    lastAlertAt: g.last_alert_at ?? g.opened_at,
    acknowledgedAt: g.acknowledged_at,
    resolvedAt: g.resolved_at,
    alertCount: g.alert_count,
    openCount: g.open_count,
    occurrences: g.occurrences,
    incidentId: g.incident_id,
    incidentRef: g.incident_ref,
    escalationPolicyId: g.escalation_policy_id,
    drill: g.drill === 1,
  };
}

/** Alerts matching the filter, most recently seen first; alerts of private incidents the reader may not see are left out. */
export async function listAlerts(db: Db, filter: Omit<queries.AlertFilter, 'hiddenFrom'>, reader?: AlertReader): Promise<AlertView[]> {
  const hidden = hiddenFrom(reader);
  return (await queries.listAlerts(db, { ...filter, ...(hidden !== undefined ? { hiddenFrom: hidden } : {}) })).map(toAlertView);
}

/** One alert with its latest payload and its state-change history. */
export async function getAlert(db: Db, id: string, reader?: AlertReader): Promise<AlertView & { payload: unknown; history: Array<{ at: string; from: string | null; to: string; actor: string; flapping: boolean }> }> {
  const row = await queries.findAlert(db, id, hiddenFrom(reader));
  if (!row) throw notFound('alert');
  const history = await queries.alertHistory(db, id);
  return {
    ...toAlertView(row),
    payload: fromJson((await store.findBody(db, id)) ?? null),
    history: history.map((h) => ({ at: h.at, from: h.from_status, to: h.to_status, actor: h.actor, flapping: h.flapping === 1 })),
  };
}

export async function listGroups(db: Db, filter: { serviceId?: string; status?: store.GroupRow['status']; since?: string; limit: number }, reader?: AlertReader): Promise<GroupView[]> {
  const hidden = hiddenFrom(reader);
  return (await queries.listGroups(db, { ...filter, ...(hidden !== undefined ? { hiddenFrom: hidden } : {}) })).map(toGroupView);
}

export async function getGroup(db: Db, id: string, reader?: AlertReader): Promise<GroupView & { alerts: AlertView[] }> {
  const row = await queries.findGroup(db, id, hiddenFrom(reader));
  if (!row) throw notFound('alert group');
  return { ...toGroupView(row), alerts: (await queries.listAlerts(db, { groupId: id, limit: 500 })).map(toAlertView) };
}

/** A person acknowledges or resolves alerts; their groups follow. Acknowledging a resolved alert is refused. */
export async function setAlertStatus(deps: AlertDeps, actor: Actor, ids: readonly string[], to: 'acknowledged' | 'resolved'): Promise<AlertView[]> {
  return deps.store.transaction(async (trx) => {
    // An alert's service never changes: read it, lock the services as intake does, then lock the alerts.
    await lockServicesForAlerts(trx, await queries.servicesOfAlerts(trx, ids));
    const rows = await queries.findAlertsByIdForUpdate(trx, ids);
    if (rows.length < new Set(ids).size) throw notFound('alert');
    // Alerts of a private incident the actor may not see do not exist for them.
    const hidden = hiddenFrom(actor);
    if (hidden !== undefined) {
      for (const id of new Set(ids)) if (!(await queries.findAlert(trx, id, hidden))) throw notFound('alert');
    }
    return changeAlertStatus(trx, deps, actor, rows, to, {});
  });
}

/** Moves locked alerts to `to` in trx, with their groups, history, announcement and audit entry. */
async function changeAlertStatus(trx: Transaction<Database>, deps: AlertDeps, actor: Actor, rows: readonly store.AlertRow[], to: 'acknowledged' | 'resolved', what: { groupId?: string }): Promise<AlertView[]> {
  const policy = flapPolicyOf(deps.config);
  const ids = rows.map((r) => r.id);
  const now = nowIso();
  const changes: AlertChange[] = [];
  for (const row of rows) {
    if (to === 'acknowledged' && row.status === 'resolved') {
      if (what.groupId) continue;
      throw conflict('alert-resolved', 'this alert is already resolved; there is nothing to acknowledge');
    }
    const applied = changeStatus(stateOf(row), to, now, actor.label, policy, true);
    if (!applied.transition) continue;
    changes.push({
      prev: row,
      next: { ...row, ...stateColumns(applied.state), last_change_at: now },
      transitions: [{ ...applied.transition, flapping: applied.state.flapping }],
      occurrences: 0,
      actor: actor.label,
    });
  }
  const { groups, statusChanged } = await settleGroups(trx, changes, now);
  await pageGroups(trx, deps, actor, groups, [], statusChanged, new Map());
  await writeChanges(trx, changes, now);
  await store.writeGroups(trx, groups);
  if (to === 'resolved') await noteResolvedGroups(trx, deps, groups, statusChanged);
  if (statusChanged.length) await deps.bus.publish(trx, ALERTS_CHANNEL, JSON.stringify({ groups: statusChanged.slice(0, 50) }));
  await recordAudit(trx, actor, {
    action: to === 'acknowledged' ? 'alert.acknowledge' : 'alert.resolve',
    targetType: what.groupId ? 'alert_group' : 'alert',
    targetId: what.groupId ?? (ids.length === 1 ? ids[0]! : null),
    detail: { alerts: changes.map((c) => c.next.id).slice(0, 100), changed: changes.length },
  });
  const byId = new Map(rows.map((r) => [r.id, r] as const));
  for (const c of changes) byId.set(c.next.id, c.next);
  return [...byId.values()].map(toAlertView);
}

/**
 * Acknowledges or resolves every open alert of a group. The alerts are read
 * inside the transaction, after the service lock intake also takes, so an
 * alert that joined the group while the person clicked is included.
 */
export async function setGroupStatus(deps: AlertDeps, actor: Actor, groupId: string, to: 'acknowledged' | 'resolved'): Promise<GroupView> {
  await deps.store.transaction(async (trx) => {
    const group = await queries.findGroup(trx, groupId, hiddenFrom(actor));
    if (!group) throw notFound('alert group');
    await lockServicesForAlerts(trx, [group.service_id]);
    const rows = await queries.findAlertsByIdForUpdate(trx, await queries.openAlertIdsOfGroup(trx, groupId));
    await changeAlertStatus(trx, deps, actor, rows, to, { groupId });
  });
  return toGroupView((await queries.findGroup(deps.store.db, groupId))!);
}

export interface TestAlert {
  serviceId: string;
  summary: string;
  severity?: Severity;
  dedupKey?: string;
  labels?: Record<string, string>;
  resolve?: boolean;
}

/** Fires (or resolves) a test alert through the same pipeline as real intake, on the service's test integration. */
export async function sendTestAlert(deps: AlertDeps, actor: Actor, input: TestAlert): Promise<{ dedupKey: string; alert: AlertView | undefined }> {
  const integration = await testIntegration(deps.store, input.serviceId);
  const dedupKey = input.dedupKey ?? `test-${clockMs().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const labels = { alertname: 'FirebreakTest', ...input.labels };
  await ingestSignals(deps, integration, [
    {
      dedupKey,
      action: input.resolve ? 'resolve' : 'trigger',
      severity: input.severity ?? 'critical',
      summary: input.summary,
      rule: labels.alertname,
      labels,
      links: [],
      startsAt: null,
      endsAt: null,
      payload: { test: true, sentBy: actor.label, summary: input.summary },
    },
  ], {
    ip: actor.ip,
    requestId: actor.requestId,
    audit: { actor, event: { action: 'alert.test', targetType: 'service', targetId: input.serviceId, detail: { dedupKey, resolve: input.resolve ?? false } } },
  });
  const [row] = await queries.listAlerts(deps.store.db, { integrationId: integration.id, dedupKey, limit: 1 });
  return { dedupKey, alert: row ? toAlertView(row) : undefined };
}

/** The noise report over [from, to] (default: the last 7 days). */
export async function noise(db: Db, q: { from?: string; to?: string; serviceId?: string; limit: number }, reader?: AlertReader): Promise<{ from: string; to: string; services: NoiseLine[]; rules: NoiseLine[]; advice: string }> {
  const to = q.to ?? nowIso();
  const from = q.from ?? new Date(Date.parse(to) - 7 * 86_400_000).toISOString();
  const counts = await queries.noiseCounts(db, from, to, q.serviceId, hiddenFrom(reader));
  const report = noiseReport(
    counts.map((c) => ({ serviceId: c.service_id, rule: c.rule, alerts: c.alerts, fired: c.fired, acknowledged: c.acknowledged, incident: c.incident, neverActed: c.never_acted })),
    q.limit,
  );
  return { from, to, ...report, advice: NOISE_ADVICE };
}

/**
 * The full id of an alert or alert group named by its id or an unambiguous
 * prefix of it (at least 4 characters, as people copy them from lists).
 */
export async function resolveIdPrefix(db: Db, what: 'alert' | 'alert group', typed: string): Promise<string> {
  const prefix = typed.trim().toLowerCase();
  if (!/^[0-9a-f-]{4,36}$/.test(prefix)) throw invalidField('id', `"${typed}" is not ${what === 'alert' ? 'an alert' : 'an alert group'} id or the start of one`);
  const found = await queries.idsWithPrefix(db, what === 'alert' ? 'alerts' : 'alert_groups', prefix, 6);
  if (found.length === 1) return found[0]!;
  if (found.length === 0) throw notFound(`${what} ${typed}`);
  throw invalidField('id', `"${typed}" is the start of ${found.length > 5 ? 'more than 5' : found.length} ${what} ids (${found.slice(0, 5).join(', ')}); give more of it`);
}

/** An integration as intake sees it (drills fire through it), with whether it is disabled; undefined when gone. */
export async function findIntakeTarget(db: Db, id: string): Promise<{ target: IntakeTarget; disabled: boolean } | undefined> {
  const row = await store.findIntegration(db, id);
  if (!row) return undefined;
  return {
    target: { id: row.id, serviceId: row.service_id, kind: row.kind, name: row.name, groupBy: fromJson<string[]>(row.group_by), mappings: fromJson<FieldMappings>(row.mappings) },
    disabled: row.disabled_at !== null,
  };
}

/** The alert group and incident a drill run's alerts landed in. */
export async function drillRunLanding(db: Db, runId: string): Promise<{ groupId: string | null; incidentId: string | null }> {
  return queries.groupOfDrillRun(db, runId);
}

/** When an alert group was acknowledged and resolved (drills measure against them); undefined when gone. */
export async function groupTimes(db: Db, groupId: string): Promise<{ acknowledgedAt: string | null; resolvedAt: string | null } | undefined> {
  const group = await queries.findGroup(db, groupId);
  return group ? { acknowledgedAt: group.acknowledged_at, resolvedAt: group.resolved_at } : undefined;
}
