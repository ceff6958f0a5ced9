import type { Kysely } from 'kysely';
import { oneOf, timestampType } from '../migration-kit.js';

/** Chat workspaces (Slack, Mattermost), incident channels, pages posted into chat, captured messages and seen inbound signatures. */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await db.schema
    .createTable('chat_workspaces')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('provider', 'text', (c) => c.notNull().check(oneOf('provider', ['slack', 'mattermost'])))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('base_url', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('team_name', 'text')
    .addColumn('bot_token_sealed', 'text', (c) => c.notNull())
    .addColumn('signing_secret_sealed', 'text')
    .addColumn('command_token_hash', 'text')
    .addColumn('page_channel_id', 'text')
    .addColumn('policy', 'text', (c) => c.notNull())
    .addColumn('last_test_at', ts)
    .addColumn('last_test_error', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('chat_workspaces_team').on('chat_workspaces').columns(['provider', 'team_id']).unique().execute();

  await db.schema
    .createTable('chat_channels')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('chat_workspaces.id').onDelete('cascade'))
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('channel_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('is_private', 'integer', (c) => c.notNull())
    .addColumn('thread_id', 'text')
    .addColumn('mirrored_seq', 'integer', (c) => c.notNull())
    .addColumn('next_post_at', ts)
    .addColumn('posts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('topic', 'text')
    .addColumn('missing_posted_at', ts)
    .addColumn('resolved_posted_at', ts)
    .addColumn('archived_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('chat_channels_incident').on('chat_channels').columns(['workspace_id', 'incident_id']).unique().execute();
  await db.schema.createIndex('chat_channels_vendor').on('chat_channels').columns(['workspace_id', 'channel_id']).execute();

  await db.schema
    .createTable('chat_pages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('chat_workspaces.id').onDelete('cascade'))
    .addColumn('escalation_id', 'text', (c) => c.notNull())
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('acted_by_label', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('chat_pages_escalation').on('chat_pages').columns(['escalation_id']).execute();
  await db.schema.createIndex('chat_pages_target').on('chat_pages').columns(['workspace_id', 'escalation_id', 'channel_id']).unique().execute();

  await db.schema
    .createTable('chat_captures')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('chat_workspaces.id').onDelete('cascade'))
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('chat_captures_pk', ['workspace_id', 'channel_id', 'message_id'])
    .execute();

  await db.schema
    .createTable('chat_seen_requests')
    .addColumn('signature', 'text', (c) => c.primaryKey())
    .addColumn('seen_at', ts, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['chat_seen_requests', 'chat_captures', 'chat_pages', 'chat_channels', 'chat_workspaces']) await db.schema.dropTable(table).execute();
}
