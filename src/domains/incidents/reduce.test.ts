import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { IncidentEvent } from './events.js';
import type { IncidentState } from './model.js';
import { reduce } from './reduce.js';
import { at, declaredBody, passingChecks, timeline } from './testing.js';

function declare(overrides: Parameters<typeof declaredBody>[0] = {}) {
  const tl = timeline();
  const state = reduce(undefined, tl.next('declared', declaredBody(overrides), { minutes: 0 }));
  return { tl, state, apply: (s: IncidentState, ...events: IncidentEvent[]) => events.reduce<IncidentState>((acc, e) => reduce(acc, e), s) };
}

describe('reduce: declaration', () => {
  test('a declaration opens the incident investigating, with its severity, commander, services and default checklist', () => {
    const { state } = declare();
    assert.equal(state.ref, 'INC-1');
    assert.equal(state.status, 'investigating');
    assert.equal(state.severity, 'SEV2');
    assert.deepEqual(state.roles.map((r) => [r.role, r.label]), [['commander', 'Alice']]);
    assert.deepEqual(state.services, ['checkout']);
    assert.equal(state.checklist.total, 5);
    assert.equal(state.checklist.complete, false);
    assert.equal(state.keyTimes.declaredAt, at(0));
    assert.equal(state.keyTimes.acknowledgedAt, at(0), 'a person declaring has acknowledged');
    assert.equal(state.keyTimes.acknowledgementDueAt, at(15), 'SEV2 response target is 15 minutes');
    assert.equal(state.lastSeq, 1);
  });

  test('an integration declaring leaves the incident unacknowledged until a person writes to it', () => {
    const tl = timeline();
    const declared = reduce(undefined, tl.next('declared', declaredBody({ commander: null }), { minutes: 0, actorId: null, actorLabel: 'alertmanager' }));
    assert.equal(declared.keyTimes.acknowledgedAt, null);
    assert.deepEqual(declared.roles, []);
    const noted = reduce(declared, tl.next('note', { text: 'looking' }, { minutes: 3 }));
    assert.equal(noted.keyTimes.acknowledgedAt, at(3));
  });

  test('the default cadence sets the next update due from the declaration: SEV1 15, SEV2 30, SEV3 60 minutes, SEV4 none', () => {
    assert.equal(declare({ severity: 'SEV1' }).state.nextUpdateDue, at(15));
    assert.equal(declare({ severity: 'SEV2' }).state.nextUpdateDue, at(30));
    assert.equal(declare({ severity: 'SEV3' }).state.nextUpdateDue, at(60));
    assert.equal(declare({ severity: 'SEV4' }).state.nextUpdateDue, null);
  });

  test('the log must start with exactly one declaration', () => {
    const { tl, state } = declare();
    assert.throws(() => reduce(state, tl.next('declared', declaredBody())), /second declared/);
    assert.throws(() => reduce(undefined, timeline().next('note', { text: 'x' })), /must start with declared/);
  });
});

