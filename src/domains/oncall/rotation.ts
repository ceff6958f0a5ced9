/**
 * One layer of a schedule: a rotation of ordered participants with a hand-off
 * time and a length, optionally restricted to certain hours (business hours).
 * Pure functions over plain data; instants are UTC milliseconds.
 *
 * Hand-offs:
 * - `days` and `weeks` lengths are calendar lengths in the schedule's zone: a
 *   daily rotation handing off at 09:00 hands off at 09:00 local every day, so
 *   the shift across a DST change lasts 23 or 25 hours (23.5/24.5 on Lord Howe);
 * - `hours` lengths are elapsed time from the first hand-off: a 12-hour
 *   rotation starting at 09:00 hands off at 08:00/20:00 local after spring-forward.
 * Local times that do not exist or repeat follow the rule in schedule-zone.ts.
 */
import { DAY_MS, ZoneClock, parseLocalDate, parseTimeOfDay, wallAt, wallDayStart, wallWeekday } from './schedule-zone.js';

const HOUR_MS = 3_600_000;

export type RotationUnit = 'hours' | 'days' | 'weeks';

/** How long one participant's turn lasts: e.g. 1 week, 2 weeks, 12 hours, 3 days. */
export interface RotationLength {
  unit: RotationUnit;
  count: number;
}

/**
 * A window of the day when the layer is active, on the listed ISO weekdays
 * (1 = Monday … 7 = Sunday). `to` at or before `from` ends on the next day;
 * `from` = `to` is a whole day.
 */
export interface Restriction {
  days: number[];
  from: string;
  to: string;
}

export interface RotationLayer {
  id: string;
  name: string;
  /** Local 'YYYY-MM-DDTHH:mm' in the schedule's zone: the first hand-off; its time of day is the hand-off time. */
  start: string;
  length: RotationLength;
  /** User ids in rotation order; the first takes the first shift. */
  participants: string[];
  /** Empty: on call around the clock. */
  restrictions: Restriction[];
}

export interface Interval {
  start: number;
  end: number;
}

/** A stretch of one layer during which one participant is on call. */
export interface LayerShift extends Interval {
  userId: string;
}

interface CompiledRestriction {
  days: boolean[];
  fromMinute: number;
  /** Minutes after the window's start day's midnight; may pass 1440. */
  toMinute: number;
}

/** A layer with its strings parsed once, ready for repeated questions. */
export interface CompiledLayer {
  clock: ZoneClock;
  startWall: number;
  firstHandoff: number;
  unit: RotationUnit;
  /** Wall days between hand-offs (days/weeks) or elapsed ms (hours). */
  stepDays: number;
  stepMs: number;
  participants: string[];
  restrictions: CompiledRestriction[];
}

/** Parses a layer's local strings against its zone. */
export function compileLayer(layer: RotationLayer, clock: ZoneClock): CompiledLayer {
  const [datePart, timePart] = layer.start.split('T') as [string, string];
  const startWall = wallAt(parseLocalDate(datePart), parseTimeOfDay(timePart));
  const { unit, count } = layer.length;
  return {
    clock,
    startWall,
    firstHandoff: clock.instantOf(startWall),
    unit,
    stepDays: unit === 'weeks' ? 7 * count : unit === 'days' ? count : 0,
    stepMs: unit === 'hours' ? count * HOUR_MS : (unit === 'weeks' ? 7 * count : count) * DAY_MS,
    participants: layer.participants,
    restrictions: layer.restrictions.map((r) => {
      const fromMinute = parseTimeOfDay(r.from);
      const to = parseTimeOfDay(r.to);
      const days = Array.from({ length: 8 }, (_, d) => r.days.includes(d));
      return { days, fromMinute, toMinute: to <= fromMinute ? to + 1440 : to };
    }),
  };
}

/** The instant of the k-th hand-off (k = 0 is the first). */
export function handoffAt(layer: CompiledLayer, k: number): number {
  if (layer.unit === 'hours') return layer.firstHandoff + k * layer.stepMs;
  return layer.clock.instantOf(layer.startWall + k * layer.stepDays * DAY_MS);
}

