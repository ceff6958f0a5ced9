/** Reading incidents as a person sees them: one incident, its events, lists and the handoff summary. */
import type { Db } from '../../db/schema.js';
import { fromJson } from '../../db/dialect.js';
import { invalidField } from '../../errors.js';
import { requireVisibleIncident, stateOf, type Viewer } from './access.js';
import { stateAsOf } from './derive.js';
import { buildHandoff, type HandoffHistory, type HandoffSummary, type TakenAction } from './handoff.js';
import type { IncidentState, Severity, Status, StoredEvent } from './model.js';
import { toStoredEvent } from './service.js';
import { findServiceByIdOrName } from '../catalog/service.js';
import * as incidents from './store.js';
import { clockNow } from '../../clock.js';
import { contributedRunbooks } from './contributions.js';

/** The state as returned by the API: the projection as of now, plus id and ref at the top. */
export type IncidentStateView = ReturnType<typeof stateAsOf>;

/** One incident's state, if `who` may see it (404 otherwise). */
export async function getIncident(db: Db, who: Viewer, idOrRef: string, now = clockNow()): Promise<IncidentStateView> {
  return stateAsOf(stateOf(await requireVisibleIncident(db, who, idOrRef)), now);
}

/** Events after `afterSeq`, if `who` may see the incident. */
export async function getEvents(db: Db, who: Viewer, idOrRef: string, afterSeq: number, limit: number): Promise<{ incidentId: string; ref: string; events: StoredEvent[]; lastSeq: number }> {
  const row = await requireVisibleIncident(db, who, idOrRef);
  const events = (await incidents.listEvents(db, row.id, afterSeq, limit)).map(toStoredEvent);
  return { incidentId: row.id, ref: row.ref, events, lastSeq: row.last_seq };
}

/** What the handoff reads from the log: the last five decisions and every hypothesis ruled out (with its text). */
async function handoffHistory(db: Db, incidentId: string): Promise<HandoffHistory> {
  const decisions = await incidents.latestEventsOfKinds(db, incidentId, ['decision'], 5);
  const rejections = await incidents.latestEventsOfKinds(db, incidentId, ['hypothesis_rejected'], 50);
  const texts = await incidents.eventsBySeq(db, incidentId, rejections.map((r) => (fromJson<{ hypothesisSeq: number }>(r.body)?.hypothesisSeq ?? 0)));
  return {
    recentDecisions: decisions.reverse().map((row) => {
      const b = fromJson<{ decision: string; rationale: string }>(row.body)!;
      return { seq: row.seq, decision: b.decision, rationale: b.rationale };
    }),
    rejectedHypotheses: rejections.reverse().map((row) => {
      const b = fromJson<{ hypothesisSeq: number; reason: string }>(row.body)!;
      const proposed = texts.get(b.hypothesisSeq);
      return { seq: b.hypothesisSeq, text: fromJson<{ text: string }>(proposed?.body ?? '{}')?.text ?? '', reason: b.reason };
    }),
  };
}

/** The handoff summary, generated from the state and the log, with the incident's runbooks (contributed) judged under `runbookPolicy`. */
export async function getHandoff(db: Db, who: Viewer, idOrRef: string, now = clockNow(), runbookPolicy?: { maxUntestedDays: number }): Promise<HandoffSummary> {
  const row = await requireVisibleIncident(db, who, idOrRef);
  const logged = (await incidents.listTimeline(db, row.id, { kinds: ['action_taken', 'amended'], limit: 2000 })).map(toStoredEvent);
  const amendments = logged.filter((e) => e.kind === 'amended').map((e) => {
    const b = e.body as { targetSeq: number; correction: string; occurredAt?: string };
    return { seq: e.seq, targetSeq: b.targetSeq, correction: b.correction, correctedOccurredAt: b.occurredAt ?? null };
  });
  const state = stateOf(row);
  const runbooks = await contributedRunbooks(db, { id: row.id, services: state.services }, now, runbookPolicy?.maxUntestedDays);
  return buildHandoff(stateAsOf(state, now), now, await handoffHistory(db, row.id), logged.filter((e) => e.kind === 'action_taken').map(actionOf), amendments, runbooks);
}

/** An action_taken event as a line of the handoff or `incident show`. */
export function actionOf(e: StoredEvent): TakenAction {
  const body = e.body as { action: string; result?: string };
  return { seq: e.seq, at: e.occurredAt, action: body.action, result: body.result ?? null, by: e.actorLabel };
}

