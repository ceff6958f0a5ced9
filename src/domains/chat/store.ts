/** Queries of the chat domain. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/schema.js';
import { forUpdate } from '../../db/dialect.js';
import type { ChatCapturesTable, ChatChannelsTable, ChatPagesTable, ChatProvider, ChatWorkspacesTable } from './tables.js';

export type WorkspaceRow = Selectable<ChatWorkspacesTable>;
export type ChannelRow = Selectable<ChatChannelsTable>;
export type PageRow = Selectable<ChatPagesTable>;

export async function insertWorkspace(db: Db, row: Insertable<ChatWorkspacesTable>): Promise<void> {
  await db.insertInto('chat_workspaces').values(row).execute();
}

export async function updateWorkspace(db: Db, id: string, changes: Updateable<ChatWorkspacesTable>): Promise<void> {
  await db.updateTable('chat_workspaces').set(changes).where('id', '=', id).execute();
}

export async function deleteWorkspace(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('chat_workspaces').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function findWorkspace(db: Db, id: string): Promise<WorkspaceRow | undefined> {
  return db.selectFrom('chat_workspaces').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findWorkspaceByTeam(db: Db, provider: ChatProvider, teamId: string): Promise<WorkspaceRow | undefined> {
  return db.selectFrom('chat_workspaces').selectAll().where('provider', '=', provider).where('team_id', '=', teamId).executeTakeFirst();
}

export async function listWorkspaces(db: Db): Promise<WorkspaceRow[]> {
  return db.selectFrom('chat_workspaces').selectAll().orderBy('created_at').orderBy('id').execute();
}

/** Remembers an inbound signature; false when it was already seen (a replay). */
export async function rememberRequest(db: Db, signature: string, at: string): Promise<boolean> {
  const result = await db.insertInto('chat_seen_requests').values({ signature, seen_at: at }).onConflict((oc) => oc.column('signature').doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function forgetRequestsBefore(db: Db, before: string): Promise<void> {
  await db.deleteFrom('chat_seen_requests').where('seen_at', '<', before).execute();
}

export async function insertChannel(db: Db, row: Insertable<ChatChannelsTable>): Promise<boolean> {
  const result = await db.insertInto('chat_channels').values(row).onConflict((oc) => oc.columns(['workspace_id', 'incident_id']).doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function updateChannel(db: Db, id: string, changes: Updateable<ChatChannelsTable>): Promise<void> {
  await db.updateTable('chat_channels').set(changes).where('id', '=', id).execute();
}

/** One channel row, locked for the caller's transaction (PostgreSQL) so two jobs never post the same batch. */
export async function lockChannel(db: Db, id: string): Promise<ChannelRow | undefined> {
  return forUpdate(db, db.selectFrom('chat_channels').selectAll().where('id', '=', id)).executeTakeFirst();
}

export async function channelsOfIncident(db: Db, incidentId: string): Promise<ChannelRow[]> {
  return db.selectFrom('chat_channels').selectAll().where('incident_id', '=', incidentId).orderBy('created_at').execute();
}

export async function channelByVendorId(db: Db, workspaceId: string, channelId: string): Promise<ChannelRow | undefined> {
  return db.selectFrom('chat_channels').selectAll().where('workspace_id', '=', workspaceId).where('channel_id', '=', channelId).executeTakeFirst();
}

export async function openChannels(db: Db): Promise<ChannelRow[]> {
  return db.selectFrom('chat_channels').selectAll().where('archived_at', 'is', null).where('channel_id', 'is not', null).execute();
}

export async function insertCapture(db: Db, row: Insertable<ChatCapturesTable>): Promise<boolean> {
  const result = await db.insertInto('chat_captures').values(row).onConflict((oc) => oc.columns(['workspace_id', 'channel_id', 'message_id']).doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function insertPage(db: Db, row: Insertable<ChatPagesTable>): Promise<boolean> {
  const result = await db.insertInto('chat_pages').values(row).onConflict((oc) => oc.columns(['workspace_id', 'escalation_id', 'channel_id']).doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function updatePage(db: Db, id: string, changes: Updateable<ChatPagesTable>): Promise<void> {
  await db.updateTable('chat_pages').set(changes).where('id', '=', id).execute();
}

export async function findPage(db: Db, id: string): Promise<PageRow | undefined> {
  return db.selectFrom('chat_pages').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function pagesOfEscalation(db: Db, escalationId: string): Promise<PageRow[]> {
  return db.selectFrom('chat_pages').selectAll().where('escalation_id', '=', escalationId).execute();
}

export async function findChannel(db: Db, id: string): Promise<ChannelRow | undefined> {
  return db.selectFrom('chat_channels').selectAll().where('id', '=', id).executeTakeFirst();
}
