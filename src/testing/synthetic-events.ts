/**
 * Random event sequences for an incident, drawn from the synthetic history's
 * seeded generator (synthetic-history.ts): at each step, one event chosen
 * among those the rules accept next for the incident's state. The replay
 * property test appends them through the service on each dialect.
 */
import { clockMs } from '../clock.js';
import { CORE_ROLES, SEVERITIES, STATUSES, type IncidentState } from '../domains/incidents/model.js';
import type { SeededRandom } from './synthetic-history.js';

/** An event to append; `system` ones are appended as the alerts pipeline. */
export type SyntheticEvent = { kind: string; body: Record<string, unknown>; system?: boolean };

const later = (minutes: number) => new Date(clockMs() + minutes * 60_000).toISOString();
const earlier = (minutes: number) => new Date(clockMs() - minutes * 60_000).toISOString();

/** The events that are valid next for `s`, by construction of the rules. */
function candidates(s: IncidentState, random: SeededRandom, evidence: readonly number[]): SyntheticEvent[] {
  const r = random.next;
  const pick = random.pick;
  const n = Math.floor(r() * 1000);
  const c: SyntheticEvent[] = [
    { kind: 'observation', body: { text: `queue depth ${n}`, ...(evidence.length && r() < 0.5 ? { evidence: [pick(evidence)] } : {}) } },
    { kind: 'note', body: { text: `note ${n}` } },
    { kind: 'evidence_attached', body: { type: 'log_excerpt', title: `log ${n}`, content: 'timeout after 30s' } },
    { kind: 'hypothesis_proposed', body: { text: `hypothesis ${n}` } },
    { kind: 'decision', body: { decision: `decide ${n}`, rationale: 'because', alternativesRejected: [], ...(s.nextDecision && r() < 0.6 ? { nextDecisionSeq: s.nextDecision.seq } : {}) } },
    { kind: 'next_decision', body: { decision: `next ${n}`, owner: { label: 'Bob' }, dueAt: later(10 + (n % 30)) } },
    { kind: 'mitigation_started', body: { action: `mitigate ${n}`, expectedSignal: 'errors < 1%', deadline: later(5 + (n % 20)) } },
    { kind: 'unsafe_action_noted', body: { action: `unsafe ${n}`, reason: 'replica lag', ...(r() < 0.5 ? { condition: 'the backup finishes' } : { until: later(1 + (n % 60)) }) } },
    { kind: 'update_posted', body: { audience: pick(['internal', 'public']), text: `update ${n}`, ...(r() < 0.7 ? { nextUpdateAt: later(15 + (n % 30)) } : {}) } },
    {
      kind: 'impact_stated',
      body: { statement: `impact ${n}`, journeys: [{ journey: 'checkout', effect: pick(['down', 'slow', 'degraded']), ...(r() < 0.5 ? { priority: true } : {}) }], writesSafe: pick(['yes', 'no', 'unknown']), ...(r() < 0.5 ? { affected: { users: n } } : {}), ...(r() < 0.5 ? { since: earlier(n % 60) } : {}) },
    },
    { kind: 'cohort_affected', body: { dimension: 'region', value: pick(['eu', 'us', 'ap']) } },
    { kind: 'cohort_unaffected', body: { dimension: 'region', value: pick(['eu', 'us', 'ap']) } },
    { kind: 'checklist_item_checked', body: { item: pick(s.checklist.items.map((i) => i.item)), result: pick(['pass', 'fail', 'not_applicable']) } },
    { kind: 'reconciliation_opened', body: { scope: `scope ${n}`, ...(r() < 0.5 ? { owner: { label: 'Payments' } } : {}) } },
    { kind: 'marker', body: { marker: pick(['first_symptom', 'first_causal_change', 'detection']) } },
    { kind: 'amended', body: { targetSeq: 1 + Math.floor(r() * s.lastSeq), correction: 'correct time', ...(r() < 0.7 ? { occurredAt: earlier(n % 30) } : {}) } },
    { kind: 'alert_attached', system: true, body: { alertGroupId: `g${n % 4}`, serviceId: 'checkout', summary: 'HighErrorRate', severity: 'critical', source: 'alertmanager', incidentSeverity: pick(SEVERITIES) } },
    { kind: 'reminder', system: true, body: { reason: 'update_due', dueAt: later(0) } },
    { kind: 'responder_paged', system: true, body: { target: { type: pick(['user', 'schedule', 'team']), id: `t${n}`, name: `Target ${n}` }, reason: 'expertise: payments', escalationId: `e${n}` } },
  ];
  const role = pick(CORE_ROLES);
  const holder = s.roles.find((x) => x.role === role && x.specialty === null);
  const person = pick(['Bob', 'Carol', 'Dan']);
  if (!holder || holder.label !== person) c.push({ kind: 'role_assigned', body: { role, label: person } }, { kind: 'handoff', body: { role, to: { label: person }, notes: 'shift end' } });
  if (holder) c.push({ kind: 'role_released', body: { role } });
  const open = [...s.hypotheses.open, ...s.hypotheses.confirmed];
  if (s.hypotheses.open.length) c.push({ kind: 'hypothesis_confirmed', body: { hypothesisSeq: pick(s.hypotheses.open).seq } });
  if (open.length) c.push({ kind: 'hypothesis_rejected', body: { hypothesisSeq: pick(open).seq, reason: 'graphs disagree' } });
  else c.push({ kind: 'no_hypothesis', body: { investigating: 'the deploy' } });
  if (s.mitigations.active.length) {
    const m = pick(s.mitigations.active);
    c.push({ kind: pick(['mitigation_verified', 'mitigation_failed']), body: { mitigationSeq: m.seq, observed: 'errors 0.1%' } });
  }
  if (s.unsafeActions.length) c.push({ kind: 'unsafe_action_lifted', body: { unsafeSeq: pick(s.unsafeActions).seq, reason: 'safe now' } });
  else c.push({ kind: 'no_unsafe_actions_known', body: {} });
  if (s.cohorts.length) c.push({ kind: 'cohort_cleared', body: { dimension: 'region', value: pick(s.cohorts).value } });
  const openRec = s.reconciliations.filter((x) => x.status === 'open');
  if (openRec.length) {
    const rec = pick(openRec);
    c.push({ kind: 'reconciliation_progressed', body: { reconciliationSeq: rec.seq, note: 'progress', owner: { label: 'Payments' }, recordsChecked: n } });
    if (rec.owner) c.push({ kind: 'reconciliation_closed', body: { reconciliationSeq: rec.seq, outcome: 'done' } });
  }
  if (s.alerts.length) c.push({ kind: 'alert_resolved', system: true, body: { alertGroupId: pick(s.alerts).alertGroupId } });
  const severity = pick(SEVERITIES.filter((x) => x !== s.severity));
  c.push({ kind: 'severity_changed', body: { severity, reason: 'reassessed' } });
  if (s.triage.pending || s.severityReview) c.push({ kind: 'severity_confirmed', body: {} });
  if (s.status === 'resolved') c.push({ kind: 'reopened', body: { reason: 'back', ...(r() < 0.5 ? { status: 'monitoring' } : {}) } });
  else {
    const status = pick(STATUSES.filter((x) => x !== s.status && x !== 'resolved'));
    c.push({ kind: 'status_changed', body: { status, ...(r() < 0.5 ? { reason: 'holding' } : {}) } });
    c.push({ kind: 'resolved', body: { summary: 'done', override: { reason: 'property test' } } });
  }
  return c;
}

/** One random event valid next for `s` (`evidence`: the seqs of evidence attached so far, for observations to cite). */
export function randomNextEvent(s: IncidentState, random: SeededRandom, evidence: readonly number[]): SyntheticEvent {
  return random.pick(candidates(s, random, evidence));
}
