/**
 * The rules the product enforces before an event joins the log:
 * each refusal is a conflict (the incident is not in a state that allows it)
 * or unprocessable (the request cannot be satisfied as asked) with a stable
 * type and a reason a tired responder can act on. Pure: state, event and the
 * kinds of the earlier events it cites in, verdict out.
 */
import { conflict, invalidField, unprocessable } from '../../errors.js';
import type { EventOf, IncidentEvent } from './events.js';
import { holderOf, resolutionGaps, sameHolder } from './derive.js';
import { namedHolder } from './reduce-command.js';
import type { IncidentState } from './model.js';

/** The kinds of the earlier events an event cites, by sequence number (the projection keeps no long histories). */
export type CitedKinds = ReadonlyMap<number, string>;

/** Sequence numbers of earlier events `event` cites, so the caller can look up their kinds. */
export function citedSeqs(event: IncidentEvent): number[] {
  const b = event.body as Record<string, unknown>;
  const seqs = Array.isArray(b.evidence) ? (b.evidence as number[]) : [];
  for (const field of ['hypothesisSeq', 'mitigationSeq', 'decisionSeq', 'unsafeSeq', 'targetSeq', 'reconciliationSeq']) {
    if (typeof b[field] === 'number') seqs.push(b[field]);
  }
  return [...new Set(seqs)];
}

function requireEarlierSeq(state: IncidentState, field: string, seq: number): void {
  if (seq > state.lastSeq) throw unprocessable('unknown-event', `${field}: ${state.ref} has no event ${seq} (its last is ${state.lastSeq})`);
}

/** Citations point at evidence: `evidence` lists evidence_attached events, not any event. */
function checkEvidence(state: IncidentState, evidence: number[] | undefined, cited: CitedKinds): void {
  for (const seq of evidence ?? []) {
    requireEarlierSeq(state, 'body.evidence', seq);
    const kind = cited.get(seq);
    if (kind !== 'evidence_attached') {
      throw unprocessable('not-evidence', `body.evidence: event ${seq} of ${state.ref} is ${kind ? `a ${kind}` : 'unknown'}, not evidence_attached; attach the evidence first and cite that event`);
    }
  }
}

function checkResolve(state: IncidentState, override: { reason: string } | undefined, at: string): void {
  if (state.status === 'resolved') throw conflict('already-resolved', `${state.ref} is already resolved; reopen it first`);
  const gaps = resolutionGaps(state, at);
  if (gaps.length > 0 && !override) {
    throw unprocessable(
      'resolve-prerequisites-missing',
      `cannot resolve ${state.ref}: ${gaps.join('; ')}. Complete them, or resolve with an override that records why (override.reason; --override on the command line)`,
    );
  }
}

function checkStatus(state: IncidentState, event: EventOf<'status_changed'>): void {
  const { status, override } = event.body;
  if (status === 'resolved') return checkResolve(state, override, event.occurredAt);
  if (override) throw invalidField('body.override', 'is only for resolving');
  if (status === state.status) throw conflict('status-unchanged', `${state.ref} is already ${status}`);
}

function checkMitigation(state: IncidentState, seq: number, cited: CitedKinds): void {
  if (state.mitigations.active.some((m) => m.seq === seq)) return;
  if (cited.get(seq) === 'mitigation_started') throw conflict('mitigation-settled', `mitigation ${seq} was already marked verified or failed`);
  throw unprocessable('unknown-mitigation', `body.mitigationSeq: event ${seq} of ${state.ref} is not a mitigation`);
}

function checkReconciliation(state: IncidentState, seq: number, closing: boolean): void {
  const r = state.reconciliations.find((x) => x.seq === seq);
  if (!r) throw unprocessable('unknown-reconciliation', `body.reconciliationSeq: event ${seq} of ${state.ref} did not open a reconciliation`);
  if (r.status === 'closed') throw conflict('reconciliation-closed', `reconciliation ${seq} ("${r.scope}") is already closed`);
  if (closing && !r.owner) {
    throw unprocessable('reconciliation-needs-owner', `reconciliation ${seq} ("${r.scope}") has no owner; name one with reconciliation_progressed before closing it`);
  }
}

function checkHypothesis(state: IncidentState, seq: number, allowConfirmed: boolean, cited: CitedKinds): void {
  const { open, confirmed } = state.hypotheses;
  if (open.some((h) => h.seq === seq) || (allowConfirmed && confirmed.some((h) => h.seq === seq))) return;
  if (confirmed.some((h) => h.seq === seq)) throw conflict('hypothesis-settled', `hypothesis ${seq} is already confirmed`);
  if (cited.get(seq) === 'hypothesis_proposed') throw conflict('hypothesis-settled', `hypothesis ${seq} is already rejected`);
  throw unprocessable('unknown-hypothesis', `body.hypothesisSeq: event ${seq} of ${state.ref} is not a hypothesis`);
}

