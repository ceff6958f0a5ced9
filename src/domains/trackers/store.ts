/** Queries on the trackers domain's tables. */
import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/schema.js';
import type { TrackerAttemptsTable, TrackerIssuesTable, TrackersTable } from './tables.js';

export type TrackerRow = Selectable<TrackersTable>;
export type IssueRow = Selectable<TrackerIssuesTable>;
export type AttemptRow = Selectable<TrackerAttemptsTable>;

export const TRACKER_ID = 'default';

export async function findTracker(db: Db): Promise<TrackerRow | undefined> {
  return db.selectFrom('trackers').selectAll().where('id', '=', TRACKER_ID).executeTakeFirst();
}

export async function saveTracker(db: Db, row: TrackerRow): Promise<void> {
  await db.deleteFrom('trackers').where('id', '=', row.id).execute();
  await db.insertInto('trackers').values(row).execute();
}

export async function deleteTracker(db: Db): Promise<boolean> {
  const result = await db.deleteFrom('trackers').where('id', '=', TRACKER_ID).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function insertIssue(db: Db, row: IssueRow): Promise<void> {
  await db.insertInto('tracker_issues').values(row).execute();
}

export async function findIssue(db: Db, actionItemId: string): Promise<IssueRow | undefined> {
  return db.selectFrom('tracker_issues').selectAll().where('action_item_id', '=', actionItemId).executeTakeFirst();
}

export async function findIssueByKey(db: Db, provider: IssueRow['provider'], key: string): Promise<IssueRow | undefined> {
  return db.selectFrom('tracker_issues').selectAll().where('provider', '=', provider).where('issue_key', '=', key).executeTakeFirst();
}

export async function issuesOf(db: Db, actionItemIds: readonly string[]): Promise<IssueRow[]> {
  if (actionItemIds.length === 0) return [];
  return db.selectFrom('tracker_issues').selectAll().where('action_item_id', 'in', [...actionItemIds]).execute();
}

export async function updateIssue(db: Db, actionItemId: string, changes: Partial<Omit<IssueRow, 'action_item_id' | 'created_at'>>): Promise<void> {
  await db.updateTable('tracker_issues').set(changes).where('action_item_id', '=', actionItemId).execute();
}

export async function insertAttempt(db: Db, row: Insertable<TrackerAttemptsTable>): Promise<void> {
  await db.insertInto('tracker_attempts').values(row).execute();
}

export async function attemptsOf(db: Db, actionItemId: string): Promise<AttemptRow[]> {
  return db.selectFrom('tracker_attempts').selectAll().where('action_item_id', '=', actionItemId).orderBy('id').execute();
}

/** Remembers a webhook delivery; false when it was seen before (a replay). */
export async function rememberDelivery(db: Db, key: string, at: string): Promise<boolean> {
  const result = await db.insertInto('tracker_seen_deliveries').values({ delivery_key: key, received_at: at }).onConflict((oc) => oc.column('delivery_key').doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function forgetDeliveriesBefore(db: Db, before: string): Promise<void> {
  await db.deleteFrom('tracker_seen_deliveries').where('received_at', '<', before).execute();
}
