/**
 * Postmortems per incident: opened when a SEV1/SEV2 resolves (due by the
 * policy default, 72 h), drafted from the log, edited, reviewed and published;
 * action items with owner, due date, type and evidence. Visibility follows the
 * incident: a private incident's postmortem is private too.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Store } from '../../db/store.js';
import type { Database, Db } from '../../db/schema.js';
import { fromJson, toJson } from '../../db/dialect.js';
import { conflict, invalidField, notFound, unprocessable } from '../../errors.js';
import type { Actor } from '../auth/identity.js';
import { canSee, requireVisibleIncident, stateOf, type Viewer } from '../incidents/access.js';
import type { IncidentEvent } from '../incidents/events.js';
import type { IncidentRecord, IncidentState, StoredEvent } from '../incidents/model.js';
import * as incidents from '../incidents/store.js';
import { draftPostmortem, type PostmortemDraft } from './draft.js';
import { lintActionItem, lintBlame, type LintFinding } from './lint.js';
import * as pm from './store.js';
import type { Config } from '../../config.js';
import type { JobQueue } from '../../jobs/queue.js';
import { enqueueWebhook } from '../notify/service.js';
import { scheduleActionItemOverdue, schedulePostmortemDue } from './reminders.js';
import { DEFAULT_DUE_HOURS, REQUIRED_SEVERITIES } from './due.js';

/** What the postmortem service needs from the process; AppContext satisfies it. */
export interface PostmortemDeps {
  jobs: JobQueue;
  config: Pick<Config, 'actionItemWebhookUrl'>;
}

export { DEFAULT_DUE_HOURS } from './due.js';
const WORKFLOW: Record<pm.PostmortemRow['status'], ReadonlyArray<pm.PostmortemRow['status']>> = {
  draft: ['in_review'],
  in_review: ['draft', 'published'],
  published: [],
};

export interface Sections {
  summary?: string | undefined;
  rootCause?: string | undefined;
  contributingFactors?: string[] | undefined;
  wentWell?: string[] | undefined;
  wentPoorly?: string[] | undefined;
}

/** A five-whys chain: each step a statement with the events or evidence it rests on; the last is a condition, not a person. */
export interface WhyChain {
  steps: Array<{ statement: string; seqs?: number[] | undefined; evidenceUrl?: string | undefined }>;
}

export interface ActionItemView {
  id: string;
  incidentId: string;
  title: string;
  type: pm.ActionItemRow['type'];
  priority: pm.ActionItemRow['priority'];
  status: pm.ActionItemRow['status'];
  ownerId: string | null;
  dueAt: string | null;
  trackerUrl: string | null;
  evidenceUrl: string | null;
  createdAt: string;
  closedAt: string | null;
}

export interface PostmortemView {
  id: string;
  incidentId: string;
  ref: string;
  status: pm.PostmortemRow['status'];
  required: boolean;
  ownerId: string | null;
  dueAt: string;
  sections: Sections;
  whys: WhyChain[];
  actionItems: ActionItemView[];
  /** Blame language or named people in root cause, contributing factors and the last step of each why chain. */
  blameFindings: Array<LintFinding & { section: string }>;
  publishedAt: string | null;
  draft: PostmortemDraft;
}

const iso = (d: Date) => d.toISOString();

/**
 * Hook: in the appending transaction of a `resolved` event, opens the
 * postmortem a SEV1/SEV2 requires (once; a reopen and second resolution keep it).
 */
export async function openOnResolve(trx: Transaction<Database>, deps: PostmortemDeps, incident: IncidentRecord, event: StoredEvent, state: IncidentState): Promise<void> {
  if (event.kind !== 'resolved' || !REQUIRED_SEVERITIES.has(state.severity)) return;
  const resolvedAt = new Date(state.keyTimes.resolvedAt ?? event.recordedAt);
  const owner = state.roles.find((r) => r.role === 'commander')?.userId ?? state.declaredBy.userId;
  const row = newRow(incident.id, true, owner, new Date(resolvedAt.getTime() + DEFAULT_DUE_HOURS * 3_600_000), new Date(event.recordedAt));
  if (await pm.insertPostmortem(trx, row)) await schedulePostmortemDue(trx, deps.jobs, row.id, row.due_at);
}

