/** Queries of the status page domain. Only talks to the database. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/schema.js';
import { forUpdate } from '../../db/dialect.js';
import type { ComponentStatus } from './model.js';
import type {
  StatusComponentsTable,
  StatusIncidentUpdatesTable,
  StatusIncidentsTable,
  StatusMaintenancesTable,
  StatusPagesTable,
  StatusSubscribersTable,
} from './tables.js';

export type PageRow = Selectable<StatusPagesTable>;
export type ComponentRow = Selectable<StatusComponentsTable>;
export type StatusIncidentRow = Selectable<StatusIncidentsTable>;
export type StatusUpdateRow = Selectable<StatusIncidentUpdatesTable>;
export type MaintenanceRow = Selectable<StatusMaintenancesTable>;
export type SubscriberRow = Selectable<StatusSubscribersTable>;

export async function listPages(db: Db): Promise<PageRow[]> {
  return db.selectFrom('status_pages').selectAll().orderBy('position').orderBy('created_at').execute();
}

export async function findPage(db: Db, id: string): Promise<PageRow | undefined> {
  return db.selectFrom('status_pages').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The page served at /status (position 0). */
export async function findDefaultPage(db: Db): Promise<PageRow | undefined> {
  return db.selectFrom('status_pages').selectAll().orderBy('position').orderBy('created_at').limit(1).executeTakeFirst();
}

export async function insertPage(db: Db, row: Insertable<StatusPagesTable>): Promise<void> {
  await db.insertInto('status_pages').values(row).execute();
}

export async function updatePage(db: Db, id: string, changes: Updateable<StatusPagesTable>): Promise<void> {
  await db.updateTable('status_pages').set(changes).where('id', '=', id).execute();
}

export async function deletePage(db: Db, id: string): Promise<void> {
  await db.deleteFrom('status_pages').where('id', '=', id).execute();
}

export async function findPageBy(db: Db, field: 'slug' | 'host', value: string): Promise<PageRow | undefined> {
  return db.selectFrom('status_pages').selectAll().where(field, '=', value).executeTakeFirst();
}

export async function listComponents(db: Db, pageIds?: readonly string[]): Promise<ComponentRow[]> {
  let query = db.selectFrom('status_components').selectAll().orderBy('position').orderBy('created_at');
  if (pageIds) {
    if (pageIds.length === 0) return [];
    query = query.where('page_id', 'in', pageIds);
  }
  return query.execute();
}

export async function findComponent(db: Db, id: string, lock = false): Promise<ComponentRow | undefined> {
  const query = db.selectFrom('status_components').selectAll().where('id', '=', id);
  return (lock ? forUpdate(db, query) : query).executeTakeFirst();
}

export async function insertComponent(db: Db, row: Insertable<StatusComponentsTable>): Promise<void> {
  await db.insertInto('status_components').values(row).execute();
}

export async function updateComponent(db: Db, id: string, changes: Updateable<StatusComponentsTable>): Promise<void> {
  await db.updateTable('status_components').set(changes).where('id', '=', id).execute();
}

export async function deleteComponent(db: Db, id: string): Promise<void> {
  await db.deleteFrom('status_components').where('id', '=', id).execute();
}

export async function insertHistory(db: Db, componentId: string, status: ComponentStatus, startedAt: string, cause: string): Promise<void> {
  await db.insertInto('status_component_history').values({ component_id: componentId, status, started_at: startedAt, cause }).execute();
}

/** State changes at or after `since` (see listStatesBefore for the state each component was in then). */
export async function listHistory(db: Db, componentIds: readonly string[], since: string): Promise<Array<{ component_id: string; status: ComponentStatus; started_at: string }>> {
  if (componentIds.length === 0) return [];
  return db
    .selectFrom('status_component_history')
    .select(['component_id', 'status', 'started_at'])
    .where('component_id', 'in', componentIds)
    .where('started_at', '>=', since)
    .orderBy('started_at')
    .orderBy('id')
    .execute();
}

/** Each component's last state change before `before` (its state when a window starts), one row per component. */
export async function listStatesBefore(db: Db, componentIds: readonly string[], before: string): Promise<Array<{ component_id: string; status: ComponentStatus; started_at: string }>> {
  if (componentIds.length === 0) return [];
  return db
    .selectFrom((qb) =>
      qb
        .selectFrom('status_component_history')
        .select(['component_id', 'status', 'started_at'])
        .select((eb) => eb.fn.agg<number>('row_number').over((ob) => ob.partitionBy('component_id').orderBy('started_at', 'desc').orderBy('id', 'desc')).as('latest'))
        .where('component_id', 'in', componentIds)
        .where('started_at', '<', before)
        .as('h'),
    )
    .select(['component_id', 'status', 'started_at'])
    .where('latest', '=', 1)
    .execute();
}

export async function findStatusIncident(db: Db, pageId: string, incidentId: string): Promise<StatusIncidentRow | undefined> {
  return db.selectFrom('status_incidents').selectAll().where('page_id', '=', pageId).where('incident_id', '=', incidentId).executeTakeFirst();
}

export async function listStatusIncidentsOf(db: Db, incidentId: string): Promise<StatusIncidentRow[]> {
  return db.selectFrom('status_incidents').selectAll().where('incident_id', '=', incidentId).execute();
}

