import type { Kysely } from 'kysely';
import { timestampType } from '../migration-kit.js';

/** Runbooks (Markdown, linked to services and alert matchers), their link checks and rot reminders. */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await db.schema
    .createTable('runbooks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('owner_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('owner_team_id', 'text', (c) => c.references('teams.id').onDelete('set null'))
    .addColumn('matchers', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('last_tested_at', ts)
    .addColumn('last_tested_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('last_tested_note', 'text')
    .execute();
  await db.schema
    .createTable('runbook_services')
    .addColumn('runbook_id', 'text', (c) => c.notNull().references('runbooks.id').onDelete('cascade'))
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('runbook_services_pk', ['runbook_id', 'service_id'])
    .execute();
  await db.schema.createIndex('runbook_services_service').on('runbook_services').column('service_id').execute();
  await db.schema
    .createTable('runbook_link_checks')
    .addColumn('runbook_id', 'text', (c) => c.notNull().references('runbooks.id').onDelete('cascade'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('status', 'integer')
    .addColumn('ok', 'integer', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('checked_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('runbook_link_checks_pk', ['runbook_id', 'url'])
    .execute();
  await db.schema
    .createTable('runbook_reminders')
    .addColumn('runbook_id', 'text', (c) => c.notNull().references('runbooks.id').onDelete('cascade'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('sent_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('runbook_reminders_pk', ['runbook_id', 'period'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('runbook_reminders').execute();
  await db.schema.dropTable('runbook_link_checks').execute();
  await db.schema.dropTable('runbook_services').execute();
  await db.schema.dropTable('runbooks').execute();
}
