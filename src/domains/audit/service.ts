import type { Db } from '../../db/schema.js';
import { fromJson, toJson } from '../../db/dialect.js';
import type { Actor } from '../auth/identity.js';
import { insertAuditEntry, queryAudit, type AuditFilter, type AuditRow } from './store.js';
import { clockNow } from '../../clock.js';

export interface AuditEvent {
  /** Dotted verb, e.g. `token.create`, `incident.declare`. */
  action: string;
  targetType: string;
  targetId?: string | null;
  /** Safe, non-secret facts about the change. */
  detail?: Record<string, unknown>;
}

/** Records a mutation; call it with the transaction that makes the change. */
export async function recordAudit(trx: Db, actor: Actor, event: AuditEvent): Promise<void> {
  await insertAuditEntry(trx, {
    at: clockNow().toISOString(),
    actor_id: actor.userId,
    actor_label: actor.label,
    via: actor.via,
    action: event.action,
    target_type: event.targetType,
    target_id: event.targetId ?? null,
    source_ip: actor.ip,
    request_id: actor.requestId,
    detail: event.detail ? toJson(event.detail) : null,
  });
}

export interface AuditEntry {
  id: number;
  at: string;
  actorId: string | null;
  actor: string;
  via: string;
  action: string;
  targetType: string;
  targetId: string | null;
  sourceIp: string | null;
  requestId: string | null;
  detail: Record<string, unknown> | null;
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    actor: row.actor_label,
    via: row.via,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    sourceIp: row.source_ip,
    requestId: row.request_id,
    detail: fromJson<Record<string, unknown>>(row.detail),
  };
}

/** A page of audit entries, newest first, with the cursor for the next page. */
export async function listAudit(db: Db, filter: Omit<AuditFilter, 'beforeId'> & { cursor?: string }): Promise<{ entries: AuditEntry[]; nextCursor: string | null }> {
  const beforeId = filter.cursor ? Number(filter.cursor) : undefined;
  const rows = await queryAudit(db, { ...filter, limit: filter.limit + 1, ...(beforeId ? { beforeId } : {}) });
  const page = rows.slice(0, filter.limit);
  return {
    entries: page.map(toEntry),
    nextCursor: rows.length > filter.limit && page.length > 0 ? String(page[page.length - 1]!.id) : null,
  };
}
