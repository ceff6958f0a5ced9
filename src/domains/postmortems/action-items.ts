/**
 * Action items of a postmortem: owner, due date, priority, type, status and a
 * tracker link; vague titles refused by the lint; closing needs evidence;
 * overdue reminders; one outbound webhook per created item. Audited.
 */
import { randomUUID } from 'node:crypto';
import type { Store } from '../../db/store.js';
import type { Db } from '../../db/schema.js';
import { invalidField, notFound } from '../../errors.js';
import type { Actor } from '../auth/identity.js';
import { recordAudit } from '../audit/service.js';
import { canSee, type Viewer } from '../incidents/access.js';
import { getIncidentRow } from '../incidents/service.js';
import { enqueueWebhook } from '../notify/service.js';
import { lintActionItem } from './lint.js';
import { scheduleActionItemOverdue } from './reminders.js';
import { requirePostmortem, requireUser, type PostmortemDeps } from './service.js';
import * as pm from './store.js';
import { itemView, type ActionItemView } from './views.js';
import { clockNow } from '../../clock.js';
import { announceActionItem, withTrackerLinks } from './action-item-trackers.js';
import { findUser } from '../auth/service.js';

const iso = (d: Date) => d.toISOString();

export interface NewActionItem {
  title: string;
  type: pm.ActionItemRow['type'];
  priority?: pm.ActionItemRow['priority'] | undefined;
  ownerId?: string | undefined;
  dueAt?: string | undefined;
  trackerUrl?: string | undefined;
}

/** Adds an action item; vague ones ("Improve observability") are refused with the lint's reason. */
export async function addActionItem(store: Store, deps: PostmortemDeps, actor: Actor, idOrRef: string, input: NewActionItem, now = clockNow()): Promise<ActionItemView> {
  const lint = lintActionItem(input.title);
  if (!lint.ok) throw invalidField('title', `too vague: ${lint.findings[0]!.reason}. ${lint.findings[0]!.suggestion}`);
  return store.transaction(async (trx) => {
    const { row, incident } = await requirePostmortem(trx, actor, idOrRef);
    if (input.ownerId) await requireUser(trx, input.ownerId, 'ownerId');
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
    await recordAudit(trx, actor, { action: 'action_item.create', targetType: 'action_item', targetId: item.id, detail: { ref: incident.ref, postmortemId: row.id, title: item.title, type: item.type } });
    await announceActionItem(trx, deps, { item: itemView(item), postmortemId: row.id, incidentRef: incident.ref });
    return (await withTrackerLinks(trx, [itemView(item)]))[0]!;
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
export async function updateActionItem(store: Store, deps: PostmortemDeps, actor: Actor, itemId: string, patch: ActionItemPatch, now = clockNow()): Promise<ActionItemView> {
  return store.transaction(async (trx) => {
    const item = await pm.findActionItem(trx, itemId);
    const incident = item ? await getIncidentRow(trx, item.incident_id) : undefined;
    if (!item || !incident || !(await canSee(trx, actor, incident))) throw notFound(`action item ${itemId}`);
    const evidence = patch.evidenceUrl ?? item.evidence_url;
    if (patch.status === 'closed' && !evidence) throw invalidField('evidenceUrl', 'closing an action item needs a link to the evidence (a merged change, a dashboard)');
    const changes: Partial<pm.ActionItemRow> = { updated_at: iso(now) };
    if (patch.status) {
      changes.status = patch.status;
      changes.closed_at = patch.status === 'closed' ? (item.closed_at ?? iso(now)) : null;
    }
    if (patch.ownerId !== undefined) {
      await requireUser(trx, patch.ownerId, 'ownerId');
      changes.owner_id = patch.ownerId;
    }
    if (patch.dueAt !== undefined) {
      changes.due_at = iso(new Date(patch.dueAt));
      await scheduleActionItemOverdue(trx, deps.jobs, item.id, changes.due_at);
    }
    if (patch.priority) changes.priority = patch.priority;
    if (patch.trackerUrl !== undefined) changes.tracker_url = patch.trackerUrl;
    if (patch.evidenceUrl !== undefined) changes.evidence_url = patch.evidenceUrl;
    await pm.updateActionItem(trx, item.id, changes);
    await recordAudit(trx, actor, {
      action: changes.status === 'closed' && item.status !== 'closed' ? 'action_item.close' : 'action_item.update',
      targetType: 'action_item',
      targetId: item.id,
      detail: { ref: incident.ref, fields: Object.keys(patch).sort(), ...(changes.status ? { from: item.status, to: changes.status } : {}) },
    });
    return (await withTrackerLinks(trx, [itemView((await pm.findActionItem(trx, item.id))!)]))[0]!;
  });
}

/** Open action items `who` may see; with `overdue`, only those past due at `now`. */
export async function listActionItems(db: Db, who: Viewer, f: { overdue?: boolean | undefined; limit?: number | undefined }, now = clockNow()): Promise<ActionItemView[]> {
  const rows = await pm.listOpenActionItems(db, { overdueAt: f.overdue ? iso(now) : undefined, limit: f.limit ?? 200 });
  const out: ActionItemView[] = [];
  for (const r of rows) {
    const incident = await getIncidentRow(db, r.incident_id);
    if (incident && (await canSee(db, who, incident))) out.push(itemView(r));
  }
  return withTrackerLinks(db, out);
}

/** What a tracker needs to write an issue for an action item. */
export interface ActionItemForTracker {
  item: ActionItemView;
  postmortemId: string;
  incidentRef: string;
  /** Null for a private incident: its title stays in Firebreak. */
  incidentTitle: string | null;
  ownerEmail: string | null;
}

/** An action item as a tracker integration reads it (no viewer: the integration acts for the system). */
export async function actionItemForTracker(db: Db, itemId: string): Promise<ActionItemForTracker | undefined> {
  const row = await pm.findActionItem(db, itemId);
  const incident = row ? await getIncidentRow(db, row.incident_id) : undefined;
  if (!row || !incident) return undefined;
  const owner = row.owner_id ? await findUser(db, row.owner_id) : undefined;
  return { item: itemView(row), postmortemId: row.postmortem_id, incidentRef: incident.ref, incidentTitle: incident.is_private === 1 ? null : incident.title, ownerEmail: owner?.email ?? null };
}

/**
 * The tracker closed or reopened the item's issue: close it (the issue is its
 * evidence when it has none) or reopen it. Audited as the integration. Answers
 * false when nothing changed (the item was already so, or is gone).
 */
export async function setActionItemStatusFromTracker(trx: Db, actor: Actor, itemId: string, to: 'open' | 'closed', issueUrl: string, now = clockNow()): Promise<boolean> {
  const item = await pm.findActionItem(trx, itemId);
  if (!item) return false;
  if (to === 'closed' ? item.status === 'closed' : item.status !== 'closed') return false;
  const changes: Partial<pm.ActionItemRow> = to === 'closed'
    ? { status: 'closed', closed_at: iso(now), evidence_url: item.evidence_url ?? issueUrl, updated_at: iso(now) }
    : { status: 'open', closed_at: null, updated_at: iso(now) };
  await pm.updateActionItem(trx, item.id, changes);
  const incident = await getIncidentRow(trx, item.incident_id);
  await recordAudit(trx, actor, { action: to === 'closed' ? 'action_item.close' : 'action_item.update', targetType: 'action_item', targetId: item.id, detail: { ref: incident?.ref, fields: ['status'], from: item.status, to: changes.status, issue: issueUrl } });
  return true;
}
