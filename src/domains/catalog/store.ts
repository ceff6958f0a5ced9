import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/schema.js';
import { forUpdate } from '../../db/dialect.js';
import type { ServicesTable } from './tables.js';
import type { DependencyEdge } from './graph.js';

export type ServiceRow = Selectable<ServicesTable>;

export async function insertService(db: Db, row: Insertable<ServicesTable>): Promise<void> {
  await db.insertInto('services').values(row).execute();
}

export async function updateService(db: Db, id: string, changes: Updateable<ServicesTable>): Promise<void> {
  await db.updateTable('services').set(changes).where('id', '=', id).execute();
}

export async function deleteService(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('services').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function findService(db: Db, id: string): Promise<ServiceRow | undefined> {
  return db.selectFrom('services').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findServiceByName(db: Db, name: string): Promise<ServiceRow | undefined> {
  return db.selectFrom('services').selectAll().where('name', '=', name).executeTakeFirst();
}

/** Services with any of these ids or names (one query for a whole intake batch). */
export async function findServicesByIdsOrNames(db: Db, ids: readonly string[], names: readonly string[]): Promise<ServiceRow[]> {
  if (ids.length === 0 && names.length === 0) return [];
  return db
    .selectFrom('services')
    .selectAll()
    .where((eb) => eb.or([...(ids.length ? [eb('id', 'in', ids)] : []), ...(names.length ? [eb('name', 'in', names)] : [])]))
    .execute();
}

export async function listServices(db: Db, filter: { ownerTeamId?: string; tier?: number } = {}): Promise<ServiceRow[]> {
  let query = db.selectFrom('services').selectAll().orderBy('name');
  if (filter.ownerTeamId) query = query.where('owner_team_id', '=', filter.ownerTeamId);
  if (filter.tier !== undefined) query = query.where('tier', '=', filter.tier);
  return query.execute();
}

/** Locks the service row until the transaction ends (PostgreSQL), serialising incident decisions per service. */
/** Locks these service rows (PostgreSQL) in id order, the one order every writer that locks several uses. */
export async function lockServices(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await forUpdate(db, db.selectFrom('services').select('id').where('id', 'in', [...new Set(ids)]).orderBy('id')).execute();
}

export async function lockService(db: Db, id: string): Promise<void> {
  await forUpdate(db, db.selectFrom('services').select('id').where('id', '=', id)).execute();
}

export async function listEdges(db: Db): Promise<DependencyEdge[]> {
  const rows = await db.selectFrom('service_dependencies').select(['service_id', 'depends_on_id']).execute();
  return rows.map((r) => ({ serviceId: r.service_id, dependsOnId: r.depends_on_id }));
}

export async function replaceDependencies(db: Db, serviceId: string, dependsOn: readonly string[], now: string): Promise<void> {
  await db.deleteFrom('service_dependencies').where('service_id', '=', serviceId).execute();
  if (dependsOn.length === 0) return;
  await db
    .insertInto('service_dependencies')
    .values(dependsOn.map((id) => ({ service_id: serviceId, depends_on_id: id, created_at: now })))
    .execute();
}

export async function teamExists(db: Db, id: string): Promise<boolean> {
  return (await db.selectFrom('teams').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}
