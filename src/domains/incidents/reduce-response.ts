/** Reducer steps for the response itself: impact, cohorts, hypotheses, decisions, mitigations, updates, alerts. */
import type { EventOf } from './events.js';
import type { AttachedAlert, Cohort, Hypothesis, IncidentState, Mitigation } from './model.js';

export function impactStated(state: IncidentState, event: EventOf<'impact_stated'>): IncidentState {
  const { statement, journeys, writesSafe } = event.body;
  return { ...state, impact: { statement, journeys, writesSafe, seq: event.seq, statedAt: event.occurredAt } };
}

const sameCohort = (c: Cohort, b: { dimension: string; value: string }) => c.dimension === b.dimension && c.value === b.value;

export function cohortAffected(state: IncidentState, event: EventOf<'cohort_affected'>): IncidentState {
  const b = event.body;
  const cohort: Cohort = { dimension: b.dimension as Cohort['dimension'], value: b.value, note: b.note ?? null, since: event.occurredAt, seq: event.seq };
  const existing = state.cohorts.find((c) => sameCohort(c, b));
  // Re-affirming a cohort updates its note but keeps when it was first affected.
  const merged = existing ? { ...cohort, since: existing.since, seq: existing.seq } : cohort;
  return { ...state, cohorts: [...state.cohorts.filter((c) => !sameCohort(c, b)), merged] };
}

export function cohortCleared(state: IncidentState, event: EventOf<'cohort_cleared'>): IncidentState {
  return { ...state, cohorts: state.cohorts.filter((c) => !sameCohort(c, event.body)) };
}

export function hypothesisProposed(state: IncidentState, event: EventOf<'hypothesis_proposed'>): IncidentState {
  const hypothesis: Hypothesis = {
    seq: event.seq,
    text: event.body.text,
    proposedAt: event.occurredAt,
    proposedBy: event.actorLabel,
    settledAt: null,
    settledSeq: null,
    reason: null,
  };
  return { ...state, hypotheses: { ...state.hypotheses, open: [...state.hypotheses.open, hypothesis] } };
}

function findHypothesis(state: IncidentState, seq: number): Hypothesis | undefined {
  return state.hypotheses.open.find((h) => h.seq === seq) ?? state.hypotheses.confirmed.find((h) => h.seq === seq);
}

export function hypothesisConfirmed(state: IncidentState, event: EventOf<'hypothesis_confirmed'>): IncidentState {
  const h = findHypothesis(state, event.body.hypothesisSeq);
  if (!h) return state;
  const settled = { ...h, settledAt: event.occurredAt, settledSeq: event.seq, reason: event.body.note ?? null };
  const { open, confirmed, rejected } = state.hypotheses;
  return { ...state, hypotheses: { open: open.filter((x) => x.seq !== h.seq), confirmed: [...confirmed.filter((x) => x.seq !== h.seq), settled], rejected } };
}

export function hypothesisRejected(state: IncidentState, event: EventOf<'hypothesis_rejected'>): IncidentState {
  const h = findHypothesis(state, event.body.hypothesisSeq);
  if (!h) return state;
  const settled = { ...h, settledAt: event.occurredAt, settledSeq: event.seq, reason: event.body.reason };
  const { open, confirmed, rejected } = state.hypotheses;
  return {
    ...state,
    hypotheses: { open: open.filter((x) => x.seq !== h.seq), confirmed: confirmed.filter((x) => x.seq !== h.seq), rejected: [...rejected, settled] },
  };
}

export function decision(state: IncidentState, event: EventOf<'decision'>): IncidentState {
  const { decision: text, rationale, alternativesRejected } = event.body;
  return { ...state, decisions: [...state.decisions, { seq: event.seq, at: event.occurredAt, decision: text, rationale, alternativesRejected }] };
}

export function mitigationStarted(state: IncidentState, event: EventOf<'mitigation_started'>): IncidentState {
  const { action, expectedSignal, deadline } = event.body;
  const mitigation: Mitigation = { seq: event.seq, action, expectedSignal, deadline, startedAt: event.occurredAt, deadlinePassed: false };
  return { ...state, mitigations: { ...state.mitigations, active: [...state.mitigations.active, mitigation] } };
}

function settleMitigation(state: IncidentState, event: EventOf<'mitigation_verified' | 'mitigation_failed'>, outcome: 'verified' | 'failed'): IncidentState {
  const m = state.mitigations.active.find((x) => x.seq === event.body.mitigationSeq);
  if (!m) return state;
  const { deadlinePassed: _passed, ...rest } = m;
  const settled = { ...rest, outcome, settledAt: event.occurredAt, settledSeq: event.seq, observed: event.body.observed };
  const mitigations = { active: state.mitigations.active.filter((x) => x.seq !== m.seq), settled: [...state.mitigations.settled, settled] };
  const mitigatedAt = state.keyTimes.mitigatedAt ?? (outcome === 'verified' ? event.occurredAt : null);
  return { ...state, mitigations, keyTimes: { ...state.keyTimes, mitigatedAt } };
}

export const mitigationVerified = (s: IncidentState, e: EventOf<'mitigation_verified'>) => settleMitigation(s, e, 'verified');
export const mitigationFailed = (s: IncidentState, e: EventOf<'mitigation_failed'>) => settleMitigation(s, e, 'failed');

export function unsafeActionNoted(state: IncidentState, event: EventOf<'unsafe_action_noted'>): IncidentState {
  const noted = { seq: event.seq, action: event.body.action, reason: event.body.reason, notedAt: event.occurredAt };
  return { ...state, unsafeActions: [...state.unsafeActions, noted] };
}

export function updatePosted(state: IncidentState, event: EventOf<'update_posted'>): IncidentState {
  const { audience, text, nextUpdateAt } = event.body;
  return { ...state, lastUpdate: { seq: event.seq, at: event.occurredAt, audience, text, nextUpdateAt: nextUpdateAt ?? null } };
}

export function reminder(state: IncidentState, event: EventOf<'reminder'>): IncidentState {
  const { reason, dueAt, mitigationSeq } = event.body;
  const active =
    reason === 'mitigation_deadline' && mitigationSeq !== undefined
      ? state.mitigations.active.map((m) => (m.seq === mitigationSeq ? { ...m, deadlinePassed: true } : m))
      : state.mitigations.active;
  return {
    ...state,
    lastReminder: { seq: event.seq, reason, dueAt, at: event.recordedAt },
    mitigations: { ...state.mitigations, active },
  };
}

export function alertAttached(state: IncidentState, event: EventOf<'alert_attached'>): IncidentState {
  const b = event.body;
  const alert: AttachedAlert = {
    alertGroupId: b.alertGroupId,
    serviceId: b.serviceId,
    summary: b.summary,
    severity: b.severity,
    source: b.source,
    alertCount: b.alertCount ?? null,
    attachedAt: event.occurredAt,
    seq: event.seq,
  };
  const existing = state.alerts.find((a) => a.alertGroupId === b.alertGroupId);
  const alerts = existing
    ? state.alerts.map((a) => (a.alertGroupId === b.alertGroupId ? { ...alert, attachedAt: a.attachedAt, seq: a.seq } : a))
    : [...state.alerts, alert];
  const services = state.services.includes(b.serviceId) ? state.services : [...state.services, b.serviceId];
  return { ...state, alerts, services };
}