describe('reduce: command', () => {
  test('a severity change records the old and new severity with its reason and re-derives the cadence', () => {
    const { tl, state, apply } = declare();
    const s = apply(state, tl.next('severity_changed', { severity: 'SEV1', reason: 'all EU traffic failing' }, { minutes: 5 }));
    assert.equal(s.severity, 'SEV1');
    assert.deepEqual(s.lastSeverityChange, { seq: 2, at: at(5), from: 'SEV2', to: 'SEV1', reason: 'all EU traffic failing' });
    assert.equal(s.counts.severityChanges, 1);
    assert.equal(s.nextUpdateDue, at(15));
  });

  test('status changes are counted; entering monitoring with a reason counts as mitigated', () => {
    const { tl, state, apply } = declare();
    const s = apply(state, tl.next('status_changed', { status: 'identified' }), tl.next('status_changed', { status: 'monitoring', reason: 'error rate flat' }, { minutes: 9 }));
    assert.equal(s.status, 'monitoring');
    assert.equal(s.statusSince, at(9));
    assert.equal(s.counts.statusChanges, 2);
    assert.equal(s.keyTimes.mitigatedAt, at(9));
    assert.equal(s.recovery.monitoringSince, at(9));
  });

  test('resolving sets the resolved time and stops the update cadence; reopening clears it', () => {
    const { tl, state, apply } = declare();
    const resolved = apply(state, tl.next('resolved', { summary: 'fixed' }, { minutes: 40 }));
    assert.equal(resolved.status, 'resolved');
    assert.equal(resolved.keyTimes.resolvedAt, at(40));
    assert.equal(resolved.nextUpdateDue, null);
    assert.equal(resolved.resolution?.summary, 'fixed');
    const reopened = apply(resolved, tl.next('reopened', { reason: 'errors are back' }, { minutes: 50 }));
    assert.equal(reopened.status, 'investigating');
    assert.equal(reopened.keyTimes.resolvedAt, null);
    assert.equal(reopened.resolution, null);
    assert.equal(reopened.nextUpdateDue, at(80), 'cadence resumes from the declaration as no update was posted');
  });

  test('status_changed to resolved with an override records the override, what it skipped, and keeps it after a reopen', () => {
    const { tl, state, apply } = declare();
    const s = apply(state, tl.next('status_changed', { status: 'resolved', override: { reason: 'drill ended' } }, { minutes: 10 }));
    assert.equal(s.resolution?.override?.reason, 'drill ended');
    assert.match(s.resolution!.override!.missing.join(' '), /no impact statement/);
    const reopened = apply(s, tl.next('status_changed', { status: 'mitigating', reason: 'not over' }));
    assert.equal(reopened.status, 'mitigating');
    assert.equal(reopened.overrides.length, 1);
    assert.equal(reopened.overrides[0]!.rule, 'resolve-prerequisites');
  });

  test('assigning a role replaces its holder and makes them a member; releasing removes it', () => {
    const { tl, state, apply } = declare();
    const s = apply(
      state,
      tl.next('role_assigned', { role: 'commander', userId: 'u-bob', label: 'Bob' }),
      tl.next('role_assigned', { role: 'specialist', specialty: 'database', label: 'DBA on call' }),
    );
    assert.deepEqual(s.roles.filter((r) => r.role === 'commander').map((r) => r.label), ['Bob']);
    assert.ok(s.members.includes('u-bob'));
    assert.equal(s.roles.find((r) => r.role === 'specialist')?.specialty, 'database');
    const released = apply(s, tl.next('role_released', { role: 'specialist', specialty: 'database' }));
    assert.equal(released.roles.some((r) => r.role === 'specialist'), false);
  });

  test('one person as commander, operations and communications raises a warning that clears when a role moves', () => {
    const { tl, state, apply } = declare();
    const s = apply(
      state,
      tl.next('role_assigned', { role: 'operations', userId: 'u-alice', label: 'Alice' }),
      tl.next('role_assigned', { role: 'communications', userId: 'u-alice', label: 'Alice' }, { minutes: 4 }),
    );
    assert.deepEqual(s.warnings.map((w) => [w.code, w.since]), [['single-person-command', at(4)]]);
    const later = apply(s, tl.next('note', { text: 'still here' }, { minutes: 6 }));
    assert.equal(later.warnings[0]!.since, at(4), 'the warning keeps the time it started');
    const fixed = apply(later, tl.next('handoff', { role: 'communications', to: { userId: 'u-carol', label: 'Carol' }, notes: 'take comms' }));
    // The commander does not write code or run queries (docs/practices.md#roles), so commander plus operations still warns.
    assert.deepEqual(fixed.warnings.map((w) => w.code), ['commander-runs-operations']);
    assert.deepEqual([fixed.lastHandoff?.role, fixed.lastHandoff?.from?.label, fixed.lastHandoff?.to.label], ['communications', 'Alice', 'Carol']);
    assert.equal(fixed.counts.handoffs, 1);
  });

  test('member_added adds a member once, however often they are added', () => {
    const { tl, state, apply } = declare();
    const s = apply(state, tl.next('member_added', { userId: 'u-dan' }), tl.next('member_added', { userId: 'u-dan' }), tl.next('member_added', { userId: 'u-alice' }));
    assert.deepEqual(s.members, ['u-alice', 'u-dan']);
  });
});

