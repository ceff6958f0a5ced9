import type { Kysely } from 'kysely';
import { oneOf, timestampType } from '../migration-kit.js';

const CHANGE_KINDS = ['deploy', 'config', 'feature_flag', 'migration', 'infrastructure'];
const ORIGINS = ['api', 'github', 'argocd', 'cli'];

/** Change events (deploys, config, flags, migrations, infrastructure) per service, and the keys that send them. */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await db.schema
    .createTable('change_sources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('service_id', 'text', (c) => c.references('services.id').onDelete('cascade'))
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('key_prefix', 'text', (c) => c.notNull())
    .addColumn('disabled_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('change_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id').onDelete('cascade'))
    .addColumn('source_id', 'text', (c) => c.references('change_sources.id').onDelete('set null'))
    .addColumn('origin', 'text', (c) => c.notNull().check(oneOf('origin', ORIGINS)))
    .addColumn('external_key', 'text')
    .addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', CHANGE_KINDS)))
    .addColumn('summary', 'text')
    .addColumn('version', 'text')
    .addColumn('author', 'text')
    .addColumn('link', 'text')
    .addColumn('started_at', ts, (c) => c.notNull())
    .addColumn('finished_at', ts)
    .addColumn('rollback_command', 'text')
    .addColumn('rollback_link', 'text')
    .addColumn('recorded_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('change_events_service_started').on('change_events').columns(['service_id', 'started_at']).execute();
  await db.schema.createIndex('change_events_started').on('change_events').column('started_at').execute();
  // A redelivered webhook (GitHub retries, one deployment's several statuses) updates its change instead of adding one.
  await db.schema.createIndex('change_events_external').on('change_events').columns(['origin', 'external_key']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('change_events').execute();
  await db.schema.dropTable('change_sources').execute();
}
