import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { median, percentile } from './compute.js';
import { commitmentSummary, commitmentsAt, isDrill, updateCommitments } from './facts.js';
import { incidentMetrics } from './service.js';
import { storeHistory, TEAMS } from '../../testing/metrics.js';
import { timedHistory, type TimedIncident } from '../../testing/synthetic-history.js';

const NOW = new Date('2027-01-01T00:00:00.000Z');
const WINDOW = { from: '2026-01-01T00:00:00.000Z', to: '2026-12-31T00:00:00.000Z' };

/** Median and p90 computed independently: by counting, not by index arithmetic over one sort. */
function expectedStats(values: number[]): { count: number; median: number | null; p90: number | null } {
  if (values.length === 0) return { count: 0, median: null, p90: null };
  const below = (v: number) => values.filter((x) => x <= v).length;
  const candidates = [...new Set(values)].sort((a, b) => a - b);
  const p90 = candidates.find((v) => below(v) * 10 >= values.length * 9)!;
  const lowMid = candidates.find((v) => below(v) * 2 >= values.length)!;
  const highMid = values.length % 2 === 1 ? lowMid : candidates.find((v) => below(v) * 2 >= values.length + 1)!;
  return { count: values.length, median: (lowMid + highMid) / 2, p90 };
}

const month = (d: TimedIncident) => new Date(d.declaredAt).toISOString().slice(0, 7);

function expectedGroup(ds: TimedIncident[]) {
  const pick = (f: (d: TimedIncident) => number | null) => expectedStats(ds.map(f).filter((v): v is number => v !== null));
  const due = ds.length;
  const met = ds.filter((d) => d.commitmentMet).length;
  return {
    incidents: ds.length,
    timeToAcknowledge: pick((d) => d.ack),
    timeToSharedPicture: pick((d) => d.sharedPicture),
    timeToMitigate: pick((d) => d.mitigated),
    timeToResolve: pick((d) => d.resolved),
    detectionDelay: pick((d) => d.detection),
    updateCommitments: { due, met, share: due === 0 ? null : met / due },
    remindersMissed: ds.reduce((s, d) => s + d.reminders, 0),
    actionItems: expectedActionItems(ds),
  };
}

/** Action-item figures counted item by item from the design, at NOW. */
function expectedActionItems(ds: TimedIncident[]) {
  const items = ds.flatMap((d) => d.actionItems.map((a) => ({ ...a, declaredAt: d.declaredAt })));
  const ageAt = (a: (typeof items)[number]) => (a.closed !== null ? a.closed - a.created : (NOW.getTime() - a.declaredAt) / 1000 - a.created);
  return {
    opened: items.length,
    closed: items.filter((a) => a.closed !== null).length,
    overdue: items.filter((a) => a.closed === null && a.due !== null && a.declaredAt + a.due * 1000 < NOW.getTime()).length,
    medianAgeSeconds: expectedStats(items.map(ageAt)).median,
  };
}

function expectedBy(ds: TimedIncident[], keys: (d: TimedIncident) => string[]) {
  const map = new Map<string, TimedIncident[]>();
  for (const d of ds) for (const k of keys(d)) map.set(k, [...(map.get(k) ?? []), d]);
  return [...map.keys()].sort().map((key) => ({ key, ...expectedGroup(map.get(key)!) }));
}

test('median and p90 on small known lists', () => {
  assert.equal(median([]), null);
  assert.equal(median([5]), 5);
  assert.equal(median([1, 2, 3, 10]), 2.5);
  assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90), 9);
  assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90), 10);
  assert.equal(percentile([7], 90), 7);
});

test('update commitments: kept by the next update or the resolution, not counted before they are due', () => {
  let seq = 0;
  const e = (kind: string, at: string, nextUpdateAt?: string) => ({ seq: ++seq, kind, occurredAt: at, body: nextUpdateAt ? { nextUpdateAt } : {} });
  assert.deepEqual(updateCommitments([e('update_posted', '2026-01-01T10:00:00Z', '2026-01-01T10:30:00Z'), e('update_posted', '2026-01-01T10:30:00Z')], NOW), { due: 1, met: 1 });
  assert.deepEqual(updateCommitments([e('update_posted', '2026-01-01T10:00:00Z', '2026-01-01T10:30:00Z'), e('update_posted', '2026-01-01T10:31:00Z')], NOW), { due: 1, met: 0 });
  assert.deepEqual(updateCommitments([e('update_posted', '2026-01-01T10:00:00Z', '2026-01-01T10:30:00Z'), e('resolved', '2026-01-01T10:20:00Z')], NOW), { due: 1, met: 1 });
  assert.deepEqual(updateCommitments([e('update_posted', '2026-01-01T10:00:00Z', '2026-01-01T10:30:00Z')], new Date('2026-01-01T10:10:00Z')), { due: 0, met: 0 });
});

