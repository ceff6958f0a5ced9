/**
 * Property tests over random rotations, zones and ranges. The oracle works
 * from Luxon alone (DateTime.plus in the zone, getPossibleOffsets for the
 * repeated hour), independent of the offset tables the fast path uses.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { ZoneClock } from './schedule-zone.js';
import { compileLayer, rotationShifts, type Restriction, type RotationLayer, type RotationUnit } from './rotation.js';
import { compileSchedule, finalShifts, onCallAtInstant, scheduleGaps, type ScheduleRules } from './schedule.js';
import type { OverrideRule } from './overrides.js';

const ZONES = ['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC', 'America/St_Johns', 'Pacific/Chatham', 'Europe/London', 'America/Santiago'];
const PEOPLE = ['ana', 'bo', 'cy', 'dee', 'eli'];
const RUNS = { numRuns: 300, seed: 20261201 };
const DAY = 86_400_000;

/** RFC 5545 reading of a local time, from Luxon only: first occurrence, or the offset before a gap. */
function oracleInstant(zone: string, local: { year: number; month: number; day: number; hour: number; minute: number }): number {
  const dt = DateTime.fromObject(local, { zone });
  const possible = dt.getPossibleOffsets();
  if (possible.length > 0) return Math.min(...possible.map((p) => p.toMillis()));
  // Nonexistent: Luxon reads it with the offset before the gap.
  return dt.toMillis();
}

function oracleHandoff(zone: string, layer: RotationLayer, k: number): number {
  const start = DateTime.fromISO(layer.start, { zone: 'UTC' });
  if (layer.length.unit === 'hours') return oracleInstant(zone, start.toObject() as never) + k * layer.length.count * 3_600_000;
  const days = k * layer.length.count * (layer.length.unit === 'weeks' ? 7 : 1);
  const local = start.plus({ days });
  return oracleInstant(zone, { year: local.year, month: local.month, day: local.day, hour: local.hour, minute: local.minute });
}

/** Who one layer names at t, computed from the rules by counting hand-offs and checking windows with Luxon. */
function oracleLayerAt(zone: string, layer: RotationLayer, t: number): string | undefined {
  const first = oracleHandoff(zone, layer, 0);
  if (t < first) return undefined;
  // Start a little before the nominal estimate (DST moves hand-offs by at most hours), then count up.
  const nominal = layer.length.count * { hours: 3_600_000, days: DAY, weeks: 7 * DAY }[layer.length.unit];
  let k = Math.max(0, Math.floor((t - first) / nominal) - 2);
  assert.ok(oracleHandoff(zone, layer, k) <= t);
  while (oracleHandoff(zone, layer, k + 1) <= t) k++;
  const userId = layer.participants[k % layer.participants.length];
  if (layer.restrictions.length === 0) return userId;
  const today = DateTime.fromMillis(t, { zone }).startOf('day');
  for (const day of [today.minus({ days: 1 }), today]) {
    for (const r of layer.restrictions) {
      if (!r.days.includes(day.weekday)) continue;
      const [fh, fm] = r.from.split(':').map(Number) as [number, number];
      const [th, tm] = r.to.split(':').map(Number) as [number, number];
      const end = th * 60 + tm <= fh * 60 + fm ? day.plus({ days: 1 }) : day;
      const s = oracleInstant(zone, { year: day.year, month: day.month, day: day.day, hour: fh, minute: fm });
      const e = oracleInstant(zone, { year: end.year, month: end.month, day: end.day, hour: th, minute: tm });
      if (s <= t && t < e) return userId;
    }
  }
  return undefined;
}

function oracleOnCall(rules: ScheduleRules, t: number): string[] {
  let base: string[] = [];
  for (let i = rules.layers.length - 1; i >= 0; i--) {
    const u = oracleLayerAt(rules.zone, rules.layers[i]!, t);
    if (u !== undefined) {
      base = [u];
      break;
    }
  }
  for (const o of rules.overrides) {
    if (t < o.start || t >= o.end) continue;
    if (o.kind === 'add') base = base.includes(o.userId) ? base : [...base, o.userId];
    else if (o.replaces === null) base = [o.userId];
    else if (base.includes(o.replaces)) base = [...new Set(base.map((u) => (u === o.replaces ? o.userId : u)))];
  }
  return base;
}

const pad = (n: number) => String(n).padStart(2, '0');
const timeArb = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45)).map(([h, m]) => `${pad(h)}:${pad(m)}`);
const lengthArb = fc.oneof(
  fc.record({ unit: fc.constant<RotationUnit>('hours'), count: fc.integer({ min: 1, max: 72 }) }),
  fc.record({ unit: fc.constant<RotationUnit>('days'), count: fc.integer({ min: 1, max: 10 }) }),
  fc.record({ unit: fc.constant<RotationUnit>('weeks'), count: fc.integer({ min: 1, max: 3 }) }),
);
const restrictionArb: fc.Arbitrary<Restriction> = fc.record({
  days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
  from: timeArb,
  to: timeArb,
});
/** Instants in 2025-2028, so ranges cross DST changes in both hemispheres. */
const instantArb = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) });
const layerArb = (restricted: boolean): fc.Arbitrary<RotationLayer> =>
  fc.record({
    id: fc.constant('layer'),
    name: fc.constant('layer'),
    start: fc.tuple(fc.date({ min: new Date(Date.UTC(2025, 0, 1)), max: new Date(Date.UTC(2027, 0, 1)), noInvalidDate: true }), timeArb).map(([d, t]) => `${d.toISOString().slice(0, 10)}T${t}`),
    length: lengthArb,
    participants: fc.array(fc.constantFrom(...PEOPLE), { minLength: 1, maxLength: 5 }),
    restrictions: restricted ? fc.array(restrictionArb, { minLength: 1, maxLength: 3 }) : fc.constant([]),
  });
