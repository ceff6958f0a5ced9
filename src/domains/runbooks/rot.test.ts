import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assessRot, rankRot, type RotFacts } from './rot.js';

const NOW = new Date('2026-12-01T12:00:00.000Z');
const days = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString();
const fresh = (over: Partial<RotFacts> = {}): RotFacts => ({ createdAt: days(200), lastTestedAt: days(10), serviceChanges: [], linkChecks: [], failedMitigations: [], ...over });
const policy = { maxUntestedDays: 90 };

describe('runbook rot rules', () => {
  test('a runbook tested 10 days ago with nothing since is not rotting', () => {
    assert.deepEqual(assessRot(fresh(), NOW, policy), { rotting: false, causes: [], daysSinceTested: 10 });
  });

  test('untested longer than the policy rots; a never-tested runbook counts from its creation', () => {
    assert.deepEqual(assessRot(fresh({ lastTestedAt: days(91) }), NOW, policy).causes.map((c) => c.kind), ['untested']);
    assert.equal(assessRot(fresh({ lastTestedAt: days(89) }), NOW, policy).rotting, false);
    assert.equal(assessRot(fresh({ lastTestedAt: days(31) }), NOW, { maxUntestedDays: 30 }).rotting, true);
    const never = assessRot(fresh({ lastTestedAt: null, createdAt: days(120) }), NOW, policy);
    assert.deepEqual(never.causes, [{ kind: 'untested', since: days(120), days: 120, neverTested: true }]);
    assert.equal(assessRot(fresh({ lastTestedAt: null, createdAt: days(5) }), NOW, policy).rotting, false);
  });

  test('changes, failed mitigations and failed links count only after the last test', () => {
    const before = { serviceId: 's', serviceName: 'checkout', via: 'change_event' as const, at: days(11), detail: 'deploy v1' };
    assert.equal(assessRot(fresh({ serviceChanges: [before], failedMitigations: [{ incidentId: 'i', incidentRef: 'INC-1', at: days(12) }] }), NOW, policy).rotting, false);
    const after = assessRot(fresh({ serviceChanges: [{ ...before, at: days(2) }, { ...before, at: days(3), detail: 'deploy v0' }] }), NOW, policy);
    assert.deepEqual(after.causes.map((c) => c.kind === 'service_changed' && c.detail), ['deploy v1'], 'the latest change per service is named once');
    assert.equal(assessRot(fresh({ linkChecks: [{ url: 'https://x', ok: false, status: 404, error: null, checkedAt: days(1) }] }), NOW, policy).causes[0]!.kind, 'link_failed');
  });

  test('the report ranks a failed mitigation above a changed service above a dead link above age, then by age', () => {
    const item = (title: string, facts: Partial<RotFacts>) => ({ title, rot: assessRot(fresh(facts), NOW, policy) });
    const ranked = rankRot([
      item('old', { lastTestedAt: days(100) }),
      item('older', { lastTestedAt: days(300) }),
      item('dead link', { linkChecks: [{ url: 'https://x', ok: false, status: 404, error: null, checkedAt: days(1) }] }),
      item('fine', {}),
      item('changed', { serviceChanges: [{ serviceId: 's', serviceName: 'checkout', via: 'catalog_edit', at: days(1), detail: 'edited' }] }),
      item('failed', { failedMitigations: [{ incidentId: 'i', incidentRef: 'INC-1', at: days(1) }] }),
    ]);
    assert.deepEqual(ranked.map((r) => r.title), ['failed', 'changed', 'dead link', 'older', 'old']);
  });
});
