import type { Kysely } from 'kysely';
import { autoId, oneOf, timestampType } from '../migration-kit.js';

/** The notification outbox (ARCHITECTURE.md, "Notifications: the outbox"): deliveries and the result of every attempt. */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);

  await db.schema
    .createTable('deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('channel', 'text', (c) => c.notNull().check(oneOf('channel', ['email', 'webhook', 'slack'])))
    .addColumn('recipient_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('recipient_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('body_text', 'text')
    .addColumn('payload', 'text')
    .addColumn('signing_secret', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    // No foreign key: deliveries outlive what caused them and other domains own those rows.
    .addColumn('incident_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(oneOf('status', ['queued', 'sent', 'failed', 'skipped'])))
    .addColumn('status_detail', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('sent_at', ts)
    .execute();
  await db.schema.createIndex('deliveries_created').on('deliveries').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('deliveries_incident').on('deliveries').columns(['incident_id', 'created_at']).execute();
  await db.schema.createIndex('deliveries_status').on('deliveries').columns(['status', 'created_at']).execute();

  await db.schema
    .createTable('delivery_attempts')
    .addColumn('id', ...autoId(db))
    .addColumn('delivery_id', 'text', (c) => c.notNull().references('deliveries.id').onDelete('cascade'))
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull().check(oneOf('outcome', ['sent', 'failed', 'skipped'])))
    .addColumn('detail', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('delivery_attempts_delivery').on('delivery_attempts').columns(['delivery_id', 'attempt']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('delivery_attempts').execute();
  await db.schema.dropTable('deliveries').execute();
}
