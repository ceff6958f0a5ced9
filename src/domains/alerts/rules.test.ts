import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileMatcher, formatMatcher, matchesAll, parseMatcher } from './matchers.js';
import { applySignal, changeStatus, type AlertState } from './lifecycle.js';
import { effectiveGroupBy, groupKeyOf, groupStatus, tallyDelta, windowOpen, type GroupTally } from './grouping.js';
import { noiseReport } from './noise.js';
import { TokenBuckets } from './rate-limit.js';
import { suppressionOf } from './suppression.js';

const labels = { alertname: 'HighErrorRate', service: 'checkout', env: 'prod' };

test('matchers compare labels like Alertmanager: equality, inequality and anchored regular expressions', () => {
  const m = (text: string) => compileMatcher(parseMatcher(text));
  assert.equal(m('env=prod').test(labels), true);
  assert.equal(m('env!=prod').test(labels), false);
  assert.equal(m('alertname=~"High.*"').test(labels), true);
  assert.equal(m('alertname=~Error').test(labels), false, 'regular expressions are anchored');
  assert.equal(m('alertname!~"Low.*"').test(labels), true);
  assert.equal(m('team=').test(labels), true, 'a missing label matches the empty string');
  assert.equal(matchesAll([m('env=prod'), m('service=~"check.*"')], labels), true);
  assert.equal(matchesAll([m('env=prod'), m('service=api')], labels), false);
  assert.equal(formatMatcher(parseMatcher('alertname =~ "a\\"b"')), 'alertname=~"a\\"b"');
  assert.throws(() => compileMatcher({ name: 'a', op: '=~', value: '(' }), /not a valid regular expression/);
  assert.throws(() => parseMatcher('no operator'), /not a matcher/);
});

test('maintenance takes precedence over silences, and a service-scoped silence applies to its service only', () => {
  const silence = { id: 's1', serviceId: 'svc-a', matchers: [compileMatcher({ name: 'env', op: '=', value: 'prod' })] };
  assert.equal(suppressionOf(labels, 'svc-a', [silence], []), 'silence:s1');
  assert.equal(suppressionOf(labels, 'svc-b', [silence], []), null);
  assert.equal(suppressionOf(labels, 'svc-a', [silence], [{ id: 'm1', serviceId: 'svc-a' }]), 'maintenance:m1');
});

const policy = { changes: 4, windowMinutes: 10 };
const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 14, minute)).toISOString();

test('resends keep an acknowledgement; only a resolved alert fires anew', () => {
  let s = applySignal(undefined, { action: 'trigger', severity: 'critical' }, at(0), 'src', policy);
  assert.deepEqual(s.transition, { from: null, to: 'triggered' });
  s = { ...changeStatus(s.state, 'acknowledged', at(1), 'alice', policy, true) };
  assert.equal(s.state.actedCount, 1);
  const resend = applySignal(s.state, { action: 'trigger', severity: 'critical' }, at(2), 'src', policy);
  assert.equal(resend.state.status, 'acknowledged');
  assert.equal(resend.transition, undefined);
  assert.equal(resend.state.count, 2);
  const resolved = applySignal(resend.state, { action: 'resolve', severity: 'critical' }, at(3), 'src', policy);
  assert.equal(resolved.state.status, 'resolved');
  assert.equal(resolved.state.resolvedBy, 'src');
  const again = applySignal(resolved.state, { action: 'trigger', severity: 'critical' }, at(4), 'src', policy);
  assert.equal(again.retriggered, true);
  assert.equal(again.state.triggerCount, 2);
  assert.equal(again.state.acknowledgedAt, null);
});

test('an alert changing state N times within M minutes is flapping, and calms down once changes age out', () => {
  let state: AlertState | undefined;
  const actions = ['trigger', 'resolve', 'trigger', 'resolve'] as const;
  actions.forEach((action, i) => {
    state = applySignal(state, { action, severity: 'warning' }, at(i), 'src', policy).state;
  });
  assert.equal(state!.stateChanges, 4);
  assert.equal(state!.flapping, true);
  const later = applySignal(state, { action: 'trigger', severity: 'warning' }, at(30), 'src', policy).state;
  assert.equal(later.flapping, false);
  assert.equal(later.stateChanges, 5, 'every change is still counted');
});

