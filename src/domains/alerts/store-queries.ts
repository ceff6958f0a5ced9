/** Read queries behind the alerts API: lists, details, history and the noise report. */
import { sql } from 'kysely';
import type { Db } from '../../db/schema.js';
import { forUpdate } from '../../db/dialect.js';
import type { AlertRow, GroupRow } from './store.js';
import type { AlertStatus } from './lifecycle.js';
import type { Severity } from './signal.js';
import { visibleGroup } from './visibility.js';

export interface AlertFilter {
  serviceId?: string;
  integrationId?: string;
  groupId?: string;
  status?: AlertStatus;
  severity?: Severity;
  dedupKey?: string;
  rule?: string;
  suppressed?: boolean;
  flapping?: boolean;
  since?: string;
  limit: number;
  /** Leave out alerts of groups linked to a private incident this user may not see. */
  hiddenFrom?: string;
}

export async function listAlerts(db: Db, f: AlertFilter): Promise<AlertRow[]> {
  let q = db.selectFrom('alerts').selectAll().orderBy('last_seen_at', 'desc').orderBy('id').limit(f.limit);
  if (f.serviceId) q = q.where('service_id', '=', f.serviceId);
  if (f.integrationId) q = q.where('integration_id', '=', f.integrationId);
  if (f.groupId) q = q.where('group_id', '=', f.groupId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.severity) q = q.where('severity', '=', f.severity);
  if (f.dedupKey) q = q.where('dedup_key', '=', f.dedupKey);
  if (f.rule) q = q.where('rule', '=', f.rule);
  if (f.suppressed !== undefined) q = q.where('suppressed_by', f.suppressed ? 'is not' : 'is', null);
  if (f.flapping !== undefined) q = q.where('flapping', '=', f.flapping ? 1 : 0);
  if (f.since) q = q.where('last_seen_at', '>=', f.since);
  if (f.hiddenFrom !== undefined) q = q.where(visibleGroup('alerts.group_id', f.hiddenFrom));
  return q.execute();
}

export async function findAlert(db: Db, id: string, hiddenFrom?: string): Promise<AlertRow | undefined> {
  let q = db.selectFrom('alerts').selectAll().where('id', '=', id);
  if (hiddenFrom !== undefined) q = q.where(visibleGroup('alerts.group_id', hiddenFrom));
  return q.executeTakeFirst();
}

/** Alerts by id, locked (PostgreSQL) in key order, the same order intake locks them. */
export async function findAlertsByIdForUpdate(trx: Db, ids: readonly string[]): Promise<AlertRow[]> {
  if (ids.length === 0) return [];
  return forUpdate(trx, trx.selectFrom('alerts').selectAll().where('id', 'in', [...ids]).orderBy('integration_id').orderBy('dedup_key')).execute();
}

/** Unresolved alerts suppressed by `suppressedBy` (`silence:<id>` or `maintenance:<id>`), locked (PostgreSQL). */
export async function suppressedAlertsForUpdate(trx: Db, suppressedBy: string): Promise<AlertRow[]> {
  return forUpdate(trx, trx.selectFrom('alerts').selectAll().where('suppressed_by', '=', suppressedBy).where('status', '!=', 'resolved').orderBy('integration_id').orderBy('dedup_key')).execute();
}

/** Services of the unresolved alerts suppressed by `suppressedBy` (read before locking them). */
export async function servicesOfSuppressed(db: Db, suppressedBy: string): Promise<string[]> {
  const rows = await db.selectFrom('alerts').select('service_id').distinct().where('suppressed_by', '=', suppressedBy).where('status', '!=', 'resolved').execute();
  return rows.map((r) => r.service_id);
}

/** The services of these alerts (an alert's service never changes, so this may be read before locking). */
export async function servicesOfAlerts(db: Db, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('alerts').select('service_id').distinct().where('id', 'in', [...ids]).execute();
  return rows.map((r) => r.service_id);
}

export async function openAlertIdsOfGroup(db: Db, groupId: string): Promise<string[]> {
  const rows = await db.selectFrom('alerts').select('id').where('group_id', '=', groupId).where('status', '!=', 'resolved').execute();
  return rows.map((r) => r.id);
}

export async function alertHistory(db: Db, alertId: string): Promise<Array<{ at: string; from_status: string | null; to_status: string; actor: string; flapping: number }>> {
  return db.selectFrom('alert_events').select(['at', 'from_status', 'to_status', 'actor', 'flapping']).where('alert_id', '=', alertId).orderBy('id').limit(1000).execute();
}

/** A group with what is summed from its alerts when read: how often they fired in all, and when last. */
export type GroupWithActivity = GroupRow & { occurrences: number; last_alert_at: string | null };

