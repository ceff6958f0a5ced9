/** Reducer steps for command: declaration, severity, status, roles, membership, handoffs. */
import type { EventOf } from './events.js';
import { addMinutes, resolutionGaps } from './derive.js';
import type { Holder, IncidentState, OpenStatus, RoleHolding, RoleName, Severity, Status } from './model.js';

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
  const target = b.policy.severities[b.severity]?.responseTargetMinutes ?? null;
  let state: IncidentState = {
    id: event.incidentId,
    ref: b.ref,
    title: b.title,
    private: b.private,
    drill: b.drill,
    declaredBy,
    status: 'investigating',
    statusHistory: [{ seq: event.seq, at, from: null, to: 'investigating', reason: null }],
    severity: b.severity,
    severityHistory: [{ seq: event.seq, at, from: null, to: b.severity, reason: 'declared' }],
    policy: b.policy,
    roles: [],
    members: withMember([], declaredBy.userId),
    services: [...new Set(b.services)],
    impact: b.impact ? { statement: b.impact, journeys: [], writesSafe: 'unknown', seq: event.seq, statedAt: at } : null,
    cohorts: [],
    hypotheses: { open: [], confirmed: [], rejected: [] },
    decisions: [],
    mitigations: { active: [], settled: [] },
    unsafeActions: [],
    checklist: {
      items: b.policy.recoveryChecklist.map((c) => ({ item: c.item, negative: c.negative, result: null, note: null, checkedAt: null, checkedBy: null, seq: null })),
      answered: 0,
      total: 0,
      complete: false,
    },
    reconciliations: [],
    alerts: [],
    lastUpdate: null,
    nextUpdateDue: null,
    lastReminder: null,
    markers: { first_symptom: null, first_causal_change: null, detection: null },
    keyTimes: {
      declaredAt: at,
      // A person declaring is already responding; an integration's declaration waits for a human.
      acknowledgedAt: declaredBy.userId ? event.recordedAt : null,
      acknowledgementDueAt: target === null ? null : addMinutes(at, target),
      firstSharedPictureAt: null,
      mitigatedAt: null,
      resolvedAt: null,
    },
    sharedPicture: { has: false, missing: [], firstAt: null },
    resolution: null,
    overrides: [],
    handoffs: [],
    amendments: [],
    warnings: [],
    lastSeq: 0,
    lastEventAt: event.recordedAt,
    eventCount: 0,
  };
  if (b.commander) state = assignRole(state, 'commander', null, b.commander, event.seq, at);
  return state;
}

export function severityChanged(state: IncidentState, event: EventOf<'severity_changed'>): IncidentState {
  const change = { seq: event.seq, at: event.occurredAt, from: state.severity, to: event.body.severity as Severity, reason: event.body.reason };
  return { ...state, severity: change.to, severityHistory: [...state.severityHistory, change] };
}

function setStatus(state: IncidentState, to: Status, seq: number, at: string, reason: string | null): IncidentState {
  const statusHistory = [...state.statusHistory, { seq, at, from: state.status, to, reason }];
  // Entering monitoring means the fix is holding: count it as mitigated if nothing was verified earlier.
  const mitigatedAt = state.keyTimes.mitigatedAt ?? (to === 'monitoring' ? at : null);
  return { ...state, status: to, statusHistory, keyTimes: { ...state.keyTimes, mitigatedAt } };
}

function resolve(
  state: IncidentState,
  event: { seq: number; occurredAt: string },
  summary: string | null,
  override: { reason: string } | undefined,
  reason: string | null,
): IncidentState {
  const at = event.occurredAt;
  const missing = override ? resolutionGaps(state) : [];
  const next = setStatus(state, 'resolved', event.seq, at, reason);
  return {
    ...next,
    resolution: { seq: event.seq, at, summary, override: override ? { reason: override.reason, missing } : null },
    overrides: override ? [...state.overrides, { seq: event.seq, at, rule: 'resolve-prerequisites', reason: override.reason, missing }] : state.overrides,
    keyTimes: { ...next.keyTimes, resolvedAt: at },
  };
}

function reopen(state: IncidentState, to: OpenStatus, seq: number, at: string, reason: string | null): IncidentState {
  const next = setStatus(state, to, seq, at, reason);
  return { ...next, resolution: null, keyTimes: { ...next.keyTimes, resolvedAt: null } };
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
  return { ...next, handoffs: [...state.handoffs, record] };
}
