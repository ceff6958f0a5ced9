import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/schema.js';
import type { ChangeEventsTable, ChangeKind, ChangeSourcesTable } from './tables.js';

export type ChangeRow = Selectable<ChangeEventsTable>;
export type SourceRow = Selectable<ChangeSourcesTable>;

export async function insertSource(db: Db, row: Insertable<ChangeSourcesTable>): Promise<void> {
  await db.insertInto('change_sources').values(row).execute();
}

export async function findSourceByKeyHash(db: Db, keyHash: string): Promise<SourceRow | undefined> {
  return db.selectFrom('change_sources').selectAll().where('key_hash', '=', keyHash).executeTakeFirst();
}

export async function findSource(db: Db, id: string): Promise<SourceRow | undefined> {
  return db.selectFrom('change_sources').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function setSourceDisabled(db: Db, id: string, disabledAt: string | null): Promise<void> {
  await db.updateTable('change_sources').set({ disabled_at: disabledAt }).where('id', '=', id).execute();
}

export async function listSources(db: Db): Promise<SourceRow[]> {
  return db.selectFrom('change_sources').selectAll().orderBy('created_at').execute();
}

/**
 * Stores a change; one with an external key already stored for its origin is
 * updated in place (a later status of the same deployment), keeping its id.
 */
export async function upsertChange(db: Db, row: ChangeRow): Promise<ChangeRow> {
  if (row.external_key === null) {
    await db.insertInto('change_events').values(row).execute();
    return row;
  }
  const { id: _id, recorded_at: _recorded, ...changes } = row;
  await db
    .insertInto('change_events')
    .values(row)
    .onConflict((oc) => oc.columns(['origin', 'external_key']).doUpdateSet({ ...changes, started_at: (eb) => eb.ref('change_events.started_at') }))
    .execute();
  return (await db.selectFrom('change_events').selectAll().where('origin', '=', row.origin).where('external_key', '=', row.external_key).executeTakeFirst())!;
}

export async function findChange(db: Db, id: string): Promise<ChangeRow | undefined> {
  return db.selectFrom('change_events').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface ChangeFilter {
  serviceIds?: readonly string[] | undefined;
  kind?: ChangeKind | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
}

/** Changes that started within [from, to], newest first. */
export async function listChanges(db: Db, f: ChangeFilter): Promise<ChangeRow[]> {
  let q = db.selectFrom('change_events').selectAll().orderBy('started_at', 'desc').orderBy('id').limit(f.limit);
  if (f.serviceIds) {
    if (f.serviceIds.length === 0) return [];
    q = q.where('service_id', 'in', [...f.serviceIds]);
  }
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.from) q = q.where('started_at', '>=', f.from);
  if (f.to) q = q.where('started_at', '<=', f.to);
  return q.execute();
}
