/**
 * Secret iCalendar feeds: per schedule (everyone's shifts) and per person
 * (their shifts on every schedule). The URL carries a random token; only its
 * SHA-256 is stored, and revoking a feed makes its URL answer 404.
 */
import { randomUUID } from 'node:crypto';
import type { Store } from '../../db/store.js';
import type { Db } from '../../db/schema.js';
import { nowIso } from '../../db/dialect.js';
import { forbidden, invalidField, notFound, referenced } from '../../errors.js';
import { recordAudit } from '../audit/service.js';
import type { Actor } from '../auth/identity.js';
import { hashSecret, newSecret } from '../auth/secrets.js';
import { renderCalendar, type FeedShift } from './ical.js';
import { shiftsOf } from './schedule.js';
import { findScheduleRow, scheduleShifts } from './schedule-service.js';
import * as schedules from './schedule-store.js';

const DAY_MS = 86_400_000;
/** A feed shows shifts from 30 days back to 180 days ahead. */
export const FEED_PAST_MS = 30 * DAY_MS;
export const FEED_AHEAD_MS = 180 * DAY_MS;
const TOKEN_PREFIX = 'fbcal';
export const FEED_TOKEN_PATTERN = '^fbcal_[A-Za-z0-9_-]{43}$';

export interface FeedView {
  id: string;
  scheduleId: string | null;
  userId: string | null;
  createdAt: string;
  createdBy: string | null;
  revokedAt: string | null;
}

/** A new feed: the token and its URL path are shown this once. */
export interface NewFeedView extends FeedView {
  token: string;
  path: string;
}

/** The URL path calendar apps subscribe to. */
export function feedPath(token: string): string {
  return `/api/v1/oncall/ical/${token}.ics`;
}

function toView(row: schedules.FeedRow): FeedView {
  return { id: row.id, scheduleId: row.schedule_id, userId: row.user_id, createdAt: row.created_at, createdBy: row.created_by, revokedAt: row.revoked_at };
}

function mayManage(actor: Actor, row: schedules.FeedRow): boolean {
  return actor.role === 'admin' || (actor.userId !== null && (row.created_by === actor.userId || row.user_id === actor.userId));
}

/** Creates a feed for a schedule, or for a person (oneself; admins for anyone). */
export async function createFeed(store: Store, actor: Actor, target: { schedule?: string; userId?: string }): Promise<NewFeedView> {
  if ((target.schedule === undefined) === (target.userId === undefined)) throw invalidField('schedule', 'give either schedule or userId');
  if (target.userId !== undefined && target.userId !== actor.userId && actor.role !== 'admin') throw forbidden('only admins may create a calendar feed of someone else’s shifts');
  const token = newSecret(TOKEN_PREFIX);
  return store.transaction(async (trx) => {
    const scheduleId = target.schedule !== undefined ? (await referenced('schedule', findScheduleRow(trx, target.schedule))).id : null;
    if (target.userId !== undefined && !(await schedules.findUser(trx, target.userId))) throw invalidField('userId', 'no user with this id');
    const id = randomUUID();
    await schedules.insertFeed(trx, { id, schedule_id: scheduleId, user_id: target.userId ?? null, token_hash: hashSecret(token), created_at: nowIso(), created_by: actor.userId, revoked_at: null });
    await recordAudit(trx, actor, { action: 'schedule.feed.create', targetType: scheduleId ? 'schedule' : 'user', targetId: scheduleId ?? target.userId ?? null, detail: { feedId: id } });
    return { ...toView((await schedules.findFeed(trx, id))!), token, path: feedPath(token) };
  });
}

/** Feeds the actor may manage (all of them for admins). */
export async function listFeeds(db: Db, actor: Actor): Promise<FeedView[]> {
  return (await schedules.listFeeds(db, {})).filter((f) => mayManage(actor, f)).map(toView);
}

/** Revokes a feed: its URL stops working at once. */
export async function revokeFeed(store: Store, actor: Actor, id: string): Promise<FeedView> {
  return store.transaction(async (trx) => {
    const row = await schedules.findFeed(trx, id);
    if (!row || !mayManage(actor, row)) throw notFound('calendar feed', 'feed-not-found');
    await schedules.revokeFeed(trx, id, nowIso());
    await recordAudit(trx, actor, { action: 'schedule.feed.revoke', targetType: 'calendar_feed', targetId: id });
    return toView((await schedules.findFeed(trx, id))!);
  });
}

/** The calendar behind a feed token, rendered at `now`; not found when unknown or revoked. */
export async function renderFeed(db: Db, token: string, now: Date): Promise<{ name: string; body: string }> {
  const feed = await schedules.findFeedByHash(db, hashSecret(token));
  if (!feed) throw notFound('calendar feed', 'feed-not-found');
  // A feed is its creator's credential: it stops working when they are disabled (a CLI-made feed has no creator).
  if (feed.created_by !== null) {
    const creator = await schedules.findUser(db, feed.created_by);
    if (!creator || creator.disabled) throw notFound('calendar feed', 'feed-not-found');
  }
  const from = new Date(now.getTime() - FEED_PAST_MS);
  const to = new Date(now.getTime() + FEED_AHEAD_MS);
  const events: FeedShift[] = [];
  if (feed.schedule_id) {
    const { schedule, shifts } = await scheduleShifts(db, feed.schedule_id, from, to);
    const names = await schedules.userNames(db, [...new Set(shifts.flatMap((s) => s.userIds))]);
    for (const s of shifts) {
      const who = s.userIds.map((u) => names.get(u) ?? u).join(', ');
      events.push({ start: new Date(s.start), end: new Date(s.end), summary: `On call: ${who}`, description: `${who} on call for ${schedule.name}`, key: `${schedule.id}|${s.start}|${s.userIds.join(',')}` });
    }
    return { name: `On call: ${schedule.name}`, body: renderCalendar(`On call: ${schedule.name}`, events, now) };
  }
  const user = await schedules.findUser(db, feed.user_id!);
  if (!user || user.disabled) throw notFound('calendar feed', 'feed-not-found');
  const names = await schedules.userNames(db, [user.id]);
  for (const scheduleId of await schedules.schedulesWithUser(db, user.id)) {
    const { schedule, shifts } = await scheduleShifts(db, scheduleId, from, to);
    for (const s of shiftsOf(shifts.map((x) => ({ start: Date.parse(x.start), end: Date.parse(x.end), userIds: x.userIds })), user.id)) {
      events.push({ start: new Date(s.start), end: new Date(s.end), summary: `On call: ${schedule.name}`, description: `You are on call for ${schedule.name}`, key: `${schedule.id}|${user.id}|${s.start}` });
    }
  }
  events.sort((a, b) => a.start.getTime() - b.start.getTime());
  const name = `On call: ${names.get(user.id) ?? user.id}`;
  return { name, body: renderCalendar(name, events, now) };
}
