/**
 * A realistic SEV1, written for the postmortem tests: every event kind, 59
 * events. A config push at 13:40 shortens the payment client's timeout;
 * EU checkout fails from 13:48; alerts declare at 14:00. Times are minutes
 * after T0 (14:00 UTC); `at` is when it was recorded, `occurredAt` when it happened.
 */
import type { IncidentEvent } from '../incidents/events.js';
import { DEFAULT_POLICY } from '../incidents/policy.js';
import { at, declaredBody, timeline } from '../incidents/testing.js';

const BOB = '00000000-0000-4000-8000-0000000000b0';
const DAVE = '00000000-0000-4000-8000-0000000000d0';

export function sev1Log(incidentId = '00000000-0000-4000-8000-000000005e01'): IncidentEvent[] {
  const t = timeline(incidentId);
  const sys = (minutes: number) => ({ minutes, actorId: null, actorLabel: 'firebreak' });
  const by = (minutes: number, occurredAt?: string) => ({ minutes, ...(occurredAt ? { occurredAt } : {}) });
  const checks = DEFAULT_POLICY.recoveryChecklist;
  return [
    t.next('declared', declaredBody({ severity: 'SEV2', title: 'EU checkout failing', services: ['checkout'], commander: { userId: null, label: 'Alice' } }), sys(0)), // 1
    t.next('alert_attached', { alertGroupId: 'ag-1', serviceId: 'checkout', summary: 'checkout 5xx > 20%', severity: 'critical', source: 'alertmanager' }, sys(0)), // 2
    t.next('marker', { marker: 'first_symptom', note: 'first failed EU checkout' }, by(3, at(-12))), // 3
    t.next('marker', { marker: 'first_causal_change', note: 'config push 13:40' }, by(3, at(-20))), // 4
    t.next('severity_changed', { severity: 'SEV1', reason: 'all EU checkouts failing' }, by(4)), // 5
    t.next('role_assigned', { role: 'tech_lead', userId: BOB, label: 'Bob' }, by(4)), // 6
    t.next('role_assigned', { role: 'communications', label: 'Carol' }, by(5)), // 7
    t.next('member_added', { userId: DAVE }, by(5)), // 8
    t.next('observation', { text: 'error rate 40% in EU' }, by(5)), // 9
    t.next('evidence_attached', { type: 'log_excerpt', title: 'payment client log', content: 'timeout after 500ms' }, by(6)), // 10
    t.next('no_hypothesis', { investigating: 'payment path' }, by(6)), // 11
    t.next('impact_stated', { statement: 'EU customers cannot check out', journeys: [{ journey: 'checkout', effect: 'down', priority: true }], writesSafe: 'yes', affected: { percent: 40 } }, by(7)), // 12
    t.next('cohort_affected', { dimension: 'region', value: 'eu-west-1' }, by(7)), // 13
    t.next('cohort_affected', { dimension: 'tenant', value: 'acme' }, by(7)), // 14
    t.next('cohort_unaffected', { dimension: 'region', value: 'us-east-1' }, by(8)), // 15
    t.next('hypothesis_proposed', { text: 'payment provider outage' }, by(8)), // 16
    t.next('hypothesis_proposed', { text: 'the 13:40 config push shortened the payment client timeout', evidence: [10] }, by(8)), // 17
    t.next('no_unsafe_actions_known', {}, by(9)), // 18
    t.next('next_decision', { decision: 'roll back the config push?', owner: { label: 'Bob' }, dueAt: at(25) }, by(9)), // 19
    t.next('update_posted', { audience: 'internal', text: 'EU checkout down, investigating payment path', nextUpdateAt: at(20) }, by(10)), // 20
    t.next('hypothesis_rejected', { hypothesisSeq: 16, reason: 'provider status green, US unaffected' }, by(12)), // 21
    t.next('severity_confirmed', { note: 'SEV1 stands' }, by(12)), // 22
    t.next('status_changed', { status: 'identified', reason: 'config push suspected' }, by(13)), // 23
    t.next('decision', { decision: 'shift EU traffic first, then roll back', rationale: 'shifting is faster to undo', alternativesRejected: [{ option: 'hotfix', reason: 'untested' }], nextDecisionSeq: 19 }, by(14)), // 24
    t.next('unsafe_action_noted', { action: 'restart the payment database', reason: 'replica lag' }, by(14)), // 25
    t.next('mitigation_started', { action: 'shift EU traffic to eu-central', expectedSignal: 'EU error rate < 1%', deadline: at(25) }, by(15)), // 26
    t.next('responder_paged', { target: { type: 'team', id: 'team-payments', name: 'team payments' }, reason: 'expertise: the payment client', escalationId: 'esc-1' }, by(16)), // 27
    t.next('status_changed', { status: 'mitigating', reason: 'traffic shift under way' }, by(16)), // 28
    t.next('reminder', { reason: 'update_due', dueAt: at(20) }, sys(21)), // 29
    t.next('update_posted', { audience: 'public', text: 'Checkout is failing for some EU customers', nextUpdateAt: at(40) }, by(24)), // 30
    t.next('reminder', { reason: 'mitigation_deadline', dueAt: at(25), mitigationSeq: 26 }, sys(25)), // 31
    t.next('mitigation_failed', { mitigationSeq: 26, observed: 'error rate unchanged: eu-central uses the same config' }, by(26)), // 32
    t.next('mitigation_started', { action: 'roll back the 13:40 config push', expectedSignal: 'EU error rate < 1%', deadline: at(45), hypothesisSeq: 17 }, by(27)), // 33
    t.next('handoff', { role: 'tech_lead', to: { userId: DAVE, label: 'Dave' }, notes: 'rollback in flight' }, by(28)), // 34
    t.next('role_assigned', { role: 'specialist', specialty: 'database', label: 'DBA on call' }, by(29)), // 35
    t.next('role_released', { role: 'specialist', specialty: 'database', reason: 'not a database issue' }, by(30)), // 36
    t.next('unsafe_action_lifted', { unsafeSeq: 25, reason: 'replicas caught up' }, by(31)), // 37
    t.next('observation', { text: 'error rate dropping' }, by(33)), // 38
    t.next('mitigation_verified', { mitigationSeq: 33, observed: 'EU error rate 0.3%' }, by(35)), // 39
    t.next('hypothesis_confirmed', { hypothesisSeq: 17, note: 'rollback fixed it' }, by(36)), // 40
    t.next('update_posted', { audience: 'public', text: 'Checkout recovered; monitoring', nextUpdateAt: at(60) }, by(38)), // 41
    t.next('status_changed', { status: 'monitoring', reason: 'rollback holding' }, by(38)), // 42
    t.next('alert_resolved', { alertGroupId: 'ag-1' }, sys(39)), // 43
    t.next('cohort_cleared', { dimension: 'tenant', value: 'acme' }, by(40)), // 44
    t.next('reconciliation_opened', { scope: 'orders charged but not confirmed 13:48-14:35' }, by(41)), // 45
    t.next('reconciliation_progressed', { reconciliationSeq: 45, note: 'half checked', recordsChecked: 200 }, by(45)), // 46
    t.next('reconciliation_closed', { reconciliationSeq: 45, outcome: '12 orders confirmed by hand' }, by(50)), // 47
    t.next('checklist_item_checked', { item: checks[0]!.item, result: 'pass' }, by(51)), // 48
    t.next('checklist_item_checked', { item: checks[1]!.item, result: 'pass' }, by(51)), // 49
    t.next('checklist_item_checked', { item: checks[2]!.item, result: 'fail', note: 'retry queue still 2k deep' }, by(52)), // 50
    t.next('checklist_item_checked', { item: checks[3]!.item, result: 'pass', negative: true }, by(52)), // 51
    t.next('checklist_item_checked', { item: checks[4]!.item, result: 'pass' }, by(52)), // 52
    t.next('note', { text: 'retry queue draining' }, by(54)), // 53
    t.next('amended', { targetSeq: 9, correction: 'seen on the dashboard at 14:02', occurredAt: at(2) }, by(55)), // 54
    t.next('resolved', { summary: 'Config rolled back; EU checkout normal', override: { reason: 'retry queue drains on its own' } }, by(56)), // 55
    t.next('reopened', { reason: 'stale config cached in two pods' }, by(70)), // 56
    t.next('update_posted', { audience: 'internal', text: 'Reopened: two pods kept the bad config', nextUpdateAt: at(80) }, by(72)), // 57
    t.next('action_taken', { action: 'purged the config cache', result: 'errors gone' }, by(85)), // 58
    t.next('resolved', { summary: 'Cache purged; EU checkout normal' }, by(95)), // 59
  ];
}
