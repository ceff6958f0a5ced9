/**
 * The incident model against the response practices (docs/practices.md): one
 * test per practice, each naming the rule it checks. Pure: reducer, rules and handoff.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DESCRIPTION } from '../../cli/program.js';
import { DomainError } from '../../errors.js';
import type { IncidentEvent } from './events.js';
import { stateAsOf } from './derive.js';
import { buildHandoff, handoffMarkdown } from './handoff.js';
import type { IncidentState } from './model.js';
import { DEFAULT_POLICY } from './policy.js';
import { reduce } from './reduce.js';
import { checkEvent, type CitedKinds } from './rules.js';
import { at, declaredBody, passingChecks, timeline, T0 } from './testing.js';

const IMPACT = { statement: 'EU customers cannot pay at checkout', journeys: [{ journey: 'checkout', effect: 'down' as const }], writesSafe: 'yes' as const };

function room(overrides: Parameters<typeof declaredBody>[0] = {}, byAlerts = false) {
  const tl = timeline();
  const declaredBy = byAlerts ? { actorId: null, actorLabel: 'alertmanager' } : {};
  let state = reduce(undefined, tl.next('declared', declaredBody(overrides), { minutes: 0, ...declaredBy }));
  /** Checks the rules, then folds the event in, as the service does. */
  const apply = (...events: IncidentEvent[]): IncidentState => {
    for (const e of events) {
      checkEvent(state, e);
      state = reduce(state, e);
    }
    return state;
  };
  return { tl, apply, get state() { return state; } };
}

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  assert.fail('expected a refusal');
}

