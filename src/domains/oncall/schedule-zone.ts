/**
 * Wall-clock arithmetic in one IANA zone, fast enough to ask "who is on call"
 * for a thousand schedules at once.
 *
 * The zone data comes from Luxon (which reads the platform's tz database);
 * Luxon's own `DateTime.fromObject` costs ~10-25 µs a call here, so we ask it
 * once per zone and year for the offset at each day and bisect to the minute
 * where it changes, and then answer every offset question from that table.
 *
 * Local times are handled as "wall" milliseconds: `Date.UTC(y, m - 1, d, h, mi)`
 * of the local reading, so adding days to a wall time never meets DST.
 *
 * The rule for local times that do not exist or exist twice (RFC 5545 §3.3.5,
 * also java.time's): a nonexistent local time (spring-forward gap) is read with
 * the UTC offset in force before the gap, so 02:30 on the day New York jumps
 * from 02:00 to 03:00 is 03:30 EDT; an ambiguous local time (the repeated
 * hour in autumn) is its first occurrence, so 01:30 on New York's autumn day
 * is 01:30 EDT, and 02:30 on Berlin's autumn day is 02:30 CEST.
 */
import { IANAZone } from 'luxon';

const MINUTE = 60_000;
export const DAY_MS = 86_400_000;

interface YearTable {
  /** Instants (UTC ms) at which the offset changes, ascending. */
  at: number[];
  /** offsets[i] applies from at[i - 1] (or the year's start) until at[i]; length = at.length + 1. */
  offsets: number[];
}

const clocks = new Map<string, ZoneClock>();

/** True when Luxon knows the zone (an IANA name such as Europe/Berlin). */
export function isValidZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

export class ZoneClock {
  private readonly years = new Map<number, YearTable>();
  private readonly luxon: IANAZone;

  private constructor(readonly zone: string) {
    this.luxon = IANAZone.create(zone);
  }

  /** The shared clock of a zone; throws on a zone Luxon does not know (validate at the edge first). */
  static of(zone: string): ZoneClock {
    let clock = clocks.get(zone);
    if (!clock) {
      if (!IANAZone.isValidZone(zone)) throw new Error(`unknown time zone ${zone}`);
      clock = new ZoneClock(zone);
      clocks.set(zone, clock);
    }
    return clock;
  }

  /** UTC offset in minutes at an instant. */
  offsetAt(ms: number): number {
    const table = this.year(new Date(ms).getUTCFullYear());
    const at = table.at;
    let lo = 0;
    let hi = at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at[mid]! <= ms) lo = mid + 1;
      else hi = mid;
    }
    return table.offsets[lo]!;
  }

  /** The local wall reading of an instant. */
  wallOf(ms: number): number {
    return ms + this.offsetAt(ms) * MINUTE;
  }

  /** The instant a local wall reading stands for, by the rule in this file's header. */
  instantOf(wall: number): number {
    const before = this.offsetAt(wall - DAY_MS);
    const after = this.offsetAt(wall + DAY_MS);
    if (before === after) return wall - before * MINUTE;
    // Around a transition: keep the candidates whose offset is really in force.
    const earlier = wall - before * MINUTE;
    const later = wall - after * MINUTE;
    const earlierValid = this.offsetAt(earlier) === before;
    const laterValid = this.offsetAt(later) === after;
    if (earlierValid && laterValid) return Math.min(earlier, later);
    if (earlierValid) return earlier;
    if (laterValid) return later;
    return earlier; // in the gap: read with the offset before it
  }

  private year(year: number): YearTable {
    let table = this.years.get(year);
    if (!table) {
      table = this.buildYear(year);
      this.years.set(year, table);
    }
    return table;
  }

  private buildYear(year: number): YearTable {
    const start = Date.UTC(year, 0, 1);
    const end = Date.UTC(year + 1, 0, 1);
    const at: number[] = [];
    const offsets: number[] = [this.luxon.offset(start)];
    let previous = offsets[0]!;
    // Zones change offset at most a few times a year and never twice within 6 hours.
    const step = 6 * 3_600_000;
    for (let t = start + step; t <= end; t += step) {
      const offset = this.luxon.offset(t);
      if (offset === previous) continue;
      let lo = t - step; // offset = previous
      let hi = t; // offset = new
      while (hi - lo > MINUTE) {
        const mid = lo + Math.max(1, Math.floor((hi - lo) / 2 / MINUTE)) * MINUTE;
        if (this.luxon.offset(mid) === previous) lo = mid;
        else hi = mid;
      }
      at.push(hi);
      offsets.push(offset);
      previous = offset;
    }
    return { at, offsets };
  }
}

/** Wall ms of a local date and minutes after midnight. */
export function wallAt(date: LocalDate, minuteOfDay: number): number {
  return Date.UTC(date.year, date.month - 1, date.day) + minuteOfDay * MINUTE;
}

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** Parses 'YYYY-MM-DD' (already validated at the edge) into a local date. */
export function parseLocalDate(text: string): LocalDate {
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/** Parses 'HH:mm' into minutes after midnight. */
export function parseTimeOfDay(text: string): number {
  const [h, m] = text.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** Midnight (wall ms) of the local day containing a wall reading. */
export function wallDayStart(wall: number): number {
  return Math.floor(wall / DAY_MS) * DAY_MS;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a wall reading. */
export function wallWeekday(wall: number): number {
  const d = new Date(wall).getUTCDay();
  return d === 0 ? 7 : d;
}