function groupsWithActivity(db: Db) {
  return db
    .selectFrom('alert_groups')
    .selectAll('alert_groups')
    .select((eb) => [
      eb.selectFrom('alerts').select((a) => a.fn.sum<number>('alerts.count').as('n')).whereRef('alerts.group_id', '=', 'alert_groups.id').as('occurrences'),
      eb.selectFrom('alerts').select((a) => a.fn.max('alerts.last_seen_at').as('m')).whereRef('alerts.group_id', '=', 'alert_groups.id').as('last_alert_at'),
    ]);
}

function withActivity(row: GroupRow & { occurrences: number | string | null; last_alert_at: string | null }): GroupWithActivity {
  return { ...row, occurrences: Number(row.occurrences ?? 0) };
}

export async function listGroups(db: Db, f: { serviceId?: string; status?: AlertStatus; since?: string; limit: number; hiddenFrom?: string }): Promise<GroupWithActivity[]> {
  let q = groupsWithActivity(db).orderBy('opened_at', 'desc').orderBy('id').limit(f.limit);
  if (f.hiddenFrom !== undefined) q = q.where(visibleGroup('alert_groups.id', f.hiddenFrom));
  if (f.serviceId) q = q.where('service_id', '=', f.serviceId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.since) q = q.where('opened_at', '>=', f.since);
  return (await q.execute()).map(withActivity);
}

export async function findGroup(db: Db, id: string, hiddenFrom?: string): Promise<GroupWithActivity | undefined> {
  let q = groupsWithActivity(db).where('id', '=', id);
  if (hiddenFrom !== undefined) q = q.where(visibleGroup('alert_groups.id', hiddenFrom));
  const row = await q.executeTakeFirst();
  return row ? withActivity(row) : undefined;
}

export interface NoiseCounts {
  service_id: string;
  rule: string | null;
  alerts: number;
  fired: number;
  acknowledged: number;
  incident: number;
  never_acted: number;
}

/** Per (service, rule): alerts seen in [from, to], how often they fired, were acknowledged, led to an incident, or were never acted on. */
export async function noiseCounts(db: Db, from: string, to: string, serviceId?: string, hiddenFrom?: string): Promise<NoiseCounts[]> {
  let q = db
    .selectFrom('alerts as a')
    .leftJoin('alert_groups as g', 'g.id', 'a.group_id')
    .select((eb) => [
      'a.service_id',
      'a.rule',
      eb.fn.countAll<number>().as('alerts'),
      eb.fn.sum<number>('a.trigger_count').as('fired'),
      sql<number>`sum(case when a.ack_count > 0 then 1 else 0 end)`.as('acknowledged'),
      sql<number>`sum(case when g.incident_id is not null then 1 else 0 end)`.as('incident'),
      sql<number>`sum(case when a.acted_count = 0 and g.incident_id is null then 1 else 0 end)`.as('never_acted'),
    ])
    .where('a.last_seen_at', '>=', from)
    .where('a.first_seen_at', '<=', to)
    .groupBy(['a.service_id', 'a.rule']);
  if (serviceId) q = q.where('a.service_id', '=', serviceId);
  if (hiddenFrom !== undefined) q = q.where(visibleGroup('a.group_id', hiddenFrom));
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, alerts: Number(r.alerts), fired: Number(r.fired), acknowledged: Number(r.acknowledged), incident: Number(r.incident), never_acted: Number(r.never_acted) }));
}

/** Up to `limit` alert or alert group ids starting with `prefix` (ids are lower-case UUID text). */
export async function idsWithPrefix(db: Db, table: 'alerts' | 'alert_groups', prefix: string, limit: number): Promise<string[]> {
  const escaped = prefix.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
  const rows = await db.selectFrom(table).select('id').where(sql<boolean>`id like ${`${escaped}%`} escape '\\'`).orderBy('id').limit(limit).execute();
  return rows.map((r) => r.id);
}

/** The group (and its incident) a drill run's alerts landed in; none while they are suppressed. */
export async function groupOfDrillRun(db: Db, runId: string): Promise<{ groupId: string | null; incidentId: string | null }> {
  const row = await db
    .selectFrom('alerts')
    .innerJoin('alert_groups', 'alert_groups.id', 'alerts.group_id')
    .select(['alert_groups.id as groupId', 'alert_groups.incident_id as incidentId'])
    .where('alerts.drill_run_id', '=', runId)
    .executeTakeFirst();
  return { groupId: row?.groupId ?? null, incidentId: row?.incidentId ?? null };
}

/** Dedup keys of an integration's alerts with this id, or whose id starts with this prefix (at most two: enough to see ambiguity). */
export async function alertKeysOfIntegration(db: Db, integrationId: string, by: { id: string } | { idPrefix: string }): Promise<string[]> {
  let q = db.selectFrom('alerts').select('dedup_key').where('integration_id', '=', integrationId);
  if ('id' in by) q = q.where('id', '=', by.id.toLowerCase());
  else q = q.where(sql<boolean>`id like ${`${by.idPrefix.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`);
  return (await q.limit(2).execute()).map((r) => r.dedup_key);
}
