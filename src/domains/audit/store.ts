import type { Selectable } from 'kysely';
import type { Db } from '../../db/schema.js';
import type { AuditLogTable } from './tables.js';

export type AuditRow = Selectable<AuditLogTable>;

export async function insertAuditEntry(db: Db, entry: Omit<AuditRow, 'id'>): Promise<void> {
  await db.insertInto('audit_log').values(entry).execute();
}

export interface AuditFilter {
  actorId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  since?: string;
  until?: string;
  /** Entries with an id below this (newest first). */
  beforeId?: number;
  limit: number;
}

/** Newest first, filtered; `beforeId` pages backwards. */
export async function queryAudit(db: Db, filter: AuditFilter): Promise<AuditRow[]> {
  let query = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(filter.limit);
  if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.targetType) query = query.where('target_type', '=', filter.targetType);
  if (filter.targetId) query = query.where('target_id', '=', filter.targetId);
  if (filter.since) query = query.where('at', '>=', filter.since);
  if (filter.until) query = query.where('at', '<', filter.until);
  if (filter.beforeId !== undefined) query = query.where('id', '<', filter.beforeId);
  return query.execute();
}
