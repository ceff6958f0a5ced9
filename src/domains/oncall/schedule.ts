/**
 * A schedule's final answer: layers stacked (a later layer wins wherever it
 * has someone on call), then overrides. Pure functions; instants are UTC ms.
 */
import { ZoneClock } from './schedule-zone.js';
import { compileLayer, layerOnCallAt, layerShifts, type CompiledLayer, type Interval, type RotationLayer } from './rotation.js';
import { applyOverrides, type OverrideRule } from './overrides.js';

export interface ScheduleRules {
  /** IANA zone all local times of the layers are read in. */
  zone: string;
  /** Bottom first: a later layer wins during its hours. */
  layers: RotationLayer[];
  /** Oldest first. */
  overrides: OverrideRule[];
}

/** A stretch of time with the same people on call (never empty: gaps are left out). */
export interface FinalShift extends Interval {
  userIds: string[];
}

export interface CompiledSchedule {
  clock: ZoneClock;
  layers: CompiledLayer[];
  overrides: OverrideRule[];
}

/** Parses a schedule's local strings once, for repeated questions. */
export function compileSchedule(rules: ScheduleRules): CompiledSchedule {
  const clock = ZoneClock.of(rules.zone);
  return { clock, layers: rules.layers.map((l) => compileLayer(l, clock)), overrides: rules.overrides };
}

/** Who is on call at instant t, after layers and overrides. */
export function onCallAtInstant(schedule: CompiledSchedule, t: number): string[] {
  let base: string[] = [];
  for (let i = schedule.layers.length - 1; i >= 0; i--) {
    const userId = layerOnCallAt(schedule.layers[i]!, t);
    if (userId !== undefined) {
      base = [userId];
      break;
    }
  }
  return schedule.overrides.length === 0 ? base : applyOverrides(base, schedule.overrides, t);
}

/** The final shifts in [from, to): consecutive stretches with the same people, gaps left out. */
export function finalShifts(schedule: CompiledSchedule, from: number, to: number): FinalShift[] {
  if (to <= from) return [];
  const pieces = schedule.layers.map((l) => layerShifts(l, from, to));
  const cuts = new Set<number>([from, to]);
  for (const layer of pieces) for (const p of layer) cuts.add(p.start).add(p.end);
  const overrides = schedule.overrides.filter((o) => o.end > from && o.start < to);
  for (const o of overrides) cuts.add(Math.max(o.start, from)).add(Math.min(o.end, to));
  const points = [...cuts].sort((a, b) => a - b);

  const cursor = pieces.map(() => 0);
  const out: FinalShift[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    let base: string[] = [];
    for (let l = pieces.length - 1; l >= 0; l--) {
      const layer = pieces[l]!;
      while (cursor[l]! < layer.length && layer[cursor[l]!]!.end <= start) cursor[l]!++;
      const piece = layer[cursor[l]!];
      if (piece && piece.start <= start) {
        base = [piece.userId];
        break;
      }
    }
    const userIds = overrides.length === 0 ? base : applyOverrides(base, overrides, start);
    if (userIds.length === 0) continue;
    const last = out[out.length - 1];
    if (last && last.end === start && sameUsers(last.userIds, userIds)) last.end = end;
    else out.push({ start, end, userIds });
  }
  return out;
}

/** The stretches of [from, to) when nobody is on call. */
export function scheduleGaps(schedule: CompiledSchedule, from: number, to: number): Interval[] {
  const gaps: Interval[] = [];
  let covered = from;
  for (const shift of finalShifts(schedule, from, to)) {
    if (shift.start > covered) gaps.push({ start: covered, end: shift.start });
    covered = shift.end;
  }
  if (covered < to) gaps.push({ start: covered, end: to });
  return gaps;
}

/** One person's shifts: the final shifts they are part of, adjacent ones joined. */
export function shiftsOf(shifts: readonly FinalShift[], userId: string): Interval[] {
  const out: Interval[] = [];
  for (const s of shifts) {
    if (!s.userIds.includes(userId)) continue;
    const last = out[out.length - 1];
    if (last && last.end === s.start) last.end = s.end;
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

function sameUsers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((u, i) => u === b[i]);
}
