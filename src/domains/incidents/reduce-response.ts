/** Reducer steps for the response itself: impact, cohorts, hypotheses, decisions, mitigations, updates, alerts. */
import type { EventOf } from './events.js';
import { counted, namedHolder } from './reduce-command.js';
import { SEVERITIES, type AttachedAlert, type Cohort, type Hypothesis, type IncidentState, type Mitigation, type Severity } from './model.js';

export function impactStated(state: IncidentState, event: EventOf<'impact_stated'>): IncidentState {
  const { statement, journeys, writesSafe, affected, since } = event.body;
  return {
    ...state,
    impact: {
      statement,
      journeys,
      writesSafe,
      seq: event.seq,
      statedAt: event.occurredAt,
      provisional: false,
      affected: affected ? { users: affected.users ?? null, percent: affected.percent ?? null } : null,
      since: since ?? null,
      priority: journeys.find((j) => j.priority)?.journey ?? null,
    },
  };
}

const sameCohort = (c: Cohort, b: { dimension: string; value: string }) => c.dimension === b.dimension && c.value === b.value;

export function cohortAffected(state: IncidentState, event: EventOf<'cohort_affected'>): IncidentState {
  const b = event.body;
  const cohort: Cohort = { dimension: b.dimension as Cohort['dimension'], value: b.value, note: b.note ?? null, since: event.occurredAt, seq: event.seq };
  const existing = state.cohorts.find((c) => sameCohort(c, b));
  // Re-affirming a cohort updates its note but keeps when it was first affected.
  const merged = existing ? { ...cohort, since: existing.since, seq: existing.seq } : cohort;
  return { ...state, cohorts: [...state.cohorts.filter((c) => !sameCohort(c, b)), merged], cohortsUnaffected: state.cohortsUnaffected.filter((c) => !sameCohort(c, b)) };
}

export function cohortCleared(state: IncidentState, event: EventOf<'cohort_cleared'>): IncidentState {
  return { ...state, cohorts: state.cohorts.filter((c) => !sameCohort(c, event.body)) };
}

/** A cohort known to be safe; if it was marked harmed, it no longer is. */
export function cohortUnaffected(state: IncidentState, event: EventOf<'cohort_unaffected'>): IncidentState {
  const b = event.body;
  const cohort: Cohort = { dimension: b.dimension as Cohort['dimension'], value: b.value, note: b.note ?? null, since: event.occurredAt, seq: event.seq };
  return { ...state, cohorts: state.cohorts.filter((c) => !sameCohort(c, b)), cohortsUnaffected: [...state.cohortsUnaffected.filter((c) => !sameCohort(c, b)), cohort] };
}

export function noHypothesis(state: IncidentState, event: EventOf<'no_hypothesis'>): IncidentState {
  return { ...state, investigating: { seq: event.seq, at: event.occurredAt, text: event.body.investigating } };
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
  return { ...state, investigating: null, hypotheses: { ...state.hypotheses, open: [...state.hypotheses.open, hypothesis] } };
}

function findHypothesis(state: IncidentState, seq: number): Hypothesis | undefined {
  return state.hypotheses.open.find((h) => h.seq === seq) ?? state.hypotheses.confirmed.find((h) => h.seq === seq);
}

export function hypothesisConfirmed(state: IncidentState, event: EventOf<'hypothesis_confirmed'>): IncidentState {
  const h = findHypothesis(state, event.body.hypothesisSeq);
  if (!h) return state;
  const settled = { ...h, settledAt: event.occurredAt, settledSeq: event.seq, reason: event.body.note ?? null };
  const { open, confirmed } = state.hypotheses;
  return { ...state, hypotheses: { open: open.filter((x) => x.seq !== h.seq), confirmed: [...confirmed.filter((x) => x.seq !== h.seq), settled] } };
}

export function hypothesisRejected(state: IncidentState, event: EventOf<'hypothesis_rejected'>): IncidentState {
  const h = findHypothesis(state, event.body.hypothesisSeq);
  if (!h) return state;
  // Rejected hypotheses leave the state; the log keeps them (and the handoff reads them from it).
  const { open, confirmed } = state.hypotheses;
  return counted({ ...state, hypotheses: { open: open.filter((x) => x.seq !== h.seq), confirmed: confirmed.filter((x) => x.seq !== h.seq) } }, 'hypothesesRejected');
}

export function decision(state: IncidentState, event: EventOf<'decision'>): IncidentState {
  const { decision: text, rationale, alternativesRejected, nextDecisionSeq } = event.body;
  const nextDecision = nextDecisionSeq !== undefined && state.nextDecision?.seq === nextDecisionSeq ? null : state.nextDecision;
  return counted({ ...state, nextDecision, lastDecision: { seq: event.seq, at: event.occurredAt, decision: text, rationale, alternativesRejected } }, 'decisions');
}

