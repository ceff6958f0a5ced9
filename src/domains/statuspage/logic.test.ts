/** Pure logic of the status page: uptime bars, overall state, templates. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { reduce } from '../incidents/reduce.js';
import { at, declaredBody, timeline, T0 } from '../incidents/testing.js';
import { impactOf, overallStatus } from './model.js';
import { DEFAULT_TEMPLATES, draftUpdate, durationText, renderTemplate, templateError } from './templates.js';
import { uptimeDays } from './uptime.js';

describe('uptime bars', () => {
  const now = new Date('2026-11-23T12:00:00.000Z');

  test('a component created 3 days ago has 87 days without data and 100% since', () => {
    const { days, uptime } = uptimeDays([{ status: 'operational', startedAt: '2026-11-20T12:00:00.000Z' }], now, 'UTC');
    assert.equal(days.length, 90);
    assert.equal(days.filter((d) => d.worst === null).length, 86);
    assert.equal(days.at(-1)!.date, '2026-11-23');
    assert.equal(uptime, 1);
  });

  test('a 6-hour major outage colours its day and costs a quarter of it; a partial outage counts 30%', () => {
    const spans = [
      { status: 'operational' as const, startedAt: '2026-01-01T00:00:00.000Z' },
      { status: 'major_outage' as const, startedAt: '2026-11-21T00:00:00.000Z' },
      { status: 'operational' as const, startedAt: '2026-11-21T06:00:00.000Z' },
      { status: 'partial_outage' as const, startedAt: '2026-11-22T00:00:00.000Z' },
      { status: 'operational' as const, startedAt: '2026-11-22T10:00:00.000Z' },
    ];
    const { days } = uptimeDays(spans, now, 'UTC');
    const day = (date: string) => days.find((d) => d.date === date)!;
    assert.equal(day('2026-11-21').worst, 'major_outage');
    assert.equal(day('2026-11-21').uptime, 0.75);
    assert.equal(day('2026-11-22').worst, 'partial_outage');
    assert.ok(Math.abs(day('2026-11-22').uptime! - (1 - (10 / 24) * 0.3)) < 1e-9);
    assert.equal(day('2026-11-20').uptime, 1);
  });

  test("days follow the page's time zone", () => {
    const spans = [{ status: 'operational' as const, startedAt: '2026-01-01T00:00:00.000Z' }, { status: 'major_outage' as const, startedAt: '2026-11-22T23:30:00.000Z' }, { status: 'operational' as const, startedAt: '2026-11-22T23:45:00.000Z' }];
    const utc = uptimeDays(spans, now, 'UTC').days;
    const tokyo = uptimeDays(spans, now, 'Asia/Tokyo').days;
    assert.equal(utc.find((d) => d.date === '2026-11-22')!.worst, 'major_outage');
    assert.equal(tokyo.find((d) => d.date === '2026-11-23')!.worst, 'major_outage');
  });
});

describe('overall state', () => {
  test("Statuspage's indicator and words follow the worst component and incident", () => {
    assert.deepEqual(overallStatus([{ status: 'operational' }], [], false), { indicator: 'none', description: 'All Systems Operational' });
    assert.deepEqual(overallStatus([{ status: 'under_maintenance' }], [], true), { indicator: 'maintenance', description: 'Service Under Maintenance' });
    assert.deepEqual(overallStatus([{ status: 'degraded_performance' }], [], true), { indicator: 'minor', description: 'Minor Service Outage' }, 'an outage outranks maintenance');
    assert.deepEqual(overallStatus([{ status: 'degraded_performance' }], [], false), { indicator: 'minor', description: 'Minor Service Outage' });
    assert.deepEqual(overallStatus([{ status: 'partial_outage' }, { status: 'degraded_performance' }], [], false), { indicator: 'major', description: 'Partial System Outage' });
    assert.deepEqual(overallStatus([{ status: 'operational' }], [{ impact: 'critical' }], false), { indicator: 'critical', description: 'Major System Outage' });
    assert.deepEqual(overallStatus([], [{ impact: 'none' }], false), { indicator: 'minor', description: 'Minor Service Outage' }, 'an active incident on a page without components is not "All Systems Operational"');
    assert.equal(impactOf(['degraded_performance', 'major_outage']), 'critical');
    assert.equal(impactOf([]), 'none');
  });
});

describe('update templates', () => {
  const tl = timeline();
  const declared = reduce(undefined, tl.next('declared', declaredBody({ severity: 'SEV1', title: 'Checkout failing' }), { minutes: 15 }));

  test('the declaration has the template\'s shape: "INCIDENT DECLARED - SEV1 / Summary / Impact / Status / IC / Tech Lead / Bridge / Next update in 15 minutes"', () => {
    const draft = draftUpdate('declaration', DEFAULT_TEMPLATES.declaration, declared, { now: new Date(Date.parse(at(16))), bridge: 'https://meet.example.test/inc' });
    assert.equal(draft.audience, 'internal');
    const lines = draft.text.split('\n');
    assert.equal(lines[0], 'INCIDENT DECLARED - SEV1');
    assert.equal(lines[1], 'Summary: Checkout failing');
    assert.equal(lines[4], 'IC: Alice');
    assert.equal(lines[6], 'Bridge: https://meet.example.test/inc');
    assert.equal(lines[7], 'Next update in 14 minutes');
  });

  test('the resolution gives the duration as "47 minutes (14:15 - 15:02 UTC)"', () => {
    assert.equal(durationText('2026-11-23T14:15:00.000Z', '2026-11-23T15:02:00.000Z'), '47 minutes (14:15 - 15:02 UTC)');
    const draft = draftUpdate('resolution', DEFAULT_TEMPLATES.resolution, declared, { now: new Date(T0 + 62 * 60_000) });
    assert.match(draft.text, /^INCIDENT RESOLVED - 15:02 UTC\nDuration: 47 minutes \(14:15 - 15:02 UTC\)/);
    assert.equal(draft.nextUpdateAt, null);
  });

  test('public drafts name no responder and carry a Statuspage status', () => {
    const draft = draftUpdate('public_update', DEFAULT_TEMPLATES.public_update, declared, { now: new Date(Date.parse(at(16))) });
    assert.equal(draft.audience, 'public');
    assert.equal(draft.publicStatus, 'investigating');
    assert.doesNotMatch(draft.text, /Alice/);
  });

  test('rendering is logic-less and does not HTML-escape; a broken template is reported', () => {
    assert.equal(renderTemplate('{{a}} & {{#b}}yes{{/b}}', { a: '<x>', b: '' }), '<x> & ');
    assert.equal(templateError('{{#open}} never closed'), 'Unclosed section "open" at 22');
    assert.equal(templateError('fine {{x}}'), null);
  });
});