describe('the incident model follows the response practices', () => {
  test('1. shared picture: the time until responders agree on impact, current hypothesis, unsafe actions and next decision is measured when all hold', () => {
    const r = room();
    assert.deepEqual(r.state.sharedPicture.missing, ['impact', 'hypothesis', 'unsafeActions', 'nextDecision', 'nextUpdate']);
    r.apply(r.tl.next('impact_stated', IMPACT, { minutes: 2 }), r.tl.next('no_hypothesis', { investigating: 'the 14:02 deploy and the payment provider' }, { minutes: 3 }));
    assert.deepEqual(r.state.sharedPicture.missing, ['unsafeActions', 'nextDecision', 'nextUpdate'], 'an explicit "no hypothesis yet, investigating X" counts');
    r.apply(r.tl.next('no_unsafe_actions_known', {}, { minutes: 4 }));
    r.apply(r.tl.next('update_posted', { audience: 'internal', text: 'looking at the deploy', nextUpdateAt: at(30) }, { minutes: 5 }));
    assert.deepEqual(r.state.sharedPicture.missing, ['nextDecision']);
    assert.equal(r.state.keyTimes.firstSharedPictureAt, null);
    r.apply(r.tl.next('next_decision', { decision: 'roll back or fail over', owner: { userId: 'u-bob', label: 'Bob' }, dueAt: at(20) }, { minutes: 7 }));
    assert.deepEqual(r.state.sharedPicture, { has: true, missing: [], firstAt: at(7) });
    assert.equal(r.state.keyTimes.firstSharedPictureAt, at(7), 'time to shared picture is the moment the last item held');
    assert.equal(r.state.nextDecision?.owner.label, 'Bob');
    r.apply(r.tl.next('decision', { decision: 'roll back', rationale: 'fastest', alternativesRejected: [], nextDecisionSeq: 6 }, { minutes: 9 }));
    assert.equal(r.state.nextDecision, null, 'taking the named decision clears it');
    assert.deepEqual(r.state.sharedPicture.missing, ['nextDecision']);
    assert.equal(r.state.keyTimes.firstSharedPictureAt, at(7), 'the first time is kept');
  });

  test('2. shared picture: the placeholder impact an alert brings is provisional; only a person\'s statement of which journey is broken counts', () => {
    const r = room({ commander: null, impact: 'Alerts firing on checkout', severity: 'SEV3' }, true);
    assert.equal(r.state.impact?.provisional, true);
    assert.ok(r.state.sharedPicture.missing.includes('impact'));
    for (const check of passingChecks()) r.apply(r.tl.next('checklist_item_checked', check));
    const refused = refusal(() => r.apply(r.tl.next('resolved', {})));
    assert.match(refused.message, /no impact statement from a person \("Alerts firing on checkout" was written by Firebreak\)/);
    r.apply(r.tl.next('impact_stated', IMPACT));
    assert.equal(r.state.impact?.provisional, false);
    assert.ok(!r.state.sharedPicture.missing.includes('impact'));
  });

  test('3. triage: within its response target a person acknowledges, assesses the impact (how many users, which features, since when) and classifies the severity', () => {
    const r = room({ commander: null, severity: 'SEV1' }, true);
    assert.deepEqual(r.state.triage, { pending: true, dueAt: at(5), confirmedAt: null, confirmedSeq: null, reminded: false });
    assert.equal(stateAsOf(r.state, new Date(T0 + 6 * 60_000)).triageOverdue, true, 'the response target passes without a confirmation');
    r.apply(r.tl.next('reminder', { reason: 'triage_due', dueAt: at(5) }, { minutes: 5, actorId: null, actorLabel: 'cadence' }));
    assert.equal(r.state.triage.reminded, true);
    r.apply(r.tl.next('impact_stated', { ...IMPACT, affected: { users: 12000, percent: 30 }, since: at(-12) }, { minutes: 7 }));
    assert.deepEqual([r.state.impact?.affected, r.state.impact?.since], [{ users: 12000, percent: 30 }, at(-12)]);
    r.apply(r.tl.next('severity_confirmed', { note: 'all EU payments fail' }, { minutes: 8 }));
    assert.deepEqual([r.state.triage.pending, r.state.triage.confirmedAt, r.state.keyTimes.severityConfirmedAt], [false, at(8), at(8)]);
    assert.equal(refusal(() => r.apply(r.tl.next('severity_confirmed', {}))).type, 'severity-already-confirmed');
    assert.equal(room().state.triage.pending, false, 'a person declaring has classified the severity');
    const changed = room({ commander: null, severity: 'SEV2' }, true);
    changed.apply(changed.tl.next('severity_changed', { severity: 'SEV3', reason: 'one tenant' }, { minutes: 3 }));
    assert.equal(changed.state.triage.confirmedAt, at(3), 'changing the severity also ends triage');
    assert.equal(refusal(() => r.apply(r.tl.next('impact_stated', { ...IMPACT, since: at(60) }, { minutes: 9 }))).errors?.[0]?.field, 'body.since');
  });

  test('4. severity: SEV1 is a complete outage, data loss or a security breach, and a worse alert joining asks for the severity to be revisited', () => {
    assert.deepEqual(
      Object.values(DEFAULT_POLICY.severities).map((s) => s.definition),
      ['Complete service outage, data loss, security breach', 'Major feature broken, significant user impact', 'Degraded performance, minor feature broken', 'Minor issue, workaround available'],
    );
    const r = room({ severity: 'SEV3' });
    const alert = { alertGroupId: 'g1', serviceId: 'checkout', summary: 'HighErrorRate', severity: 'critical', source: 'alertmanager' };
    r.apply(r.tl.next('alert_attached', { ...alert, incidentSeverity: 'SEV3' }, { actorId: null }));
    assert.equal(r.state.severityReview, null, 'an alert of the same severity asks nothing');
    r.apply(r.tl.next('alert_attached', { ...alert, alertGroupId: 'g2', incidentSeverity: 'SEV1' }, { actorId: null }));
    const review = (r.state as IncidentState).severityReview as IncidentState['severityReview'] | null;
    assert.equal(review?.suggested, 'SEV1');
    assert.match(review?.reason ?? '', /more severe than SEV3/);
    r.apply(r.tl.next('severity_changed', { severity: 'SEV1', reason: 'all regions now' }));
    assert.equal(r.state.severityReview, null);
  });

  test('5. recovery is a phase: the incident monitors before it resolves, the checklist would catch a relapse, and mitigatedAt needs evidence', () => {
    assert.ok(DEFAULT_POLICY.recoveryChecklist.some((c) => /relapse/.test(c.item)));
    const r = room({ severity: 'SEV2' });
    r.apply(r.tl.next('impact_stated', IMPACT, { minutes: 1 }));
    for (const check of passingChecks()) r.apply(r.tl.next('checklist_item_checked', check, { minutes: 2 }));
    r.apply(r.tl.next('status_changed', { status: 'identified' }, { minutes: 3 }));
    assert.match(refusal(() => r.apply(r.tl.next('resolved', {}, { minutes: 4 }))).message, /not in monitoring: SEV2 needs 15 min/);
    r.apply(r.tl.next('status_changed', { status: 'monitoring' }, { minutes: 5 }));
    assert.equal(r.state.keyTimes.mitigatedAt, null, 'monitoring without a reason is not evidence of mitigation');
    assert.deepEqual(r.state.recovery, { monitoringSince: at(5), monitoringMinutes: 15, monitoringUntil: at(20) });
    assert.match(refusal(() => r.apply(r.tl.next('resolved', {}, { minutes: 12 }))).message, /8 of 15 min still to watch for a relapse/);
    const overridden = room({ severity: 'SEV2' });
    overridden.apply(overridden.tl.next('impact_stated', IMPACT), overridden.tl.next('resolved', { override: { reason: 'customer confirmed fixed' } }));
    assert.match(overridden.state.overrides[0]!.missing.join(' '), /not in monitoring/);
    r.apply(r.tl.next('resolved', { summary: 'held for 15 min' }, { minutes: 20 }));
    assert.equal(r.state.status, 'resolved');
    const withReason = room();
    withReason.apply(withReason.tl.next('status_changed', { status: 'monitoring', reason: 'error rate flat for 10 min' }, { minutes: 9 }));
    assert.equal(withReason.state.keyTimes.mitigatedAt, at(9));
    assert.equal(room({ severity: 'SEV3' }).state.recovery.monitoringMinutes, 0, 'SEV3 and SEV4 need no time in monitoring by default');
  });

  test('6. roles: a commander and a technical lead; the commander does not write code or run queries; roles rotate before people are exhausted', () => {
    const r = room({ severity: 'SEV1' });
    assert.ok(r.state.warnings.some((w) => w.code === 'sev1-without-communications'), 'a SEV1 without a communications lead warns');
    r.apply(r.tl.next('role_assigned', { role: 'tech_lead', userId: 'u-bob', label: 'Bob' }, { minutes: 1 }));
    assert.equal(r.state.roles.find((x) => x.role === 'tech_lead')?.label, 'Bob');
    r.apply(r.tl.next('role_assigned', { role: 'operations', userId: 'u-alice', label: 'Alice' }, { minutes: 2 }));
    assert.ok(r.state.warnings.some((w) => w.code === 'commander-runs-operations'));
    r.apply(r.tl.next('role_assigned', { role: 'communications', userId: 'u-carol', label: 'Carol' }, { minutes: 3 }));
    assert.ok(!r.state.warnings.some((w) => w.code === 'sev1-without-communications'));
    assert.ok(!r.state.warnings.some((w) => w.code.startsWith('role-held-long')));
    r.apply(r.tl.next('note', { text: 'still going' }, { minutes: 240 }));
    assert.deepEqual(r.state.warnings.filter((w) => w.code.startsWith('role-held-long')).map((w) => w.code), ['role-held-long:commander'], 'the commander has held the role past the 4 h default');
    const later = stateAsOf(r.state, new Date(T0 + 300 * 60_000));
    assert.ok(later.warnings.some((w) => w.code === 'role-held-long:tech_lead'), 'reads show the suggestion as of now');
  });

  test('7. "unsafe until the current backup finishes": unsafe actions carry a condition or an expiry and are lifted with a reason', () => {
    const r = room();
    r.apply(
      r.tl.next('unsafe_action_noted', { action: 'restart the primary', reason: 'replica lag', condition: 'the current backup finishes' }, { minutes: 1 }),
      r.tl.next('unsafe_action_noted', { action: 'deploy', reason: 'freeze during rollback', until: at(30) }, { minutes: 2 }),
    );
    assert.deepEqual(r.state.unsafeActions.map((u) => [u.action, u.condition, u.until]), [['restart the primary', 'the current backup finishes', null], ['deploy', null, at(30)]]);
    assert.deepEqual(stateAsOf(r.state, new Date(T0 + 31 * 60_000)).unsafeActions.map((u) => u.action), ['restart the primary'], 'the expiry ends it');
    assert.equal(refusal(() => r.apply(r.tl.next('no_unsafe_actions_known', {}))).type, 'unsafe-actions-in-force');
    r.apply(r.tl.next('unsafe_action_lifted', { unsafeSeq: 2, reason: 'backup finished 14:20' }, { minutes: 20 }));
    assert.deepEqual(r.state.unsafeActions.map((u) => u.action), ['deploy']);
    const again = refusal(() => r.apply(r.tl.next('unsafe_action_lifted', { unsafeSeq: 2, reason: 'twice' })));
    assert.equal(again.type, 'unknown-unsafe-action', 'without the log lookup, a lifted action is unknown');
    assert.equal(refusal(() => checkEvent(r.state, r.tl.next('unsafe_action_lifted', { unsafeSeq: 2, reason: 'twice' }), new Map([[2, 'unsafe_action_noted']]))).type, 'unsafe-action-not-in-force');
  });

  test('8. shared picture: who is safe and who is harmed, and only one journey can be the business priority', () => {
    const r = room();
    r.apply(
      r.tl.next('cohort_affected', { dimension: 'region', value: 'eu-west-1' }),
      r.tl.next('cohort_unaffected', { dimension: 'region', value: 'us-east-1', note: 'separate payment cluster' }),
      r.tl.next('impact_stated', { ...IMPACT, journeys: [{ journey: 'checkout', effect: 'down', priority: true }, { journey: 'search', effect: 'slow' }] }),
    );
    assert.deepEqual(r.state.cohorts.map((c) => c.value), ['eu-west-1']);
    assert.deepEqual(r.state.cohortsUnaffected.map((c) => c.value), ['us-east-1']);
    assert.equal(r.state.impact?.priority, 'checkout');
    const two = refusal(() => r.apply(r.tl.next('impact_stated', { ...IMPACT, journeys: [{ journey: 'checkout', effect: 'down', priority: true }, { journey: 'search', effect: 'slow', priority: true }] })));
    assert.equal(two.errors?.[0]?.field, 'body.journeys');
    r.apply(r.tl.next('cohort_unaffected', { dimension: 'region', value: 'eu-west-1' }));
    assert.deepEqual([r.state.cohorts.length, r.state.cohortsUnaffected.length], [0, 2], 'a harmed cohort found safe moves over');
  });

  test('9. evidence: citations must point at evidence events, not any event', () => {
    const r = room();
    r.apply(r.tl.next('observation', { text: 'queue rising' }), r.tl.next('evidence_attached', { type: 'log_excerpt', title: 'worker log', content: 'timeout' }));
    const cited: CitedKinds = new Map([[2, 'observation'], [3, 'evidence_attached']]);
    const wrong = refusal(() => checkEvent(r.state, r.tl.next('hypothesis_proposed', { text: 'deploy', evidence: [2] }), cited));
    assert.equal(wrong.type, 'not-evidence');
    assert.match(wrong.message, /event 2 of INC-1 is a observation, not evidence_attached/);
    checkEvent(r.state, r.tl.next('hypothesis_proposed', { text: 'deploy', evidence: [3] }), cited);
  });

  test('10. honest names: the program describes what exists today', () => {
    const description = DESCRIPTION;
    assert.doesNotMatch(description, /postmortem/i);
    assert.match(description, /incident command/);
  });

  test('the handoff shows missing shared-picture items, unsafe actions in force with their conditions, and safe and harmed cohorts (JSON and Markdown)', () => {
    const r = room();
    r.apply(
      r.tl.next('cohort_affected', { dimension: 'tenant', value: 'acme' }),
      r.tl.next('cohort_unaffected', { dimension: 'plan', value: 'free' }),
      r.tl.next('unsafe_action_noted', { action: 'failover the database', reason: 'replica lag', condition: 'the current backup finishes', until: at(90) }),
    );
    const h = buildHandoff(stateAsOf(r.state, new Date(T0 + 10 * 60_000)), new Date(T0 + 10 * 60_000));
    assert.deepEqual(h.sharedPictureMissing.map((m) => m.item), ['impact', 'hypothesis', 'nextDecision', 'nextUpdate']);
    assert.deepEqual(h.unsafeActions.map((u) => [u.action, u.condition, u.until]), [['failover the database', 'the current backup finishes', at(90)]]);
    assert.deepEqual([h.cohorts, h.cohortsUnaffected], [[{ dimension: 'tenant', value: 'acme' }], [{ dimension: 'plan', value: 'free' }]]);
    const md = handoffMarkdown(h);
    assert.match(md, /Missing: the next decision, with its owner and time/);
    assert.match(md, /failover the database: replica lag \(until the current backup finishes\) \(expires 2026-11-23T15:30:00.000Z\)/);
    assert.match(md, /- Harmed: tenant acme\n- Safe: plan free/);
  });
});