describe('reduce: the response', () => {
  test('impact_stated replaces the impact with the latest statement', () => {
    const { tl, state, apply } = declare({ impact: 'some checkouts fail' });
    assert.equal(state.impact?.statement, 'some checkouts fail');
    const s = apply(state, tl.next('impact_stated', { statement: 'EU customers cannot pay', journeys: [{ journey: 'checkout', effect: 'down' }], writesSafe: 'no' }));
    assert.deepEqual([s.impact?.statement, s.impact?.journeys[0]?.effect, s.impact?.writesSafe], ['EU customers cannot pay', 'down', 'no']);
  });

  test('cohorts are affected and cleared by dimension and value', () => {
    const { tl, state, apply } = declare();
    const s = apply(
      state,
      tl.next('cohort_affected', { dimension: 'region', value: 'eu-west-1' }),
      tl.next('cohort_affected', { dimension: 'plan', value: 'enterprise' }),
      tl.next('cohort_cleared', { dimension: 'plan', value: 'enterprise' }),
    );
    assert.deepEqual(s.cohorts.map((c) => `${c.dimension}:${c.value}`), ['region:eu-west-1']);
  });

  test('hypotheses move from open to confirmed or rejected, keeping the reason', () => {
    const { tl, state, apply } = declare();
    const s = apply(
      state,
      tl.next('hypothesis_proposed', { text: 'bad deploy 14:02' }),
      tl.next('hypothesis_proposed', { text: 'payment provider outage' }),
      tl.next('hypothesis_rejected', { hypothesisSeq: 3, reason: 'provider status green, other regions fine' }),
      tl.next('hypothesis_confirmed', { hypothesisSeq: 2, note: 'rollback fixed canary' }),
    );
    assert.deepEqual(s.hypotheses.open, []);
    assert.deepEqual(s.hypotheses.confirmed.map((h) => h.text), ['bad deploy 14:02']);
    assert.equal(s.counts.hypothesesRejected, 1, 'the rejected hypothesis leaves the state; the log keeps it');
  });

  test('decisions keep their rationale and the alternatives rejected', () => {
    const { tl, state, apply } = declare();
    const s = apply(state, tl.next('decision', { decision: 'roll back', rationale: 'fastest', alternativesRejected: [{ option: 'hotfix', reason: 'untested' }] }));
    assert.deepEqual(s.lastDecision?.alternativesRejected, [{ option: 'hotfix', reason: 'untested' }]);
    assert.equal(s.counts.decisions, 1);
  });

  test('observations, actions, evidence and notes are kept in the log without changing the picture', () => {
    const { tl, state, apply } = declare();
    const s = apply(
      state,
      tl.next('observation', { text: 'queue depth rising' }),
      tl.next('action_taken', { action: 'scaled workers' }),
      tl.next('evidence_attached', { type: 'log_excerpt', title: 'worker log', content: 'timeout after 30s' }),
      tl.next('note', { text: 'fyi' }),
    );
    assert.equal(s.eventCount, 5);
    assert.equal(s.lastSeq, 5);
    assert.deepEqual(s.hypotheses, state.hypotheses);
  });

  test('a mitigation is active until verified or failed; its deadline passes by the log clock or a reminder', () => {
    const { tl, state, apply } = declare();
    let s = apply(
      state,
      tl.next('mitigation_started', { action: 'roll back', expectedSignal: 'error rate < 1%', deadline: at(20) }, { minutes: 10 }),
      tl.next('mitigation_started', { action: 'drain eu-west-1', expectedSignal: 'latency normal', deadline: at(30) }, { minutes: 11 }),
    );
    assert.deepEqual(s.mitigations.active.map((m) => m.deadlinePassed), [false, false]);
    s = apply(s, tl.next('note', { text: 'waiting' }, { minutes: 21 }));
    assert.deepEqual(s.mitigations.active.map((m) => m.deadlinePassed), [true, false]);
    s = apply(s, tl.next('reminder', { reason: 'mitigation_deadline', dueAt: at(30), mitigationSeq: 3 }, { minutes: 22, actorId: null }));
    assert.deepEqual(s.mitigations.active.map((m) => m.deadlinePassed), [true, true]);
    assert.equal(s.lastReminder?.reason, 'mitigation_deadline');
    s = apply(s, tl.next('mitigation_failed', { mitigationSeq: 2, observed: 'no change' }, { minutes: 23 }), tl.next('mitigation_verified', { mitigationSeq: 3, observed: 'latency normal' }, { minutes: 25 }));
    assert.deepEqual(s.mitigations.active, []);
    assert.deepEqual([s.counts.mitigationsFailed, s.counts.mitigationsVerified, s.mitigations.lastSettled?.outcome], [1, 1, 'verified']);
    assert.equal(s.keyTimes.mitigatedAt, at(25));
  });

  test('unsafe actions are listed', () => {
    const { tl, state, apply } = declare();
    const s = apply(state, tl.next('unsafe_action_noted', { action: 'restart the primary', reason: 'replica is 10 min behind' }));
    assert.deepEqual(s.unsafeActions.map((u) => u.action), ['restart the primary']);
  });

  test('an update with a commitment sets the next update due; without one the cadence runs from the update', () => {
    const { tl, state, apply } = declare();
    const committed = apply(state, tl.next('update_posted', { audience: 'public', text: 'investigating', nextUpdateAt: at(25) }, { minutes: 5 }));
    assert.equal(committed.nextUpdateDue, at(25));
    assert.equal(committed.lastUpdate?.audience, 'public');
    const uncommitted = apply(committed, tl.next('update_posted', { audience: 'internal', text: 'still looking' }, { minutes: 20 }));
    assert.equal(uncommitted.nextUpdateDue, at(50));
  });

  test('a commitment made before resolving is stale after a reopen: the cadence restarts from the reopening', () => {
    const { tl, state, apply } = declare();
    const s = apply(
      state,
      tl.next('update_posted', { audience: 'public', text: 'fixed soon', nextUpdateAt: at(25) }, { minutes: 5 }),
      tl.next('resolved', { override: { reason: 'test' } }, { minutes: 10 }),
      tl.next('reopened', { reason: 'back again' }, { minutes: 60 }),
    );
    assert.equal(s.nextUpdateDue, at(90));
    assert.ok(s.sharedPicture.missing.includes('nextUpdate'), 'the stale commitment no longer counts toward the shared picture');
  });

  test('an update_due reminder is recorded without moving the due time', () => {
    const { tl, state, apply } = declare();
    const s = apply(state, tl.next('reminder', { reason: 'update_due', dueAt: at(30) }, { minutes: 30, actorId: null, actorLabel: 'firebreak' }));
    assert.equal(s.lastReminder?.dueAt, at(30));
    assert.equal(s.nextUpdateDue, at(30));
  });

  test('an attached alert joins the alerts and adds its service; attaching the group again updates it', () => {
    const { tl, state, apply } = declare();
    const body = { alertGroupId: 'g1', serviceId: 'payments', summary: 'HighErrorRate', severity: 'critical', source: 'alertmanager', alertCount: 1 };
    const s = apply(state, tl.next('alert_attached', body, { actorId: null }), tl.next('alert_attached', { ...body, alertCount: 4 }, { actorId: null }));
    assert.deepEqual(s.alerts.map((a) => [a.alertGroupId, a.alertCount, a.seq]), [['g1', 4, 2]]);
    assert.deepEqual(s.services, ['checkout', 'payments']);
  });
});