function newRow(incidentId: string, required: boolean, ownerId: string | null, dueAt: Date, now: Date): pm.PostmortemRow {
  return {
    id: randomUUID(), incident_id: incidentId, status: 'draft', required: required ? 1 : 0, owner_id: ownerId, due_at: iso(dueAt),
    sections: '{}', whys: '[]', created_at: iso(now), updated_at: iso(now), published_at: null, reminded_at: null,
  };
}

/** Every event of an incident, in order. */
export async function incidentLog(db: Db, incidentId: string): Promise<IncidentEvent[]> {
  const out: IncidentEvent[] = [];
  let after = 0;
  for (;;) {
    const page = await incidents.listEvents(db, incidentId, after, 2000);
    for (const r of page) {
      out.push({ kind: r.kind, incidentId: r.incident_id, seq: r.seq, actorId: r.actor_id, actorLabel: r.actor_label, occurredAt: r.occurred_at, recordedAt: r.recorded_at, body: fromJson(r.body) } as IncidentEvent);
    }
    if (page.length < 2000) return out;
    after = page[page.length - 1]!.seq;
  }
}

function itemView(r: pm.ActionItemRow): ActionItemView {
  return {
    id: r.id, incidentId: r.incident_id, title: r.title, type: r.type, priority: r.priority, status: r.status, ownerId: r.owner_id,
    dueAt: r.due_at, trackerUrl: r.tracker_url, evidenceUrl: r.evidence_url, createdAt: r.created_at, closedAt: r.closed_at,
  };
}

function blameFindings(sections: Sections, whys: WhyChain[], people: string[]): PostmortemView['blameFindings'] {
  const out: PostmortemView['blameFindings'] = [];
  const check = (section: string, text: string | undefined) => {
    if (text) for (const f of lintBlame(text, people).findings) out.push({ ...f, section });
  };
  check('rootCause', sections.rootCause);
  sections.contributingFactors?.forEach((c, i) => check(`contributingFactors[${i}]`, c));
  whys.forEach((w, i) => check(`whys[${i}]`, w.steps[w.steps.length - 1]?.statement));
  return out;
}

async function view(db: Db, row: pm.PostmortemRow, incident: incidents.IncidentRow, now: Date): Promise<PostmortemView> {
  const state = stateOf(incident);
  const sections = fromJson<Sections>(row.sections) ?? {};
  const whys = fromJson<WhyChain[]>(row.whys) ?? [];
  const people = [...new Set(state.roles.map((r) => r.label))];
  const draft = draftPostmortem(state, await incidentLog(db, incident.id), row.owner_id ?? state.declaredBy.label, now);
  return {
    id: row.id, incidentId: incident.id, ref: incident.ref, status: row.status, required: row.required === 1, ownerId: row.owner_id, dueAt: row.due_at,
    sections, whys, actionItems: (await pm.actionItemsOf(db, row.id)).map(itemView), blameFindings: blameFindings(sections, whys, people),
    publishedAt: row.published_at, draft,
  };
}

async function requirePostmortem(db: Db, who: Viewer, idOrRef: string): Promise<{ incident: incidents.IncidentRow; row: pm.PostmortemRow }> {
  const incident = await requireVisibleIncident(db, who, idOrRef);
  const row = await pm.findByIncident(db, incident.id);
  if (!row) throw notFound(`postmortem of ${incident.ref}`, 'postmortem-not-found');
  return { incident, row };
}

export async function getPostmortem(db: Db, who: Viewer, idOrRef: string, now = new Date()): Promise<PostmortemView> {
  const { incident, row } = await requirePostmortem(db, who, idOrRef);
  return view(db, row, incident, now);
}