/** The timeline filtered by kinds and by when things happened. */
export async function getTimeline(db: Db, who: Viewer, idOrRef: string, f: { kinds?: readonly string[] | undefined; occurredSince?: string | undefined; limit: number }): Promise<{ ref: string; events: StoredEvent[] }> {
  const row = await requireVisibleIncident(db, who, idOrRef);
  return { ref: row.ref, events: (await incidents.listTimeline(db, row.id, f)).map(toStoredEvent) };
}

/** The actions taken on an incident, oldest first. */
export async function getActions(db: Db, who: Viewer, idOrRef: string): Promise<TakenAction[]> {
  return (await getTimeline(db, who, idOrRef, { kinds: ['action_taken'], limit: 1000 })).events.map(actionOf);
}

/** A line in a list of incidents. */
export interface IncidentSummary {
  id: string;
  ref: string;
  title: string;
  severity: Severity;
  status: Status;
  private: boolean;
  drill: boolean;
  commander: { userId: string | null; label: string } | null;
  services: string[];
  declaredAt: string;
  resolvedAt: string | null;
  nextUpdateDue: string | null;
  sharedPicture: boolean;
  /** The next update is due and has not been posted. */
  updateOverdue: boolean;
  lastEventAt: string;
}

/** One incident as the list shows it (and the list stream sends it). */
export function summarise(stored: IncidentState, now: Date): IncidentSummary {
  const state = stateAsOf(stored, now);
  const commander = state.roles.find((r) => r.role === 'commander');
  return {
    id: state.id,
    ref: state.ref,
    title: state.title,
    severity: state.severity,
    status: state.status,
    private: state.private,
    drill: state.drill,
    commander: commander ? { userId: commander.userId, label: commander.label } : null,
    services: state.services,
    declaredAt: state.keyTimes.declaredAt,
    resolvedAt: state.keyTimes.resolvedAt,
    nextUpdateDue: state.nextUpdateDue,
    sharedPicture: state.sharedPicture.has,
    updateOverdue: state.updateOverdue,
    lastEventAt: state.lastEventAt,
  };
}

export interface ListQuery {
  /** A status, or `open` for every unresolved incident. */
  status?: Status | 'open' | undefined;
  severity?: Severity | undefined;
  service?: string | undefined;
  commander?: string | undefined;
  drill?: boolean | undefined;
  declaredFrom?: string | undefined;
  declaredTo?: string | undefined;
  q?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

function encodeCursor(row: { declared_at: string; id: string }): string {
  return Buffer.from(JSON.stringify([row.declared_at, row.id])).toString('base64url');
}

function decodeCursor(cursor: string): { declaredAt: string; id: string } {
  try {
    const [declaredAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof declaredAt === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(declaredAt))) return { declaredAt, id };
  } catch {
    // fall through to the refusal below
  }
  throw invalidField('query.cursor', 'is not a cursor this API handed out');
}

/** A page of incidents `who` may see, newest first, with the cursor of the next page. */
export async function listIncidents(db: Db, who: Viewer, query: ListQuery, now = clockNow()): Promise<{ incidents: IncidentSummary[]; nextCursor: string | null }> {
  const seesAll = who.role === 'admin' || who.via === 'system';
  const rows = await incidents.queryIncidents(db, {
    visibleTo: seesAll ? undefined : (who.userId ?? ''),
    status: query.status === 'open' ? undefined : query.status,
    open: query.status === 'open' ? true : undefined,
    severity: query.severity,
    serviceId: query.service ? ((await findServiceByIdOrName(db, query.service))?.id ?? query.service) : undefined,
    commanderId: query.commander,
    drill: query.drill,
    declaredFrom: query.declaredFrom ? new Date(query.declaredFrom).toISOString() : undefined,
    declaredTo: query.declaredTo ? new Date(query.declaredTo).toISOString() : undefined,
    titleContains: query.q?.trim() || undefined,
    before: query.cursor ? decodeCursor(query.cursor) : undefined,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return {
    incidents: page.map((row) => summarise(stateOf(row), now)),
    nextCursor: rows.length > query.limit && page.length > 0 ? encodeCursor(page[page.length - 1]!) : null,
  };
}

/** The newest incidents `who` may see, as their states (drills left out): the history "have we seen this before?" searches. */
export async function incidentHistory(db: Db, who: Viewer, limit: number): Promise<IncidentState[]> {
  const seesAll = who.role === 'admin' || who.via === 'system';
  const rows = await incidents.queryIncidents(db, { visibleTo: seesAll ? undefined : (who.userId ?? ''), drill: false, limit });
  return rows.map((row) => stateOf(row));
}