test('the commitment columns of the facts row give the same figures as the log at any report time', () => {
  let seq = 0;
  const e = (kind: string, at: string, nextUpdateAt?: string) => ({ seq: ++seq, kind, occurredAt: `2026-01-01T${at}:00.000Z`, body: nextUpdateAt ? { nextUpdateAt: `2026-01-01T${nextUpdateAt}:00.000Z` } : {} });
  const log = [e('update_posted', '10:00', '10:30'), e('update_posted', '10:29', '11:00'), e('update_posted', '11:05', '11:30'), e('resolved', '11:20'), e('update_posted', '11:40', '12:00')];
  const row = commitmentSummary(log);
  assert.deepEqual(row, { commitmentsMet: 2, commitmentsMissed: 1, openCommitmentDueAt: Date.parse('2026-01-01T12:00:00.000Z') });
  for (const at of ['11:45', '12:00', '12:01', '23:00']) {
    const now = new Date(`2026-01-01T${at}:00.000Z`);
    assert.deepEqual(commitmentsAt(row, now.getTime()), updateCommitments(log, now), at);
  }
});

test('the drill rule: declared as a drill', () => {
  assert.equal(isDrill({ drill: true }), true);
  assert.equal(isDrill({ drill: false }), false);
});

describeEachStore('incident metrics over a generated history', (fixture) => {
  const designed = timedHistory(500);
  const real = designed.filter((d) => !d.drill);
  const drills = designed.filter((d) => d.drill);

  before(async () => {
    const states = await storeHistory(fixture.store.db, designed);
    // The generated logs must yield the designed times, or the comparison below proves nothing.
    states.forEach((s, i) => {
      const d = designed[i]!;
      const iso = (sec: number | null) => (sec === null ? null : new Date(d.declaredAt + sec * 1000).toISOString());
      assert.deepEqual(
        [s.keyTimes.acknowledgedAt, s.keyTimes.firstSharedPictureAt, s.keyTimes.mitigatedAt, s.keyTimes.resolvedAt, s.markers.first_symptom?.at ?? null],
        [iso(d.ack), iso(d.sharedPicture), iso(d.mitigated), iso(d.resolved), iso(d.detection === null ? null : -d.detection)],
        `incident ${i} key times`,
      );
    });
  });

  test('drills are among them', () => {
    assert.ok(drills.length >= 40 && real.length >= 400);
  });

  test('without grouping: every median and p90 equals the independent computation; drills apart', async () => {
    const m = await incidentMetrics(fixture.store.db, WINDOW, NOW);
    assert.deepEqual(m.groups, [{ key: 'all', ...expectedGroup(real) }]);
    assert.deepEqual(m.drills, [{ key: 'all', ...expectedGroup(drills) }]);
  });

  test('by severity, service, team and month', async () => {
    const none = (ks: string[]) => (ks.length > 0 ? ks : ['(none)']);
    const keys = {
      severity: (d: TimedIncident) => [d.severity],
      service: (d: TimedIncident) => none(d.services),
      team: (d: TimedIncident) => none([...new Set(d.services.map((s) => TEAMS[s]).filter((t): t is string => !!t))].sort()),
      month: (d: TimedIncident) => [month(d)],
    };
    for (const groupBy of ['severity', 'service', 'team', 'month'] as const) {
      const m = await incidentMetrics(fixture.store.db, { ...WINDOW, groupBy }, NOW);
      assert.deepEqual(m.groups, expectedBy(real, keys[groupBy]), groupBy);
      assert.deepEqual(m.drills, expectedBy(drills, keys[groupBy]), `${groupBy} drills`);
    }
  });

  test('drills do not change the figures: the same history without them reports the same groups', async () => {
    const m = await incidentMetrics(fixture.store.db, { ...WINDOW, groupBy: 'severity' }, NOW);
    await fixture.store.db.deleteFrom('incident_events').where('incident_id', 'in', drills.map((d) => d.id)).execute();
    await fixture.store.db.deleteFrom('incidents').where('is_drill', '=', 1).execute();
    const without = await incidentMetrics(fixture.store.db, { ...WINDOW, groupBy: 'severity' }, NOW);
    assert.deepEqual(without.groups, m.groups);
    assert.deepEqual(without.drills, []);
  });

  test('the window: from inclusive, to exclusive', async () => {
    const first = [...real].sort((a, b) => a.declaredAt - b.declaredAt)[0]!;
    const at = new Date(first.declaredAt).toISOString();
    const m = await incidentMetrics(fixture.store.db, { from: at, to: new Date(first.declaredAt + 1000).toISOString() }, NOW);
    assert.equal(m.groups[0]?.incidents, real.filter((d) => d.declaredAt === first.declaredAt).length);
    const empty = await incidentMetrics(fixture.store.db, { from: WINDOW.from, to: at }, NOW);
    assert.deepEqual(empty.groups, []);
  });
});

