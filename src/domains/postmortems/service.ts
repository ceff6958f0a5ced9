/**
 * Postmortems per incident: opened when a SEV1/SEV2 resolves (due by the
 * policy default, 72 h), drafted from the log, edited, reviewed and published.
 * Visibility follows the incident: a private incident's postmortem is private
 * too. Every change is audited in its transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Store } from '../../db/store.js';
import type { Database, Db } from '../../db/schema.js';
import { fromJson, toJson } from '../../db/dialect.js';
import { conflict, invalidField, notFound, unprocessable } from '../../errors.js';
import { systemActor, type Actor } from '../auth/identity.js';
import { recordAudit } from '../audit/service.js';
import { canSee, requireVisibleIncident, stateOf, type Viewer } from '../incidents/access.js';
import type { IncidentEvent } from '../incidents/events.js';
import type { IncidentRecord, IncidentState, StoredEvent } from '../incidents/model.js';
import { listEventsAfter, type IncidentRow } from '../incidents/service.js';
import { draftPostmortem, type PostmortemDraft } from './draft.js';
import * as pm from './store.js';
import type { Config } from '../../config.js';
import type { JobQueue } from '../../jobs/queue.js';
import type { ChangeBus } from '../../db/changes.js';
import { publishPostmortemSummary } from '../statuspage/postmortem-summary.js';
import { schedulePostmortemDue } from './reminders.js';
import { sendMeetingInvitation } from './meeting.js';
import { blameFindings, commentView, itemView, type PostmortemSummary, type PostmortemView, type Sections, type WhyChain } from './views.js';
import { clockNow } from '../../clock.js';
import { withTrackerLinks } from './action-item-trackers.js';

export type { ActionItemView, CommentView, PostmortemSummary, PostmortemView, Sections, WhyChain } from './views.js';
import { DEFAULT_DUE_HOURS, REQUIRED_SEVERITIES } from './due.js';

/** What the postmortem service needs from the process; AppContext satisfies it. */
export interface PostmortemDeps {
  jobs: JobQueue;
  /** Tells the status page's read model about a published summary (it also reloads every second). */
  bus?: ChangeBus | undefined;
  config: Pick<Config, 'actionItemWebhookUrl'> & Partial<Pick<Config, 'smtpFrom'>>;
}

export { DEFAULT_DUE_HOURS } from './due.js';
const WORKFLOW: Record<pm.PostmortemRow['status'], ReadonlyArray<pm.PostmortemRow['status']>> = {
  draft: ['in_review'],
  in_review: ['draft', 'published'],
  published: [],
};

const iso = (d: Date) => d.toISOString();

/**
 * On the `resolved` fact (by any event), opens the postmortem a SEV1/SEV2
 * requires (once; a reopen and second resolution keep it), in trx.
 */
export async function openOnResolve(trx: Transaction<Database>, deps: PostmortemDeps, incident: IncidentRecord, event: StoredEvent, state: IncidentState): Promise<void> {
  if (!REQUIRED_SEVERITIES.has(state.severity)) return;
  const resolvedAt = new Date(state.keyTimes.resolvedAt ?? event.recordedAt);
  const owner = state.roles.find((r) => r.role === 'commander')?.userId ?? state.declaredBy.userId;
  const row = newRow(incident.id, true, owner, new Date(resolvedAt.getTime() + DEFAULT_DUE_HOURS * 3_600_000), new Date(event.recordedAt));
  if (await pm.insertPostmortem(trx, row)) {
    await schedulePostmortemDue(trx, deps.jobs, row.id, row.due_at);
    await recordAudit(trx, systemActor('postmortems'), { action: 'postmortem.open', targetType: 'postmortem', targetId: row.id, detail: { ref: incident.ref, required: true, ownerId: owner, dueAt: row.due_at } });
  }
}

function newRow(incidentId: string, required: boolean, ownerId: string | null, dueAt: Date, now: Date): pm.PostmortemRow {
  return {
    id: randomUUID(), incident_id: incidentId, status: 'draft', required: required ? 1 : 0, owner_id: ownerId, due_at: iso(dueAt),
    sections: '{}', whys: '[]', created_at: iso(now), updated_at: iso(now), published_at: null, reminded_at: null,
    reviewers: '[]', meeting_at: null, meeting_minutes: null, meeting_sequence: 0, public_summary: null,
  };
}

/** Whether a resolved incident of this severity owes a postmortem (opened by a job after the resolution commits, so possibly not yet). */
export function owesPostmortem(severity: string): boolean {
  return REQUIRED_SEVERITIES.has(severity);
}

/** Every event of an incident, in order. */
export async function incidentLog(db: Db, incidentId: string): Promise<IncidentEvent[]> {
  const out: IncidentEvent[] = [];
  let after = 0;
  for (;;) {
    const page = await listEventsAfter(db, incidentId, after, 2000);
    for (const e of page) out.push(e as IncidentEvent);
    if (page.length < 2000) return out;
    after = page[page.length - 1]!.seq;
  }
}

