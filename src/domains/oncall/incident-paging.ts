/**
 * Paging as the incident sees it. When an incident resolves (by any event)
 * its alert groups' escalations and the pages into it stop, with who and why;
 * taking command of it, or the first person picking it up, acknowledges its
 * alert groups' pages. Both run in the appending transaction: the stop commits
 * with the resolution, so a step job (which locks the escalation and
 * re-checks) can never page after it.
 */
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../db/schema.js';
import { systemActor } from '../auth/identity.js';
import { getUser } from '../auth/service.js';
import { recordAudit } from '../audit/service.js';
import { deliveryStatuses } from '../notify/service.js';
import type { FactConsumer } from '../incidents/fact-consumers.js';
import type { FactContext } from '../incidents/facts.js';
import type { Viewer } from '../incidents/access.js';
import { requireVisibleIncident, stateOf } from '../incidents/access.js';
import * as store from './escalation-store.js';
import { factsOf } from './paging.js';

const groupsOf = (context: Pick<FactContext, 'after'>): string[] => context.after.alerts.map((a) => a.alertGroupId);

/** Stops every unanswered escalation of the incident (its alert groups' and its pages) as resolved, in trx. */
async function stopOnResolve(trx: Transaction<Database>, context: FactContext): Promise<void> {
  const escalations = await store.lockUnansweredEscalationsOfIncident(trx, context.incident.id, groupsOf(context));
  if (escalations.length === 0) return;
  const by = context.event.actorId ?? context.event.actorLabel;
  const reason = `${context.after.ref} resolved (${context.event.kind}, seq ${context.event.seq})`;
  await store.stopEscalations(trx, escalations.map((e) => e.id), 'resolved', by, context.event.recordedAt, reason);
  for (const e of escalations) {
    await recordAudit(trx, systemActor(context.event.actorLabel), { action: 'escalation.resolve', targetType: 'escalation', targetId: e.id, detail: { incidentId: context.incident.id, seq: context.event.seq, reason } });
  }
}

/** Acknowledges the incident's alert groups' escalations for `userId` (the new commander, or the first responder), in trx. */
async function acknowledgeFor(trx: Transaction<Database>, context: FactContext, holder: { userId: string | null; label: string }, why: string): Promise<void> {
  const escalations = (await store.lockUnansweredEscalationsOfIncident(trx, context.incident.id, groupsOf(context))).filter((e) => e.subject === 'alert_group' && e.status === 'active');
  if (escalations.length === 0) return;
  const ids = escalations.map((e) => e.id);
  await store.stopEscalations(trx, ids, 'acknowledged', holder.userId ?? holder.label, context.event.recordedAt, why);
  await store.acknowledgePages(trx, ids, holder.userId, context.event.recordedAt);
  for (const id of ids) {
    await recordAudit(trx, systemActor(holder.label), { action: 'escalation.acknowledge', targetType: 'escalation', targetId: id, detail: { incidentId: context.incident.id, seq: context.event.seq, reason: why } });
  }
}

export const oncallFactConsumers: readonly FactConsumer[] = [
  {
    name: 'oncall.stop-paging-on-resolve',
    kinds: ['resolved'],
    mode: 'transaction',
    async handle(trx, _deps, _fact, context) {
      await stopOnResolve(trx, context);
    },
  },
  {
    name: 'oncall.acknowledge-on-command',
    kinds: ['commander_assigned', 'acknowledged'],
    mode: 'transaction',
    async handle(trx, _deps, fact, context) {
      if (context.after.status === 'resolved') return;
      if (fact.kind === 'commander_assigned') await acknowledgeFor(trx, context, fact.commander, `${fact.commander.label} took command of ${context.after.ref}`);
      else if (context.event.actorId) await acknowledgeFor(trx, context, { userId: context.event.actorId, label: context.event.actorLabel }, `${context.event.actorLabel} picked up ${context.after.ref} in the war room`);
    },
  },
];

export interface IncidentPageView {
  pageId: string;
  userId: string;
  name: string;
  round: number;
  step: number;
  at: string;
  /** `sent`, or `folded` into the person's digest (flood protection). */
  status: string;
  acknowledgedAt: string | null;
  acknowledgedByRecipient: boolean;
  deliveries: Array<{ channel: string; status: string; detail: string | null; sentAt: string | null }>;
}

export interface IncidentEscalationView {
  id: string;
  subject: 'alert_group' | 'incident';
  alertGroupId: string | null;
  title: string;
  policy: string;
  reason: string | null;
  status: store.EscalationRow['status'];
  nextStepAt: string | null;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  stoppedAt: string | null;
  stoppedBy: string | null;
  stopReason: string | null;
  pages: IncidentPageView[];
}

async function nameOf(db: Db, id: string | null, names: Map<string, string>): Promise<string | null> {
  if (!id) return null;
  if (!names.has(id)) names.set(id, await getUser(db, id).then((u) => u.name || u.email, () => id));
  return names.get(id)!;
}