/** Index of the shift running at instant t, or -1 before the first hand-off. */
export function shiftIndexAt(layer: CompiledLayer, t: number): number {
  if (t < layer.firstHandoff) return -1;
  let k = Math.floor((t - layer.firstHandoff) / layer.stepMs);
  // The estimate ignores DST, which moves hand-offs by at most an hour: step once either way.
  while (k > 0 && handoffAt(layer, k) > t) k--;
  while (handoffAt(layer, k + 1) <= t) k++;
  return k;
}

/** Who a layer's rotation names at instant t (ignoring restrictions), or undefined before it starts. */
function rotationAt(layer: CompiledLayer, t: number): string | undefined {
  if (layer.participants.length === 0) return undefined;
  const k = shiftIndexAt(layer, t);
  return k < 0 ? undefined : layer.participants[k % layer.participants.length];
}

/** The rotation's shifts overlapping [from, to), clipped to it: contiguous from the first hand-off on. */
export function rotationShifts(layer: CompiledLayer, from: number, to: number): LayerShift[] {
  const shifts: LayerShift[] = [];
  const n = layer.participants.length;
  if (n === 0 || to <= from) return shifts;
  let k = Math.max(0, shiftIndexAt(layer, from));
  let start = handoffAt(layer, k);
  while (start < to) {
    const end = handoffAt(layer, k + 1);
    if (end > from) shifts.push({ start: Math.max(start, from), end: Math.min(end, to), userId: layer.participants[k % n]! });
    k++;
    start = end;
  }
  return shifts;
}

/** The layer's active windows overlapping [from, to), merged and clipped; the whole range when unrestricted. */
export function activeWindows(layer: CompiledLayer, from: number, to: number): Interval[] {
  if (to <= from) return [];
  if (layer.restrictions.length === 0) return [{ start: from, end: to }];
  const { clock } = layer;
  const raw: Interval[] = [];
  const lastDay = wallDayStart(clock.wallOf(to));
  for (let day = wallDayStart(clock.wallOf(from)) - DAY_MS; day <= lastDay; day += DAY_MS) {
    const weekday = wallWeekday(day);
    for (const r of layer.restrictions) {
      if (!r.days[weekday]) continue;
      const start = clock.instantOf(day + r.fromMinute * 60_000);
      const end = clock.instantOf(day + r.toMinute * 60_000);
      if (end > start && end > from && start < to) raw.push({ start: Math.max(start, from), end: Math.min(end, to) });
    }
  }
  return mergeIntervals(raw);
}

/** True when instant t falls inside one of the layer's windows (always true when unrestricted). */
export function isActiveAt(layer: CompiledLayer, t: number): boolean {
  if (layer.restrictions.length === 0) return true;
  const { clock } = layer;
  const today = wallDayStart(clock.wallOf(t));
  // A window lasts at most a day, so only windows starting yesterday or today can hold t.
  for (let day = today - DAY_MS; day <= today; day += DAY_MS) {
    const weekday = wallWeekday(day);
    for (const r of layer.restrictions) {
      if (!r.days[weekday]) continue;
      if (clock.instantOf(day + r.fromMinute * 60_000) <= t && t < clock.instantOf(day + r.toMinute * 60_000)) return true;
    }
  }
  return false;
}

/** Who this layer puts on call at instant t, or undefined. */
export function layerOnCallAt(layer: CompiledLayer, t: number): string | undefined {
  const userId = rotationAt(layer, t);
  return userId !== undefined && isActiveAt(layer, t) ? userId : undefined;
}

/** The layer's on-call stretches in [from, to): rotation shifts cut to the active windows. */
export function layerShifts(layer: CompiledLayer, from: number, to: number): LayerShift[] {
  const shifts = rotationShifts(layer, from, to);
  if (layer.restrictions.length === 0) return shifts;
  const windows = activeWindows(layer, from, to);
  const out: LayerShift[] = [];
  let w = 0;
  for (const shift of shifts) {
    while (w < windows.length && windows[w]!.end <= shift.start) w++;
    for (let i = w; i < windows.length && windows[i]!.start < shift.end; i++) {
      const start = Math.max(shift.start, windows[i]!.start);
      const end = Math.min(shift.end, windows[i]!.end);
      if (end > start) out.push({ start, end, userId: shift.userId });
    }
  }
  return out;
}

/** Sorts and merges overlapping or touching intervals. */
export function mergeIntervals(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ ...i });
  }
  return out;
}
