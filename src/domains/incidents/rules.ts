/**
 * The rules the product enforces before an event joins the log (issue 3 §4):
 * each refusal is a 409 (the incident is not in a state that allows it) or a
 * 422 (the request cannot be satisfied as asked) with a stable type and a
 * reason a tired responder can act on. Pure: state and event in, verdict out.
 */
import { conflict, invalidField, unprocessable } from '../../errors.js';
import type { EventOf, IncidentEvent } from './events.js';
import { holderOf, resolutionGaps, sameHolder } from './derive.js';
import { namedHolder } from './reduce-command.js';
import type { IncidentState } from './model.js';

function requireEarlierSeq(state: IncidentState, field: string, seq: number): void {
  if (seq > state.lastSeq) throw unprocessable('unknown-event', `${field}: ${state.ref} has no event ${seq} (its last is ${state.lastSeq})`);
}

function checkEvidence(state: IncidentState, evidence: number[] | undefined): void {
  for (const seq of evidence ?? []) requireEarlierSeq(state, 'body.evidence', seq);
}

function checkResolve(state: IncidentState, override: { reason: string } | undefined): void {
  if (state.status === 'resolved') throw conflict('already-resolved', `${state.ref} is already resolved; reopen it first`);
  const gaps = resolutionGaps(state);
  if (gaps.length > 0 && !override) {
    throw unprocessable(
      'resolve-prerequisites-missing',
      `cannot resolve ${state.ref}: ${gaps.join('; ')}. Complete them, or resolve with an override that records why (override.reason; --override on the command line)`,
    );
  }
}

function checkStatus(state: IncidentState, event: EventOf<'status_changed'>): void {
  const { status, override } = event.body;
  if (status === 'resolved') return checkResolve(state, override);
  if (override) throw invalidField('body.override', 'is only for resolving');
  if (status === state.status) throw conflict('status-unchanged', `${state.ref} is already ${status}`);
}

function checkMitigation(state: IncidentState, seq: number): void {
  if (state.mitigations.active.some((m) => m.seq === seq)) return;
  if (state.mitigations.settled.some((m) => m.seq === seq)) throw conflict('mitigation-settled', `mitigation ${seq} was already marked verified or failed`);
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

function checkHypothesis(state: IncidentState, seq: number, allowConfirmed: boolean): void {
  const { open, confirmed, rejected } = state.hypotheses;
  if (open.some((h) => h.seq === seq) || (allowConfirmed && confirmed.some((h) => h.seq === seq))) return;
  if (confirmed.some((h) => h.seq === seq)) throw conflict('hypothesis-settled', `hypothesis ${seq} is already confirmed`);
  if (rejected.some((h) => h.seq === seq)) throw conflict('hypothesis-settled', `hypothesis ${seq} is already rejected`);
  throw unprocessable('unknown-hypothesis', `body.hypothesisSeq: event ${seq} of ${state.ref} is not a hypothesis`);
}

/** Throws when `event` may not be appended to an incident in `state`. */
export function checkEvent(state: IncidentState, event: IncidentEvent): void {
  switch (event.kind) {
    case 'declared':
      throw conflict('already-declared', `${state.ref} is already declared`);
    case 'severity_changed':
      if (event.body.severity === state.severity) throw conflict('severity-unchanged', `${state.ref} is already ${state.severity}`);
      return;
    case 'status_changed':
      return checkStatus(state, event);
    case 'resolved':
      return checkResolve(state, event.body.override);
    case 'reopened':
      if (state.status !== 'resolved') throw conflict('not-resolved', `${state.ref} is not resolved, so it cannot be reopened`);
      return;
    case 'role_assigned': {
      const current = holderOf(state, event.body.role, event.body.specialty ?? null);
      if (current && sameHolder(current, namedHolder(event.body))) throw conflict('role-already-held', `${current.label} already holds ${event.body.role}`);
      return;
    }
    case 'role_released':
    case 'handoff': {
      const role = event.body.role ?? 'commander';
      const current = holderOf(state, role, event.body.specialty ?? null);
      if (event.kind === 'role_released' && !current) throw conflict('role-not-held', `nobody holds ${role} on ${state.ref}`);
      if (event.kind === 'handoff' && current && sameHolder(current, namedHolder(event.body.to))) {
        throw conflict('role-already-held', `${current.label} already holds ${role}; hand off to someone else`);
      }
      return;
    }
    case 'member_added':
      if (state.members.includes(event.body.userId)) throw conflict('already-member', `that user is already a member of ${state.ref}`);
      return;
    case 'cohort_cleared':
      if (!state.cohorts.some((c) => c.dimension === event.body.dimension && c.value === event.body.value)) {
        throw conflict('cohort-not-affected', `${event.body.dimension} "${event.body.value}" is not marked affected on ${state.ref}`);
      }
      return;
    case 'observation':
    case 'hypothesis_proposed':
      return checkEvidence(state, event.body.evidence);
    case 'hypothesis_confirmed':
      checkEvidence(state, event.body.evidence);
      return checkHypothesis(state, event.body.hypothesisSeq, false);
    case 'hypothesis_rejected':
      checkEvidence(state, event.body.evidence);
      return checkHypothesis(state, event.body.hypothesisSeq, true);
    case 'action_taken':
      if (event.body.decisionSeq !== undefined && !state.decisions.some((d) => d.seq === event.body.decisionSeq)) {
        throw unprocessable('unknown-decision', `body.decisionSeq: event ${event.body.decisionSeq} of ${state.ref} is not a decision`);
      }
      return;
    case 'mitigation_started':
      if (Date.parse(event.body.deadline) <= Date.parse(event.occurredAt)) {
        throw invalidField('body.deadline', 'must be after the mitigation started (occurredAt)');
      }
      if (event.body.hypothesisSeq !== undefined) checkHypothesis(state, event.body.hypothesisSeq, true);
      return;
    case 'mitigation_verified':
    case 'mitigation_failed':
      checkEvidence(state, event.body.evidence);
      return checkMitigation(state, event.body.mitigationSeq);
    case 'reminder':
      if (event.body.mitigationSeq !== undefined) checkMitigation(state, event.body.mitigationSeq);
      return;
    case 'update_posted': {
      const next = event.body.nextUpdateAt;
      if (next !== undefined && Date.parse(next) <= Date.parse(event.occurredAt)) {
        throw invalidField('body.nextUpdateAt', 'must be after the update (occurredAt)');
      }
      return;
    }
    case 'reconciliation_progressed':
      return checkReconciliation(state, event.body.reconciliationSeq, false);
    case 'reconciliation_closed':
      return checkReconciliation(state, event.body.reconciliationSeq, true);
    case 'amended':
      return requireEarlierSeq(state, 'body.targetSeq', event.body.targetSeq);
    default:
      return;
  }
}

/** Warnings to show the person who appended `event`: standing state warnings plus what resolving left behind. */
export function warningsAfter(before: IncidentState, after: IncidentState): string[] {
  const warnings = after.warnings.map((w) => w.message);
  if (after.status === 'resolved' && before.status !== 'resolved') {
    for (const item of after.checklist.items.filter((i) => i.result === 'fail')) warnings.push(`resolved with a failed recovery check: "${item.item}"`);
    for (const r of after.reconciliations.filter((x) => x.status === 'open')) warnings.push(`reconciliation "${r.scope}" is still open; it continues after resolution`);
    if (after.mitigations.active.length > 0) warnings.push(`${after.mitigations.active.length} mitigation(s) were never verified or marked failed`);
  }
  return warnings;
}