describe('old logs still replay (new kinds and fields are additive)', () => {
  test('a log written before monitoring and hand-off times existed (policy without them, four checks, old alert bodies) replays with the defaults', () => {
    const tl = timeline();
    const { roleHandoffMinutes: _r, ...oldPolicy } = DEFAULT_POLICY;
    const severities = Object.fromEntries(Object.entries(DEFAULT_POLICY.severities).map(([k, { monitoringMinutes: _m, ...v }]) => [k, v]));
    const policy = { ...oldPolicy, severities, recoveryChecklist: DEFAULT_POLICY.recoveryChecklist.slice(0, 4) } as unknown as typeof DEFAULT_POLICY;
    const events = [
      tl.next('declared', declaredBody({ commander: null, impact: 'Alerts firing on checkout', severity: 'SEV1' }, policy), { minutes: 0, actorId: null, actorLabel: 'alertmanager' }),
      tl.next('alert_attached', { alertGroupId: 'g1', serviceId: 'checkout', summary: 'HighErrorRate', severity: 'critical', source: 'alertmanager' }, { actorId: null }),
      tl.next('unsafe_action_noted', { action: 'restart the primary', reason: 'replica lag' }),
      tl.next('status_changed', { status: 'monitoring' }, { minutes: 20 }),
      tl.next('resolved', {}, { minutes: 40 }),
    ];
    let state: IncidentState | undefined;
    for (const e of events) state = reduce(state, e);
    assert.equal(state!.recovery.monitoringMinutes, 15, 'SEV1 defaults to 15 min in monitoring');
    assert.equal(state!.checklist.total, 4, 'the checklist the incident was declared with stands');
    assert.equal(state!.alerts[0]?.incidentSeverity, null);
    assert.equal(state!.unsafeActions[0]?.condition, null);
    assert.equal(state!.keyTimes.resolvedAt, at(40));
  });
});

