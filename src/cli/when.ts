/**
 * Times as a tired person types them, read in their own zone: `23:50` (the
 * most recent past 23:50), `15m` / `2h` (relative to now), an ISO time with
 * or without a zone (zone-less means the person's zone). Pure: the clock is
 * passed in.
 */
import { DateTime } from 'luxon';

const CLOCK = /^([01]?\d|2[0-3]):([0-5]\d)$/;
const DURATION = /^(\d{1,5})\s*(s|m|min|h|d)$/;
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const ISO_LOCAL = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?$/;

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000 };

/** A duration such as `15m`, `2h`, `1d` in milliseconds, or undefined when the text is not one. */
export function parseDuration(value: string): number | undefined {
  const match = DURATION.exec(value.trim());
  return match ? Number(match[1]) * UNIT_MS[match[2]!]! : undefined;
}

/** The most recent moment at or before `now` when the wall clock in `zone` showed hour:minute (DST-safe). */
export function mostRecentClockTime(hour: number, minute: number, zone: string, now: Date): DateTime {
  const here = DateTime.fromJSDate(now, { zone });
  for (let daysBack = 0; daysBack <= 2; daysBack++) {
    const day = here.minus({ days: daysBack });
    // A wall time skipped by a DST jump (02:30 on the spring-forward night) is moved forward by luxon; that is still the moment meant.
    const candidate = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute }, { zone });
    if (candidate.toMillis() <= now.getTime()) return candidate;
  }
  return here.minus({ days: 1 });
}

export type Direction = 'past' | 'future';

/**
 * Reads a time: `HH:MM` is the most recent past occurrence (or, for a
 * deadline, the next one); a duration counts back from now for `past` and
 * forward for `future`; ISO without a zone is read in `zone`. Returns an
 * ISO UTC string, or throws an Error whose message says what is accepted.
 */
export function parseWhen(value: string, zone: string, now: Date, direction: Direction = 'past', what = '--at'): string {
  const text = value.trim();
  const clock = CLOCK.exec(text);
  if (clock) {
    const [hour, minute] = [Number(clock[1]), Number(clock[2])];
    if (direction === 'past') return mostRecentClockTime(hour, minute, zone, now).toUTC().toISO()!;
    const past = mostRecentClockTime(hour, minute, zone, now);
    const next = past.toMillis() === now.getTime() ? past : mostRecentClockTime(hour, minute, zone, new Date(now.getTime() + 86_400_000));
    return next.toUTC().toISO()!;
  }
  const duration = parseDuration(text);
  if (duration !== undefined) return new Date(now.getTime() + (direction === 'past' ? -duration : duration)).toISOString();
  if (ISO_WITH_ZONE.test(text)) {
    const parsed = DateTime.fromISO(text.replace(' ', 'T'), { setZone: true });
    if (parsed.isValid) return parsed.toUTC().toISO()!;
  }
  if (ISO_LOCAL.test(text)) {
    const parsed = DateTime.fromISO(text.replace(' ', 'T'), { zone });
    if (parsed.isValid) return parsed.toUTC().toISO()!;
  }
  const example = direction === 'past' ? '23:50 (the most recent), 15m (ago)' : '15m (from now), 23:50 (the next)';
  throw new Error(`${what} "${value}": give ${example}, or an ISO time such as 2026-11-23T14:03 (read in ${zone}) or 2026-11-23T14:03:00Z`);
}
