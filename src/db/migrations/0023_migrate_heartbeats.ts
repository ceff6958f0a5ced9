import type { Kysely } from 'kysely';
import { oneOf, timestampType } from '../migration-kit.js';

/** Heartbeat integrations: the interval a ping must come within, and where the heartbeat stands. */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await db.schema
    .createTable('heartbeats')
    .addColumn('integration_id', 'text', (c) => c.primaryKey().references('integrations.id').onDelete('cascade'))
    .addColumn('interval_seconds', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(oneOf('state', ['waiting', 'ok', 'missed'])))
    .addColumn('due_at', ts, (c) => c.notNull())
    .addColumn('last_ping_at', ts)
    .addColumn('missed_at', ts)
    .addColumn('pings', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('misses', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('heartbeats').execute();
}
