/**
 * Firing an escalation step: who the step's targets are now, one page per
 * person (unique per escalation step), within each person's per-minute
 * budget (the rest fold into a digest), and the notifications of each page
 * written to the outbox in the same transaction.
 */
import type { Logger } from 'pino';
import { injectFault, type ConsumerFaults } from '../../app/faults.js';
import type { Metrics } from '../../app/metrics.js';
import { inSavepoint } from '../../db/savepoint.js';
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Config } from '../../config.js';
import type { ChangeBus } from '../../db/changes.js';
import type { Database, Db } from '../../db/schema.js';
import type { JobQueue } from '../../jobs/queue.js';
import { getUser } from '../auth/service.js';
import { enqueueTemplate, type DeliveryTemplate } from '../notify/service.js';
import { createPageLinks, linkBase, type PageLinks } from './ack-links.js';
import { fallThrough, notificationPlan, unreachableBecause, type PlanMethod, type Wave } from './contact-plan.js';
import { channelGap } from '../notify/capabilities.js';
import { reachOf, templateFor } from './contact-service.js';
import { stepLabel, type EscalationSnapshot } from './escalation-policy.js';
import * as store from './escalation-store.js';
import { resolveTargets } from './escalation-targets.js';
import { digestText, withinBudget } from './flood.js';
import { runbooksOfPage } from '../runbooks/linked.js';
import { Type } from '@sinclair/typebox';
import { completeIn, defineJob } from '../../jobs/definition.js';
import { clockNow } from '../../clock.js';
import { announcePage, observersCarryPages } from './page-observers.js';

/** What paging needs from the process; AppContext satisfies it. */
export interface PagingDeps {
  jobs: JobQueue;
  config: Config;
  bus: ChangeBus;
  logger?: Logger | undefined;
  metrics?: Partial<Pick<Metrics, 'intakeConsumerFailures'>> | undefined;
  /** Test-only: consumers made to fail (app/faults.ts). */
  faults?: ConsumerFaults | undefined;
}

/** The snapshot and display facts an escalation carries. */
export interface EscalationFacts extends EscalationSnapshot {
  serviceName: string | null;
  incidentRef: string | null;
  /** A drill's escalation: every page it sends starts with DRILL. */
  drill?: boolean;
}

export function factsOf(row: store.EscalationRow): EscalationFacts {
  return JSON.parse(row.snapshot) as EscalationFacts;
}

export interface PageMessage {
  subject: string;
  text: string;
  actions: Array<{ label: string; url: string }>;
  /** Where tapping the page leads: the incident's war room (null for a page without an incident). */
  link: string | null;
}

/** A runbook a page links to (the runbook reaches the person paged: docs/practices.md#runbooks). */
export interface PageRunbook {
  title: string;
  url: string;
  rotting: boolean;
}

/** Runbooks named in one page at most: the page stays short enough for a phone. */
const PAGE_RUNBOOKS = 3;

/** The words of a page: what is wrong, where, the war room, which step, its runbooks, and the three links. */
export function pageMessage(esc: Pick<store.EscalationRow, 'title' | 'reason'>, facts: EscalationFacts, at: { round: number; step: number }, links: PageLinks, runbooks: readonly PageRunbook[] = [], base?: string): PageMessage {
  // The war room comes first among the links: at 3 a.m. the page leads straight to the room.
  const warRoom = base && facts.incidentRef ? `${base}/incidents/${facts.incidentRef}` : null;
  const where = [facts.serviceName ? `Service: ${facts.serviceName}` : null, facts.incidentRef ? `Incident: ${facts.incidentRef}` : null].filter(Boolean);
  const text = [
    ...(facts.drill ? ['DRILL: this is a practice page (a Firebreak drill), not a real outage.'] : []),
    esc.title,
    ...where,
    ...(esc.reason ? [`Reason: ${esc.reason}`] : []),
    ...(warRoom ? [`War room: ${warRoom}`] : []),
    `Escalation: ${facts.name}, ${stepLabel(facts, at)}`,
    ...runbooks.slice(0, PAGE_RUNBOOKS).map((r) => `Runbook: ${r.title}${r.rotting ? ' (rotting: check before trusting)' : ''} ${r.url}`),
    '',
    `Acknowledge: ${links.acknowledge}`,
    `Resolve: ${links.resolve}`,
    `Escalate now: ${links.escalate}`,
  ].join('\n');
  return {
    subject: `${facts.drill ? 'DRILL ' : ''}[Firebreak] PAGE${facts.incidentRef ? ` ${facts.incidentRef}` : ''}: ${esc.title}`.slice(0, 250),
    text,
    actions: [
      { label: 'Acknowledge', url: links.acknowledge },
      { label: 'Resolve', url: links.resolve },
      { label: 'Escalate', url: links.escalate },
    ],
    link: warRoom,
  };
}

