/** Queries for silences and maintenance windows. */
import type { Selectable } from 'kysely';
import type { Db } from '../../db/schema.js';
import type { MaintenanceWindowsTable, SilencesTable } from './tables.js';

export type SilenceRow = Selectable<SilencesTable>;
export type MaintenanceRow = Selectable<MaintenanceWindowsTable>;

export async function insertSilence(db: Db, row: SilenceRow): Promise<void> {
  await db.insertInto('silences').values(row).execute();
}

export async function findSilence(db: Db, id: string): Promise<SilenceRow | undefined> {
  return db.selectFrom('silences').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Silences in force at `now`. */
export async function activeSilences(db: Db, now: string): Promise<SilenceRow[]> {
  return db.selectFrom('silences').selectAll().where('expired_at', 'is', null).where('starts_at', '<=', now).where('ends_at', '>', now).execute();
}

export async function listSilences(db: Db, filter: { active?: boolean; now: string }): Promise<SilenceRow[]> {
  let query = db.selectFrom('silences').selectAll().orderBy('created_at', 'desc').limit(500);
  if (filter.active) query = query.where('expired_at', 'is', null).where('ends_at', '>', filter.now);
  return query.execute();
}

export async function expireSilence(db: Db, id: string, now: string): Promise<boolean> {
  const result = await db.updateTable('silences').set({ expired_at: now }).where('id', '=', id).where('expired_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function insertMaintenance(db: Db, row: MaintenanceRow): Promise<void> {
  await db.insertInto('maintenance_windows').values(row).execute();
}

export async function findMaintenance(db: Db, id: string): Promise<MaintenanceRow | undefined> {
  return db.selectFrom('maintenance_windows').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Maintenance windows of these services in force at `now`. */
export async function activeMaintenance(db: Db, serviceIds: readonly string[], now: string): Promise<MaintenanceRow[]> {
  if (serviceIds.length === 0) return [];
  return db
    .selectFrom('maintenance_windows')
    .selectAll()
    .where('service_id', 'in', [...serviceIds])
    .where('starts_at', '<=', now)
    .where('ends_at', '>', now)
    .execute();
}

export async function listMaintenance(db: Db, serviceId: string): Promise<MaintenanceRow[]> {
  return db.selectFrom('maintenance_windows').selectAll().where('service_id', '=', serviceId).orderBy('starts_at', 'desc').limit(500).execute();
}

export async function deleteMaintenance(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('maintenance_windows').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