describeEachStore('metrics route', (fixture) => {
  let t: TestApp;
  let viewer: { authorization: string };
  before(async () => {
    t = await createTestApp(fixture.store);
    viewer = (await t.user('viewer')).auth;
    await storeHistory(fixture.store.db, timedHistory(40, 3));
  });
  after(async () => t.close());
  const url = `/api/v1/metrics/incidents?from=${WINDOW.from}&to=${WINDOW.to}`;

  test('JSON for a viewer; 401 without an identity', async () => {
    const ok = await t.app.inject({ method: 'GET', url: `${url}&groupBy=severity`, headers: viewer });
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.json().groupBy, 'severity');
    assert.ok(ok.json().groups.length > 0);
    assert.equal((await t.app.inject({ method: 'GET', url })).statusCode, 401);
  });

  test('CSV by Accept or ?format=csv, one row per group plus the header, drills marked, action-item figures last', async () => {
    const json = (await t.app.inject({ method: 'GET', url: `${url}&groupBy=month`, headers: viewer })).json();
    for (const res of [
      await t.app.inject({ method: 'GET', url: `${url}&groupBy=month`, headers: { ...viewer, accept: 'text/csv' } }),
      await t.app.inject({ method: 'GET', url: `${url}&groupBy=month&format=csv`, headers: viewer }),
    ]) {
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['content-type'] as string, /^text\/csv/);
      const lines = res.body.trimEnd().split('\r\n');
      assert.equal(lines.length, 1 + json.groups.length + json.drills.length);
      assert.match(lines[0]!, /^set,group,incidents,timeToAcknowledge_count,timeToAcknowledge_median_s/);
      const g = json.groups[0];
      assert.ok(lines[1]!.startsWith(`incidents,${g.key},${g.incidents},${g.timeToAcknowledge.count},${g.timeToAcknowledge.median ?? ''},${g.timeToAcknowledge.p90 ?? ''},`), lines[1]);
      assert.ok(lines.slice(1 + json.groups.length).every((l) => l.startsWith('drills,')));
      assert.match(lines[0]!, /,action_items_opened,action_items_closed,action_items_overdue,action_items_median_age_s$/);
      // The median age of open items grows with the clock between the two requests; the counts do not.
      const [opened, closed, overdue, age] = lines[1]!.split(',').slice(-4);
      assert.deepEqual([opened, closed, overdue].map(Number), [g.actionItems.opened, g.actionItems.closed, g.actionItems.overdue]);
      assert.ok(g.actionItems.opened > 0 && Math.abs(Number(age) - g.actionItems.medianAgeSeconds) < 60, `${age} vs ${g.actionItems.medianAgeSeconds}`);
    }
  });

  test('bad input: 400 naming the field', async () => {
    for (const [q, field] of [['groupBy=tenant', 'groupBy'], ['from=yesterday', 'from'], [`from=${WINDOW.to}&to=${WINDOW.from}`, 'from'], ['format=xml', 'format']] as const) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/metrics/incidents?${q}`, headers: viewer });
      assert.equal(res.statusCode, 400, q);
      assert.match(res.body, new RegExp(field), q);
    }
  });
});
