/** The incident response metrics for a window of declarations. */
import { incidentsHiddenFrom, type Viewer } from '../incidents/access.js';
import type { Db } from '../../db/schema.js';
import { invalidField } from '../../errors.js';
import { computeMetrics, type GroupBy, type IncidentMetrics } from './compute.js';
import { commitmentsAt, type IncidentFacts } from './facts.js';
import { actionItemsIn, factsRowsIn, teamsOfServices } from './store.js';
import { clockNow } from '../../clock.js';

const DEFAULT_WINDOW_DAYS = 90;

export interface MetricsWindow {
  from?: string | undefined;
  to?: string | undefined;
  groupBy?: GroupBy | undefined;
}

/** Facts of every incident declared in [from, to) as of `now` (which commitments are due, which items overdue). */
export async function incidentFacts(db: Db, window: { from: string; to: string }, now: Date): Promise<IncidentFacts[]> {
  const w = { fromMs: Date.parse(window.from), toMs: Date.parse(window.to) };
  const [rows, items, teamOf] = await Promise.all([factsRowsIn(db, w), actionItemsIn(db, w), teamsOfServices(db)]);
  // Incidents share a few service lists; their teams are worked out once per list.
  const teamsOf = new Map<string, string[]>();
  const teamsFor = (services: string[]) => {
    const key = services.join('\n');
    let teams = teamsOf.get(key);
    if (!teams) teamsOf.set(key, (teams = [...new Set(services.map((s) => teamOf.get(s)).filter((t): t is string => t !== undefined))].sort()));
    return teams;
  };
  const nowMs = now.getTime();
  return rows.map((row) => Object.assign(row, { teams: teamsFor(row.services), commitments: commitmentsAt(row, nowMs), actionItems: items.get(row.incidentId) ?? [] }));
}

/** Metrics of the incidents declared in [from, to); `now` decides which update commitments have come due. */
export async function incidentMetrics(db: Db, query: MetricsWindow, now = clockNow(), viewer?: Viewer): Promise<IncidentMetrics & { from: string; to: string }> {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_WINDOW_DAYS * 86_400_000);
  if (Number.isNaN(to.getTime())) throw invalidField('to', 'must be a date-time');
  if (Number.isNaN(from.getTime())) throw invalidField('from', 'must be a date-time');
  if (from.getTime() >= to.getTime()) throw invalidField('from', 'must be before `to`');
  const window = { from: from.toISOString(), to: to.toISOString() };
  let facts = await incidentFacts(db, window, now);
  // A private incident counts only for those who may see it: its timings would otherwise show through a small group.
  if (viewer) {
    const hidden = await incidentsHiddenFrom(db, viewer);
    if (hidden.size > 0) facts = facts.filter((f) => !hidden.has(f.incidentId));
  }
  return { ...window, ...computeMetrics(facts, query.groupBy ?? null, now) };
}
