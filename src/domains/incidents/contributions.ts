/**
 * What other domains add to the incident domain's reads and reminders,
 * registered at assembly like the fact consumers (so `incidents/` imports none
 * of them): runbooks on the handoff summary, the paging state `incident list`
 * and `incident show` print, and the pager the heartbeat uses on a second
 * missed update.
 */
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../db/schema.js';
import type { Viewer } from './access.js';
import type { IncidentDeps } from './deps.js';
import type { HandoffRunbook } from './handoff.js';
import type { PagingState } from './cli-read.js';
import type { IncidentState } from './model.js';

export interface IncidentContributions {
  /** Runbooks of the incident's services and alerts, judged for rot (`maxUntestedDays` from the config when given). */
  handoffRunbooks?(db: Db, incident: { id: string; services: readonly string[] }, now: Date, maxUntestedDays: number | undefined): Promise<HandoffRunbook[]>;
  /** The incident's paging state for the CLI, as `who` may see it: a one-word summary, and who was paged and how (times by `clock`). */
  pagingSummary?(db: Db, who: Viewer, incidentId: string, clock: (iso: string) => string): Promise<PagingState>;
  /** Pages one person into the incident now, in trx, with the reason they read. */
  pageResponder?(trx: Transaction<Database>, deps: IncidentDeps, incident: IncidentState, userId: string, reason: string, by: string): Promise<void>;
}

let contributions: readonly IncidentContributions[] = [];

/** Called once at assembly with every domain's contributions. */
export function registerIncidentContributions(list: readonly IncidentContributions[]): void {
  contributions = list;
}

/** The runbooks every contributing domain shows on the handoff. */
export async function contributedRunbooks(db: Db, incident: { id: string; services: readonly string[] }, now: Date, maxUntestedDays: number | undefined): Promise<HandoffRunbook[]> {
  const out: HandoffRunbook[] = [];
  for (const c of contributions) if (c.handoffRunbooks) out.push(...(await c.handoffRunbooks(db, incident, now, maxUntestedDays)));
  return out;
}

/** The paging state from the domain that pages ('none' when none is registered). */
export async function contributedPagingSummary(db: Db, who: Viewer, incidentId: string, clock: (iso: string) => string): Promise<PagingState> {
  const pager = contributions.find((c) => c.pagingSummary);
  return pager?.pagingSummary ? pager.pagingSummary(db, who, incidentId, clock) : { short: 'none', lines: [] };
}

/** Pages a person through the registered pager; false when no domain pages (the caller says so). */
export async function pageResponder(trx: Transaction<Database>, deps: IncidentDeps, incident: IncidentState, userId: string, reason: string, by: string): Promise<boolean> {
  const pager = contributions.find((c) => c.pageResponder);
  if (!pager?.pageResponder) return false;
  await pager.pageResponder(trx, deps, incident, userId, reason, by);
  return true;
}
