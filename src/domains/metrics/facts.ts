/**
 * What the metrics know of one incident: a narrow facts row kept beside the
 * projection on every append (see facts-hook.ts), so a report over thousands
 * of incidents reads a few numbers each instead of replaying logs. Pure: no
 * I/O here. Times are milliseconds since the epoch.
 */
import type { IncidentState, Severity, StoredEvent } from '../incidents/model.js';

/** The facts of one incident that do not depend on when the report is made. */
export interface IncidentFactsRow {
  incidentId: string;
  severity: Severity;
  /** Service ids of the incident, in the order they were added. */
  services: string[];
  drill: boolean;
  declaredAt: number;
  acknowledgedAt: number | null;
  firstSharedPictureAt: number | null;
  mitigatedAt: number | null;
  resolvedAt: number | null;
  firstSymptomAt: number | null;
  /** Update commitments kept, and broken (a later update or the resolution came after the promised time). */
  commitmentsMet: number;
  commitmentsMissed: number;
  /** The promised time of the last commitment when nothing followed it yet: missed once the report's `now` passes it. */
  openCommitmentDueAt: number | null;
  /** Reminders Firebreak had to send because a deadline passed (an update, a mitigation, triage). */
  reminders: number;
}

/** An action item as the metrics see it (times in ms). */
export interface ActionItemFacts {
  createdAt: number;
  closedAt: number | null;
  dueAt: number | null;
}

/** The facts of one incident the response metrics are computed from. */
export interface IncidentFacts extends IncidentFactsRow {
  /** Owner teams of the incident's services (deduplicated, sorted), as the catalog says now. */
  teams: string[];
  /** Update commitments come due at the report's `now`, and how many were kept. */
  commitments: { due: number; met: number };
  actionItems: ActionItemFacts[];
}

/**
 * The drill-exclusion rule, in one place (drills reuse it; docs/practices.md#drills): an
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

export type CommitmentEvent = Pick<StoredEvent, 'seq' | 'kind' | 'occurredAt' | 'body'>;

/** The kinds update commitments are read from. */
export const COMMITMENT_KINDS = ['update_posted', 'resolved'] as const;

/**
 * Update commitments from the log: each update that names a next update time
 * is a commitment, kept when the next update (or the resolution) comes at or
 * before that time. When nothing followed it yet, it is broken once `now`
 * passes the promised time and left out before that.
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
    if (following === undefined && deadline > now.getTime()) return;
    const met = following !== undefined && Date.parse(following.occurredAt) <= deadline;
    out.push({ seq: event.seq, promisedAt, keptBy: following ? { seq: following.seq, at: following.occurredAt } : null, met });
  });
  return out;
}

/** How many update commitments have come due at `now`, and how many were kept. */
export function updateCommitments(events: readonly CommitmentEvent[], now: Date): { due: number; met: number } {
  const outcomes = commitmentOutcomes(events, now);
  return { due: outcomes.length, met: outcomes.filter((o) => o.met).length };
}

/** The commitment columns of the facts row: what is decided whatever `now` is, and the one still open. */
export function commitmentSummary(events: readonly CommitmentEvent[]): Pick<IncidentFactsRow, 'commitmentsMet' | 'commitmentsMissed' | 'openCommitmentDueAt'> {
  // At the end of time every commitment is decided; the open one is the one nothing followed.
  const outcomes = commitmentOutcomes(events, new Date(8.64e15));
  const open = outcomes.find((o) => o.keptBy === null);
  return {
    commitmentsMet: outcomes.filter((o) => o.met).length,
    commitmentsMissed: outcomes.filter((o) => !o.met && o.keptBy !== null).length,
    openCommitmentDueAt: open ? Date.parse(open.promisedAt) : null,
  };
}

/** Update commitments of a facts row come due at `now`; agrees with `updateCommitments` over the same log. */
export function commitmentsAt(row: Pick<IncidentFactsRow, 'commitmentsMet' | 'commitmentsMissed' | 'openCommitmentDueAt'>, now: number): { due: number; met: number } {
  const openDue = row.openCommitmentDueAt !== null && row.openCommitmentDueAt <= now ? 1 : 0;
  return { due: row.commitmentsMet + row.commitmentsMissed + openDue, met: row.commitmentsMet };
}

const ms = (iso: string | null | undefined): number | null => (iso ? Date.parse(iso) : null);

/**
 * The facts row of an incident from its projected state, the commitment part
 * of its log (see `commitmentSummary`) and how many reminders it holds.
 */
export function factsRowOf(
  state: IncidentState,
  commitments: Pick<IncidentFactsRow, 'commitmentsMet' | 'commitmentsMissed' | 'openCommitmentDueAt'>,
  reminders: number,
): IncidentFactsRow {
  const k = state.keyTimes;
  return {
    incidentId: state.id,
    severity: state.severity,
    services: [...state.services],
    drill: state.drill,
    declaredAt: Date.parse(k.declaredAt),
    acknowledgedAt: ms(k.acknowledgedAt),
    firstSharedPictureAt: ms(k.firstSharedPictureAt),
    mitigatedAt: ms(k.mitigatedAt),
    resolvedAt: ms(k.resolvedAt),
    firstSymptomAt: ms(state.markers.first_symptom?.at),
    commitmentsMet: commitments.commitmentsMet,
    commitmentsMissed: commitments.commitmentsMissed,
    openCommitmentDueAt: commitments.openCommitmentDueAt,
    reminders,
  };
}

/** The facts row recomputed from an incident's whole log and the state it replays to. */
export function factsRowFromLog(state: IncidentState, events: readonly CommitmentEvent[]): IncidentFactsRow {
  return factsRowOf(state, commitmentSummary(events), events.filter((e) => e.kind === 'reminder').length);
}
