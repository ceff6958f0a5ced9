import type { Kysely } from 'kysely';
import { autoId, oneOf, timestampType } from '../migration-kit.js';

/** Outgoing incident webhooks: subscriptions to incident facts and the log of what was sent to each. */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await db.schema
    .createTable('incident_webhooks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('kinds', 'text', (c) => c.notNull())
    .addColumn('service_ids', 'text')
    .addColumn('min_severity', 'text', (c) => c.check(oneOf('min_severity', ['SEV1', 'SEV2', 'SEV3', 'SEV4'])))
    .addColumn('include_private', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('include_drills', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('disabled_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('incident_webhook_deliveries')
    .addColumn('id', ...autoId(db))
    .addColumn('webhook_id', 'text', (c) => c.notNull().references('incident_webhooks.id').onDelete('cascade'))
    .addColumn('delivery_id', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  // One delivery per subscription and event, however often the fact's job runs.
  await db.schema.createIndex('incident_webhook_deliveries_event').on('incident_webhook_deliveries').columns(['webhook_id', 'event_id']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('incident_webhook_deliveries').execute();
  await db.schema.dropTable('incident_webhooks').execute();
}