function requireAfter(field: string, time: string | undefined, occurredAt: string, what: string): void {
  if (time !== undefined && Date.parse(time) <= Date.parse(occurredAt)) throw invalidField(field, `must be after ${what} (occurredAt)`);
}

function checkImpact(event: EventOf<'impact_stated'>): void {
  // Of the harmed journeys only one can be the immediate business priority (docs/practices.md#shared-picture).
  if (event.body.journeys.filter((j) => j.priority).length > 1) throw invalidField('body.journeys', 'mark at most one journey as the business priority');
  const since = event.body.since;
  if (since !== undefined && Date.parse(since) > Date.parse(event.occurredAt)) throw invalidField('body.since', 'is after the statement (occurredAt); impact cannot start in the future');
}

function checkSeverityConfirmed(state: IncidentState): void {
  if (!state.triage.pending && !state.severityReview) {
    throw conflict('severity-already-confirmed', `${state.ref}'s ${state.severity} is not in triage or under review; change it with severity_changed if it is wrong`);
  }
}

function checkUnsafeLifted(state: IncidentState, seq: number, cited: CitedKinds): void {
  if (state.unsafeActions.some((u) => u.seq === seq)) return;
  if (cited.get(seq) === 'unsafe_action_noted') throw conflict('unsafe-action-not-in-force', `unsafe action ${seq} is no longer in force (lifted or expired)`);
  throw unprocessable('unknown-unsafe-action', `body.unsafeSeq: event ${seq} of ${state.ref} did not note an unsafe action`);
}

function checkDecision(state: IncidentState, event: EventOf<'decision'>): void {
  const seq = event.body.nextDecisionSeq;
  if (seq !== undefined && state.nextDecision?.seq !== seq) {
    throw unprocessable('unknown-next-decision', `body.nextDecisionSeq: event ${seq} of ${state.ref} is not the pending next decision${state.nextDecision ? ` (that is ${state.nextDecision.seq})` : ''}`);
  }
}

function checkRole(state: IncidentState, event: EventOf<'role_assigned' | 'role_released' | 'handoff'>): void {
  if (event.kind === 'role_assigned') {
    const current = holderOf(state, event.body.role, event.body.specialty ?? null);
    if (current && sameHolder(current, namedHolder(event.body))) throw conflict('role-already-held', `${current.label} already holds ${event.body.role}`);
    return;
  }
  const role = event.body.role ?? 'commander';
  const current = holderOf(state, role, event.body.specialty ?? null);
  if (event.kind === 'role_released' && !current) throw conflict('role-not-held', `nobody holds ${role} on ${state.ref}`);
  if (event.kind === 'handoff' && current && sameHolder(current, namedHolder(event.body.to))) {
    throw conflict('role-already-held', `${current.label} already holds ${role}; hand off to someone else`);
  }
}

function checkCohortCleared(state: IncidentState, event: EventOf<'cohort_cleared'>): void {
  if (!state.cohorts.some((c) => c.dimension === event.body.dimension && c.value === event.body.value)) {
    throw conflict('cohort-not-affected', `${event.body.dimension} "${event.body.value}" is not marked affected on ${state.ref}`);
  }
}

