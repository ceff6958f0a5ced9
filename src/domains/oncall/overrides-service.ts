/** Overrides: replace a person on a schedule for a range, or add one. */
import { randomUUID } from 'node:crypto';
import type { Store } from '../../db/store.js';
import type { Db } from '../../db/schema.js';
import { nowIso } from '../../db/dialect.js';
import { invalidField, notFound } from '../../errors.js';
import { recordAudit } from '../audit/service.js';
import type { Actor } from '../auth/identity.js';
import type { OverrideKind } from './overrides.js';
import { checkRange, findScheduleRow } from './schedule-service.js';
import * as schedules from './schedule-store.js';

export interface OverrideInput {
  kind: OverrideKind;
  userId: string;
  /** For `replace`: whom to replace; omitted or null replaces whoever is on call. */
  replaces?: string | null;
  start: string;
  end: string;
}

export interface OverrideView {
  id: string;
  scheduleId: string;
  kind: OverrideKind;
  userId: string;
  replaces: string | null;
  start: string;
  end: string;
  createdAt: string;
  createdBy: string | null;
}

function toView(row: schedules.OverrideRow): OverrideView {
  return {
    id: row.id,
    scheduleId: row.schedule_id,
    kind: row.kind,
    userId: row.user_id,
    replaces: row.replaces_user_id,
    start: new Date(row.starts_at).toISOString(),
    end: new Date(row.ends_at).toISOString(),
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

/** Adds an override to a schedule; later overrides win over earlier ones. */
export async function createOverride(store: Store, actor: Actor, scheduleIdOrName: string, input: OverrideInput): Promise<OverrideView> {
  const start = new Date(input.start);
  const end = new Date(input.end);
  checkRange(start, end);
  if (input.kind === 'add' && input.replaces) throw invalidField('replaces', 'an added person replaces nobody; use kind replace');
  if (input.replaces && input.replaces === input.userId) throw invalidField('replaces', 'a person cannot replace themselves');
  return store.transaction(async (trx) => {
    const schedule = await findScheduleRow(trx, scheduleIdOrName);
    const wanted = [input.userId, ...(input.replaces ? [input.replaces] : [])];
    const found = new Set(await schedules.existingUserIds(trx, wanted));
    if (!found.has(input.userId)) throw invalidField('userId', 'no user with this id');
    if (input.replaces && !found.has(input.replaces)) throw invalidField('replaces', 'no user with this id');
    const id = randomUUID();
    await schedules.insertOverride(trx, {
      id,
      schedule_id: schedule.id,
      kind: input.kind,
      user_id: input.userId,
      replaces_user_id: input.replaces ?? null,
      starts_at: start.toISOString(),
      ends_at: end.toISOString(),
      created_at: nowIso(),
      created_by: actor.userId,
    });
    await recordAudit(trx, actor, {
      action: 'schedule.override.create',
      targetType: 'schedule',
      targetId: schedule.id,
      detail: { overrideId: id, kind: input.kind, userId: input.userId, replaces: input.replaces ?? null, start: start.toISOString(), end: end.toISOString() },
    });
    return toView((await schedules.findOverride(trx, id))!);
  });
}

/** Removes an override of the schedule. */
export async function deleteOverride(store: Store, actor: Actor, scheduleIdOrName: string, overrideId: string): Promise<void> {
  await store.transaction(async (trx) => {
    const schedule = await findScheduleRow(trx, scheduleIdOrName);
    const row = await schedules.findOverride(trx, overrideId);
    if (!row || row.schedule_id !== schedule.id) throw notFound('override', 'override-not-found');
    await schedules.deleteOverride(trx, overrideId);
    await recordAudit(trx, actor, { action: 'schedule.override.delete', targetType: 'schedule', targetId: schedule.id, detail: { overrideId, userId: row.user_id } });
  });
}

/** The schedule's overrides overlapping [from, to), oldest first. */
export async function listOverrides(db: Db, scheduleIdOrName: string, from: Date, to: Date): Promise<OverrideView[]> {
  checkRange(from, to);
  const schedule = await findScheduleRow(db, scheduleIdOrName);
  return (await schedules.listOverrides(db, [schedule.id], from.toISOString(), to.toISOString())).map(toView);
}
