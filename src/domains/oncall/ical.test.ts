import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderCalendar } from './ical.js';

const shifts = [
  { start: new Date('2026-03-08T07:30:00Z'), end: new Date('2026-03-09T06:30:00Z'), summary: 'On call: Ana', description: 'Ana on call for payments', key: 's1|2026-03-08T07:30:00.000Z|ana' },
  { start: new Date('2026-03-09T06:30:00Z'), end: new Date('2026-03-10T06:30:00Z'), summary: 'On call: Bo', description: 'Bo on call for payments', key: 's1|2026-03-09T06:30:00.000Z|bo' },
];

test('a feed has one transparent event per shift in UTC, with a refresh interval', () => {
  const body = renderCalendar('On call: payments', shifts, new Date('2026-03-01T00:00:00Z'));
  const lines = body.split('\r\n');
  assert.equal(lines[0], 'BEGIN:VCALENDAR');
  assert.equal(lines.filter((l) => l === 'BEGIN:VEVENT').length, 2);
  assert.deepEqual(lines.filter((l) => l.startsWith('DTSTART') || l.startsWith('DTEND')), ['DTSTART:20260308T073000Z', 'DTEND:20260309T063000Z', 'DTSTART:20260309T063000Z', 'DTEND:20260310T063000Z']);
  assert.deepEqual(lines.filter((l) => l.startsWith('SUMMARY')), ['SUMMARY:On call: Ana', 'SUMMARY:On call: Bo']);
  assert.equal(lines.filter((l) => l === 'TRANSP:TRANSPARENT').length, 2);
  assert.ok(lines.includes('X-WR-CALNAME:On call: payments'));
  assert.ok(lines.some((l) => /^REFRESH-INTERVAL;VALUE=DURATION:PT1H$/.test(l)), body);
});

test('event ids are stable across refreshes, so calendar apps update instead of duplicating', () => {
  const uids = (at: string) => renderCalendar('x', shifts, new Date(at)).split('\r\n').filter((l) => l.startsWith('UID:'));
  assert.deepEqual(uids('2026-03-01T00:00:00Z'), uids('2026-03-02T00:00:00Z'));
  assert.equal(new Set(uids('2026-03-01T00:00:00Z')).size, 2);
});
