import type { Kysely } from 'kysely';
import { autoId, oneOf, timestampType } from '../migration-kit.js';

/** The team's tracker (GitHub Issues or Jira Cloud), the issue of each action item, the tries at creating it, and webhook deliveries seen. */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await db.schema
    .createTable('trackers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('provider', 'text', (c) => c.notNull().check(oneOf('provider', ['github', 'jira'])))
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('token_sealed', 'text', (c) => c.notNull())
    .addColumn('webhook_secret_sealed', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('tracker_issues')
    .addColumn('action_item_id', 'text', (c) => c.primaryKey())
    .addColumn('provider', 'text', (c) => c.notNull().check(oneOf('provider', ['github', 'jira'])))
    .addColumn('issue_key', 'text')
    .addColumn('issue_url', 'text')
    .addColumn('state', 'text', (c) => c.check(oneOf('state', ['open', 'closed'])))
    .addColumn('sync', 'text', (c) => c.notNull().check(oneOf('sync', ['pending', 'created', 'failed'])))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('last_attempt_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  // A webhook names the issue: find its action item by provider and key.
  await db.schema.createIndex('tracker_issues_key').on('tracker_issues').columns(['provider', 'issue_key']).unique().execute();
  await db.schema
    .createTable('tracker_attempts')
    .addColumn('id', ...autoId(db))
    .addColumn('action_item_id', 'text', (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull().check(oneOf('outcome', ['created', 'retry', 'failed'])))
    .addColumn('detail', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tracker_attempts_item').on('tracker_attempts').columns(['action_item_id', 'attempt']).execute();
  await db.schema
    .createTable('tracker_seen_deliveries')
    .addColumn('delivery_key', 'text', (c) => c.primaryKey())
    .addColumn('received_at', ts, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['tracker_seen_deliveries', 'tracker_attempts', 'tracker_issues', 'trackers']) await db.schema.dropTable(table).execute();
}