export async function insertStatusIncident(db: Db, row: Insertable<StatusIncidentsTable>): Promise<void> {
  await db.insertInto('status_incidents').values(row).execute();
}

export async function updateStatusIncident(db: Db, id: string, changes: Updateable<StatusIncidentsTable>): Promise<void> {
  await db.updateTable('status_incidents').set(changes).where('id', '=', id).execute();
}

/** A page's public incidents, newest first: every unresolved one and the latest `limit` overall. */
export async function listPageIncidents(db: Db, pageIds: readonly string[], since: string): Promise<StatusIncidentRow[]> {
  if (pageIds.length === 0) return [];
  return db
    .selectFrom('status_incidents')
    .selectAll()
    .where('page_id', 'in', pageIds)
    .where((eb) => eb.or([eb('resolved_at', 'is', null), eb('created_at', '>=', since)]))
    .orderBy('created_at', 'desc')
    .execute();
}

export async function insertStatusUpdate(db: Db, row: Insertable<StatusIncidentUpdatesTable>): Promise<void> {
  await db.insertInto('status_incident_updates').values(row).execute();
}

export async function listStatusUpdates(db: Db, statusIncidentIds: readonly string[]): Promise<StatusUpdateRow[]> {
  if (statusIncidentIds.length === 0) return [];
  return db.selectFrom('status_incident_updates').selectAll().where('status_incident_id', 'in', statusIncidentIds).orderBy('created_at', 'desc').orderBy('source_seq', 'desc').execute();
}

export async function findStatusUpdate(db: Db, id: string, lock = false): Promise<StatusUpdateRow | undefined> {
  const query = db.selectFrom('status_incident_updates').selectAll().where('id', '=', id);
  return (lock ? forUpdate(db, query) : query).executeTakeFirst();
}

export async function findStatusIncidentById(db: Db, id: string): Promise<StatusIncidentRow | undefined> {
  return db.selectFrom('status_incidents').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function markUpdateNotified(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('status_incident_updates').set({ notified_at: at }).where('id', '=', id).execute();
}

export async function insertMaintenance(db: Db, row: Insertable<StatusMaintenancesTable>): Promise<void> {
  await db.insertInto('status_maintenances').values(row).execute();
}

export async function updateMaintenance(db: Db, id: string, changes: Updateable<StatusMaintenancesTable>): Promise<void> {
  await db.updateTable('status_maintenances').set(changes).where('id', '=', id).execute();
}

export async function findMaintenance(db: Db, id: string, lock = false): Promise<MaintenanceRow | undefined> {
  const query = db.selectFrom('status_maintenances').selectAll().where('id', '=', id);
  return (lock ? forUpdate(db, query) : query).executeTakeFirst();
}

export async function listPageMaintenances(db: Db, pageIds: readonly string[], since: string): Promise<MaintenanceRow[]> {
  if (pageIds.length === 0) return [];
  return db
    .selectFrom('status_maintenances')
    .selectAll()
    .where('page_id', 'in', pageIds)
    .where((eb) => eb.or([eb('scheduled_until', '>=', since), eb('status', 'in', ['scheduled', 'in_progress'])]))
    .orderBy('scheduled_for', 'desc')
    .execute();
}

export async function insertSubscriber(db: Db, row: Insertable<StatusSubscribersTable>): Promise<void> {
  await db.insertInto('status_subscribers').values(row).execute();
}

export async function findSubscriber(db: Db, id: string): Promise<SubscriberRow | undefined> {
  return db.selectFrom('status_subscribers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findSubscriberByAddress(db: Db, pageId: string, kind: 'email' | 'webhook', address: string): Promise<SubscriberRow | undefined> {
  return db.selectFrom('status_subscribers').selectAll().where('page_id', '=', pageId).where('kind', '=', kind).where('address', '=', address).executeTakeFirst();
}

export async function updateSubscriber(db: Db, id: string, changes: Updateable<StatusSubscribersTable>): Promise<void> {
  await db.updateTable('status_subscribers').set(changes).where('id', '=', id).execute();
}

/** Confirmed, still subscribed subscribers of a page. */
export async function listActiveSubscribers(db: Db, pageId: string): Promise<SubscriberRow[]> {
  return db
    .selectFrom('status_subscribers')
    .selectAll()
    .where('page_id', '=', pageId)
    .where('confirmed_at', 'is not', null)
    .where('unsubscribed_at', 'is', null)
    .orderBy('created_at')
    .execute();
}

export async function getSetting(db: Db, key: string): Promise<string | undefined> {
  return (await db.selectFrom('status_settings').select('value').where('key', '=', key).executeTakeFirst())?.value;
}

export async function putSetting(db: Db, key: string, value: string, at: string): Promise<void> {
  await db
    .insertInto('status_settings')
    .values({ key, value, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at }))
    .execute();
}

export async function deleteSetting(db: Db, key: string): Promise<void> {
  await db.deleteFrom('status_settings').where('key', '=', key).execute();
}

/** Records that a notice went out; false when it already had (a retried job). */
export async function claimNotice(db: Db, key: string, at: string): Promise<boolean> {
  const result = await db
    .insertInto('status_settings')
    .values({ key: `notice:${key}`, value: 'sent', updated_at: at })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}
