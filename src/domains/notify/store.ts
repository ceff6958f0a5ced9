import type { Selectable } from 'kysely';
import type { Db } from '../../db/schema.js';
import type { AttemptOutcome, DeliveriesTable, DeliveryAttemptsTable, DeliveryChannel, DeliveryStatus } from './tables.js';

export type DeliveryRow = Selectable<DeliveriesTable>;
export type DeliveryAttemptRow = Selectable<DeliveryAttemptsTable>;

/** Writes a new delivery row. */
export async function insertDelivery(db: Db, row: DeliveryRow): Promise<void> {
  await db.insertInto('deliveries').values(row).execute();
}

/** One delivery by id. */
export async function findDelivery(db: Db, id: string): Promise<DeliveryRow | undefined> {
  return db.selectFrom('deliveries').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Counts one more attempt of a delivery still queued and returns its number;
 * undefined when the delivery is gone or already sent, skipped or failed.
 * The number fences this attempt: a later attempt takes the delivery over.
 */
export async function beginAttempt(db: Db, id: string, now: string): Promise<number | undefined> {
  const row = await db
    .updateTable('deliveries')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .returning('attempts')
    .executeTakeFirst();
  return row?.attempts;
}

/** True while the delivery is queued and `attempt` is its latest attempt. */
export async function ownsDelivery(db: Db, id: string, attempt: number): Promise<boolean> {
  const row = await db.selectFrom('deliveries').select('id').where('id', '=', id).where('status', '=', 'queued').where('attempts', '=', attempt).executeTakeFirst();
  return row !== undefined;
}

/** Records the result of one attempt. */
export async function insertAttempt(db: Db, attempt: Omit<DeliveryAttemptRow, 'id'>): Promise<void> {
  await db.insertInto('delivery_attempts').values(attempt).execute();
}

/**
 * Moves a delivery to its outcome, with the reason for skips and failures,
 * only while it is still queued and `attempt` is its latest attempt: a worker
 * whose attempt was overtaken (its lease expired and another worker retried)
 * cannot overwrite what the newer attempt decided. False when it changed nothing.
 */
export async function setDeliveryStatus(
  db: Db,
  id: string,
  attempt: number,
  change: { status: DeliveryStatus; detail: string | null; sentAt?: string },
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('deliveries')
    .set({ status: change.status, status_detail: change.detail, updated_at: now, ...(change.sentAt ? { sent_at: change.sentAt } : {}) })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .where('attempts', '=', attempt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export interface DeliveryFilter {
  incidentId?: string;
  status?: DeliveryStatus;
  channel?: DeliveryChannel;
  /** Rows strictly older than this (created_at, id) position, newest first. */
  before?: { createdAt: string; id: string };
  limit: number;
}

/** Deliveries newest first, filtered, paged by (created_at, id). */
export async function queryDeliveries(db: Db, filter: DeliveryFilter): Promise<DeliveryRow[]> {
  let query = db.selectFrom('deliveries').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit);
  if (filter.incidentId) query = query.where('incident_id', '=', filter.incidentId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.channel) query = query.where('channel', '=', filter.channel);
  const before = filter.before;
  if (before) {
    query = query.where((eb) =>
      eb.or([eb('created_at', '<', before.createdAt), eb.and([eb('created_at', '=', before.createdAt), eb('id', '<', before.id)])]),
    );
  }
  return query.execute();
}

/** Every attempt of these deliveries, in order. */
export async function listAttempts(db: Db, deliveryIds: readonly string[]): Promise<DeliveryAttemptRow[]> {
  if (deliveryIds.length === 0) return [];
  return db.selectFrom('delivery_attempts').selectAll().where('delivery_id', 'in', deliveryIds).orderBy('delivery_id').orderBy('attempt').execute();
}

export type { AttemptOutcome };
