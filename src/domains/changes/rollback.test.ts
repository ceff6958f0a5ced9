import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dependencyDistances, effectiveAt, rankRollbackCandidates, rollbackSafetyChecklist, type CandidateChange } from './rollback.js';

const ANCHOR = '2026-11-30T12:00:00.000Z';
const before = (minutes: number) => new Date(Date.parse(ANCHOR) - minutes * 60_000).toISOString();
const change = (id: string, serviceId: string, minutes: number, extra: Partial<CandidateChange> = {}): CandidateChange => ({
  id, serviceId, kind: 'deploy', summary: null, version: id, startedAt: before(minutes), finishedAt: null, rollbackCommand: `undo ${id}`, rollbackLink: null, ...extra,
});
// web → api → db, web → cache; billing stands apart.
const edges = [
  { serviceId: 'web', dependsOnId: 'api' },
  { serviceId: 'api', dependsOnId: 'db' },
  { serviceId: 'web', dependsOnId: 'cache' },
  { serviceId: 'billing', dependsOnId: 'db' },
];

test('distances follow "depends on" from the incident’s services, shortest first, never upstream', () => {
  assert.deepEqual(Object.fromEntries(dependencyDistances(edges, ['web'])), { web: 0, api: 1, cache: 1, db: 2 });
  assert.deepEqual(Object.fromEntries(dependencyDistances(edges, ['api', 'db'])), { api: 0, db: 0 });
});

test('changes are ranked by time closeness and graph distance, scored as documented', () => {
  const ranked = rankRollbackCandidates(
    [
      change('old-web', 'web', 330),
      change('api-config', 'api', 120, { kind: 'config' }),
      change('db-migration', 'db', 20, { kind: 'migration' }),
      change('web-deploy', 'web', 10),
      change('cache-flag', 'cache', 300, { kind: 'feature_flag' }),
      change('billing', 'billing', 5),
      change('after', 'web', -5),
      change('too-old', 'web', 13 * 60),
    ],
    dependencyDistances(edges, ['web']),
    ANCHOR,
    12 * 60,
  );
  // By hand: 0.6 × 0.5^(m/120) + 0.4 / (1 + d)
  //   web-deploy   m=10  d=0: 0.6 × 0.9439 + 0.4  = 0.966
  //   db-migration m=20  d=2: 0.6 × 0.891 + 0.133 = 0.668
  //   api-config   m=120 d=1: 0.6 × 0.5   + 0.2   = 0.5
  //   old-web      m=330 d=0: 0.6 × 0.149 + 0.4   = 0.489
  //   cache-flag   m=300 d=1: 0.6 × 0.177 + 0.2   = 0.306
  assert.deepEqual(ranked.map((r) => [r.change.id, r.score]), [['web-deploy', 0.966], ['db-migration', 0.668], ['api-config', 0.5], ['old-web', 0.489], ['cache-flag', 0.306]]);
  assert.deepEqual(ranked.map((r) => r.distance), [0, 2, 1, 0, 1]);
});

test('a change takes effect when it finished, if that was before the anchor', () => {
  assert.equal(effectiveAt({ startedAt: before(60), finishedAt: before(30) }, ANCHOR), before(30));
  assert.equal(effectiveAt({ startedAt: before(60), finishedAt: before(-30) }, ANCHOR), before(60));
  const [only] = rankRollbackCandidates([change('slow', 'web', 60, { finishedAt: before(30) })], new Map([['web', 0]]), ANCHOR, 720);
  assert.equal(only!.minutesBefore, 30);
});

test('equal scores go to the more recent change, then the id', () => {
  const ranked = rankRollbackCandidates([change('b', 'web', 30), change('a', 'web', 30)], new Map([['web', 0]]), ANCHOR, 720);
  assert.deepEqual(ranked.map((r) => r.change.id), ['a', 'b']);
});

test('the safety checklist flags data migrations, schema changes, flags and missing rollback paths', () => {
  const clean = rollbackSafetyChecklist([change('v2', 'web', 10)]);
  assert.deepEqual(clean.map((c) => c.flagged), [false, false, false, false, false]);
  const risky = rollbackSafetyChecklist([
    change('m1', 'db', 10, { kind: 'migration' }),
    change('s1', 'api', 10, { kind: 'deploy', summary: 'drop column legacy_id' }),
    change('f1', 'web', 10, { kind: 'feature_flag', rollbackCommand: null }),
  ]);
  assert.deepEqual(risky.map((c) => c.flagged), [true, true, true, true, false]);
  assert.match(risky[0]!.reason, /m1/);
  assert.match(risky[1]!.reason, /m1, s1/);
  assert.match(risky[2]!.reason, /f1/);
  assert.match(risky[3]!.reason, /f1/);
});