describe('alerts on the timeline', () => {
  test('an attached alert resolving is on the timeline; when all have, the state hints at monitoring; resolved incidents owe no update', () => {
    const r = room();
    const alert = { serviceId: 'checkout', summary: 'HighErrorRate', severity: 'critical', source: 'alertmanager' };
    r.apply(r.tl.next('alert_attached', { ...alert, alertGroupId: 'g1' }, { actorId: null }), r.tl.next('alert_attached', { ...alert, alertGroupId: 'g2' }, { actorId: null }));
    r.apply(r.tl.next('alert_resolved', { alertGroupId: 'g1' }, { minutes: 10, actorId: null }));
    assert.deepEqual(r.state.alerts.map((a) => a.resolvedAt), [at(10), null]);
    assert.equal(r.state.alertsAllResolved, false);
    r.apply(r.tl.next('alert_resolved', { alertGroupId: 'g2' }, { minutes: 11, actorId: null }));
    assert.equal(r.state.alertsAllResolved, true);
    assert.equal(refusal(() => r.apply(r.tl.next('alert_resolved', { alertGroupId: 'nope' }, { actorId: null }))).type, 'unknown-alert');
    r.apply(r.tl.next('update_posted', { audience: 'public', text: 'fixed', nextUpdateAt: at(60) }, { minutes: 12 }), r.tl.next('resolved', { override: { reason: 'test' } }, { minutes: 13 }));
    assert.ok(!r.state.sharedPicture.missing.includes('nextUpdate'), 'after resolve no next update is owed');
  });
});
