/** The incident response metrics for a window of declarations. */
import type { Db } from '../../db/schema.js';
import { invalidField } from '../../errors.js';
import { computeMetrics, type GroupBy, type IncidentMetrics } from './compute.js';
import { incidentFacts } from './store.js';

const DEFAULT_WINDOW_DAYS = 90;

export interface MetricsWindow {
  from?: string | undefined;
  to?: string | undefined;
  groupBy?: GroupBy | undefined;
}

/** Metrics of the incidents declared in [from, to); `now` decides which update commitments have come due. */
export async function incidentMetrics(db: Db, query: MetricsWindow, now = new Date()): Promise<IncidentMetrics & { from: string; to: string }> {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_WINDOW_DAYS * 86_400_000);
  if (Number.isNaN(to.getTime())) throw invalidField('to', 'must be a date-time');
  if (Number.isNaN(from.getTime())) throw invalidField('from', 'must be a date-time');
  if (from.getTime() >= to.getTime()) throw invalidField('from', 'must be before `to`');
  const window = { from: from.toISOString(), to: to.toISOString() };
  const facts = await incidentFacts(db, window, now);
  return { ...window, ...computeMetrics(facts, query.groupBy ?? null) };
}
