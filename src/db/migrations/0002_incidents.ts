import type { Kysely } from 'kysely';
import { bigintType, oneOf, timestampType } from '../migration-kit.js';

/** Incidents as typed timelines: the event log, the projected row, and what lists filter on. */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);

  await db.schema
    .createTable('incident_counters')
    .addColumn('workspace', 'text', (c) => c.primaryKey())
    .addColumn('last_number', bigintType(db), (c) => c.notNull())
    .execute();
  await db.insertInto('incident_counters').values({ workspace: 'default', last_number: 0 }).execute();

  await db.schema
    .createTable('workspace_settings')
    .addColumn('workspace', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('workspace_settings_pk', ['workspace', 'key'])
    .execute();

  await db.schema
    .createTable('incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', bigintType(db), (c) => c.notNull().unique())
    .addColumn('ref', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull().check(oneOf('severity', ['SEV1', 'SEV2', 'SEV3', 'SEV4'])))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(oneOf('status', ['investigating', 'identified', 'mitigating', 'monitoring', 'resolved'])),
    )
    .addColumn('is_private', 'integer', (c) => c.notNull())
    .addColumn('is_drill', 'integer', (c) => c.notNull())
    .addColumn('commander_id', 'text')
    .addColumn('declared_at', ts, (c) => c.notNull())
    .addColumn('resolved_at', ts)
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  // Lists page by (declared_at, id) newest first, optionally narrowed by status or commander.
  await db.schema.createIndex('incidents_declared').on('incidents').columns(['declared_at', 'id']).execute();
  await db.schema.createIndex('incidents_status').on('incidents').columns(['status', 'declared_at']).execute();
  await db.schema.createIndex('incidents_commander').on('incidents').columns(['commander_id', 'declared_at']).execute();

  await db.schema
    .createTable('incident_events')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('occurred_at', ts, (c) => c.notNull())
    .addColumn('recorded_at', ts, (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_events_pk', ['incident_id', 'seq'])
    .execute();

  await db.schema
    .createTable('incident_services')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_services_pk', ['incident_id', 'service_id'])
    .execute();
  await db.schema.createIndex('incident_services_service').on('incident_services').columns(['service_id', 'incident_id']).execute();

  await db.schema
    .createTable('incident_members')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_members_pk', ['incident_id', 'user_id'])
    .execute();
  await db.schema.createIndex('incident_members_user').on('incident_members').columns(['user_id', 'incident_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['incident_members', 'incident_services', 'incident_events', 'incidents', 'workspace_settings', 'incident_counters']) {
    await db.schema.dropTable(table).execute();
  }
}
