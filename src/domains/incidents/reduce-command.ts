/** Reducer steps for command: declaration, severity, status, roles, membership, handoffs. */
import type { EventOf } from './events.js';
import { addMinutes, resolutionGaps } from './derive.js';
import type { HistoryCounts, Holder, IncidentState, OpenStatus, RoleHolding, RoleName, Severity, Status } from './model.js';
import { monitoringMinutes } from './policy.js';

/** Adds one to a history count. */
export function counted(state: IncidentState, key: keyof HistoryCounts): IncidentState {
  return { ...state, counts: { ...state.counts, [key]: state.counts[key] + 1 } };
}

const NO_COUNTS: HistoryCounts = {
  statusChanges: 0,
  severityChanges: 0,
  decisions: 0,
  hypothesesRejected: 0,
  mitigationsVerified: 0,
  mitigationsFailed: 0,
  unsafeActionsNoted: 0,
  unsafeActionsLifted: 0,
  amendments: 0,
  handoffs: 0,
  updates: 0,
  evidence: 0,
};

function withMember(members: string[], userId: string | null): string[] {
  return userId === null || members.includes(userId) ? members : [...members, userId];
}

function actorHolder(event: { actorId: string | null; actorLabel: string }): Holder {
  return { userId: event.actorId, label: event.actorLabel };
}

/** Gives `role` to `holder`, replacing whoever held it. */
export function assignRole(state: IncidentState, role: RoleName, specialty: string | null, holder: Holder, seq: number, since: string): IncidentState {
  const holding: RoleHolding = { role, specialty, userId: holder.userId, label: holder.label, since, seq };
  const others = state.roles.filter((r) => !(r.role === role && r.specialty === specialty));
  return { ...state, roles: [...others, holding], members: withMember(state.members, holder.userId) };
}

export function declared(event: EventOf<'declared'>): IncidentState {
  const b = event.body;
  const at = event.occurredAt;
  const declaredBy = actorHolder(event);
  // A person declaring has assessed the severity; alerts declaring leave it to triage (docs/practices.md#triage).
  const byPerson = declaredBy.userId !== null;
  const target = b.policy.severities[b.severity]?.responseTargetMinutes ?? null;
  const dueAt = target === null ? null : addMinutes(at, target);
  let state: IncidentState = {
    id: event.incidentId,
    ref: b.ref,
    title: b.title,
    private: b.private,
    drill: b.drill,
    declaredBy,
    status: 'investigating',
    statusSince: at,
    severity: b.severity,
    lastSeverityChange: { seq: event.seq, at, from: null, to: b.severity, reason: 'declared' },
    triage: byPerson
      ? { pending: false, dueAt: null, confirmedAt: at, confirmedSeq: event.seq, reminded: false }
      : { pending: true, dueAt, confirmedAt: null, confirmedSeq: null, reminded: false },
    severityReview: null,
    policy: b.policy,
    roles: [],
    members: withMember([], declaredBy.userId),
    services: [...new Set(b.services)],
    // Text an integration wrote is a placeholder until a person states the impact.
    impact: b.impact
      ? { statement: b.impact, journeys: [], writesSafe: 'unknown', seq: event.seq, statedAt: at, provisional: !byPerson, affected: null, since: null, priority: null }
      : null,
    cohorts: [],
    cohortsUnaffected: [],
    hypotheses: { open: [], confirmed: [] },
    investigating: null,
    lastDecision: null,
    nextDecision: null,
    mitigations: { active: [], lastSettled: null },
    unsafeActions: [],
    unsafeActionsReviewed: null,
    checklist: {
      items: b.policy.recoveryChecklist.map((c) => ({ item: c.item, negative: c.negative, result: null, note: null, checkedAt: null, checkedBy: null, seq: null })),
      answered: 0,
      total: 0,
      complete: false,
    },
    reconciliations: [],
    alerts: [],
    alertsAllResolved: false,
    recovery: { monitoringSince: null, monitoringMinutes: monitoringMinutes(b.policy, b.severity), monitoringUntil: null },
    lastUpdate: null,
    nextUpdateDue: null,
    lastReminder: null,
    markers: { first_symptom: null, first_causal_change: null, detection: null },
    keyTimes: {
      declaredAt: at,
      // A person declaring is already responding; an integration's declaration waits for a human.
      acknowledgedAt: byPerson ? event.recordedAt : null,
      acknowledgementDueAt: dueAt,
      severityConfirmedAt: byPerson ? at : null,
      firstSharedPictureAt: null,
      mitigatedAt: null,
      resolvedAt: null,
    },
    keyTimeSeqs: { mitigatedAt: null, resolvedAt: null },
    sharedPicture: { has: false, missing: [], firstAt: null },
    resolution: null,
    overrides: [],
    reopenedAt: null,
    lastHandoff: null,
    lastAmendment: null,
    counts: NO_COUNTS,
    warnings: [],
    lastSeq: 0,
    lastEventAt: event.recordedAt,
    eventCount: 0,
  };
  if (b.commander) state = assignRole(state, 'commander', null, b.commander, event.seq, at);
  return state;
}

/** A person confirmed the severity (or changed it): triage ends and any severity review is answered. */
function severityConfirmed(state: IncidentState, seq: number, at: string): IncidentState {
  const triage = state.triage.pending ? { ...state.triage, pending: false, confirmedAt: at, confirmedSeq: seq } : state.triage;
  return { ...state, triage, severityReview: null, keyTimes: { ...state.keyTimes, severityConfirmedAt: state.keyTimes.severityConfirmedAt ?? at } };
}

