/**
 * Fields of the state that follow from the rest of it: the shared picture,
 * the next update due, warnings, checklist progress, the recovery window.
 * Pure; recomputed after every event so they can never drift from the facts
 * they summarise.
 */
import type { Holder, IncidentState, RoleHolding, SharedPictureItem, Warning } from './model.js';
import { monitoringMinutes, roleHandoffMinutes } from './policy.js';

const MINUTE = 60_000;

export function addMinutes(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * MINUTE).toISOString();
}

export function isAtOrAfter(a: string, b: string): boolean {
  return Date.parse(a) >= Date.parse(b);
}

export function sameHolder(a: Holder, b: Holder): boolean {
  return a.userId !== null || b.userId !== null ? a.userId === b.userId : a.label.trim().toLowerCase() === b.label.trim().toLowerCase();
}

export function holderOf(state: IncidentState, role: string, specialty: string | null = null): RoleHolding | undefined {
  return state.roles.find((r) => r.role === role && r.specialty === specialty);
}

/**
 * Who answers for the incident: its commander, else (nobody commands) the
 * first person in the room — its declarer, or whoever acknowledged its page
 * first (acknowledging joins the incident). Null when there is nobody.
 */
export function answerableUser(state: IncidentState): string | null {
  return holderOf(state, 'commander')?.userId ?? state.members[0] ?? null;
}

/** The last update, unless a reopening since made its commitment stale. */
function currentUpdate(state: IncidentState): IncidentState['lastUpdate'] {
  const reopenedAt = state.reopenedAt;
  return state.lastUpdate && (!reopenedAt || state.lastUpdate.at >= reopenedAt) ? state.lastUpdate : null;
}

/** When the next update is owed: the last update's commitment, else the severity's cadence from the last update, reopening or declaration. */
export function nextUpdateDue(state: IncidentState): string | null {
  if (state.status === 'resolved') return null;
  // A reopened incident restarts the clock: commitments made before the reopening are stale.
  const update = currentUpdate(state);
  if (update?.nextUpdateAt) return update.nextUpdateAt;
  const cadence = state.policy.severities[state.severity]?.updateCadenceMinutes ?? null;
  if (cadence === null) return null;
  return addMinutes(update?.at ?? state.reopenedAt ?? state.keyTimes.declaredAt, cadence);
}

/**
 * What the room still lacks for a shared picture (docs/practices.md#shared-picture):
 * impact, current hypothesis, unsafe actions and next decision, plus a
 * commander and a committed next update.
 */
export function sharedPictureGaps(state: IncidentState): SharedPictureItem[] {
  const missing: SharedPictureItem[] = [];
  // A placeholder is not a fact: only a person's statement of impact counts.
  if (!state.impact || state.impact.provisional) missing.push('impact');
  if (!holderOf(state, 'commander')) missing.push('commander');
  if (state.hypotheses.open.length + state.hypotheses.confirmed.length === 0 && !state.investigating) missing.push('hypothesis');
  if (!state.unsafeActionsReviewed) missing.push('unsafeActions');
  if (!state.nextDecision) missing.push('nextDecision');
  // Once resolved, no further update is owed.
  if (state.status !== 'resolved' && !currentUpdate(state)?.nextUpdateAt) missing.push('nextUpdate');
  return missing;
}

/** What resolving at `at` would skip: a person's impact statement, unanswered recovery checks, time in monitoring. */
export function resolutionGaps(state: IncidentState, at: string): string[] {
  const gaps: string[] = [];
  if (!state.impact) gaps.push('no impact statement');
  else if (state.impact.provisional) gaps.push(`no impact statement from a person ("${state.impact.statement}" was written by Firebreak)`);
  const unanswered = state.checklist.items.filter((i) => i.result === null).map((i) => `"${i.item}"`);
  if (state.checklist.items.length === 0) gaps.push('the recovery checklist is empty');
  else if (unanswered.length > 0) {
    gaps.push(`${unanswered.length} of ${state.checklist.items.length} recovery checks unanswered (${unanswered.join(', ')})`);
  }
  const minutes = monitoringMinutes(state.policy, state.severity);
  if (minutes > 0) {
    const since = state.status === 'monitoring' ? state.recovery.monitoringSince : null;
    if (!since) gaps.push(`not in monitoring: ${state.severity} needs ${minutes} min in monitoring before resolving`);
    else if (!isAtOrAfter(at, addMinutes(since, minutes))) {
      const left = Math.ceil((Date.parse(addMinutes(since, minutes)) - Date.parse(at)) / MINUTE);
      gaps.push(`monitoring since ${since}: ${left} of ${minutes} min still to watch for a relapse`);
    }
  }
  return gaps;
}

function warning(state: IncidentState, code: string, message: string, at: string): Warning {
  return { code, message, since: state.warnings.find((w) => w.code === code)?.since ?? at };
}

