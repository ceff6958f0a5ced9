/**
 * The DST table: daily and weekly rotations handing off at 00:00, 02:30 and
 * 09:00 across both DST changes of 2026 and 2027, in zones with a one-hour
 * change (America/New_York, Europe/Berlin), a 30-minute change
 * (Australia/Lord_Howe) and none (Asia/Kolkata). Every expected hand-off is
 * written out by hand with its UTC offset; the rule (RFC 5545 §3.3.5):
 * - a local time that does not exist is read with the offset before the gap
 *   (New York 2026-03-08 02:30 → 03:30-04:00, Berlin 2026-03-29 02:30 → 03:30+02:00);
 * - a local time that happens twice is its first occurrence
 *   (Berlin 2026-10-25 02:30 → 02:30+02:00, Lord Howe 2026-04-05 01:45 → 01:45+11:00).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compileSchedule, finalShifts } from './schedule.js';
import type { RotationUnit } from './rotation.js';

interface Row {
  zone: string;
  /** The day of the DST change (a Sunday), local. */
  day: string;
  handoff: string;
  /** UTC offset before and after the change. */
  before: string;
  after: string;
  /** The hand-off on the day of the change, as the rule resolves it. */
  onDay: string;
  /** Hours of the shifts ending at and starting at the hand-off on the day (daily rotation). */
  daily: [number, number];
  /** Same for a weekly rotation handing off on Sundays. */
  weekly: [number, number];
}

const NY = 'America/New_York';
const BER = 'Europe/Berlin';
const LH = 'Australia/Lord_Howe';
const KOL = 'Asia/Kolkata';

