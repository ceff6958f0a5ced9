/**
 * Shift-start notices ("you are on call from … to …") and gap warnings, sent
 * through the notification outbox.
 *
 * An hourly planner job looks a day ahead and schedules one notice job per
 * person per shift start (the job key makes that once, however often it is
 * planned). The notice job re-checks the schedule when it runs, since layers
 * or overrides may have changed since, and claims the notice in
 * `oncall_schedule_notices` in the same transaction as the delivery, so a
 * retried job never sends twice. The planner also warns the owning team once
 * a day while a schedule has gaps in its next 14 days.
 */
import { Type } from '@sinclair/typebox';
import { DateTime } from 'luxon';
import type { Store } from '../../db/store.js';
import type { JobQueue } from '../../jobs/queue.js';
import { defineJob } from '../../jobs/definition.js';
import { getUser } from '../auth/service.js';
import { enqueueNotification } from '../notify/service.js';
import { compileSchedule, finalShifts, scheduleGaps, shiftsOf } from './schedule.js';
import { GAP_HORIZON_MS, loadScheduleRules } from './schedule-service.js';
import * as schedules from './schedule-store.js';
import { clockMs, clockNow } from '../../clock.js';

const HOUR_MS = 3_600_000;
/** How far ahead the planner schedules notices; more than its period so a late run misses none. */
export const NOTICE_LOOKAHEAD_MS = 26 * HOUR_MS;
/** How far a notice looks for the end of the shift it announces. */
const SHIFT_END_HORIZON_MS = 60 * 24 * HOUR_MS;

interface NoticeDeps {
  store: Store;
  jobs: JobQueue;
}

function hourKey(at: number): string {
  return new Date(Math.floor(at / HOUR_MS) * HOUR_MS).toISOString();
}

/** Formats an instant for a person: in their own zone, and in the schedule's when it differs. */
function when(ms: number, userZone: string, scheduleZone: string): string {
  // A fixed locale and numeric offsets, so the text does not depend on the server's ICU data.
  const at = (zone: string) => `${DateTime.fromMillis(ms, { zone }).setLocale('en-GB').toFormat('ccc d LLL yyyy HH:mm ZZ')} ${zone}`;
  return userZone === scheduleZone ? at(userZone) : `${at(userZone)} (${at(scheduleZone)})`;
}

export const shiftNoticeJob = defineJob({
  kind: 'oncall.shift-notice',
  payload: Type.Object({ scheduleId: Type.String(), userId: Type.String(), start: Type.String() }),
  async handler(payload, ctx) {
    await sendShiftNotice(ctx, payload);
  },
});

/** Sends one shift-start notice if the person is still on call from `start`; returns whether it was sent. */
export async function sendShiftNotice(deps: NoticeDeps, notice: { scheduleId: string; userId: string; start: string }): Promise<boolean> {
  const start = Date.parse(notice.start);
  return deps.store.transaction(async (trx) => {
    const row = await schedules.findSchedule(trx, notice.scheduleId);
    if (!row) return false;
    const rules = (await loadScheduleRules(trx, [row], new Date(start - 1), new Date(start + SHIFT_END_HORIZON_MS))).get(row.id)!;
    const shifts = finalShifts(compileSchedule(rules), start - 1, start + SHIFT_END_HORIZON_MS);
    // The person's stretch must begin exactly at `start`: on call just before means no new shift starts then.
    const stretch = shiftsOf(shifts, notice.userId).find((s) => s.start <= start && start < s.end);
    if (!stretch || stretch.start !== start) return false;
    if (!(await schedules.claimNotice(trx, `shift:${row.id}:${notice.userId}:${new Date(start).toISOString()}`, row.id, 'shift-start', clockNow().toISOString()))) return false;
    const user = await getUser(trx, notice.userId);
    const endText = stretch.end >= start + SHIFT_END_HORIZON_MS - 1 ? 'further notice' : when(stretch.end, user.timeZone, row.time_zone);
    await enqueueNotification(trx, deps.jobs, {
      recipientUserId: user.id,
      subject: `You are on call for ${row.name}`,
      text: `You are on call for ${row.name} from ${when(start, user.timeZone, row.time_zone)} to ${endText}.`,
      reason: 'oncall.shift_start',
    });
    return true;
  });
}

/** Schedules the notices of shifts starting in the next day, and warns owners of schedules with gaps; `now` is injected. */
export async function planScheduleNotices(deps: NoticeDeps, now: Date): Promise<{ noticesScheduled: number; gapWarnings: number }> {
  const t = now.getTime();
  const rows = await schedules.listSchedules(deps.store.db);
  const rules = await loadScheduleRules(deps.store.db, rows, now, new Date(t + GAP_HORIZON_MS), true);
  let noticesScheduled = 0;
  let gapWarnings = 0;
  for (const row of rows) {
    const compiled = compileSchedule(rules.get(row.id)!);
    // Start a minute back so a shift starting exactly now is seen as a start, not as already running.
    const shifts = finalShifts(compiled, t - 60_000, t + NOTICE_LOOKAHEAD_MS);
    await deps.store.transaction(async (trx) => {
      for (let i = 0; i < shifts.length; i++) {
        const shift = shifts[i]!;
        if (shift.start < t) continue;
        const before = shifts[i - 1]?.end === shift.start ? shifts[i - 1]!.userIds : [];
        for (const userId of shift.userIds.filter((u) => !before.includes(u))) {
          const start = new Date(shift.start).toISOString();
          if (await deps.jobs.schedule(trx, shiftNoticeJob, { scheduleId: row.id, userId, start }, { key: `${row.id}:${userId}:${start}`, runAt: start })) noticesScheduled++;
        }
      }
      const gaps = scheduleGaps(compiled, t, t + GAP_HORIZON_MS);
      if (gaps.length && row.owner_team_id) {
        const day = now.toISOString().slice(0, 10);
        if (await schedules.claimNotice(trx, `gap:${row.id}:${day}`, row.id, 'gap', now.toISOString())) {
          const first = gaps[0]!;
          const text = `${row.name} has ${gaps.length} gap${gaps.length > 1 ? 's' : ''} with nobody on call in the next 14 days, the first from ${new Date(first.start).toISOString()} to ${new Date(first.end).toISOString()}. Pages for it would reach nobody: add a layer or an override.`;
          for (const userId of await schedules.teamMemberIds(trx, row.owner_team_id)) {
            await enqueueNotification(trx, deps.jobs, { recipientUserId: userId, subject: `Gaps in on-call schedule ${row.name}`, text, reason: 'oncall.schedule_gap' });
          }
          gapWarnings++;
        }
      }
    });
  }
  return { noticesScheduled, gapWarnings };
}

export const planNoticesJob = defineJob({
  kind: 'oncall.plan-notices',
  payload: Type.Object({}),
  async handler(_payload, ctx) {
    await planScheduleNotices(ctx, clockNow());
    const next = clockMs() + HOUR_MS;
    await ctx.store.transaction((trx) => ctx.jobs.schedule(trx, planNoticesJob, {}, { key: hourKey(next), runAt: new Date(Math.floor(next / HOUR_MS) * HOUR_MS) }));
  },
});

/** Makes sure the planner runs this hour (a no-op when it already is scheduled). */
export async function schedulePlanner(deps: NoticeDeps): Promise<void> {
  await deps.store.transaction((trx) => deps.jobs.schedule(trx, planNoticesJob, {}, { key: hourKey(clockMs()) }));
}