/** Warnings about who holds which role (docs/practices.md#roles), as of `at`. */
export function roleWarnings(state: IncidentState, at: string): Warning[] {
  const warnings: Warning[] = [];
  const commander = holderOf(state, 'commander');
  const operations = holderOf(state, 'operations');
  const communications = holderOf(state, 'communications');
  if (commander && operations && communications && sameHolder(commander, operations) && sameHolder(commander, communications)) {
    warnings.push(
      warning(state, 'single-person-command', `${commander.label} holds commander, operations and communications at once; hand at least one role to someone else so command is not a single point of failure`, at),
    );
  } else if (commander && operations && sameHolder(commander, operations)) {
    // The commander coordinates: they do not write code or run queries.
    warnings.push(warning(state, 'commander-runs-operations', `${commander.label} is commander and also runs operations; the commander does not write code or run queries: hand operations to someone else`, at));
  }
  if (state.severity === 'SEV1' && state.status !== 'resolved' && !communications) {
    warnings.push(warning(state, 'sev1-without-communications', 'a SEV1 without a communications lead: name one so the commander is not also writing updates', at));
  }
  const limit = roleHandoffMinutes(state.policy);
  if (state.status !== 'resolved') {
    for (const r of state.roles) {
      if (!isAtOrAfter(at, addMinutes(r.since, limit))) continue;
      const name = r.specialty ? `${r.specialty} specialist` : r.role;
      // Rotate roles before people are exhausted.
      warnings.push(warning(state, `role-held-long:${name}`, `${r.label} has held ${name} since ${r.since}, longer than ${limit} min; consider handing it off`, at));
    }
  }
  return warnings;
}

const ROLE_WARNING = /^(single-person-command|commander-runs-operations|sev1-without-communications|role-held-long:)/;

/** Recomputes every derived field after an event recorded at `at`. */
export function derive(state: IncidentState, at: string): IncidentState {
  const items = state.checklist.items;
  const answered = items.filter((i) => i.result !== null).length;
  const active = state.mitigations.active.map((m) => (m.deadlinePassed || !isAtOrAfter(at, m.deadline) ? m : { ...m, deadlinePassed: true }));
  const minutes = monitoringMinutes(state.policy, state.severity);
  const since = state.recovery.monitoringSince;
  const next: IncidentState = {
    ...state,
    checklist: { items, answered, total: items.length, complete: items.length > 0 && answered === items.length },
    mitigations: { ...state.mitigations, active },
    // An unsafe action with an expiry stops being in force on its own.
    unsafeActions: state.unsafeActions.filter((u) => !u.until || !isAtOrAfter(at, u.until)),
    alertsAllResolved: state.alerts.length > 0 && state.alerts.every((a) => a.resolvedAt !== null),
    recovery: { monitoringSince: since, monitoringMinutes: minutes, monitoringUntil: since ? addMinutes(since, minutes) : null },
  };
  next.nextUpdateDue = nextUpdateDue(next);
  const missing = sharedPictureGaps(next);
  const firstAt = state.sharedPicture.firstAt ?? (missing.length === 0 ? at : null);
  next.sharedPicture = { has: missing.length === 0, missing, firstAt };
  next.keyTimes = { ...next.keyTimes, firstSharedPictureAt: firstAt };
  next.warnings = [...state.warnings.filter((w) => !ROLE_WARNING.test(w.code)), ...roleWarnings(state, at)];
  return next;
}

/** The state as read at `now`: deadlines passed since the last event, overdue flags, expiries and role warnings as of now. */
export type IncidentStateAsOf = IncidentState & { updateOverdue: boolean; triageOverdue: boolean; nextDecisionOverdue: boolean; monitoringServed: boolean };

/**
 * The state as of `now` for reads: deadlines that passed since the last event
 * show as passed, and whether the next update, triage or next decision is overdue.
 */
export function stateAsOf(state: IncidentState, now: Date): IncidentStateAsOf {
  const iso = now.toISOString();
  const active = state.mitigations.active.map((m) => (m.deadlinePassed || !isAtOrAfter(iso, m.deadline) ? m : { ...m, deadlinePassed: true }));
  const warnings = [...state.warnings.filter((w) => !ROLE_WARNING.test(w.code)), ...roleWarnings(state, iso)];
  return {
    ...state,
    mitigations: { ...state.mitigations, active },
    unsafeActions: state.unsafeActions.filter((u) => !u.until || !isAtOrAfter(iso, u.until)),
    warnings,
    updateOverdue: state.nextUpdateDue !== null && isAtOrAfter(iso, state.nextUpdateDue),
    triageOverdue: state.triage.pending && state.triage.dueAt !== null && isAtOrAfter(iso, state.triage.dueAt),
    nextDecisionOverdue: state.nextDecision !== null && state.status !== 'resolved' && isAtOrAfter(iso, state.nextDecision.dueAt),
    monitoringServed: state.recovery.monitoringUntil !== null && isAtOrAfter(iso, state.recovery.monitoringUntil),
  };
}