describe('reduce: recovery and the record', () => {
  test('checklist answers count toward completion; ad hoc checks join the list', () => {
    const { tl, state, apply } = declare();
    let s = state;
    for (const check of passingChecks()) s = apply(s, tl.next('checklist_item_checked', check));
    assert.deepEqual([s.checklist.answered, s.checklist.total, s.checklist.complete], [5, 5, true]);
    s = apply(s, tl.next('checklist_item_checked', { item: 'No emails sent twice', result: 'fail', negative: true, note: '12 duplicates' }));
    assert.deepEqual([s.checklist.answered, s.checklist.total], [6, 6]);
    assert.equal(s.checklist.items.at(-1)?.negative, true);
  });

  test('a reconciliation opens, takes an owner with progress, and closes with its outcome', () => {
    const { tl, state, apply } = declare();
    const s = apply(
      state,
      tl.next('reconciliation_opened', { scope: 'orders charged twice 14:02-14:40' }),
      tl.next('reconciliation_progressed', { reconciliationSeq: 2, note: 'found 31', owner: { label: 'Payments team' }, recordsChecked: 900 }),
      tl.next('reconciliation_closed', { reconciliationSeq: 2, outcome: '31 refunds issued' }),
    );
    const r = s.reconciliations[0]!;
    assert.deepEqual([r.status, r.owner?.label, r.lastProgress?.recordsChecked, r.outcome], ['closed', 'Payments team', 900, '31 refunds issued']);
  });

  test('markers take the occurredAt of their event, and an amendment with a corrected time moves them', () => {
    const { tl, state, apply } = declare();
    const s = apply(state, tl.next('marker', { marker: 'first_symptom' }, { minutes: 20, occurredAt: at(-17) }));
    assert.deepEqual(s.markers.first_symptom, { at: at(-17), seq: 2 });
    const amended = apply(s, tl.next('amended', { targetSeq: 2, correction: 'graphs show 13:40', occurredAt: at(-20) }));
    assert.deepEqual(amended.markers.first_symptom, { at: at(-20), seq: 2 });
    assert.equal(amended.lastAmendment?.targetSeq, 2);
  });
});
