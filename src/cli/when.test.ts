import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDuration, parseWhen } from './when.js';

const at = (iso: string) => new Date(iso);

test('HH:MM is the most recent past occurrence in the person’s zone, yesterday when needed', () => {
  // 00:20 in Berlin (UTC+1 in December) is 23:20 UTC the day before.
  assert.equal(parseWhen('23:40', 'Europe/Berlin', at('2026-12-01T23:20:00Z')), '2026-12-01T22:40:00.000Z');
  assert.equal(parseWhen('23:40', 'Europe/Berlin', at('2026-11-30T23:20:00Z')), '2026-11-30T22:40:00.000Z');
  // 23:50 in New York, logging 14:03: earlier the same local day.
  assert.equal(parseWhen('14:03', 'America/New_York', at('2026-12-02T04:50:00Z')), '2026-12-01T19:03:00.000Z');
  // 00:20 in New York, logging 14:03: yesterday afternoon.
  assert.equal(parseWhen('14:03', 'America/New_York', at('2026-12-01T05:20:00Z')), '2026-11-30T19:03:00.000Z');
  assert.equal(parseWhen('0:20', 'UTC', at('2026-12-01T00:20:00Z')), '2026-12-01T00:20:00.000Z');
});

test('HH:MM across a DST change stays within 24 hours and names the right moment', () => {
  // Berlin springs forward on 2026-03-29 at 02:00 -> 03:00. At 03:10 local (01:10 UTC), 01:50 was 2h20m of clock ago but 1h20m of time ago.
  assert.equal(parseWhen('01:50', 'Europe/Berlin', at('2026-03-29T01:10:00Z')), '2026-03-29T00:50:00.000Z');
  // Berlin falls back on 2026-10-25 at 03:00 -> 02:00. At 09:00 local (08:00 UTC), 23:30 was yesterday at 21:30 UTC.
  assert.equal(parseWhen('23:30', 'Europe/Berlin', at('2026-10-25T08:00:00Z')), '2026-10-24T21:30:00.000Z');
  for (const now of ['2026-03-29T01:10:00Z', '2026-10-25T00:30:00Z', '2026-11-01T06:30:00Z']) {
    for (const zone of ['Europe/Berlin', 'America/New_York']) {
      const got = Date.parse(parseWhen('02:30', zone, at(now)));
      assert.ok(got <= Date.parse(now) && Date.parse(now) - got <= 25 * 3_600_000, `${zone} ${now}`);
    }
  }
});

test('durations count back for past times and forward for deadlines; zone-less ISO is local', () => {
  const now = at('2026-12-01T10:00:00Z');
  assert.equal(parseDuration('15m'), 900_000);
  assert.equal(parseWhen('15m', 'UTC', now), '2026-12-01T09:45:00.000Z');
  assert.equal(parseWhen('2h', 'UTC', now, 'future'), '2026-12-01T12:00:00.000Z');
  assert.equal(parseWhen('2026-12-01T09:30', 'Europe/Berlin', now), '2026-12-01T08:30:00.000Z');
  assert.equal(parseWhen('2026-12-01T09:30:00Z', 'Europe/Berlin', now), '2026-12-01T09:30:00.000Z');
  assert.equal(parseWhen('09:00', 'UTC', now, 'future'), '2026-12-02T09:00:00.000Z');
  assert.throws(() => parseWhen('lunchtime', 'UTC', now), /--at "lunchtime": give 23:50 \(the most recent\), 15m \(ago\), or an ISO time/);
});