/** Throws when `event` may not be appended to an incident in `state`; `cited` holds the kinds of the events it cites. */
export function checkEvent(state: IncidentState, event: IncidentEvent, cited: CitedKinds = new Map()): void {
  switch (event.kind) {
    case 'declared':
      throw conflict('already-declared', `${state.ref} is already declared`);
    case 'severity_changed':
      if (event.body.severity === state.severity) {
        throw conflict('severity-unchanged', `${state.ref} is already ${state.severity}${state.triage.pending || state.severityReview ? '; confirm it with severity_confirmed' : ''}`);
      }
      return;
    case 'severity_confirmed':
      return checkSeverityConfirmed(state);
    case 'status_changed':
      return checkStatus(state, event);
    case 'resolved':
      return checkResolve(state, event.body.override, event.occurredAt);
    case 'reopened':
      if (state.status !== 'resolved') throw conflict('not-resolved', `${state.ref} is not resolved, so it cannot be reopened`);
      return;
    case 'role_assigned':
    case 'role_released':
    case 'handoff':
      return checkRole(state, event);
    case 'member_added':
      if (state.members.includes(event.body.userId)) throw conflict('already-member', `that user is already a member of ${state.ref}`);
      return;
    case 'impact_stated':
      return checkImpact(event);
    case 'cohort_cleared':
      return checkCohortCleared(state, event);
    case 'no_hypothesis':
      if (state.hypotheses.open.length + state.hypotheses.confirmed.length > 0) {
        throw conflict('hypothesis-exists', `${state.ref} already has a hypothesis; reject it first if it no longer holds`);
      }
      return;
    case 'observation':
    case 'hypothesis_proposed':
      return checkEvidence(state, event.body.evidence, cited);
    case 'hypothesis_confirmed':
      checkEvidence(state, event.body.evidence, cited);
      return checkHypothesis(state, event.body.hypothesisSeq, false, cited);
    case 'hypothesis_rejected':
      checkEvidence(state, event.body.evidence, cited);
      return checkHypothesis(state, event.body.hypothesisSeq, true, cited);
    case 'decision':
      return checkDecision(state, event);
    case 'next_decision':
      return requireAfter('body.dueAt', event.body.dueAt, event.occurredAt, 'the decision is named');
    case 'action_taken':
      if (event.body.decisionSeq !== undefined && cited.get(event.body.decisionSeq) !== 'decision') {
        throw unprocessable('unknown-decision', `body.decisionSeq: event ${event.body.decisionSeq} of ${state.ref} is not a decision`);
      }
      return;
    case 'mitigation_started':
      requireAfter('body.deadline', event.body.deadline, event.occurredAt, 'the mitigation started');
      if (event.body.hypothesisSeq !== undefined) checkHypothesis(state, event.body.hypothesisSeq, true, cited);
      return;
    case 'mitigation_verified':
    case 'mitigation_failed':
      checkEvidence(state, event.body.evidence, cited);
      return checkMitigation(state, event.body.mitigationSeq, cited);
    case 'unsafe_action_noted':
      return requireAfter('body.until', event.body.until, event.occurredAt, 'the action is noted');
    case 'unsafe_action_lifted':
      return checkUnsafeLifted(state, event.body.unsafeSeq, cited);
    case 'no_unsafe_actions_known':
      if (state.unsafeActions.length > 0) {
        throw conflict('unsafe-actions-in-force', `${state.ref} has ${state.unsafeActions.length} unsafe action(s) in force; lift them with unsafe_action_lifted first`);
      }
      return;
    case 'reminder':
      if (event.body.mitigationSeq !== undefined) checkMitigation(state, event.body.mitigationSeq, cited);
      return;
    case 'update_posted':
      return requireAfter('body.nextUpdateAt', event.body.nextUpdateAt, event.occurredAt, 'the update');
    case 'reconciliation_progressed':
      return checkReconciliation(state, event.body.reconciliationSeq, false);
    case 'reconciliation_closed':
      return checkReconciliation(state, event.body.reconciliationSeq, true);
    case 'amended':
      return requireEarlierSeq(state, 'body.targetSeq', event.body.targetSeq);
    case 'alert_resolved':
      if (!state.alerts.some((a) => a.alertGroupId === event.body.alertGroupId)) {
        throw unprocessable('unknown-alert', `body.alertGroupId: alert group ${event.body.alertGroupId} is not attached to ${state.ref}`);
      }
      return;
    default:
      return;
  }
}

/** Warnings to show the person who appended `event`: standing state warnings plus what resolving left behind. */
export function warningsAfter(before: IncidentState, after: IncidentState): string[] {
  const warnings = after.warnings.map((w) => w.message);
  if (after.severityReview && after.severityReview !== before.severityReview) warnings.push(after.severityReview.reason);
  if (after.alertsAllResolved && !before.alertsAllResolved && after.status !== 'monitoring' && after.status !== 'resolved') {
    warnings.push(`every alert attached to ${after.ref} has resolved; if the fix is holding, move to monitoring`);
  }
  if (after.status === 'resolved' && before.status !== 'resolved') {
    for (const item of after.checklist.items.filter((i) => i.result === 'fail')) warnings.push(`resolved with a failed recovery check: "${item.item}"`);
    for (const r of after.reconciliations.filter((x) => x.status === 'open')) warnings.push(`reconciliation "${r.scope}" is still open; it continues after resolution`);
    if (after.mitigations.active.length > 0) warnings.push(`${after.mitigations.active.length} mitigation(s) were never verified or marked failed`);
  }
  return warnings;
}