const overrideArb: fc.Arbitrary<OverrideRule> = fc
  .record({
    kind: fc.constantFrom<'replace' | 'add'>('replace', 'add'),
    start: instantArb,
    hours: fc.integer({ min: 1, max: 24 * 20 }),
    userId: fc.constantFrom(...PEOPLE, 'zed'),
    replaces: fc.option(fc.constantFrom(...PEOPLE), { nil: null }),
  })
  .map((o) => ({ id: 'o', kind: o.kind, start: o.start, end: o.start + o.hours * 3_600_000, userId: o.userId, replaces: o.kind === 'add' ? null : o.replaces }));
const rulesArb: fc.Arbitrary<ScheduleRules> = fc.record({
  zone: fc.constantFrom(...ZONES),
  layers: fc.array(fc.oneof(layerArb(false), layerArb(true)), { minLength: 1, maxLength: 3 }),
  overrides: fc.array(overrideArb, { maxLength: 3 }),
});

describe('schedule properties', () => {
  test('offsets from the zone tables agree with Luxon at every instant', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), (zone, t) => {
        assert.equal(ZoneClock.of(zone).offsetAt(t), DateTime.fromMillis(t, { zone }).offset);
      }),
      { ...RUNS, numRuns: 3000 },
    );
  });

  test('local times resolve by the RFC 5545 rule, as the Luxon oracle does', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instantArb, fc.integer({ min: 0, max: 59 }), (zone, t, minute) => {
        const local = DateTime.fromMillis(t, { zone: 'UTC' }).set({ minute });
        const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, minute);
        assert.equal(ZoneClock.of(zone).instantOf(wall), oracleInstant(zone, { year: local.year, month: local.month, day: local.day, hour: local.hour, minute }));
      }),
      { ...RUNS, numRuns: 3000 },
    );
  });

  test('within a layer the shifts cover the range with no gap or overlap, in rotation order', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), layerArb(false), instantArb, fc.integer({ min: 1, max: 90 * 24 }), (zone, layer, from, hours) => {
        const compiled = compileLayer(layer, ZoneClock.of(zone));
        const to = from + hours * 3_600_000;
        const shifts = rotationShifts(compiled, from, to);
        const coveredFrom = Math.max(from, compiled.firstHandoff);
        if (coveredFrom >= to) return assert.deepEqual(shifts, []);
        assert.equal(shifts[0]!.start, coveredFrom);
        assert.equal(shifts.at(-1)!.end, to);
        for (let i = 0; i < shifts.length; i++) {
          assert.ok(shifts[i]!.end > shifts[i]!.start, 'every shift is non-empty');
          if (i > 0) assert.equal(shifts[i]!.start, shifts[i - 1]!.end, 'each shift starts where the previous ended');
          assert.equal(shifts[i]!.userId, oracleLayerAt(zone, layer, shifts[i]!.start));
        }
      }),
      RUNS,
    );
  });

  test('every instant maps to exactly the people the rules say, in the shifts and in the point query', () => {
    fc.assert(
      fc.property(rulesArb, instantArb, fc.integer({ min: 1, max: 30 * 24 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), { minLength: 1, maxLength: 8 }), (rules, from, hours, probes) => {
        const schedule = compileSchedule(rules);
        const to = from + hours * 3_600_000;
        const shifts = finalShifts(schedule, from, to);
        const gaps = scheduleGaps(schedule, from, to);
        // Shifts and gaps tile the range.
        const pieces = [...shifts, ...gaps].sort((a, b) => a.start - b.start);
        assert.equal(pieces[0]!.start, from);
        assert.equal(pieces.at(-1)!.end, to);
        for (let i = 1; i < pieces.length; i++) assert.equal(pieces[i]!.start, pieces[i - 1]!.end);
        const probeAt = [from, to - 1, ...shifts.flatMap((s) => [s.start, s.end - 1]).slice(0, 40), ...probes.map((p) => from + Math.floor(p * (to - from)))];
        for (const t of probeAt) {
          const expected = oracleOnCall(rules, t);
          assert.deepEqual(onCallAtInstant(schedule, t), expected, `at ${new Date(t).toISOString()}`);
          const shift = shifts.find((s) => s.start <= t && t < s.end);
          assert.deepEqual(shift?.userIds ?? [], expected, `shift at ${new Date(t).toISOString()}`);
        }
      }),
      { ...RUNS, numRuns: 150 },
    );
  });

  test('a year of a daily rotation hands off at 09:00 local every day in every zone', () => {
    for (const zone of ZONES) {
      const schedule = compileSchedule({ zone, layers: [{ id: 'l', name: 'l', start: '2026-01-01T09:00', length: { unit: 'days', count: 1 }, participants: ['ana', 'bo'], restrictions: [] }], overrides: [] });
      const from = oracleInstant(zone, { year: 2026, month: 1, day: 1, hour: 9, minute: 0 });
      const shifts = finalShifts(schedule, from, from + 365 * DAY);
      // Alternating people never merge, so each day's hand-off starts a shift.
      assert.equal(shifts.length, 365, zone);
      for (const s of shifts) assert.equal(DateTime.fromMillis(s.start, { zone }).toFormat('HH:mm'), '09:00', `${zone} ${new Date(s.start).toISOString()}`);
    }
  });
});