// prettier-ignore
const TABLE: Row[] = [
  // New York: spring 02:00 EST → 03:00 EDT; autumn 02:00 EDT → 01:00 EST (01:00-02:00 twice).
  { zone: NY, day: '2026-03-08', handoff: '00:00', before: '-05:00', after: '-04:00', onDay: '2026-03-08T00:00-05:00', daily: [24, 23], weekly: [168, 167] },
  { zone: NY, day: '2026-03-08', handoff: '02:30', before: '-05:00', after: '-04:00', onDay: '2026-03-08T03:30-04:00', daily: [24, 23], weekly: [168, 167] },
  { zone: NY, day: '2026-03-08', handoff: '09:00', before: '-05:00', after: '-04:00', onDay: '2026-03-08T09:00-04:00', daily: [23, 24], weekly: [167, 168] },
  { zone: NY, day: '2026-11-01', handoff: '00:00', before: '-04:00', after: '-05:00', onDay: '2026-11-01T00:00-04:00', daily: [24, 25], weekly: [168, 169] },
  { zone: NY, day: '2026-11-01', handoff: '02:30', before: '-04:00', after: '-05:00', onDay: '2026-11-01T02:30-05:00', daily: [25, 24], weekly: [169, 168] },
  { zone: NY, day: '2026-11-01', handoff: '09:00', before: '-04:00', after: '-05:00', onDay: '2026-11-01T09:00-05:00', daily: [25, 24], weekly: [169, 168] },
  { zone: NY, day: '2027-03-14', handoff: '00:00', before: '-05:00', after: '-04:00', onDay: '2027-03-14T00:00-05:00', daily: [24, 23], weekly: [168, 167] },
  { zone: NY, day: '2027-03-14', handoff: '02:30', before: '-05:00', after: '-04:00', onDay: '2027-03-14T03:30-04:00', daily: [24, 23], weekly: [168, 167] },
  { zone: NY, day: '2027-03-14', handoff: '09:00', before: '-05:00', after: '-04:00', onDay: '2027-03-14T09:00-04:00', daily: [23, 24], weekly: [167, 168] },
  { zone: NY, day: '2027-11-07', handoff: '00:00', before: '-04:00', after: '-05:00', onDay: '2027-11-07T00:00-04:00', daily: [24, 25], weekly: [168, 169] },
  { zone: NY, day: '2027-11-07', handoff: '02:30', before: '-04:00', after: '-05:00', onDay: '2027-11-07T02:30-05:00', daily: [25, 24], weekly: [169, 168] },
  { zone: NY, day: '2027-11-07', handoff: '09:00', before: '-04:00', after: '-05:00', onDay: '2027-11-07T09:00-05:00', daily: [25, 24], weekly: [169, 168] },
  // Berlin: spring 02:00 CET → 03:00 CEST; autumn 03:00 CEST → 02:00 CET (02:00-03:00 twice, so 02:30 is ambiguous).
  { zone: BER, day: '2026-03-29', handoff: '00:00', before: '+01:00', after: '+02:00', onDay: '2026-03-29T00:00+01:00', daily: [24, 23], weekly: [168, 167] },
  { zone: BER, day: '2026-03-29', handoff: '02:30', before: '+01:00', after: '+02:00', onDay: '2026-03-29T03:30+02:00', daily: [24, 23], weekly: [168, 167] },
  { zone: BER, day: '2026-03-29', handoff: '09:00', before: '+01:00', after: '+02:00', onDay: '2026-03-29T09:00+02:00', daily: [23, 24], weekly: [167, 168] },
  { zone: BER, day: '2026-10-25', handoff: '00:00', before: '+02:00', after: '+01:00', onDay: '2026-10-25T00:00+02:00', daily: [24, 25], weekly: [168, 169] },
  { zone: BER, day: '2026-10-25', handoff: '02:30', before: '+02:00', after: '+01:00', onDay: '2026-10-25T02:30+02:00', daily: [24, 25], weekly: [168, 169] },
  { zone: BER, day: '2026-10-25', handoff: '09:00', before: '+02:00', after: '+01:00', onDay: '2026-10-25T09:00+01:00', daily: [25, 24], weekly: [169, 168] },
  { zone: BER, day: '2027-03-28', handoff: '00:00', before: '+01:00', after: '+02:00', onDay: '2027-03-28T00:00+01:00', daily: [24, 23], weekly: [168, 167] },
  { zone: BER, day: '2027-03-28', handoff: '02:30', before: '+01:00', after: '+02:00', onDay: '2027-03-28T03:30+02:00', daily: [24, 23], weekly: [168, 167] },
  { zone: BER, day: '2027-03-28', handoff: '09:00', before: '+01:00', after: '+02:00', onDay: '2027-03-28T09:00+02:00', daily: [23, 24], weekly: [167, 168] },
  { zone: BER, day: '2027-10-31', handoff: '00:00', before: '+02:00', after: '+01:00', onDay: '2027-10-31T00:00+02:00', daily: [24, 25], weekly: [168, 169] },
  { zone: BER, day: '2027-10-31', handoff: '02:30', before: '+02:00', after: '+01:00', onDay: '2027-10-31T02:30+02:00', daily: [24, 25], weekly: [168, 169] },
  { zone: BER, day: '2027-10-31', handoff: '09:00', before: '+02:00', after: '+01:00', onDay: '2027-10-31T09:00+01:00', daily: [25, 24], weekly: [169, 168] },
  // Lord Howe: DST ends 02:00 +11:00 → 01:30 +10:30 (01:30-02:00 twice); starts 02:00 +10:30 → 02:30 +11:00 (02:00-02:30 missing).
  { zone: LH, day: '2026-04-05', handoff: '00:00', before: '+11:00', after: '+10:30', onDay: '2026-04-05T00:00+11:00', daily: [24, 24.5], weekly: [168, 168.5] },
  { zone: LH, day: '2026-04-05', handoff: '02:30', before: '+11:00', after: '+10:30', onDay: '2026-04-05T02:30+10:30', daily: [24.5, 24], weekly: [168.5, 168] },
  { zone: LH, day: '2026-04-05', handoff: '09:00', before: '+11:00', after: '+10:30', onDay: '2026-04-05T09:00+10:30', daily: [24.5, 24], weekly: [168.5, 168] },
  { zone: LH, day: '2026-04-05', handoff: '01:45', before: '+11:00', after: '+10:30', onDay: '2026-04-05T01:45+11:00', daily: [24, 24.5], weekly: [168, 168.5] },
  { zone: LH, day: '2026-10-04', handoff: '00:00', before: '+10:30', after: '+11:00', onDay: '2026-10-04T00:00+10:30', daily: [24, 23.5], weekly: [168, 167.5] },
  { zone: LH, day: '2026-10-04', handoff: '02:30', before: '+10:30', after: '+11:00', onDay: '2026-10-04T02:30+11:00', daily: [23.5, 24], weekly: [167.5, 168] },
  { zone: LH, day: '2026-10-04', handoff: '09:00', before: '+10:30', after: '+11:00', onDay: '2026-10-04T09:00+11:00', daily: [23.5, 24], weekly: [167.5, 168] },
  { zone: LH, day: '2026-10-04', handoff: '02:15', before: '+10:30', after: '+11:00', onDay: '2026-10-04T02:45+11:00', daily: [24, 23.5], weekly: [168, 167.5] },
  { zone: LH, day: '2027-04-04', handoff: '00:00', before: '+11:00', after: '+10:30', onDay: '2027-04-04T00:00+11:00', daily: [24, 24.5], weekly: [168, 168.5] },
  { zone: LH, day: '2027-04-04', handoff: '02:30', before: '+11:00', after: '+10:30', onDay: '2027-04-04T02:30+10:30', daily: [24.5, 24], weekly: [168.5, 168] },
  { zone: LH, day: '2027-04-04', handoff: '09:00', before: '+11:00', after: '+10:30', onDay: '2027-04-04T09:00+10:30', daily: [24.5, 24], weekly: [168.5, 168] },
  { zone: LH, day: '2027-10-03', handoff: '00:00', before: '+10:30', after: '+11:00', onDay: '2027-10-03T00:00+10:30', daily: [24, 23.5], weekly: [168, 167.5] },
  { zone: LH, day: '2027-10-03', handoff: '02:30', before: '+10:30', after: '+11:00', onDay: '2027-10-03T02:30+11:00', daily: [23.5, 24], weekly: [167.5, 168] },
  { zone: LH, day: '2027-10-03', handoff: '09:00', before: '+10:30', after: '+11:00', onDay: '2027-10-03T09:00+11:00', daily: [23.5, 24], weekly: [167.5, 168] },
  // Kolkata keeps +05:30 all year: on the days other zones change, nothing moves.
  { zone: KOL, day: '2026-03-08', handoff: '00:00', before: '+05:30', after: '+05:30', onDay: '2026-03-08T00:00+05:30', daily: [24, 24], weekly: [168, 168] },
  { zone: KOL, day: '2026-03-08', handoff: '02:30', before: '+05:30', after: '+05:30', onDay: '2026-03-08T02:30+05:30', daily: [24, 24], weekly: [168, 168] },
  { zone: KOL, day: '2026-03-08', handoff: '09:00', before: '+05:30', after: '+05:30', onDay: '2026-03-08T09:00+05:30', daily: [24, 24], weekly: [168, 168] },
  { zone: KOL, day: '2026-10-25', handoff: '00:00', before: '+05:30', after: '+05:30', onDay: '2026-10-25T00:00+05:30', daily: [24, 24], weekly: [168, 168] },
  { zone: KOL, day: '2026-10-25', handoff: '02:30', before: '+05:30', after: '+05:30', onDay: '2026-10-25T02:30+05:30', daily: [24, 24], weekly: [168, 168] },
  { zone: KOL, day: '2026-10-25', handoff: '09:00', before: '+05:30', after: '+05:30', onDay: '2026-10-25T09:00+05:30', daily: [24, 24], weekly: [168, 168] },
  { zone: KOL, day: '2027-03-28', handoff: '00:00', before: '+05:30', after: '+05:30', onDay: '2027-03-28T00:00+05:30', daily: [24, 24], weekly: [168, 168] },
  { zone: KOL, day: '2027-03-28', handoff: '02:30', before: '+05:30', after: '+05:30', onDay: '2027-03-28T02:30+05:30', daily: [24, 24], weekly: [168, 168] },
  { zone: KOL, day: '2027-03-28', handoff: '09:00', before: '+05:30', after: '+05:30', onDay: '2027-03-28T09:00+05:30', daily: [24, 24], weekly: [168, 168] },
  { zone: KOL, day: '2027-11-07', handoff: '00:00', before: '+05:30', after: '+05:30', onDay: '2027-11-07T00:00+05:30', daily: [24, 24], weekly: [168, 168] },
  { zone: KOL, day: '2027-11-07', handoff: '02:30', before: '+05:30', after: '+05:30', onDay: '2027-11-07T02:30+05:30', daily: [24, 24], weekly: [168, 168] },
  { zone: KOL, day: '2027-11-07', handoff: '09:00', before: '+05:30', after: '+05:30', onDay: '2027-11-07T09:00+05:30', daily: [24, 24], weekly: [168, 168] },
];

