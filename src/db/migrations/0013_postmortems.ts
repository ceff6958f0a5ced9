import type { Kysely } from 'kysely';
import { oneOf, timestampType } from '../migration-kit.js';

/** Postmortems (one per incident) and their action items. */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await db.schema
    .createTable('postmortems')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().unique().references('incidents.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull().check(oneOf('status', ['draft', 'in_review', 'published'])))
    .addColumn('required', 'integer', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('due_at', ts, (c) => c.notNull())
    .addColumn('sections', 'text', (c) => c.notNull())
    .addColumn('whys', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('published_at', ts)
    .addColumn('reminded_at', ts)
    .execute();
  await db.schema.createIndex('postmortems_due').on('postmortems').columns(['status', 'due_at']).execute();
  await db.schema
    .createTable('postmortem_action_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('postmortem_id', 'text', (c) => c.notNull().references('postmortems.id').onDelete('cascade'))
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull().check(oneOf('type', ['prevent', 'detect', 'mitigate', 'process'])))
    .addColumn('priority', 'text', (c) => c.notNull().check(oneOf('priority', ['high', 'medium', 'low'])))
    .addColumn('status', 'text', (c) => c.notNull().check(oneOf('status', ['open', 'in_progress', 'closed'])))
    .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('due_at', ts)
    .addColumn('tracker_url', 'text')
    .addColumn('evidence_url', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('closed_at', ts)
    .addColumn('reminded_at', ts)
    .execute();
  await db.schema.createIndex('postmortem_action_items_postmortem').on('postmortem_action_items').columns(['postmortem_id', 'created_at']).execute();
  await db.schema.createIndex('postmortem_action_items_due').on('postmortem_action_items').columns(['status', 'due_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('postmortem_action_items').execute();
  await db.schema.dropTable('postmortems').execute();
}
