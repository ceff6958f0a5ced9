import assert from 'node:assert/strict';
import { test } from 'node:test';
import { atNight, burdenReport, spreadOf } from './burden.js';

test('night is 22:00 to 07:00 in the person’s own zone', () => {
  // 21:30 UTC is 22:30 in Berlin (winter) and 16:30 in New York.
  assert.equal(atNight('2026-12-01T21:30:00Z', 'Europe/Berlin'), true);
  assert.equal(atNight('2026-12-01T21:30:00Z', 'America/New_York'), false);
  assert.equal(atNight('2026-12-02T06:59:00Z', 'UTC'), true);
  assert.equal(atNight('2026-12-02T07:00:00Z', 'UTC'), false);
});

test('the report counts night, weekend and interrupted nights per person, ranks them, and gives the spread', () => {
  const people = [
    { id: 'ana', name: 'Ana', timeZone: 'Europe/Berlin' },
    { id: 'raj', name: 'Raj', timeZone: 'Asia/Kolkata' },
  ];
  const pages = [
    // Ana: two pages the same night (23:10 and 02:10 Berlin), one on Saturday afternoon.
    { userId: 'ana', at: '2026-12-03T22:10:00Z', acknowledgedAt: '2026-12-03T22:12:00Z', acknowledgedByRecipient: true },
    { userId: 'ana', at: '2026-12-04T01:10:00Z', acknowledgedAt: '2026-12-04T01:20:00Z', acknowledgedByRecipient: true },
    { userId: 'ana', at: '2026-12-05T14:00:00Z', acknowledgedAt: null, acknowledgedByRecipient: false },
    // Raj: 12:00 UTC is 17:30 in Kolkata, a weekday.
    { userId: 'raj', at: '2026-12-03T12:00:00Z', acknowledgedAt: '2026-12-03T12:01:00Z', acknowledgedByRecipient: true },
  ];
  const report = burdenReport(people, pages, new Map([['ana', 84], ['raj', 84]]));
  const [ana, raj] = report.people;
  assert.deepEqual(
    { id: ana!.userId, pages: ana!.pages, night: ana!.nightPages, weekend: ana!.weekendPages, nights: ana!.nightsInterrupted, tta: ana!.medianSecondsToAcknowledge, rank: ana!.rank },
    { id: 'ana', pages: 3, night: 2, weekend: 1, nights: 1, tta: 360, rank: 1 },
  );
  assert.deepEqual({ pages: raj!.pages, night: raj!.nightPages, weekend: raj!.weekendPages, tta: raj!.medianSecondsToAcknowledge, rank: raj!.rank }, { pages: 1, night: 0, weekend: 0, tta: 60, rank: 2 });
  assert.deepEqual(report.spread.pages, { min: 1, max: 3, mean: 2, coefficientOfVariation: 0.5 });
  assert.equal(report.spread.hoursOnCall.coefficientOfVariation, 0);
});

test('an empty team has an even spread', () => {
  assert.deepEqual(spreadOf([]), { min: 0, max: 0, mean: 0, coefficientOfVariation: 0 });
});