/** The calendar date `days` after a 'YYYY-MM-DD' date (plain date arithmetic, no zone). */
function plusDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const HOUR = 3_600_000;

function shiftsAround(row: Row, unit: RotationUnit) {
  const span = unit === 'weeks' ? 7 : 1;
  // The rotation starts three turns before the change day, so the turn ending on it is the third person's.
  const schedule = compileSchedule({
    zone: row.zone,
    layers: [{ id: 'l', name: 'primary', start: `${plusDays(row.day, -3 * span)}T${row.handoff}`, length: { unit, count: 1 }, participants: ['ana', 'bo', 'cy'], restrictions: [] }],
    overrides: [],
  });
  const before = Date.parse(`${plusDays(row.day, -span)}T${row.handoff}${row.before}`);
  const after = Date.parse(`${plusDays(row.day, span)}T${row.handoff}${row.after}`);
  return { shifts: finalShifts(schedule, before, after), before, after };
}

describe('DST table: hand-offs across the 2026 and 2027 clock changes', () => {
  for (const row of TABLE) {
    for (const unit of ['days', 'weeks'] as const) {
      const hours = unit === 'days' ? row.daily : row.weekly;
      test(`${row.zone} ${unit === 'days' ? 'daily' : 'weekly'} hand-off at ${row.handoff} around ${row.day} happens at ${row.onDay}`, () => {
        const { shifts, before, after } = shiftsAround(row, unit);
        const onDay = Date.parse(row.onDay);
        assert.deepEqual(
          shifts.map((s) => ({ start: new Date(s.start).toISOString(), end: new Date(s.end).toISOString(), userIds: s.userIds })),
          [
            { start: new Date(before).toISOString(), end: new Date(onDay).toISOString(), userIds: ['cy'] },
            { start: new Date(onDay).toISOString(), end: new Date(after).toISOString(), userIds: ['ana'] },
          ],
        );
        assert.deepEqual(shifts.map((s) => (s.end - s.start) / HOUR), hours);
      });
    }
  }
});

describe('hour-length rotations count elapsed time', () => {
  test('a 12-hour rotation from 09:00 in New York hands off at 10:00/22:00 local after spring-forward', () => {
    const schedule = compileSchedule({
      zone: NY,
      layers: [{ id: 'l', name: 'follow the sun', start: '2026-03-07T09:00', length: { unit: 'hours', count: 12 }, participants: ['ana', 'bo'], restrictions: [] }],
      overrides: [],
    });
    const shifts = finalShifts(schedule, Date.parse('2026-03-07T09:00-05:00'), Date.parse('2026-03-09T08:00-04:00'));
    assert.deepEqual(
      shifts.map((s) => [new Date(s.start).toISOString(), s.userIds[0]]),
      [
        ['2026-03-07T14:00:00.000Z', 'ana'], // 09:00 EST
        ['2026-03-08T02:00:00.000Z', 'bo'], // 21:00 EST
        ['2026-03-08T14:00:00.000Z', 'ana'], // 10:00 EDT
        ['2026-03-09T02:00:00.000Z', 'bo'], // 22:00 EDT
      ],
    );
  });
});
