import type { Kysely } from 'kysely';
import { autoId, bigintType, timestampType } from '../migration-kit.js';

/**
 * The intake journal: each accepted intake request as received (its signals),
 * appended before the answer; an applier runs the pipeline behind it and
 * deletes each entry in the transaction that applied it. One partition row per
 * service, claimed by the applier (row lock) so a service's entries apply in order, once.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await db.schema
    .createTable('alert_journal')
    .addColumn('id', ...autoId(db))
    .addColumn('partition_key', 'text', (c) => c.notNull())
    .addColumn('integration_id', 'text', (c) => c.notNull().references('integrations.id').onDelete('cascade'))
    .addColumn('received_at', ts, (c) => c.notNull())
    .addColumn('request_id', 'text')
    .addColumn('ip', 'text')
    .addColumn('signals', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text')
    .execute();
  await db.schema.createIndex('alert_journal_partition').on('alert_journal').columns(['partition_key', 'id']).execute();
  await db.schema
    .createTable('alert_journal_partitions')
    .addColumn('partition_key', 'text', (c) => c.primaryKey())
    .addColumn('applied_entries', bigintType(db), (c) => c.notNull().defaultTo(0))
    .addColumn('applied_at', ts)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('alert_journal_partitions').execute();
  await db.schema.dropTable('alert_journal').execute();
}
