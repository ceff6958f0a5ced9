/**
 * The projection: `reduce(state, event)` folds one event into the incident's
 * state. Pure and deterministic, so replaying the log always rebuilds the
 * stored row exactly. Refusals happen before an event is stored (rules.ts);
 * the reducer trusts the log.
 */
import type { EventKind, EventOf, IncidentEvent } from './events.js';
import { derive } from './derive.js';
import type { IncidentState } from './model.js';
import * as command from './reduce-command.js';
import * as response from './reduce-response.js';
import * as recovery from './reduce-recovery.js';

type Step<K extends EventKind> = (state: IncidentState, event: EventOf<K>) => IncidentState;

const unchanged = (state: IncidentState) => state;

const STEPS: { [K in Exclude<EventKind, 'declared'>]: Step<K> } = {
  severity_changed: command.severityChanged,
  severity_confirmed: command.severityConfirmation,
  status_changed: command.statusChanged,
  resolved: command.resolved,
  reopened: command.reopened,
  role_assigned: command.roleAssigned,
  role_released: command.roleReleased,
  member_added: command.memberAdded,
  handoff: command.handoff,
  impact_stated: response.impactStated,
  cohort_affected: response.cohortAffected,
  cohort_cleared: response.cohortCleared,
  cohort_unaffected: response.cohortUnaffected,
  no_hypothesis: response.noHypothesis,
  observation: unchanged,
  hypothesis_proposed: response.hypothesisProposed,
  hypothesis_confirmed: response.hypothesisConfirmed,
  hypothesis_rejected: response.hypothesisRejected,
  decision: response.decision,
  next_decision: response.nextDecision,
  action_taken: unchanged,
  mitigation_started: response.mitigationStarted,
  mitigation_verified: response.mitigationVerified,
  mitigation_failed: response.mitigationFailed,
  unsafe_action_noted: response.unsafeActionNoted,
  unsafe_action_lifted: response.unsafeActionLifted,
  no_unsafe_actions_known: response.noUnsafeActionsKnown,
  update_posted: response.updatePosted,
  checklist_item_checked: recovery.checklistItemChecked,
  reconciliation_opened: recovery.reconciliationOpened,
  reconciliation_progressed: recovery.reconciliationProgressed,
  reconciliation_closed: recovery.reconciliationClosed,
  evidence_attached: recovery.evidenceAttached,
  marker: recovery.marker,
  note: unchanged,
  amended: recovery.amended,
  reminder: response.reminder,
  alert_attached: response.alertAttached,
  alert_resolved: response.alertResolved,
  responder_paged: unchanged,
};

/** Folds one event into the state; the first event must be `declared` and only the first. */
export function reduce(state: IncidentState | undefined, event: IncidentEvent): IncidentState {
  let next: IncidentState;
  if (event.kind === 'declared') {
    if (state) throw new Error(`incident ${state.ref}: a second declared event at seq ${event.seq}`);
    next = command.declared(event);
  } else {
    if (!state) throw new Error(`incident ${event.incidentId}: the log must start with declared, not ${event.kind}`);
    const step = STEPS[event.kind] as Step<typeof event.kind>;
    next = step(state, event as never);
  }
  // Any human writing to the timeline has picked the incident up.
  if (next.keyTimes.acknowledgedAt === null && event.actorId !== null) {
    next = { ...next, keyTimes: { ...next.keyTimes, acknowledgedAt: event.recordedAt } };
  }
  next = { ...next, lastSeq: event.seq, lastEventAt: event.recordedAt, eventCount: next.eventCount + 1 };
  return derive(next, event.recordedAt);
}

/** Replays a whole log. */
export function replay(events: Iterable<IncidentEvent>): IncidentState | undefined {
  let state: IncidentState | undefined;
  for (const event of events) state = reduce(state, event);
  return state;
}