test('grouping keys follow the chosen labels, integration rules win, and windows close', () => {
  assert.deepEqual(groupKeyOf(labels, []), { key: '', labels: {} });
  assert.deepEqual(groupKeyOf(labels, ['env', 'alertname']).labels, { alertname: 'HighErrorRate', env: 'prod' });
  assert.equal(groupKeyOf(labels, ['env', 'alertname']).key, groupKeyOf(labels, ['alertname', 'env']).key);
  assert.deepEqual(effectiveGroupBy(['a'], ['b']), ['a']);
  assert.deepEqual(effectiveGroupBy(null, ['b']), ['b']);
  assert.equal(windowOpen(at(0), at(4), 300), true);
  assert.equal(windowOpen(at(0), at(5), 300), false);
});

test('group tallies follow alerts between groups and statuses', () => {
  const tallies = new Map<string, GroupTally>([['g1', { alertCount: 0, openCount: 0, unackedCount: 0, severity: 'info' }]]);
  tallyDelta(tallies, undefined, { groupId: 'g1', status: 'triggered', severity: 'critical' });
  tallyDelta(tallies, undefined, { groupId: 'g1', status: 'triggered', severity: 'warning' });
  assert.equal(groupStatus(tallies.get('g1')!), 'triggered');
  tallyDelta(tallies, { groupId: 'g1', status: 'triggered' }, { groupId: 'g1', status: 'acknowledged', severity: 'critical' });
  tallyDelta(tallies, { groupId: 'g1', status: 'triggered' }, { groupId: 'g1', status: 'acknowledged', severity: 'warning' });
  assert.equal(groupStatus(tallies.get('g1')!), 'acknowledged');
  tallyDelta(tallies, { groupId: 'g1', status: 'acknowledged' }, { groupId: 'g1', status: 'resolved', severity: 'critical' });
  tallyDelta(tallies, { groupId: 'g1', status: 'acknowledged' }, { groupId: 'g1', status: 'resolved', severity: 'warning' });
  assert.deepEqual(tallies.get('g1'), { alertCount: 2, openCount: 0, unackedCount: 0, severity: 'critical' });
  assert.equal(groupStatus(tallies.get('g1')!), 'resolved');
});

test('the noise report ranks by how often alerts fired, with shares per service and per rule', () => {
  const report = noiseReport([
    { serviceId: 'a', rule: 'Disk', alerts: 4, fired: 40, acknowledged: 1, incident: 0, neverActed: 3 },
    { serviceId: 'a', rule: 'Down', alerts: 1, fired: 2, acknowledged: 1, incident: 1, neverActed: 0 },
    { serviceId: 'b', rule: 'Cpu', alerts: 2, fired: 10, acknowledged: 0, incident: 0, neverActed: 2 },
  ], 10);
  assert.deepEqual(report.rules.map((r) => r.rule), ['Disk', 'Cpu', 'Down']);
  assert.deepEqual(report.rules[0], { serviceId: 'a', rule: 'Disk', alerts: 4, fired: 40, acknowledgedShare: 0.25, incidentShare: 0, neverActedOnShare: 0.75 });
  assert.deepEqual(report.services.map((s) => [s.serviceId, s.fired, s.neverActedOnShare]), [['a', 42, 0.6], ['b', 10, 1]]);
});

test('the token bucket allows a burst, then paces requests and says how long to wait', () => {
  let now = 0;
  const buckets = new TokenBuckets(2, 3, () => now);
  assert.deepEqual([buckets.take('i'), buckets.take('i'), buckets.take('i')], [0, 0, 0]);
  assert.equal(buckets.take('i'), 1);
  assert.equal(buckets.take('other'), 0, 'each integration has its own bucket');
  now = 500;
  assert.equal(buckets.take('i'), 0);
});
