/** The schedule timeline's geometry and the zone-aware date inputs, as pure functions. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dayTicks, finalRow, layerRows, overrideRow } from '../../web/src/domains/oncall/timeline.js';
import { isoToLocal, localToIso } from '../../web/src/ui/zone-input.js';

const DAY = 86_400_000;
const from = Date.parse('2026-10-19T07:00:00Z');
const window = { from, to: from + 14 * DAY };
const layer = (over: Partial<Parameters<typeof layerRows>[0][number]> = {}) => ({
  id: 'l1', name: 'primary', start: '2026-10-19T09:00', length: { unit: 'weeks', count: 1 }, participants: ['ann', 'bob'], restrictions: [], ...over,
});

describe('schedule timeline', () => {
  test('a weekly layer in Berlin is two bars, handing off at 09:00 local on both sides of the autumn DST change', () => {
    const [row] = layerRows([layer()], 'Europe/Berlin', window);
    assert.deepEqual(row!.bars.map((b) => [b.userIds[0], new Date(b.start).toISOString(), new Date(b.end).toISOString()]), [
      ['ann', '2026-10-19T07:00:00.000Z', '2026-10-26T08:00:00.000Z'],
      ['bob', '2026-10-26T08:00:00.000Z', '2026-11-02T07:00:00.000Z'],
    ]);
    assert.ok(Math.abs(row!.bars[0]!.left) < 1e-9);
    assert.ok(Math.abs(row!.bars[0]!.width + row!.bars[1]!.width - 1) < 1e-9, 'the bars fill the window');
  });

  test('a business-hours layer has one bar per weekday, none at weekends', () => {
    const [row] = layerRows([layer({ length: { unit: 'days', count: 1 }, restrictions: [{ days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' }] })], 'Europe/Berlin', window);
    assert.equal(row!.bars.length, 10);
    assert.ok(row!.bars.every((b) => new Date(b.start).getUTCDay() >= 1 && new Date(b.start).getUTCDay() <= 5));
  });

  test('the final row puts the API’s shifts and gaps in time order, gaps as their own kind; parts outside the window are cut', () => {
    const row = finalRow(
      [{ start: '2026-10-18T00:00:00Z', end: '2026-10-20T00:00:00Z', userIds: ['ann'] }, { start: '2026-10-21T00:00:00Z', end: '2026-11-10T00:00:00Z', userIds: ['bob', 'cy'] }],
      [{ start: '2026-10-20T00:00:00Z', end: '2026-10-21T00:00:00Z' }],
      window,
    );
    assert.deepEqual(row.bars.map((b) => [b.kind, b.userIds.join('+')]), [['shift', 'ann'], ['gap', ''], ['shift', 'bob+cy']]);
    assert.equal(row.bars[0]!.start, window.from);
    assert.equal(row.bars[2]!.end, window.to);
  });

  test('overrides outside the window are left out', () => {
    const row = overrideRow([{ start: '2026-10-01T00:00:00Z', end: '2026-10-02T00:00:00Z', userId: 'x' }, { start: '2026-10-20T00:00:00Z', end: '2026-10-20T08:00:00Z', userId: 'y' }], window);
    assert.deepEqual(row.bars.map((b) => b.userIds[0]), ['y']);
  });

  test('day ticks fall on the viewer’s local midnights, across their DST change', () => {
    const ticks = dayTicks(window, 'Europe/Berlin');
    assert.equal(ticks.length, 14);
    assert.equal(new Date(ticks[5]!.at).toISOString(), '2026-10-24T22:00:00.000Z', 'CEST midnight');
    assert.equal(new Date(ticks[6]!.at).toISOString(), '2026-10-25T23:00:00.000Z', 'CET midnight: 25 hours after the one before');
    assert.equal(new Date(ticks[7]!.at).toISOString(), '2026-10-26T23:00:00.000Z');
    const kolkata = dayTicks(window, 'Asia/Kolkata');
    assert.equal(new Date(kolkata[0]!.at).toISOString(), '2026-10-19T18:30:00.000Z');
  });
});

describe('zone-aware date inputs', () => {
  test('a datetime-local value is read in the chosen zone, not the browser’s', () => {
    assert.equal(localToIso('2026-03-29T09:00', 'Europe/Berlin'), '2026-03-29T07:00:00.000Z');
    assert.equal(localToIso('2026-03-29T09:00', 'Australia/Lord_Howe'), '2026-03-28T22:00:00.000Z');
    assert.equal(localToIso('not a time', 'UTC'), null);
    assert.equal(isoToLocal('2026-03-29T07:00:00.000Z', 'Europe/Berlin'), '2026-03-29T09:00');
  });
});
