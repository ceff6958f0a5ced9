/**
 * What the metrics know of one incident, taken from its projected state and
 * the few events that carry update commitments. Pure: no I/O here.
 */
import type { IncidentState, Severity, StoredEvent } from '../incidents/model.js';

/** The facts of one incident the response metrics are computed from (times are ISO strings). */
export interface IncidentFacts {
  id: string;
  ref: string;
  severity: Severity;
  services: string[];
  /** Owner teams of the incident's services (deduplicated). */
  teams: string[];
  drill: boolean;
  declaredAt: string;
  acknowledgedAt: string | null;
  firstSharedPictureAt: string | null;
  mitigatedAt: string | null;
  resolvedAt: string | null;
  firstSymptomAt: string | null;
  /** Update commitments ("next update at ...") that have come due, and how many were kept. */
  commitments: { due: number; met: number };
  /** Reminders Firebreak had to send because a deadline passed (an update, a mitigation, triage). */
  remindersMissed: number;
}

/**
 * The drill-exclusion rule, in one place (issue 12's drills reuse it): an
 * incident declared as a drill is reported apart from real incidents, whatever
 * happened to it later.
 */
export function isDrill(incident: { drill: boolean }): boolean {
  return incident.drill === true;
}

/** Splits incidents into real ones and drills by `isDrill`. */
export function partitionDrills<T extends { drill: boolean }>(incidents: readonly T[]): { real: T[]; drills: T[] } {
  const real: T[] = [];
  const drills: T[] = [];
  for (const incident of incidents) (isDrill(incident) ? drills : real).push(incident);
  return { real, drills };
}

/** One update commitment ("next update at ...") and whether it was kept. */
export interface CommitmentOutcome {
  /** The update that made the commitment. */
  seq: number;
  promisedAt: string;
  /** The next update or the resolution, if any. */
  keptBy: { seq: number; at: string } | null;
  met: boolean;
}

type CommitmentEvent = Pick<StoredEvent, 'seq' | 'kind' | 'occurredAt' | 'body'>;

/**
 * Update commitments from the log: each update that names a next update time
 * is a commitment, kept when the next update (or the resolution) comes at or
 * before that time. A commitment not yet due at `now` and not yet kept is left out.
 */
export function commitmentOutcomes(events: readonly CommitmentEvent[], now: Date): CommitmentOutcome[] {
  const relevant = events.filter((e) => e.kind === 'update_posted' || e.kind === 'resolved').sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.seq - b.seq);
  const out: CommitmentOutcome[] = [];
  relevant.forEach((event, i) => {
    if (event.kind !== 'update_posted') return;
    const promisedAt = (event.body as { nextUpdateAt?: string }).nextUpdateAt;
    if (!promisedAt) return;
    const deadline = Date.parse(promisedAt);
    const following = relevant[i + 1];
    const met = following !== undefined && Date.parse(following.occurredAt) <= deadline;
    if (!met && deadline > now.getTime()) return;
    out.push({ seq: event.seq, promisedAt, keptBy: following ? { seq: following.seq, at: following.occurredAt } : null, met });
  });
  return out;
}

/** How many update commitments have come due, and how many were kept. */
export function updateCommitments(events: readonly CommitmentEvent[], now: Date): { due: number; met: number } {
  const outcomes = commitmentOutcomes(events, now);
  return { due: outcomes.length, met: outcomes.filter((o) => o.met).length };
}

/** The facts of one incident from its state, its commitment events and its services' owner teams. */
export function factsOf(
  state: IncidentState,
  events: readonly CommitmentEvent[],
  teamOfService: ReadonlyMap<string, string>,
  now: Date,
): IncidentFacts {
  const teams = [...new Set(state.services.map((s) => teamOfService.get(s)).filter((t): t is string => t !== undefined))].sort();
  return {
    id: state.id,
    ref: state.ref,
    severity: state.severity,
    services: [...state.services],
    teams,
    drill: state.drill,
    declaredAt: state.keyTimes.declaredAt,
    acknowledgedAt: state.keyTimes.acknowledgedAt,
    firstSharedPictureAt: state.keyTimes.firstSharedPictureAt,
    mitigatedAt: state.keyTimes.mitigatedAt,
    resolvedAt: state.keyTimes.resolvedAt,
    firstSymptomAt: state.markers.first_symptom?.at ?? null,
    commitments: updateCommitments(events, now),
    remindersMissed: events.filter((e) => e.kind === 'reminder').length,
  };
}
