/**
 * When a drill fires: once at an instant, or daily / weekly at a local time
 * in an IANA zone. Pure: the next occurrence after an instant, computed with
 * Luxon. A local time that does not exist on a day (spring-forward gap) is
 * read as Luxon reads it (moved forward by the gap); an ambiguous one (the
 * repeated autumn hour) is its first occurrence.
 */
import { DateTime, IANAZone } from 'luxon';
import type { FieldError } from '../../errors.js';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export type DrillSchedule =
  | { kind: 'once'; at: string }
  | { kind: 'daily'; time: string; zone: string }
  | { kind: 'weekly'; days: Weekday[]; time: string; zone: string };

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Problems with a schedule, each naming its field under `prefix` (empty when it is valid). */
export function scheduleProblems(schedule: DrillSchedule, prefix = 'schedule'): FieldError[] {
  const problems: FieldError[] = [];
  if (schedule.kind === 'once') {
    if (!Number.isFinite(Date.parse(schedule.at))) problems.push({ field: `${prefix}.at`, message: 'must be an RFC 3339 time' });
    return problems;
  }
  if (!TIME.test(schedule.time)) problems.push({ field: `${prefix}.time`, message: 'must be a local time HH:MM (00:00 to 23:59)' });
  if (!IANAZone.isValidZone(schedule.zone)) problems.push({ field: `${prefix}.zone`, message: `"${schedule.zone}" is not an IANA time zone (such as Europe/Berlin)` });
  if (schedule.kind === 'weekly') {
    if (schedule.days.length === 0) problems.push({ field: `${prefix}.days`, message: 'must name at least one day' });
    if (new Set(schedule.days).size !== schedule.days.length) problems.push({ field: `${prefix}.days`, message: 'must not repeat a day' });
  }
  return problems;
}

/** The first occurrence strictly after `after`, or null when there is none (a `once` already past). */
export function nextOccurrence(schedule: DrillSchedule, after: Date): Date | null {
  if (schedule.kind === 'once') {
    const at = new Date(schedule.at);
    return at.getTime() > after.getTime() ? at : null;
  }
  const [hour, minute] = schedule.time.split(':').map(Number) as [number, number];
  const start = DateTime.fromJSDate(after, { zone: schedule.zone }).startOf('day');
  // Eight local days cover every weekly pattern; the first candidate after `after` wins.
  for (let i = 0; i <= 8; i++) {
    const day = start.plus({ days: i });
    if (schedule.kind === 'weekly' && !schedule.days.includes(WEEKDAYS[day.weekday - 1]!)) continue;
    const candidate = firstReading(DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute }, { zone: schedule.zone }));
    if (candidate.toMillis() > after.getTime()) return candidate.toJSDate();
  }
  return null;
}

/** The earlier instant when the local time exists twice (the repeated autumn hour), else the time itself. */
function firstReading(local: DateTime): DateTime {
  const hourBefore = local.minus({ hours: 1 });
  return hourBefore.hour === local.hour && hourBefore.minute === local.minute ? hourBefore : local;
}

/** A schedule in words, for lists and the CLI. */
export function describeSchedule(schedule: DrillSchedule): string {
  if (schedule.kind === 'once') return `once at ${schedule.at}`;
  if (schedule.kind === 'daily') return `daily at ${schedule.time} ${schedule.zone}`;
  return `weekly on ${schedule.days.join(',')} at ${schedule.time} ${schedule.zone}`;
}
