import type { Holder, IncidentRecord, IncidentState, Severity, StoredEvent } from './model.js';

/**
 * What changed about an incident, computed from its state before and after an
 * append. Consumers (status page, postmortems, metrics, paging, chat, webhooks)
 * subscribe to facts, never to event kinds: `status_changed` to resolved and
 * `resolved` are the same fact.
 */
export type IncidentFact =
  | { kind: 'declared'; severity: Severity }
  | { kind: 'severity_changed'; from: Severity; to: Severity }
  | { kind: 'commander_assigned'; commander: Holder; previous: Holder | null }
  | { kind: 'acknowledged'; at: string }
  | { kind: 'mitigated'; at: string }
  | { kind: 'resolved'; at: string; summary: string | null }
  | { kind: 'reopened' }
  | { kind: 'published_publicly'; text: string; at: string }
  | { kind: 'shared_internally'; text: string; at: string }
  | { kind: 'visibility_changed'; private: boolean };

export type IncidentFactKind = IncidentFact['kind'];

export const INCIDENT_FACT_KINDS: readonly IncidentFactKind[] = [
  'declared',
  'severity_changed',
  'commander_assigned',
  'acknowledged',
  'mitigated',
  'resolved',
  'reopened',
  'published_publicly',
  'shared_internally',
  'visibility_changed',
];

/** Where a fact came from: the incident, the event that produced it, and the states around it. */
export interface FactContext {
  incident: IncidentRecord;
  event: StoredEvent;
  /** Undefined for the declaration. */
  before: IncidentState | undefined;
  after: IncidentState;
}

function commanderOf(state: IncidentState | undefined): Holder | null {
  const role = state?.roles.find((r) => r.role === 'commander');
  return role ? { userId: role.userId, label: role.label } : null;
}

function sameHolder(a: Holder | null, b: Holder | null): boolean {
  if (!a || !b) return a === b;
  return a.userId !== null || b.userId !== null ? a.userId === b.userId : a.label === b.label;
}

/** The facts one append established, in a stable order. Pure. */
export function factsBetween(before: IncidentState | undefined, after: IncidentState): IncidentFact[] {
  const facts: IncidentFact[] = [];
  if (!before) facts.push({ kind: 'declared', severity: after.severity });
  if (before && before.severity !== after.severity) facts.push({ kind: 'severity_changed', from: before.severity, to: after.severity });
  const commander = commanderOf(after);
  const previous = commanderOf(before);
  if (commander && !sameHolder(commander, previous)) facts.push({ kind: 'commander_assigned', commander, previous });
  if (after.keyTimes.acknowledgedAt && !before?.keyTimes.acknowledgedAt) facts.push({ kind: 'acknowledged', at: after.keyTimes.acknowledgedAt });
  if (after.keyTimes.mitigatedAt && !before?.keyTimes.mitigatedAt) facts.push({ kind: 'mitigated', at: after.keyTimes.mitigatedAt });
  if (after.status === 'resolved' && before?.status !== 'resolved') {
    facts.push({ kind: 'resolved', at: after.keyTimes.resolvedAt ?? after.statusSince, summary: after.resolution?.summary ?? null });
  }
  if (before?.status === 'resolved' && after.status !== 'resolved') facts.push({ kind: 'reopened' });
  const update = after.lastUpdate;
  if (update && update.seq !== before?.lastUpdate?.seq) {
    facts.push({ kind: update.audience === 'public' ? 'published_publicly' : 'shared_internally', text: update.text, at: update.at });
  }
  if (before && before.private !== after.private) facts.push({ kind: 'visibility_changed', private: after.private });
  return facts;
}