export function nextDecision(state: IncidentState, event: EventOf<'next_decision'>): IncidentState {
  const { decision: text, owner, dueAt } = event.body;
  return { ...state, nextDecision: { seq: event.seq, decision: text, owner: namedHolder(owner), dueAt, namedAt: event.occurredAt } };
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
  const mitigations = { active: state.mitigations.active.filter((x) => x.seq !== m.seq), lastSettled: settled };
  const mitigates = state.keyTimes.mitigatedAt === null && outcome === 'verified';
  const next = {
    ...state,
    mitigations,
    keyTimes: mitigates ? { ...state.keyTimes, mitigatedAt: event.occurredAt } : state.keyTimes,
    keyTimeSeqs: mitigates ? { ...state.keyTimeSeqs, mitigatedAt: event.seq } : state.keyTimeSeqs,
  };
  return counted(next, outcome === 'verified' ? 'mitigationsVerified' : 'mitigationsFailed');
}

export const mitigationVerified = (s: IncidentState, e: EventOf<'mitigation_verified'>) => settleMitigation(s, e, 'verified');
export const mitigationFailed = (s: IncidentState, e: EventOf<'mitigation_failed'>) => settleMitigation(s, e, 'failed');

export function unsafeActionNoted(state: IncidentState, event: EventOf<'unsafe_action_noted'>): IncidentState {
  const b = event.body;
  const noted = { seq: event.seq, action: b.action, reason: b.reason, notedAt: event.occurredAt, condition: b.condition ?? null, until: b.until ?? null };
  const reviewed = { seq: event.seq, at: event.occurredAt, noneKnown: false };
  return counted({ ...state, unsafeActions: [...state.unsafeActions, noted], unsafeActionsReviewed: reviewed }, 'unsafeActionsNoted');
}

export function unsafeActionLifted(state: IncidentState, event: EventOf<'unsafe_action_lifted'>): IncidentState {
  return counted({ ...state, unsafeActions: state.unsafeActions.filter((u) => u.seq !== event.body.unsafeSeq) }, 'unsafeActionsLifted');
}

export function noUnsafeActionsKnown(state: IncidentState, event: EventOf<'no_unsafe_actions_known'>): IncidentState {
  return { ...state, unsafeActionsReviewed: { seq: event.seq, at: event.occurredAt, noneKnown: true } };
}

export function updatePosted(state: IncidentState, event: EventOf<'update_posted'>): IncidentState {
  const { audience, text, nextUpdateAt } = event.body;
  return counted({ ...state, lastUpdate: { seq: event.seq, at: event.occurredAt, audience, text, nextUpdateAt: nextUpdateAt ?? null } }, 'updates');
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
    triage: reason === 'triage_due' ? { ...state.triage, reminded: true } : state.triage,
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
    incidentSeverity: b.incidentSeverity ?? null,
    resolvedAt: null,
    ...(b.rules ? { rules: b.rules } : {}),
    ...(b.fingerprints ? { fingerprints: b.fingerprints } : {}),
  };
  const existing = state.alerts.find((a) => a.alertGroupId === b.alertGroupId);
  const alerts = existing
    ? state.alerts.map((a) => (a.alertGroupId === b.alertGroupId ? { ...alert, attachedAt: a.attachedAt, seq: a.seq } : a))
    : [...state.alerts, alert];
  const services = state.services.includes(b.serviceId) ? state.services : [...state.services, b.serviceId];
  return { ...state, alerts, services, severityReview: severityReviewFor(state, alert) ?? state.severityReview };
}

const moreSevere = (a: Severity, b: Severity) => SEVERITIES.indexOf(a) < SEVERITIES.indexOf(b);

/** When a more severe alert joins, the severity should be revisited (docs/practices.md#severity). */
function severityReviewFor(state: IncidentState, alert: AttachedAlert): IncidentState['severityReview'] {
  if (!alert.incidentSeverity || !moreSevere(alert.incidentSeverity, state.severity)) return null;
  return {
    seq: alert.seq,
    at: alert.attachedAt,
    alertGroupId: alert.alertGroupId,
    suggested: alert.incidentSeverity,
    reason: `alert "${alert.summary}" (${alert.severity}) maps to ${alert.incidentSeverity}, more severe than ${state.severity}; confirm or change the severity`,
  };
}

/** An attached alert resolved: the timeline says so, and the state knows when all of them have. */
export function alertResolved(state: IncidentState, event: EventOf<'alert_resolved'>): IncidentState {
  return { ...state, alerts: state.alerts.map((a) => (a.alertGroupId === event.body.alertGroupId ? { ...a, resolvedAt: event.occurredAt } : a)) };
}
