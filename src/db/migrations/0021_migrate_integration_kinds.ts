import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.js';
import { oneOf, timestampType } from '../migration-kit.js';

const BEFORE = ['alertmanager', 'pagerduty', 'grafana', 'generic', 'test'];
const AFTER = [...BEFORE, 'opsgenie', 'heartbeat'];

/**
 * Opsgenie-compatible and heartbeat integrations: widens the integrations.kind
 * check. SQLite cannot alter a check, so it rebuilds the table (foreign keys
 * off while the copy replaces the original, as SQLite's ALTER TABLE guide does).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await widen(db, AFTER);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('integrations').where('kind', 'in', ['opsgenie', 'heartbeat']).execute();
  await widen(db, BEFORE);
}

async function widen(db: Kysely<any>, kinds: string[]): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`alter table integrations drop constraint integrations_kind_check`.execute(db);
    await sql`alter table integrations add constraint integrations_kind_check check (${oneOf('kind', kinds)})`.execute(db);
    return;
  }
  const ts = timestampType(db);
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await db.schema
      .createTable('integrations_next')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('service_id', 'text', (c) => c.notNull().references('services.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', kinds)))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('key_hash', 'text', (c) => c.notNull().unique())
      .addColumn('key_prefix', 'text', (c) => c.notNull())
      .addColumn('mappings', 'text')
      .addColumn('group_by', 'text')
      .addColumn('disabled_at', ts)
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('updated_at', ts, (c) => c.notNull())
      .execute();
    await sql`insert into integrations_next (id, service_id, kind, name, key_hash, key_prefix, mappings, group_by, disabled_at, created_at, updated_at)
      select id, service_id, kind, name, key_hash, key_prefix, mappings, group_by, disabled_at, created_at, updated_at from integrations`.execute(db);
    await db.schema.dropTable('integrations').execute();
    await db.schema.alterTable('integrations_next').renameTo('integrations').execute();
    await db.schema.createIndex('integrations_service').on('integrations').column('service_id').execute();
    const broken = await sql`pragma foreign_key_check`.execute(db);
    if (broken.rows.length > 0) throw new Error(`rebuilding integrations left ${broken.rows.length} broken foreign keys`);
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}
