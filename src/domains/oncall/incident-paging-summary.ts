/** The paging state of an incident as `incident list` and `incident show` print it, contributed to the incident domain at assembly. */
import type { Db } from '../../db/schema.js';
import type { Viewer } from '../incidents/access.js';
import type { PagingState } from '../incidents/cli-read.js';
import { incidentPaging, pagingLines, skippedPeople } from './incident-paging.js';

const SHORT: Record<string, string> = { active: 'paging', exhausted: 'unanswered', acknowledged: 'acknowledged', resolved: 'resolved' };
// The most urgent state wins the one-word summary: someone still being paged, then nobody answering.
const URGENCY = ['active', 'exhausted', 'acknowledged', 'resolved'];

/**
 * Everything paged for an incident (its alert groups' escalations and pages
 * into it, the same view as GET /incidents/{id}/pages): one word for a
 * table, and for `incident show` a line per escalation and per person paged
 * (or not paged, with why).
 */
export async function pagingSummary(db: Db, who: Viewer, incidentId: string, clock: (iso: string) => string): Promise<PagingState> {
  const view = await incidentPaging(db, who, incidentId);
  if (view.escalations.length === 0) return { short: 'none', lines: [] };
  const first = [...view.escalations].sort((a, b) => URGENCY.indexOf(a.status) - URGENCY.indexOf(b.status))[0]!;
  return { short: SHORT[first.status] ?? first.status, lines: pagingLines(view, await skippedPeople(db, view.escalations), clock) };
}
