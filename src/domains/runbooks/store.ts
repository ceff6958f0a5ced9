/** Queries of the runbooks domain. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/schema.js';
import type { RunbookLinkChecksTable, RunbooksTable } from './tables.js';

export type RunbookRow = Selectable<RunbooksTable>;
export type LinkCheckRow = Selectable<RunbookLinkChecksTable>;

export async function insertRunbook(db: Db, row: Insertable<RunbooksTable>): Promise<void> {
  await db.insertInto('runbooks').values(row).execute();
}

export async function updateRunbook(db: Db, id: string, changes: Updateable<RunbooksTable>): Promise<void> {
  await db.updateTable('runbooks').set(changes).where('id', '=', id).execute();
}

export async function deleteRunbook(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('runbooks').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function findRunbook(db: Db, id: string): Promise<RunbookRow | undefined> {
  return db.selectFrom('runbooks').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Runbooks by title (then id), optionally only those linked to a service. */
export async function listRunbooks(db: Db, filter: { serviceId?: string | undefined; ids?: readonly string[] } = {}): Promise<RunbookRow[]> {
  let q = db.selectFrom('runbooks').selectAll('runbooks').orderBy('runbooks.title').orderBy('runbooks.id');
  if (filter.serviceId !== undefined) {
    q = q.where('runbooks.id', 'in', db.selectFrom('runbook_services').select('runbook_id').where('service_id', '=', filter.serviceId));
  }
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    q = q.where('runbooks.id', 'in', [...filter.ids]);
  }
  return q.execute();
}

export async function replaceServices(db: Db, runbookId: string, serviceIds: readonly string[]): Promise<void> {
  await db.deleteFrom('runbook_services').where('runbook_id', '=', runbookId).execute();
  if (serviceIds.length) await db.insertInto('runbook_services').values(serviceIds.map((service_id) => ({ runbook_id: runbookId, service_id }))).execute();
}

/** Each runbook's linked service ids. */
export async function servicesOf(db: Db, runbookIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(runbookIds.map((id) => [id, []]));
  if (runbookIds.length === 0) return out;
  const rows = await db.selectFrom('runbook_services').select(['runbook_id', 'service_id']).where('runbook_id', 'in', [...runbookIds]).orderBy('service_id').execute();
  for (const r of rows) out.get(r.runbook_id)?.push(r.service_id);
  return out;
}

/** Ids of the runbooks linked to any of these services. */
export async function runbookIdsOfServices(db: Db, serviceIds: readonly string[]): Promise<string[]> {
  if (serviceIds.length === 0) return [];
  const rows = await db.selectFrom('runbook_services').select('runbook_id').distinct().where('service_id', 'in', [...serviceIds]).execute();
  return rows.map((r) => r.runbook_id);
}

/** Runbooks that carry alert matchers (the rest match no alert). */
export async function runbooksWithMatchers(db: Db): Promise<Array<Pick<RunbookRow, 'id' | 'matchers'>>> {
  return db.selectFrom('runbooks').select(['id', 'matchers']).where('matchers', '!=', '[]').execute();
}

/** Stores the latest check of each link and forgets links no longer in the runbook. */
export async function replaceLinkChecks(db: Db, runbookId: string, checks: readonly LinkCheckRow[]): Promise<void> {
  await db.deleteFrom('runbook_link_checks').where('runbook_id', '=', runbookId).execute();
  if (checks.length) await db.insertInto('runbook_link_checks').values([...checks]).execute();
}

/** Forgets the checks of links a runbook no longer has (after an edit). */
export async function pruneLinkChecks(db: Db, runbookId: string, keepUrls: readonly string[]): Promise<void> {
  let q = db.deleteFrom('runbook_link_checks').where('runbook_id', '=', runbookId);
  if (keepUrls.length) q = q.where('url', 'not in', [...keepUrls]);
  await q.execute();
}

export async function linkChecksOf(db: Db, runbookIds: readonly string[]): Promise<LinkCheckRow[]> {
  if (runbookIds.length === 0) return [];
  return db.selectFrom('runbook_link_checks').selectAll().where('runbook_id', 'in', [...runbookIds]).orderBy('url').execute();
}

/** Claims the reminder of one runbook for one period; false when it was already sent. */
export async function claimReminder(db: Db, runbookId: string, period: string, at: string): Promise<boolean> {
  const result = await db.insertInto('runbook_reminders').values({ runbook_id: runbookId, period, sent_at: at }).onConflict((oc) => oc.columns(['runbook_id', 'period']).doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/*
 * Reads of the incident and alert tables, read-only. Their domains expose no
 * such query, and importing their services here would make an import cycle
 * through the handoff, which lists runbooks.
 */

/** Every mitigation_failed event since `since`, with its incident's ref and services. */
export async function failedMitigationsSince(db: Db, since: string): Promise<Array<{ incidentId: string; ref: string; at: string; serviceIds: string[] }>> {
  const rows = await db
    .selectFrom('incident_events')
    .innerJoin('incidents', 'incidents.id', 'incident_events.incident_id')
    .select(['incident_events.incident_id', 'incidents.ref', 'incident_events.occurred_at', 'incident_events.recorded_at'])
    .where('incident_events.kind', '=', 'mitigation_failed')
    .where('incident_events.recorded_at', '>', since)
    .orderBy('incident_events.recorded_at')
    .execute();
  const ids = [...new Set(rows.map((r) => r.incident_id))];
  const services = ids.length ? await db.selectFrom('incident_services').select(['incident_id', 'service_id']).where('incident_id', 'in', ids).execute() : [];
  return rows.map((r) => ({ incidentId: r.incident_id, ref: r.ref, at: r.recorded_at, serviceIds: services.filter((s) => s.incident_id === r.incident_id).map((s) => s.service_id) }));
}

/** The labels of every alert in the alert groups attached to an incident. */
export async function alertLabelsOfIncident(db: Db, incidentId: string): Promise<string[]> {
  const rows = await db.selectFrom('alerts').innerJoin('alert_groups', 'alert_groups.id', 'alerts.group_id').select('alerts.labels').where('alert_groups.incident_id', '=', incidentId).execute();
  return rows.map((r) => r.labels);
}

/** The services of one incident. */
export async function servicesOfIncident(db: Db, incidentId: string): Promise<string[]> {
  return (await db.selectFrom('incident_services').select('service_id').where('incident_id', '=', incidentId).execute()).map((r) => r.service_id);
}

/** The labels of every alert in one alert group. */
export async function alertLabelsOfGroup(db: Db, groupId: string): Promise<string[]> {
  return (await db.selectFrom('alerts').select('labels').where('group_id', '=', groupId).execute()).map((r) => r.labels);
}