/** Opens a postmortem for an incident that has none (optional below SEV2, or before resolution). */
export async function createPostmortem(store: Store, deps: PostmortemDeps, actor: Actor, idOrRef: string, now = new Date()): Promise<PostmortemView> {
  return store.transaction(async (trx) => {
    const incident = await requireVisibleIncident(trx, actor, idOrRef, true);
    const row = newRow(incident.id, REQUIRED_SEVERITIES.has(incident.severity), actor.userId, new Date(now.getTime() + DEFAULT_DUE_HOURS * 3_600_000), now);
    if (!(await pm.insertPostmortem(trx, row))) throw conflict('postmortem-exists', `${incident.ref} already has a postmortem`);
    await schedulePostmortemDue(trx, deps.jobs, row.id, row.due_at);
    return view(trx, (await pm.findByIncident(trx, incident.id))!, incident, now);
  });
}

export interface PostmortemPatch {
  sections?: Sections | undefined;
  whys?: WhyChain[] | undefined;
  ownerId?: string | undefined;
  dueAt?: string | undefined;
  status?: pm.PostmortemRow['status'] | undefined;
}

/** Edits sections, why chains, owner or due date, and moves the workflow; a published postmortem is final. */
export async function updatePostmortem(store: Store, deps: PostmortemDeps, actor: Actor, idOrRef: string, patch: PostmortemPatch, now = new Date()): Promise<PostmortemView> {
  return store.transaction(async (trx) => {
    const { incident, row } = await requirePostmortem(trx, actor, idOrRef);
    if (row.status === 'published') throw conflict('postmortem-published', 'a published postmortem cannot change');
    const changes: Partial<pm.PostmortemRow> = { updated_at: iso(now) };
    if (patch.sections) changes.sections = toJson({ ...fromJson<Sections>(row.sections), ...patch.sections });
    if (patch.whys) changes.whys = toJson(patch.whys);
    if (patch.ownerId !== undefined) changes.owner_id = patch.ownerId;
    if (patch.dueAt !== undefined) {
      changes.due_at = iso(new Date(patch.dueAt));
      await schedulePostmortemDue(trx, deps.jobs, row.id, changes.due_at);
    }
    if (patch.status && patch.status !== row.status) {
      if (!WORKFLOW[row.status].includes(patch.status)) throw invalidField('status', `cannot move from ${row.status} to ${patch.status}`);
      if (patch.status === 'published') {
        const items = await pm.actionItemsOf(trx, row.id);
        const missing = items.filter((i) => i.status !== 'closed' && (!i.owner_id || !i.due_at));
        if (missing.length > 0) throw unprocessable('action-items-incomplete', `every action item needs an owner and a due date to publish: ${missing.map((i) => `"${i.title}"`).join(', ')}`);
        changes.published_at = iso(now);
      }
      changes.status = patch.status;
    }
    await pm.updatePostmortem(trx, row.id, changes);
    return view(trx, (await pm.findByIncident(trx, incident.id))!, incident, now);
  });
}

export interface NewActionItem {
  title: string;
  type: pm.ActionItemRow['type'];
  priority?: pm.ActionItemRow['priority'] | undefined;
  ownerId?: string | undefined;
  dueAt?: string | undefined;
  trackerUrl?: string | undefined;
}

/** Adds an action item; vague ones ("Improve observability") are refused with the lint's reason. */
export async function addActionItem(store: Store, deps: PostmortemDeps, actor: Actor, idOrRef: string, input: NewActionItem, now = new Date()): Promise<ActionItemView> {
  const lint = lintActionItem(input.title);
  if (!lint.ok) throw invalidField('title', `too vague: ${lint.findings[0]!.reason}. ${lint.findings[0]!.suggestion}`);
  return store.transaction(async (trx) => {
    const { row } = await requirePostmortem(trx, actor, idOrRef);
    const item: pm.ActionItemRow = {
      id: randomUUID(), postmortem_id: row.id, incident_id: row.incident_id, title: input.title.trim(), type: input.type, priority: input.priority ?? 'medium',
      status: 'open', owner_id: input.ownerId ?? null, due_at: input.dueAt ? iso(new Date(input.dueAt)) : null, tracker_url: input.trackerUrl ?? null,
      evidence_url: null, created_at: iso(now), updated_at: iso(now), closed_at: null, reminded_at: null,
    };
    await pm.insertActionItem(trx, item);
    await scheduleActionItemOverdue(trx, deps.jobs, item.id, item.due_at);
    if (deps.config.actionItemWebhookUrl) {
      // One delivery per created item, so a tracker can open the ticket; the outbox retries it.
      await enqueueWebhook(trx, deps.jobs, { url: deps.config.actionItemWebhookUrl, payload: { event: 'action_item.created', incident: { id: row.incident_id }, item: itemView(item) }, reason: 'postmortem.action_item_created', incidentId: row.incident_id });
    }
    return itemView(item);
  });
}

