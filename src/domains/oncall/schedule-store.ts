/** Queries of on-call schedules, layers, overrides and feeds. No rules here: see schedule-service.ts. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/schema.js';
import type { OncallOverridesTable, OncallScheduleFeedsTable, OncallScheduleLayersTable, OncallSchedulesTable } from './schedule-tables.js';

export type ScheduleRow = Selectable<OncallSchedulesTable>;
export type LayerRow = Selectable<OncallScheduleLayersTable>;
export type OverrideRow = Selectable<OncallOverridesTable>;
export type FeedRow = Selectable<OncallScheduleFeedsTable>;

export async function insertSchedule(db: Db, row: Insertable<OncallSchedulesTable>): Promise<void> {
  await db.insertInto('oncall_schedules').values(row).execute();
}

export async function updateSchedule(db: Db, id: string, changes: Updateable<OncallSchedulesTable>): Promise<void> {
  await db.updateTable('oncall_schedules').set(changes).where('id', '=', id).execute();
}

export async function deleteSchedule(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('oncall_schedules').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function findSchedule(db: Db, id: string): Promise<ScheduleRow | undefined> {
  return db.selectFrom('oncall_schedules').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findScheduleByName(db: Db, name: string): Promise<ScheduleRow | undefined> {
  return db.selectFrom('oncall_schedules').selectAll().where('name', '=', name).executeTakeFirst();
}

export async function listSchedules(db: Db): Promise<ScheduleRow[]> {
  return db.selectFrom('oncall_schedules').selectAll().orderBy('name').execute();
}

export async function findSchedulesByIds(db: Db, ids: readonly string[]): Promise<ScheduleRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('oncall_schedules').selectAll().where('id', 'in', ids).execute();
}

/** Layers of the given schedules (every schedule when 'all'), bottom first within each. */
export async function listLayers(db: Db, scheduleIds: readonly string[] | 'all'): Promise<LayerRow[]> {
  if (scheduleIds !== 'all' && scheduleIds.length === 0) return [];
  let query = db.selectFrom('oncall_schedule_layers').selectAll().orderBy('schedule_id').orderBy('position');
  if (scheduleIds !== 'all') query = query.where('schedule_id', 'in', scheduleIds);
  return query.execute();
}

export async function replaceLayers(db: Db, scheduleId: string, rows: Insertable<OncallScheduleLayersTable>[]): Promise<void> {
  await db.deleteFrom('oncall_schedule_layers').where('schedule_id', '=', scheduleId).execute();
  if (rows.length) await db.insertInto('oncall_schedule_layers').values(rows).execute();
}

export async function insertOverride(db: Db, row: Insertable<OncallOverridesTable>): Promise<void> {
  await db.insertInto('oncall_overrides').values(row).execute();
}

export async function findOverride(db: Db, id: string): Promise<OverrideRow | undefined> {
  return db.selectFrom('oncall_overrides').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deleteOverride(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('oncall_overrides').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Overrides of the given schedules (every schedule when 'all') overlapping [from, to), oldest first. */
export async function listOverrides(db: Db, scheduleIds: readonly string[] | 'all', from: string, to: string): Promise<OverrideRow[]> {
  if (scheduleIds !== 'all' && scheduleIds.length === 0) return [];
  let query = db.selectFrom('oncall_overrides').selectAll().where('ends_at', '>', from).where('starts_at', '<', to).orderBy('created_at').orderBy('id');
  if (scheduleIds !== 'all') query = query.where('schedule_id', 'in', scheduleIds);
  return query.execute();
}

export async function insertFeed(db: Db, row: Insertable<OncallScheduleFeedsTable>): Promise<void> {
  await db.insertInto('oncall_schedule_feeds').values(row).execute();
}

export async function findFeedByHash(db: Db, tokenHash: string): Promise<FeedRow | undefined> {
  return db.selectFrom('oncall_schedule_feeds').selectAll().where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).executeTakeFirst();
}

export async function findFeed(db: Db, id: string): Promise<FeedRow | undefined> {
  return db.selectFrom('oncall_schedule_feeds').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listFeeds(db: Db, filter: { scheduleId?: string; userId?: string }): Promise<FeedRow[]> {
  let query = db.selectFrom('oncall_schedule_feeds').selectAll().orderBy('created_at');
  if (filter.scheduleId) query = query.where('schedule_id', '=', filter.scheduleId);
  if (filter.userId) query = query.where('user_id', '=', filter.userId);
  return query.execute();
}

export async function revokeFeed(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('oncall_schedule_feeds').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

/** Ids of the schedules a user appears on, as a participant of a layer or in an override. */
export async function schedulesWithUser(db: Db, userId: string): Promise<string[]> {
  const layers = await db.selectFrom('oncall_schedule_layers').select(['schedule_id', 'participants']).execute();
  const ids = new Set(layers.filter((l) => (JSON.parse(l.participants) as string[]).includes(userId)).map((l) => l.schedule_id));
  const overrides = await db
    .selectFrom('oncall_overrides')
    .select('schedule_id')
    .where((eb) => eb.or([eb('user_id', '=', userId), eb('replaces_user_id', '=', userId)]))
    .execute();
  for (const o of overrides) ids.add(o.schedule_id);
  return [...ids];
}

export async function existingUserIds(db: Db, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  return (await db.selectFrom('users').select('id').where('id', 'in', ids).execute()).map((r) => r.id);
}

export async function teamExists(db: Db, id: string): Promise<boolean> {
  return (await db.selectFrom('teams').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/** Records a notice once; false when it was already recorded (so it is not sent again). */
export async function claimNotice(db: Db, key: string, scheduleId: string, kind: 'shift-start' | 'gap', at: string): Promise<boolean> {
  const result = await db.insertInto('oncall_schedule_notices').values({ key, schedule_id: scheduleId, kind, created_at: at }).onConflict((oc) => oc.column('key').doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function teamMemberIds(db: Db, teamId: string): Promise<string[]> {
  return (await db.selectFrom('team_members').select('user_id').where('team_id', '=', teamId).execute()).map((r) => r.user_id);
}

/** Display names (or emails when unnamed) of users, by id. */
export async function userNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name', 'email']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name || r.email]));
}

export async function findUser(db: Db, id: string): Promise<{ id: string; disabled: boolean } | undefined> {
  const row = await db.selectFrom('users').select(['id', 'disabled_at']).where('id', '=', id).executeTakeFirst();
  return row && { id: row.id, disabled: row.disabled_at !== null };
}