/** Everything paged for an incident (its alert groups' escalations and pages into it), as `who` may see the incident. */
export async function incidentPaging(db: Db, who: Viewer, idOrRef: string): Promise<{ incidentId: string; ref: string; escalations: IncidentEscalationView[] }> {
  const row = await requireVisibleIncident(db, who, idOrRef);
  const state = stateOf(row);
  const escalations = await store.escalationsOfIncident(db, row.id, state.alerts.map((a) => a.alertGroupId));
  const names = new Map<string, string>();
  const out: IncidentEscalationView[] = [];
  for (const e of escalations) {
    const pages = await store.pagesOfEscalation(db, e.id);
    const links = await store.deliveriesOfPages(db, pages.map((p) => p.id));
    const statuses = await deliveryStatuses(db, links.map((l) => l.delivery_id));
    const pageViews: IncidentPageView[] = [];
    for (const p of pages) {
      pageViews.push({
        pageId: p.id, userId: p.user_id, name: (await nameOf(db, p.user_id, names))!, round: p.round, step: p.step, at: p.created_at, status: p.status,
        acknowledgedAt: p.acknowledged_at, acknowledgedByRecipient: p.acknowledged_by_recipient === 1,
        deliveries: links.filter((l) => l.page_id === p.id).map((l) => {
          const s = statuses.get(l.delivery_id);
          return { channel: l.channel, status: s?.status ?? 'unknown', detail: s?.detail ?? null, sentAt: s?.sentAt ?? null };
        }),
      });
    }
    // acknowledged_by / stopped_by hold a user id when a person did it, else a label.
    const person = async (v: string | null) => (v && /^[0-9a-f-]{36}$/.test(v) ? await nameOf(db, v, names) : v);
    out.push({
      id: e.id, subject: e.subject, alertGroupId: e.alert_group_id, title: e.title, policy: factsOf(e).name, reason: e.reason, status: e.status,
      nextStepAt: e.status === 'active' ? e.next_step_at : null,
      acknowledgedBy: await person(e.acknowledged_by), acknowledgedAt: e.acknowledged_at,
      stoppedAt: e.stopped_at, stoppedBy: await person(e.stopped_by), stopReason: e.stop_reason, pages: pageViews,
    });
  }
  return { incidentId: row.id, ref: row.ref, escalations: out };
}

/** Someone a step could not page, and why ("not sent: no SMTP server is configured"). */
export interface PageSkipView {
  name: string;
  round: number;
  step: number;
  at: string;
  reason: string;
}

/** The people each escalation's steps could not page (by escalation id), named. */
export async function skippedPeople(db: Db, escalations: readonly { id: string }[]): Promise<Map<string, PageSkipView[]>> {
  const names = new Map<string, string>();
  const out = new Map<string, PageSkipView[]>();
  for (const e of escalations) {
    const skips: PageSkipView[] = [];
    for (const s of await store.skipsOfEscalation(db, e.id)) skips.push({ name: (await nameOf(db, s.user_id, names))!, round: s.round, step: s.step, at: s.created_at, reason: s.reason });
    out.set(e.id, skips);
  }
  return out;
}

/**
 * The lines under `paging` in `firebreak incident show`: each escalation, then
 * each page and how it went, and each person a step could not page; times by `clock`.
 */
export function pagingLines(view: { escalations: IncidentEscalationView[] }, skipped: ReadonlyMap<string, readonly PageSkipView[]>, clock: (iso: string) => string): string[] {
  const stepOf = (p: { step: number; round: number }) => `step ${p.step + 1}${p.round ? `, round ${p.round + 1}` : ''}`;
  const lines: string[] = [];
  for (const e of view.escalations) {
    const state = e.status === 'active' ? `paging, next step ${e.nextStepAt ? clock(e.nextStepAt) : 'now'}`
      : e.status === 'acknowledged' ? `acknowledged by ${e.acknowledgedBy ?? '?'} at ${e.acknowledgedAt ? clock(e.acknowledgedAt) : '?'}`
      : e.status === 'resolved' ? `stopped at ${e.stoppedAt ? clock(e.stoppedAt) : '?'} by ${e.stoppedBy ?? '?'}: ${e.stopReason ?? 'resolved'}`
      : 'every step fired, nobody acknowledged';
    lines.push(`${e.title} (${e.subject === 'alert_group' ? `policy ${e.policy}` : e.reason ?? e.policy}): ${state}`);
    for (const p of e.pages) {
      const via = p.deliveries.map((d) => `${d.channel} ${d.status}`).join(', ') || (p.status === 'folded' ? 'folded into a digest' : 'no delivery');
      lines.push(`  ${clock(p.at)} ${p.name} (${stepOf(p)}): ${via}${p.acknowledgedAt ? `; acknowledged ${clock(p.acknowledgedAt)}` : ''}`);
    }
    for (const k of skipped.get(e.id) ?? []) lines.push(`  ${clock(k.at)} ${k.name} (${stepOf(k)}): not paged, ${k.reason}`);
  }
  return lines;
}
