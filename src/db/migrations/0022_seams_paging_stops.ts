import type { Kysely } from 'kysely';
import { timestampType } from '../migration-kit.js';

/**
 * Why and by whom an escalation stopped (an incident resolving stops its
 * pages), and which deliveries each page wrote (the paging panel shows their status).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await db.schema.alterTable('escalations').addColumn('stopped_by', 'text').execute();
  await db.schema.alterTable('escalations').addColumn('stop_reason', 'text').execute();
  await db.schema
    .createTable('page_deliveries')
    .addColumn('page_id', 'text', (c) => c.notNull().references('pages.id').onDelete('cascade'))
    .addColumn('delivery_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('page_deliveries_pk', ['page_id', 'delivery_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('page_deliveries').execute();
  await db.schema.alterTable('escalations').dropColumn('stop_reason').execute();
  await db.schema.alterTable('escalations').dropColumn('stopped_by').execute();
}
