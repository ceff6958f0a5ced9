/** Rows of postmortems and action items. */
import type { Selectable } from 'kysely';
import type { Db } from '../../db/schema.js';
import type { ActionItemsTable, PostmortemCommentsTable, PostmortemsTable } from './tables.js';

export type PostmortemRow = Selectable<PostmortemsTable>;
export type ActionItemRow = Selectable<ActionItemsTable>;
export type CommentRow = Selectable<PostmortemCommentsTable>;

export async function findByIncident(db: Db, incidentId: string): Promise<PostmortemRow | undefined> {
  return db.selectFrom('postmortems').selectAll().where('incident_id', '=', incidentId).executeTakeFirst();
}

/** Inserts unless the incident already has one; true when inserted. */
export async function insertPostmortem(db: Db, row: PostmortemRow): Promise<boolean> {
  const result = await db.insertInto('postmortems').values(row).onConflict((oc) => oc.column('incident_id').doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function updatePostmortem(db: Db, id: string, changes: Partial<Omit<PostmortemRow, 'id' | 'incident_id'>>): Promise<void> {
  await db.updateTable('postmortems').set(changes).where('id', '=', id).execute();
}

export async function insertActionItem(db: Db, row: ActionItemRow): Promise<void> {
  await db.insertInto('postmortem_action_items').values(row).execute();
}

export async function actionItemsOf(db: Db, postmortemId: string): Promise<ActionItemRow[]> {
  return db.selectFrom('postmortem_action_items').selectAll().where('postmortem_id', '=', postmortemId).orderBy('created_at').orderBy('id').execute();
}

export async function findActionItem(db: Db, id: string): Promise<ActionItemRow | undefined> {
  return db.selectFrom('postmortem_action_items').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateActionItem(db: Db, id: string, changes: Partial<Omit<ActionItemRow, 'id' | 'postmortem_id' | 'incident_id'>>): Promise<void> {
  await db.updateTable('postmortem_action_items').set(changes).where('id', '=', id).execute();
}

/** Action items not closed, optionally only those past due at `now`, oldest due first. */
export async function listOpenActionItems(db: Db, f: { overdueAt?: string | undefined; limit: number }): Promise<ActionItemRow[]> {
  let q = db.selectFrom('postmortem_action_items').selectAll().where('status', '!=', 'closed');
  if (f.overdueAt) q = q.where('due_at', '<', f.overdueAt);
  return q.orderBy('due_at').orderBy('id').limit(f.limit).execute();
}

export async function insertComment(db: Db, row: CommentRow): Promise<void> {
  await db.insertInto('postmortem_comments').values(row).execute();
}

export async function commentsOf(db: Db, postmortemId: string): Promise<CommentRow[]> {
  return db.selectFrom('postmortem_comments').selectAll().where('postmortem_id', '=', postmortemId).orderBy('created_at').orderBy('id').execute();
}

export async function findComment(db: Db, postmortemId: string, id: string): Promise<CommentRow | undefined> {
  return db.selectFrom('postmortem_comments').selectAll().where('postmortem_id', '=', postmortemId).where('id', '=', id).executeTakeFirst();
}

export async function resolveComment(db: Db, id: string, at: string, by: string): Promise<void> {
  await db.updateTable('postmortem_comments').set({ resolved_at: at, resolved_by: by }).where('id', '=', id).execute();
}

/** The published postmortem of an incident with a public summary, if any (for the status page). */
export async function publicSummaryOf(db: Db, incidentId: string): Promise<{ summary: string; publishedAt: string } | undefined> {
  const row = await db.selectFrom('postmortems').select(['public_summary', 'published_at'])
    .where('incident_id', '=', incidentId).where('status', '=', 'published').where('public_summary', 'is not', null).executeTakeFirst();
  return row?.public_summary && row.published_at ? { summary: row.public_summary, publishedAt: row.published_at } : undefined;
}

/** Postmortems with their incident's reference, title, severity and privacy, newest first. */
export async function listPostmortems(db: Db, f: { status?: PostmortemRow['status'] | undefined; limit: number }) {
  let q = db.selectFrom('postmortems').innerJoin('incidents', 'incidents.id', 'postmortems.incident_id')
    .select(['postmortems.id', 'postmortems.incident_id', 'postmortems.status', 'postmortems.required', 'postmortems.owner_id', 'postmortems.due_at', 'postmortems.published_at', 'postmortems.created_at',
      'incidents.ref', 'incidents.title', 'incidents.severity', 'incidents.is_private']);
  if (f.status) q = q.where('postmortems.status', '=', f.status);
  return q.orderBy('postmortems.created_at', 'desc').orderBy('postmortems.id').limit(f.limit).execute();
}