async function view(db: Db, row: pm.PostmortemRow, incident: IncidentRow, now: Date): Promise<PostmortemView> {
  const state = stateOf(incident);
  const sections = fromJson<Sections>(row.sections) ?? {};
  const whys = fromJson<WhyChain[]>(row.whys) ?? [];
  const people = [...new Set(state.roles.map((r) => r.label))];
  const draft = draftPostmortem(state, await incidentLog(db, incident.id), row.owner_id ?? state.declaredBy.label, now);
  return {
    id: row.id, incidentId: incident.id, ref: incident.ref, status: row.status, required: row.required === 1, ownerId: row.owner_id, dueAt: row.due_at,
    reviewers: fromJson<string[]>(row.reviewers) ?? [],
    meeting: row.meeting_at && row.meeting_minutes ? { at: row.meeting_at, minutes: row.meeting_minutes } : null,
    publicSummary: row.public_summary,
    sections, whys, actionItems: await withTrackerLinks(db, (await pm.actionItemsOf(db, row.id)).map(itemView)), comments: (await pm.commentsOf(db, row.id)).map(commentView),
    blameFindings: blameFindings(sections, whys, people), publishedAt: row.published_at, draft,
  };
}

/** The incident (visible to `who`) and its postmortem, or not found. */
export async function requirePostmortem(db: Db, who: Viewer, idOrRef: string, lock = false): Promise<{ incident: IncidentRow; row: pm.PostmortemRow }> {
  const incident = await requireVisibleIncident(db, who, idOrRef, lock);
  const row = await pm.findByIncident(db, incident.id);
  if (!row) throw notFound(`postmortem of ${incident.ref}`, 'postmortem-not-found');
  return { incident, row };
}

/** The postmortem of an incident as `who` may see it. */
export async function getPostmortem(db: Db, who: Viewer, idOrRef: string, now = clockNow()): Promise<PostmortemView> {
  const { incident, row } = await requirePostmortem(db, who, idOrRef);
  return view(db, row, incident, now);
}

/** Postmortems `who` may see (a private incident's only to its members and admins), newest first. */
export async function listPostmortems(db: Db, who: Viewer, f: { status?: pm.PostmortemRow['status'] | undefined; limit?: number | undefined }): Promise<PostmortemSummary[]> {
  const rows = await pm.listPostmortems(db, { status: f.status, limit: f.limit ?? 200 });
  const out: PostmortemSummary[] = [];
  for (const r of rows) {
    if (!(await canSee(db, who, { id: r.incident_id, is_private: r.is_private }))) continue;
    out.push({ id: r.id, incidentId: r.incident_id, ref: r.ref, title: r.title, severity: r.severity, status: r.status, required: r.required === 1, ownerId: r.owner_id, dueAt: r.due_at, publishedAt: r.published_at });
  }
  return out;
}

/** The view after a change, read in the changing transaction. */
export async function reread(trx: Db, incident: IncidentRow, now: Date): Promise<PostmortemView> {
  return view(trx, (await pm.findByIncident(trx, incident.id))!, incident, now);
}

/** Opens a postmortem for an incident that has none (optional below SEV2, or before resolution). */
export async function createPostmortem(store: Store, deps: PostmortemDeps, actor: Actor, idOrRef: string, now = clockNow()): Promise<PostmortemView> {
  return store.transaction(async (trx) => {
    const incident = await requireVisibleIncident(trx, actor, idOrRef, true);
    const row = newRow(incident.id, REQUIRED_SEVERITIES.has(incident.severity), actor.userId, new Date(now.getTime() + DEFAULT_DUE_HOURS * 3_600_000), now);
    if (!(await pm.insertPostmortem(trx, row))) throw conflict('postmortem-exists', `${incident.ref} already has a postmortem`);
    await schedulePostmortemDue(trx, deps.jobs, row.id, row.due_at);
    await recordAudit(trx, actor, { action: 'postmortem.open', targetType: 'postmortem', targetId: row.id, detail: { ref: incident.ref, required: row.required === 1, dueAt: row.due_at } });
    return reread(trx, incident, now);
  });
}

export interface PostmortemPatch {
  sections?: Sections | undefined;
  whys?: WhyChain[] | undefined;
  ownerId?: string | undefined;
  dueAt?: string | undefined;
  reviewerIds?: string[] | undefined;
  meeting?: { at: string; minutes?: number | undefined } | undefined;
  publicSummary?: string | null | undefined;
  status?: pm.PostmortemRow['status'] | undefined;
}

const DEFAULT_MEETING_MINUTES = 60;

/** The address in FIREBREAK_SMTP_FROM ("Firebreak <firebreak@example.com>"), the invitation's organizer. */
function organizerEmail(from = 'firebreak@localhost'): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from;
}

/** Refuses, naming the field, an id that is not a user's (an owner, a reviewer). */
export async function requireUser(trx: Db, id: string, field: string): Promise<void> {
  const user = await trx.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst();
  if (!user) throw invalidField(field, `no user with id ${id}`);
}