export interface ActionItemPatch {
  status?: pm.ActionItemRow['status'] | undefined;
  ownerId?: string | undefined;
  dueAt?: string | undefined;
  priority?: pm.ActionItemRow['priority'] | undefined;
  trackerUrl?: string | undefined;
  evidenceUrl?: string | undefined;
}

/** Updates an action item; closing needs a link to the evidence (a merged change, a dashboard). */
export async function updateActionItem(store: Store, deps: PostmortemDeps, actor: Actor, itemId: string, patch: ActionItemPatch, now = new Date()): Promise<ActionItemView> {
  return store.transaction(async (trx) => {
    const item = await pm.findActionItem(trx, itemId);
    const incident = item ? await incidents.findIncident(trx, { id: item.incident_id }) : undefined;
    if (!item || !incident || !(await canSee(trx, actor, incident))) throw notFound(`action item ${itemId}`);
    const evidence = patch.evidenceUrl ?? item.evidence_url;
    if (patch.status === 'closed' && !evidence) throw invalidField('evidenceUrl', 'closing an action item needs a link to the evidence (a merged change, a dashboard)');
    const changes: Partial<pm.ActionItemRow> = { updated_at: iso(now) };
    if (patch.status) {
      changes.status = patch.status;
      changes.closed_at = patch.status === 'closed' ? (item.closed_at ?? iso(now)) : null;
    }
    if (patch.ownerId !== undefined) changes.owner_id = patch.ownerId;
    if (patch.dueAt !== undefined) {
      changes.due_at = iso(new Date(patch.dueAt));
      await scheduleActionItemOverdue(trx, deps.jobs, item.id, changes.due_at);
    }
    if (patch.priority) changes.priority = patch.priority;
    if (patch.trackerUrl !== undefined) changes.tracker_url = patch.trackerUrl;
    if (patch.evidenceUrl !== undefined) changes.evidence_url = patch.evidenceUrl;
    await pm.updateActionItem(trx, item.id, changes);
    return itemView((await pm.findActionItem(trx, item.id))!);
  });
}

/** Open action items `who` may see; with `overdue`, only those past due at `now`. */
export async function listActionItems(db: Db, who: Viewer, f: { overdue?: boolean | undefined; limit?: number | undefined }, now = new Date()): Promise<ActionItemView[]> {
  const rows = await pm.listOpenActionItems(db, { overdueAt: f.overdue ? iso(now) : undefined, limit: f.limit ?? 200 });
  const out: ActionItemView[] = [];
  for (const r of rows) {
    const incident = await incidents.findIncident(db, { id: r.incident_id });
    if (incident && (await canSee(db, who, incident))) out.push(itemView(r));
  }
  return out;
}

/** The draft of an incident's postmortem from its timeline, whether or not one was opened. */
export async function draftFor(db: Db, who: Viewer, idOrRef: string, now = new Date()): Promise<PostmortemDraft> {
  const incident = await requireVisibleIncident(db, who, idOrRef);
  const row = await pm.findByIncident(db, incident.id);
  const state = stateOf(incident);
  return draftPostmortem(state, await incidentLog(db, incident.id), row?.owner_id ?? state.declaredBy.label, now);
}