/** Deliveries for one wave of a page: each method with the chain of methods to fall through to. */
export function waveTemplates(wave: Wave, plan: readonly Wave[], userId: string, accountEmail: string, message: PageMessage & { reason: string; incidentId: string | null; data: Record<string, unknown> }): DeliveryTemplate[] {
  return wave.methods.map((method) => {
    const chain = fallThrough(method, plan, accountEmail);
    const build = (m: PlanMethod, rest: PlanMethod[]): DeliveryTemplate =>
      templateFor(m, userId, message, rest.length ? build(rest[0]!, rest.slice(1)) : null);
    return build(method, chain);
  });
}

interface Recipient {
  user: { email: string };
  reach: { methods: PlanMethod[]; rules: Array<{ methodId: string; delaySeconds: number }> };
}

/** People's account emails and verified contact methods and rules. */
async function recipients(db: Db, userIds: readonly string[]): Promise<Map<string, Recipient>> {
  const reach = await reachOf(db, userIds);
  const out = new Map<string, Recipient>();
  for (const id of userIds) out.set(id, { user: await getUser(db, id), reach: reach.get(id)! });
  return out;
}

/** Writes the notifications of a page: the first wave now, later waves as jobs that re-check the escalation first. */
export async function notifyPage(
  trx: Db,
  deps: PagingDeps,
  esc: store.EscalationRow,
  page: store.PageRow,
  now: string,
  waveDelay: number | null,
  known?: Recipient,
): Promise<void> {
  const facts = factsOf(esc);
  const { user, reach } = known ?? (await recipients(trx, [page.user_id])).get(page.user_id)!;
  const plan = notificationPlan(reach.methods, reach.rules, user.email);
  const base = linkBase(deps.config);
  const links = await createPageLinks(trx, base, { id: page.id, userId: page.user_id, escalationId: esc.id }, deps.config.pageLinkTtlMinutes, now);
  // A page without its runbook links beats no page: a runbook failure is logged, counted and left out.
  const found = await inSavepoint(trx, async () => {
    injectFault(deps.faults, 'runbooks');
    return runbooksOfPage(trx, { alertGroupId: esc.alert_group_id, incidentId: esc.incident_id, serviceId: esc.service_id }, new Date(now), { maxUntestedDays: deps.config.runbookMaxUntestedDays });
  });
  if (!found.ok) {
    deps.metrics?.intakeConsumerFailures?.inc({ consumer: 'runbooks' });
    deps.logger?.error({ err: found.error, consumer: 'runbooks', pageId: page.id }, 'paging: runbook links could not be read (failed); the page goes out without them');
  }
  const runbooks = (found.ok ? found.value : []).map((r) => ({ title: r.title, url: `${base}${r.path}`, rotting: r.rotting }));
  const message = {
    ...pageMessage(esc, facts, page, links, runbooks, base),
    reason: 'oncall.page',
    incidentId: esc.incident_id,
    data: { escalationId: esc.id, alertGroupId: esc.alert_group_id, pageId: page.id },
  };
  for (const wave of plan) {
    if (waveDelay === null ? wave.delaySeconds === 0 : wave.delaySeconds === waveDelay) {
      for (const template of waveTemplates(wave, plan, page.user_id, user.email, message)) {
        const deliveryId = await enqueueTemplate(trx, deps.jobs, template);
        await store.insertPageDelivery(trx, { page_id: page.id, delivery_id: deliveryId, channel: template.channel, created_at: now });
      }
    } else if (waveDelay === null) {
      const runAt = new Date(Date.parse(now) + wave.delaySeconds * 1000);
      await deps.jobs.schedule(trx, notifyWaveJob, { pageId: page.id, delaySeconds: wave.delaySeconds }, { key: `${page.id}:${wave.delaySeconds}`, runAt });
    }
  }
}

/** The enabled people the escalation's current step pages at `now`. */
export async function stepPeople(db: Db, esc: store.EscalationRow, now: string): Promise<string[]> {
  const step = factsOf(esc).steps[esc.step];
  return step ? resolveTargets(db, step.targets, new Date(now)) : [];
}

/**
 * Fires the escalation's current step (the caller holds its row lock and has
 * checked it is active and due). Returns the people paged and folded.
 */