/** Checks a workflow move; returns the changes it makes. */
async function moveStatus(trx: Db, row: pm.PostmortemRow, to: pm.PostmortemRow['status'], reviewers: string[], now: Date): Promise<Partial<pm.PostmortemRow>> {
  if (!WORKFLOW[row.status].includes(to)) throw invalidField('status', `cannot move from ${row.status} to ${to}`);
  if (to === 'in_review' && reviewers.length === 0) throw unprocessable('reviewers-missing', 'name at least one reviewer (reviewerIds) before asking for review');
  if (to === 'published') {
    const items = await pm.actionItemsOf(trx, row.id);
    const missing = items.filter((i) => i.status !== 'closed' && (!i.owner_id || !i.due_at));
    if (missing.length > 0) throw unprocessable('action-items-incomplete', `every action item needs an owner and a due date to publish: ${missing.map((i) => `"${i.title}"`).join(', ')}`);
    const open = (await pm.commentsOf(trx, row.id)).filter((c) => c.resolved_at === null);
    if (open.length > 0) throw unprocessable('comments-unresolved', `resolve every review comment before publishing (${open.length} open, on ${[...new Set(open.map((c) => c.section))].join(', ')})`);
    return { status: to, published_at: iso(now) };
  }
  return { status: to };
}

/** Edits sections, why chains, owner, due date, reviewers, meeting and public summary, and moves the workflow; a published postmortem is final. */
export async function updatePostmortem(store: Store, deps: PostmortemDeps, actor: Actor, idOrRef: string, patch: PostmortemPatch, now = clockNow()): Promise<PostmortemView> {
  return store.transaction(async (trx) => {
    const { incident, row } = await requirePostmortem(trx, actor, idOrRef, true);
    if (row.status === 'published') throw conflict('postmortem-published', 'a published postmortem cannot change');
    const changes: Partial<pm.PostmortemRow> = { updated_at: iso(now) };
    if (patch.sections) changes.sections = toJson({ ...fromJson<Sections>(row.sections), ...patch.sections });
    if (patch.whys) changes.whys = toJson(patch.whys);
    if (patch.ownerId !== undefined) {
      await requireUser(trx, patch.ownerId, 'ownerId');
      changes.owner_id = patch.ownerId;
    }
    if (patch.dueAt !== undefined) {
      changes.due_at = iso(new Date(patch.dueAt));
      await schedulePostmortemDue(trx, deps.jobs, row.id, changes.due_at);
    }
    if (patch.reviewerIds !== undefined) {
      for (const [i, id] of patch.reviewerIds.entries()) await requireUser(trx, id, `reviewerIds[${i}]`);
      changes.reviewers = toJson([...new Set(patch.reviewerIds)]);
    }
    if (patch.publicSummary !== undefined) changes.public_summary = patch.publicSummary;
    const reviewers = fromJson<string[]>(changes.reviewers ?? row.reviewers) ?? [];
    if (patch.status && patch.status !== row.status) Object.assign(changes, await moveStatus(trx, row, patch.status, reviewers, now));
    let invited: string[] | undefined;
    if (patch.meeting) {
      changes.meeting_at = iso(new Date(patch.meeting.at));
      changes.meeting_minutes = patch.meeting.minutes ?? DEFAULT_MEETING_MINUTES;
      changes.meeting_sequence = row.meeting_at === null ? 0 : row.meeting_sequence + 1;
      invited = await sendMeetingInvitation(trx, deps.jobs, {
        postmortem: { ...row, ...changes }, incident, events: await incidentLog(trx, incident.id), at: changes.meeting_at, minutes: changes.meeting_minutes,
        sequence: changes.meeting_sequence, organizerEmail: organizerEmail(deps.config.smtpFrom), now,
      });
    }
    await pm.updatePostmortem(trx, row.id, changes);
    const publicSummary = changes.public_summary !== undefined ? changes.public_summary : row.public_summary;
    let statusPages: number | undefined;
    if (changes.status === 'published' && publicSummary) statusPages = await publishPostmortemSummary(trx, deps.bus, incident.id, publicSummary, changes.published_at!);
    await recordAudit(trx, actor, {
      action: changes.status ? `postmortem.${changes.status === 'published' ? 'publish' : 'status'}` : 'postmortem.update',
      targetType: 'postmortem',
      targetId: row.id,
      detail: { ref: incident.ref, fields: Object.keys(patch).sort(), ...(changes.status ? { from: row.status, to: changes.status } : {}), ...(invited ? { invited } : {}), ...(statusPages !== undefined ? { statusPages } : {}) },
    });
    return reread(trx, incident, now);
  });
}

/** The draft of an incident's postmortem from its timeline, whether or not one was opened. */
export async function draftFor(db: Db, who: Viewer, idOrRef: string, now = clockNow()): Promise<PostmortemDraft> {
  const incident = await requireVisibleIncident(db, who, idOrRef);
  const row = await pm.findByIncident(db, incident.id);
  const state = stateOf(incident);
  return draftPostmortem(state, await incidentLog(db, incident.id), row?.owner_id ?? state.declaredBy.label, now);
}
