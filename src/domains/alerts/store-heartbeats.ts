/** Queries on the heartbeats table (the alert domain's). */
import type { Selectable } from 'kysely';
import { forUpdate } from '../../db/dialect.js';
import type { Db } from '../../db/schema.js';
import type { HeartbeatsTable } from './tables.js';

export type HeartbeatRow = Selectable<HeartbeatsTable>;

export async function insertHeartbeat(db: Db, row: Omit<HeartbeatRow, 'pings' | 'misses'>): Promise<void> {
  await db.insertInto('heartbeats').values(row).execute();
}

/** The heartbeat of an integration, locked for the rest of the transaction (PostgreSQL). */
export async function findHeartbeatForUpdate(db: Db, integrationId: string): Promise<HeartbeatRow | undefined> {
  return forUpdate(db, db.selectFrom('heartbeats').selectAll().where('integration_id', '=', integrationId)).executeTakeFirst();
}

export async function findHeartbeats(db: Db, integrationIds: readonly string[]): Promise<HeartbeatRow[]> {
  if (integrationIds.length === 0) return [];
  return db.selectFrom('heartbeats').selectAll().where('integration_id', 'in', integrationIds).execute();
}

export async function updateHeartbeat(db: Db, integrationId: string, changes: Partial<Omit<HeartbeatRow, 'integration_id' | 'created_at'>>): Promise<void> {
  await db.updateTable('heartbeats').set(changes).where('integration_id', '=', integrationId).execute();
}
