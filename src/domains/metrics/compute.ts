/**
 * Response metrics over incident facts: medians and 90th percentiles of the
 * key durations, grouped by severity, service, team or month. Pure.
 */
import { partitionDrills, type IncidentFacts } from './facts.js';

export const GROUP_BYS = ['severity', 'service', 'team', 'month'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

/** Median and p90 of one duration, in seconds; null when no incident has it. */
export interface Distribution {
  count: number;
  median: number | null;
  p90: number | null;
}

export interface MetricsGroup {
  /** The group's value ("SEV1", a service id, a team id, "2026-11"); "all" without grouping. */
  key: string;
  incidents: number;
  timeToAcknowledge: Distribution;
  timeToSharedPicture: Distribution;
  timeToMitigate: Distribution;
  timeToResolve: Distribution;
  /** First symptom to declaration. */
  detectionDelay: Distribution;
  updateCommitments: { due: number; met: number; share: number | null };
  remindersMissed: number;
  actionItems: ActionItemFigures;
}

/** Action items of the group's incidents at the report's `now`. */
export interface ActionItemFigures {
  opened: number;
  closed: number;
  /** Not closed and past their due date. */
  overdue: number;
  /** Median age in seconds: creation to closing, or to now while open. */
  medianAgeSeconds: number | null;
}

export interface IncidentMetrics {
  groupBy: GroupBy | null;
  groups: MetricsGroup[];
  /** Drills, reported apart with the same grouping; never part of `groups`. */
  drills: MetricsGroup[];
}

/**
 * The median: the middle value, or the mean of the two middle values.
 * `sorted` must be ascending.
 */
export function median(sorted: readonly number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The nearest-rank percentile: the smallest value with at least p% of values at or below it. */
export function percentile(sorted: readonly number[], p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  return sorted[Math.max(0, Math.ceil((p / 100) * n) - 1)]!;
}

/** Sorted ascending; a typed array sorts numbers natively, several times faster than a comparator. */
function ascending(values: number[]): number[] {
  return Array.from(Float64Array.from(values).sort());
}

function distribution(values: number[]): Distribution {
  const sorted = ascending(values);
  return { count: sorted.length, median: median(sorted), p90: percentile(sorted, 90) };
}

/** Seconds from `from` to `to` (ms); null when either is missing. */
function seconds(from: number | null, to: number | null): number | null {
  if (from === null || to === null) return null;
  return (to - from) / 1000;
}

function actionItemFigures(facts: readonly IncidentFacts[], now: number): ActionItemFigures {
  let opened = 0;
  let closed = 0;
  let overdue = 0;
  const ages: number[] = [];
  for (const f of facts) {
    for (const item of f.actionItems) {
      opened += 1;
      if (item.closedAt !== null) closed += 1;
      else if (item.dueAt !== null && item.dueAt < now) overdue += 1;
      ages.push(((item.closedAt ?? now) - item.createdAt) / 1000);
    }
  }
  return { opened, closed, overdue, medianAgeSeconds: median(ascending(ages)) };
}

function durations(facts: readonly IncidentFacts[], pick: (f: IncidentFacts) => number | null): Distribution {
  const values: number[] = [];
  for (const f of facts) {
    const v = pick(f);
    if (v !== null) values.push(v);
  }
  return distribution(values);
}

export function groupOf(key: string, facts: readonly IncidentFacts[], now: number): MetricsGroup {
  const due = facts.reduce((sum, f) => sum + f.commitments.due, 0);
  const met = facts.reduce((sum, f) => sum + f.commitments.met, 0);
  return {
    key,
    incidents: facts.length,
    timeToAcknowledge: durations(facts, (f) => seconds(f.declaredAt, f.acknowledgedAt)),
    timeToSharedPicture: durations(facts, (f) => seconds(f.declaredAt, f.firstSharedPictureAt)),
    timeToMitigate: durations(facts, (f) => seconds(f.declaredAt, f.mitigatedAt)),
    timeToResolve: durations(facts, (f) => seconds(f.declaredAt, f.resolvedAt)),
    detectionDelay: durations(facts, (f) => seconds(f.firstSymptomAt, f.declaredAt)),
    updateCommitments: { due, met, share: due === 0 ? null : met / due },
    remindersMissed: facts.reduce((sum, f) => sum + f.reminders, 0),
    actionItems: actionItemFigures(facts, now),
  };
}

/** The keys an incident counts under: one severity or month; each of its services or teams. */
function keysOf(f: IncidentFacts, groupBy: GroupBy | null): string[] {
  switch (groupBy) {
    case null: return ['all'];
    case 'severity': return [f.severity];
    case 'month': return [new Date(f.declaredAt).toISOString().slice(0, 7)];
    case 'service': return f.services.length > 0 ? f.services : ['(none)'];
    case 'team': return f.teams.length > 0 ? f.teams : ['(none)'];
  }
}

function grouped(facts: readonly IncidentFacts[], groupBy: GroupBy | null, now: number): MetricsGroup[] {
  const byKey = new Map<string, IncidentFacts[]>();
  for (const f of facts) {
    for (const key of keysOf(f, groupBy)) {
      const list = byKey.get(key);
      if (list) list.push(f);
      else byKey.set(key, [f]);
    }
  }
  return [...byKey.keys()].sort().map((key) => groupOf(key, byKey.get(key)!, now));
}

/** The metrics of `facts` at `now`, drills reported apart. */
export function computeMetrics(facts: readonly IncidentFacts[], groupBy: GroupBy | null, now: Date): IncidentMetrics {
  const { real, drills } = partitionDrills(facts);
  return { groupBy, groups: grouped(real, groupBy, now.getTime()), drills: grouped(drills, groupBy, now.getTime()) };
}

const CSV_COLUMNS = ['timeToAcknowledge', 'timeToSharedPicture', 'timeToMitigate', 'timeToResolve', 'detectionDelay'] as const;

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  // Quote, and defuse spreadsheet formulas in keys that come from user data.
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The metrics as CSV: one row per group, drills marked in the first column; durations in seconds. */
export function metricsCsv(metrics: IncidentMetrics): string {
  const header = ['set', 'group', 'incidents', ...CSV_COLUMNS.flatMap((c) => [`${c}_count`, `${c}_median_s`, `${c}_p90_s`]), 'update_commitments_due', 'update_commitments_met', 'update_commitments_share', 'reminders_missed', 'action_items_opened', 'action_items_closed', 'action_items_overdue', 'action_items_median_age_s'];
  const rows = [header.join(',')];
  for (const [set, groups] of [['incidents', metrics.groups], ['drills', metrics.drills]] as const) {
    for (const g of groups) {
      const cells = [set, g.key, g.incidents, ...CSV_COLUMNS.flatMap((c) => [g[c].count, g[c].median, g[c].p90]), g.updateCommitments.due, g.updateCommitments.met, g.updateCommitments.share, g.remindersMissed, g.actionItems.opened, g.actionItems.closed, g.actionItems.overdue, g.actionItems.medianAgeSeconds];
      rows.push(cells.map(csvCell).join(','));
    }
  }
  return rows.join('\r\n') + '\r\n';
}
