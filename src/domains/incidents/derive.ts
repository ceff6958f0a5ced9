/**
 * Fields of the state that follow from the rest of it: the shared picture,
 * the next update due, warnings, checklist progress. Pure; recomputed after
 * every event so they can never drift from the facts they summarise.
 */
import type { Holder, IncidentState, RoleHolding, Warning } from './model.js';

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

/** The last update, unless a reopening since made its commitment stale. */
function currentUpdate(state: IncidentState): IncidentState['lastUpdate'] {
  const reopenedAt = state.statusHistory.findLast((h) => h.from === 'resolved')?.at;
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
  const reopenedAt = state.statusHistory.findLast((h) => h.from === 'resolved')?.at;
  return addMinutes(update?.at ?? reopenedAt ?? state.keyTimes.declaredAt, cadence);
}

/** What the room still lacks for a shared picture (DESIGN: impact, commander, a hypothesis or cause, a committed next update). */
export function sharedPictureGaps(state: IncidentState): IncidentState['sharedPicture']['missing'] {
  const missing: IncidentState['sharedPicture']['missing'] = [];
  if (!state.impact) missing.push('impact');
  if (!holderOf(state, 'commander')) missing.push('commander');
  if (state.hypotheses.open.length + state.hypotheses.confirmed.length === 0) missing.push('hypothesis');
  if (!currentUpdate(state)?.nextUpdateAt || state.status === 'resolved') missing.push('nextUpdate');
  return missing;
}

/** What resolving would skip: the impact statement and unanswered recovery checks. */
export function resolutionGaps(state: IncidentState): string[] {
  const gaps: string[] = [];
  if (!state.impact) gaps.push('no impact statement');
  const unanswered = state.checklist.items.filter((i) => i.result === null).map((i) => `"${i.item}"`);
  if (state.checklist.items.length === 0) gaps.push('the recovery checklist is empty');
  else if (unanswered.length > 0) {
    gaps.push(`${unanswered.length} of ${state.checklist.items.length} recovery checks unanswered (${unanswered.join(', ')})`);
  }
  return gaps;
}

const COMMAND_ROLES = ['commander', 'operations', 'communications'] as const;

function commandWarnings(state: IncidentState, at: string): Warning[] {
  const holders = COMMAND_ROLES.map((role) => holderOf(state, role));
  const [first, ...rest] = holders;
  if (!first || !rest.every((h) => h && sameHolder(h, first))) return [];
  const previous = state.warnings.find((w) => w.code === 'single-person-command');
  return [
    {
      code: 'single-person-command',
      message: `${first.label} holds commander, operations and communications at once; hand at least one role to someone else so command is not a single point of failure`,
      since: previous?.since ?? at,
    },
  ];
}

/** Recomputes every derived field after an event recorded at `at`. */
export function derive(state: IncidentState, at: string): IncidentState {
  const items = state.checklist.items;
  const answered = items.filter((i) => i.result !== null).length;
  const active = state.mitigations.active.map((m) => (m.deadlinePassed || !isAtOrAfter(at, m.deadline) ? m : { ...m, deadlinePassed: true }));
  const next: IncidentState = {
    ...state,
    checklist: { items, answered, total: items.length, complete: items.length > 0 && answered === items.length },
    mitigations: { ...state.mitigations, active },
  };
  next.nextUpdateDue = nextUpdateDue(next);
  const missing = sharedPictureGaps(next);
  const firstAt = state.sharedPicture.firstAt ?? (missing.length === 0 ? at : null);
  next.sharedPicture = { has: missing.length === 0, missing, firstAt };
  next.keyTimes = { ...next.keyTimes, firstSharedPictureAt: firstAt };
  next.warnings = [...state.warnings.filter((w) => w.code !== 'single-person-command'), ...commandWarnings(state, at)];
  return next;
}

/**
 * The state as of `now` for reads: deadlines that passed since the last event
 * show as passed, and whether the next update is overdue.
 */
export function stateAsOf(state: IncidentState, now: Date): IncidentState & { updateOverdue: boolean } {
  const iso = now.toISOString();
  const active = state.mitigations.active.map((m) => (m.deadlinePassed || !isAtOrAfter(iso, m.deadline) ? m : { ...m, deadlinePassed: true }));
  return {
    ...state,
    mitigations: { ...state.mitigations, active },
    updateOverdue: state.nextUpdateDue !== null && isAtOrAfter(iso, state.nextUpdateDue),
  };
}
