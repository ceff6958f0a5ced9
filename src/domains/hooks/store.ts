/** Queries on the hooks domain's tables. */
import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/schema.js';
import type { IncidentWebhookDeliveriesTable, IncidentWebhooksTable } from './tables.js';

export type WebhookRow = Selectable<IncidentWebhooksTable>;
export type WebhookDeliveryRow = Selectable<IncidentWebhookDeliveriesTable>;

export async function insertWebhook(db: Db, row: WebhookRow): Promise<void> {
  await db.insertInto('incident_webhooks').values(row).execute();
}

export async function findWebhook(db: Db, idOrName: string): Promise<WebhookRow | undefined> {
  return db.selectFrom('incident_webhooks').selectAll().where((eb) => eb.or([eb('id', '=', idOrName), eb('name', '=', idOrName)])).executeTakeFirst();
}

export async function listWebhooks(db: Db): Promise<WebhookRow[]> {
  return db.selectFrom('incident_webhooks').selectAll().orderBy('name').execute();
}

export async function enabledWebhooks(db: Db): Promise<WebhookRow[]> {
  return db.selectFrom('incident_webhooks').selectAll().where('disabled_at', 'is', null).orderBy('name').execute();
}

export async function updateWebhook(db: Db, id: string, changes: Partial<Omit<WebhookRow, 'id' | 'created_at' | 'secret'>>): Promise<void> {
  await db.updateTable('incident_webhooks').set(changes).where('id', '=', id).execute();
}

export async function deleteWebhook(db: Db, id: string): Promise<void> {
  await db.deleteFrom('incident_webhooks').where('id', '=', id).execute();
}

export async function hasDelivery(db: Db, webhookId: string, eventId: string): Promise<boolean> {
  return (await db.selectFrom('incident_webhook_deliveries').select('id').where('webhook_id', '=', webhookId).where('event_id', '=', eventId).executeTakeFirst()) !== undefined;
}

/** Records that an outbox delivery carries this event to this subscription. */
export async function insertDelivery(db: Db, row: Insertable<IncidentWebhookDeliveriesTable>): Promise<void> {
  await db.insertInto('incident_webhook_deliveries').values(row).execute();
}

export async function listDeliveries(db: Db, webhookId: string, limit: number): Promise<WebhookDeliveryRow[]> {
  return db.selectFrom('incident_webhook_deliveries').selectAll().where('webhook_id', '=', webhookId).orderBy('id', 'desc').limit(limit).execute();
}