export function severityConfirmation(state: IncidentState, event: EventOf<'severity_confirmed'>): IncidentState {
  return severityConfirmed(state, event.seq, event.occurredAt);
}

export function severityChanged(state: IncidentState, event: EventOf<'severity_changed'>): IncidentState {
  const change = { seq: event.seq, at: event.occurredAt, from: state.severity, to: event.body.severity as Severity, reason: event.body.reason };
  const next = counted(severityConfirmed(state, event.seq, event.occurredAt), 'severityChanges');
  return { ...next, severity: change.to, lastSeverityChange: change };
}

function setStatus(state: IncidentState, to: Status, seq: number, at: string, reason: string | null): IncidentState {
  const next = counted(state, 'statusChanges');
  // Entering monitoring with a reason ("error rate flat for 10 min") says the fix is holding: count it as
  // mitigated if nothing was verified earlier. The status alone is not evidence.
  const mitigates = next.keyTimes.mitigatedAt === null && to === 'monitoring' && reason !== null;
  const monitoringSince = to === 'monitoring' ? (state.status === 'monitoring' ? state.recovery.monitoringSince : at) : to === 'resolved' ? state.recovery.monitoringSince : null;
  return {
    ...next,
    status: to,
    statusSince: at,
    recovery: { ...next.recovery, monitoringSince },
    keyTimes: mitigates ? { ...next.keyTimes, mitigatedAt: at } : next.keyTimes,
    keyTimeSeqs: mitigates ? { ...next.keyTimeSeqs, mitigatedAt: seq } : next.keyTimeSeqs,
  };
}

function resolve(
  state: IncidentState,
  event: { seq: number; occurredAt: string },
  summary: string | null,
  override: { reason: string } | undefined,
  reason: string | null,
): IncidentState {
  const at = event.occurredAt;
  const missing = override ? resolutionGaps(state, at) : [];
  const next = setStatus(state, 'resolved', event.seq, at, reason);
  return {
    ...next,
    resolution: { seq: event.seq, at, summary, override: override ? { reason: override.reason, missing } : null },
    overrides: override ? [...state.overrides, { seq: event.seq, at, rule: 'resolve-prerequisites', reason: override.reason, missing }] : state.overrides,
    keyTimes: { ...next.keyTimes, resolvedAt: at },
    keyTimeSeqs: { ...next.keyTimeSeqs, resolvedAt: event.seq },
  };
}

function reopen(state: IncidentState, to: OpenStatus, seq: number, at: string, reason: string | null): IncidentState {
  const next = setStatus(state, to, seq, at, reason);
  return { ...next, resolution: null, reopenedAt: at, keyTimes: { ...next.keyTimes, resolvedAt: null }, keyTimeSeqs: { ...next.keyTimeSeqs, resolvedAt: null } };
}

export function statusChanged(state: IncidentState, event: EventOf<'status_changed'>): IncidentState {
  const { status, reason, summary, override } = event.body;
  if (status === 'resolved') return resolve(state, event, summary ?? null, override, reason ?? null);
  if (state.status === 'resolved') return reopen(state, status, event.seq, event.occurredAt, reason ?? null);
  return setStatus(state, status, event.seq, event.occurredAt, reason ?? null);
}

export function resolved(state: IncidentState, event: EventOf<'resolved'>): IncidentState {
  return resolve(state, event, event.body.summary ?? null, event.body.override, null);
}

export function reopened(state: IncidentState, event: EventOf<'reopened'>): IncidentState {
  return reopen(state, event.body.status ?? 'investigating', event.seq, event.occurredAt, event.body.reason);
}

/** The holder an event names; the service fills `label` for user ids before the event is stored. */
export function namedHolder(input: { userId?: string | undefined; label?: string | undefined }): Holder {
  return { userId: input.userId ?? null, label: input.label ?? input.userId ?? 'unknown' };
}

export function roleAssigned(state: IncidentState, event: EventOf<'role_assigned'>): IncidentState {
  const b = event.body;
  return assignRole(state, b.role, b.specialty ?? null, namedHolder(b), event.seq, event.occurredAt);
}

export function roleReleased(state: IncidentState, event: EventOf<'role_released'>): IncidentState {
  const specialty = event.body.specialty ?? null;
  return { ...state, roles: state.roles.filter((r) => !(r.role === event.body.role && r.specialty === specialty)) };
}

export function memberAdded(state: IncidentState, event: EventOf<'member_added'>): IncidentState {
  return { ...state, members: withMember(state.members, event.body.userId) };
}

export function handoff(state: IncidentState, event: EventOf<'handoff'>): IncidentState {
  const role = event.body.role ?? 'commander';
  const specialty = event.body.specialty ?? null;
  const current = state.roles.find((r) => r.role === role && r.specialty === specialty);
  const to = namedHolder(event.body.to);
  const next = assignRole(state, role, specialty, to, event.seq, event.occurredAt);
  const record = {
    seq: event.seq,
    at: event.occurredAt,
    role,
    from: current ? { userId: current.userId, label: current.label } : null,
    to,
    notes: event.body.notes ?? null,
  };
  return counted({ ...next, lastHandoff: record }, 'handoffs');
}
