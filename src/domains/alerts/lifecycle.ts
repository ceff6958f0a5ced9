/**
 * The alert lifecycle: triggered → acknowledged → resolved, driven by the
 * source's signals and by people. Flapping: an alert that changes state N
 * times within M minutes is marked flapping; its re-triggers are still
 * recorded but do not open new groups (so they cannot page again). Pure.
 */
import type { AlertSignal, Severity, SignalAction } from './signal.js';

export type AlertStatus = 'triggered' | 'acknowledged' | 'resolved';

export interface FlapPolicy {
  changes: number;
  windowMinutes: number;
}

/** The part of a stored alert the lifecycle reads and writes. */
export interface AlertState {
  status: AlertStatus;
  severity: Severity;
  count: number;
  triggerCount: number;
  /** Times it was acknowledged (here or at the source). */
  ackCount: number;
  /** Times a person acknowledged or resolved it here: the noise report's "acted on". */
  actedCount: number;
  stateChanges: number;
  /** ISO times of the state changes still inside the flap window. */
  recentChanges: string[];
  flapping: boolean;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

export interface Transition {
  from: AlertStatus | null;
  to: AlertStatus;
}

export interface Applied {
  state: AlertState;
  /** Present when the status changed (or the alert is new). */
  transition?: Transition;
  /** The alert fired again after it had resolved. */
  retriggered: boolean;
}

function targetStatus(current: AlertStatus | null, action: SignalAction): AlertStatus {
  if (action === 'resolve') return 'resolved';
  if (action === 'acknowledge') return current === 'resolved' ? 'resolved' : 'acknowledged';
  // A resend of a firing alert keeps an acknowledgement; only a resolved alert fires anew.
  return current === 'acknowledged' ? 'acknowledged' : 'triggered';
}

function recordChange(state: AlertState, at: string, policy: FlapPolicy): void {
  const cutoff = Date.parse(at) - policy.windowMinutes * 60_000;
  state.recentChanges = [...state.recentChanges.filter((t) => Date.parse(t) > cutoff), at].slice(-policy.changes);
  state.stateChanges += 1;
  state.flapping = state.recentChanges.length >= policy.changes;
}

/** The state after one signal; `prev` is undefined for a dedup key seen for the first time. */
export function applySignal(prev: AlertState | undefined, signal: Pick<AlertSignal, 'action' | 'severity'>, at: string, actor: string, policy: FlapPolicy): Applied {
  if (!prev) {
    const to = targetStatus(null, signal.action);
    const state: AlertState = {
      status: to,
      severity: signal.severity,
      count: 1,
      triggerCount: to === 'resolved' ? 0 : 1,
      ackCount: to === 'acknowledged' ? 1 : 0,
      actedCount: 0,
      stateChanges: 0,
      recentChanges: [],
      flapping: false,
      acknowledgedAt: to === 'acknowledged' ? at : null,
      acknowledgedBy: to === 'acknowledged' ? actor : null,
      resolvedAt: to === 'resolved' ? at : null,
      resolvedBy: to === 'resolved' ? actor : null,
    };
    recordChange(state, at, policy);
    return { state, transition: { from: null, to }, retriggered: false };
  }
  const to = targetStatus(prev.status, signal.action);
  const state: AlertState = { ...prev, severity: signal.action === 'trigger' ? signal.severity : prev.severity, count: prev.count + 1 };
  if (to === prev.status) return { state, retriggered: false };
  return transition(state, prev.status, to, at, actor, policy, false);
}

/** A person (or the source) moves the alert to `to`; no-op when it is already there. */
export function changeStatus(prev: AlertState, to: AlertStatus, at: string, actor: string, policy: FlapPolicy, byPerson: boolean): Applied {
  if (prev.status === to) return { state: prev, retriggered: false };
  return transition({ ...prev }, prev.status, to, at, actor, policy, byPerson);
}

function transition(state: AlertState, from: AlertStatus, to: AlertStatus, at: string, actor: string, policy: FlapPolicy, byPerson: boolean): Applied {
  state.status = to;
  if (byPerson && to !== 'triggered') state.actedCount += 1;
  if (to === 'acknowledged') {
    state.ackCount += 1;
    state.acknowledgedAt = at;
    state.acknowledgedBy = actor;
  }
  if (to === 'resolved') {
    state.resolvedAt = at;
    state.resolvedBy = actor;
  }
  const retriggered = from === 'resolved' && to === 'triggered';
  if (retriggered) {
    state.triggerCount += 1;
    state.resolvedAt = null;
    state.resolvedBy = null;
    state.acknowledgedAt = null;
    state.acknowledgedBy = null;
  }
  recordChange(state, at, policy);
  return { state, transition: { from, to }, retriggered };
}