export async function fireStep(trx: Transaction<Database>, deps: PagingDeps, esc: store.EscalationRow, now: string, resolved?: readonly string[]): Promise<{ paged: string[]; folded: string[] }> {
  const people = [...(resolved ?? (await stepPeople(trx, esc, now)))].sort();
  if (people.length === 0) return { paged: [], folded: [] };
  // Everything that needs no lock first; then the budget locks, in id order so two steps never deadlock.
  const known = await recipients(trx, people);
  const paged: string[] = [];
  const folded: string[] = [];
  const since = new Date(Date.parse(now) - 60_000).toISOString();
  for (const userId of people) {
    await store.lockBudget(trx, userId, now);
    const recipient = known.get(userId)!;
    // A page none of whose channels can leave this process is recorded as skipped, with why: never as sent.
    const gap = unreachableBecause(notificationPlan(recipient.reach.methods, recipient.reach.rules, recipient.user.email), recipient.user.email, (kind) => channelGap(deps.config, kind));
    // A connected chat workspace carries the page itself: the person is paged there (and the unreachable channels are recorded as skipped).
    if (gap && !(await observersCarryPages(trx))) {
      await store.insertPageSkip(trx, { escalation_id: esc.id, round: esc.round, step: esc.step, user_id: userId, reason: `not sent: ${gap}`, created_at: now });
      continue;
    }
    const status = withinBudget(await store.countSentPages(trx, userId, since), deps.config.pagesPerMinute) ? 'sent' : 'folded';
    const [page] = await store.insertPages(trx, [
      { id: randomUUID(), escalation_id: esc.id, round: esc.round, step: esc.step, user_id: userId, status, digest_id: null, created_at: now, acknowledged_at: null, acknowledged_by_recipient: 0 },
    ]);
    if (!page) continue;
    if (status === 'sent') {
      await notifyPage(trx, deps, esc, page, now, null, recipient);
      paged.push(userId);
    } else {
      // One digest per person per minute, sent when the minute's budget has passed.
      const minute = Math.floor(Date.parse(now) / 60_000) + 1;
      await deps.jobs.schedule(trx, digestJob, { userId }, { key: `${userId}:${minute}`, runAt: new Date(minute * 60_000) });
      folded.push(userId);
    }
  }
  await announcePage(trx, deps, { kind: 'paged', escalationId: esc.id, userIds: paged, title: esc.title, incidentId: esc.incident_id, alertGroupId: esc.alert_group_id });
  return { paged, folded };
}

/** Sends a person one digest of their folded pages ("12 more alert groups on checkout-api, db"). */
export async function sendDigest(trx: Db, deps: PagingDeps, userId: string): Promise<number> {
  const pages = await store.foldedPages(trx, userId);
  if (pages.length === 0) return 0;
  const digestId = randomUUID();
  await store.markDigested(trx, pages.map((p) => p.id), digestId);
  const services = new Map<string, string>();
  for (const p of pages) {
    const esc = await store.findEscalation(trx, p.escalation_id);
    const facts = esc ? factsOf(esc) : undefined;
    services.set(p.escalation_id, facts?.serviceName ?? 'no service');
  }
  const groups = [...new Set(pages.map((p) => p.escalation_id))];
  const text = digestText(groups.length, [...new Set(services.values())], pages.filter((p) => p.escalation_status === 'active').map((p) => p.title));
  const user = await getUser(trx, userId);
  const reach = (await reachOf(trx, [userId])).get(userId)!;
  const plan = notificationPlan(reach.methods, reach.rules, user.email);
  const message = { subject: `[Firebreak] ${text.headline}`, text: text.body, actions: [], link: null, reason: 'oncall.digest', incidentId: null, data: { digestId, escalationIds: groups } };
  for (const template of waveTemplates(plan[0]!, plan, userId, user.email, message)) await enqueueTemplate(trx, deps.jobs, template);
  return pages.length;
}

/** Sends a later wave of a page (SMS after 3 minutes...) unless the escalation stopped meanwhile. */
export const notifyWaveJob = defineJob({
  kind: 'oncall.page-wave',
  payload: Type.Object({ pageId: Type.String(), delaySeconds: Type.Integer({ minimum: 0 }) }),
  async handler(payload, ctx) {
    await ctx.store.transaction(async (trx) => {
      const page = await store.findPage(trx, payload.pageId);
      if (!page) return;
      // Under the escalation's lock: an acknowledgement committed elsewhere is seen here.
      const esc = await store.lockEscalation(trx, page.escalation_id);
      if (esc && esc.status === 'active') await notifyPage(trx, ctx, esc, page, clockNow().toISOString(), payload.delaySeconds);
      // The wave's deliveries and the job's completion commit together: a crash after the commit cannot send the wave twice.
      await completeIn(ctx, trx);
    });
  },
});

/** Sends a person the digest of the pages folded while they were over their per-minute budget. */
export const digestJob = defineJob({
  kind: 'oncall.page-digest',
  payload: Type.Object({ userId: Type.String() }),
  async handler(payload, ctx) {
    await ctx.store.transaction(async (trx) => {
      await store.lockBudget(trx, payload.userId, clockNow().toISOString());
      await sendDigest(trx, ctx, payload.userId);
    });
  },
});
