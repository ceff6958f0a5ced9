/**
 * Status page subscribers: email with double opt-in and
 * one-click unsubscribe (RFC 8058), a choice of components, and webhooks.
 * Links carry tokens derived from a per-installation key, so no token is
 * stored. Every notice is fanned out by a job into the outbox, once.
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { Db } from '../../db/schema.js';
import type { Store } from '../../db/store.js';
import { fromJson, nowIso, toJson } from '../../db/dialect.js';
import { defineJob } from '../../jobs/definition.js';
import { conflict, invalidField, notFound } from '../../errors.js';
import type { Actor } from '../auth/identity.js';
import { recordAudit } from '../audit/service.js';
import { enqueueEmail, enqueueWebhook } from '../notify/service.js';
import { pageBasePath, pageUrl } from './load.js';
import { COMPONENT_LABELS } from './model.js';
import { publicUrlOf, type StatusDeps } from './service.js';
import * as store from './store.js';

type Purpose = 'confirm' | 'unsubscribe';

async function linkKey(db: Db): Promise<string> {
  const key = await store.getSetting(db, 'link_key');
  if (!key) throw new Error('status page link key missing (migration 0012 creates it)');
  return key;
}

function mac(key: string, purpose: Purpose, id: string): string {
  return createHmac('sha256', key).update(`${purpose}:${id}`).digest('base64url').slice(0, 32);
}

/** A link token: the subscriber id and an HMAC over it and its purpose. */
export function linkToken(key: string, purpose: Purpose, id: string): string {
  return `${id}.${mac(key, purpose, id)}`;
}

/** The subscriber id a token is for, or null when it was not made by this installation for this purpose. */
export function verifyLinkToken(key: string, purpose: Purpose, token: string): string | null {
  const dot = token.lastIndexOf('.');
  if (dot < 1) return null;
  const id = token.slice(0, dot);
  const expected = Buffer.from(mac(key, purpose, id));
  const given = Buffer.from(token.slice(dot + 1));
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}

function subscriptionUrl(deps: StatusDeps, page: store.PageRow, action: 'confirm' | 'unsubscribe', token: string): string {
  return `${publicUrlOf(deps.config).replace(/\/$/, '')}${pageBasePath(page)}/subscriptions/${action}?token=${encodeURIComponent(token)}`;
}

async function checkComponents(db: Db, pageId: string, ids: readonly string[] | undefined, field: string): Promise<string[] | null> {
  if (!ids || ids.length === 0) return null;
  const components = await store.listComponents(db, [pageId]);
  for (const id of ids) if (!components.some((c) => c.id === id)) throw invalidField(field, `component ${id} is not on this page`);
  return [...new Set(ids)];
}

/**
 * Starts an email subscription: records it unconfirmed and mails a
 * confirmation link. Answers alike whether or not the address was known, so
 * the form cannot be used to learn who subscribes.
 */
export async function subscribeByEmail(db: Store, deps: StatusDeps, pageId: string, email: string, componentIds: readonly string[] | undefined): Promise<void> {
  const address = email.trim().toLowerCase();
  await db.transaction(async (trx) => {
    const page = await store.findPage(trx, pageId);
    if (!page) throw notFound('status page');
    const components = await checkComponents(trx, pageId, componentIds, 'components');
    const existing = await store.findSubscriberByAddress(trx, pageId, 'email', address);
    if (existing && existing.confirmed_at && !existing.unsubscribed_at) return;
    const id = existing?.id ?? randomUUID();
    if (existing) await store.updateSubscriber(trx, id, { component_ids: components ? toJson(components) : null, confirmed_at: null, unsubscribed_at: null });
    else await store.insertSubscriber(trx, { id, page_id: pageId, kind: 'email', address, component_ids: components ? toJson(components) : null, secret: null, confirmed_at: null, unsubscribed_at: null, created_at: nowIso() });
    const link = subscriptionUrl(deps, page, 'confirm', linkToken(await linkKey(trx), 'confirm', id));
    await enqueueEmail(trx, deps.jobs, {
      to: address,
      subject: `Confirm your subscription to ${page.name}`,
      text: `Someone (hopefully you) asked to receive ${page.name} status updates at this address.\n\nConfirm here: ${link}\n\nIf it was not you, ignore this message: nothing will be sent without confirmation.`,
      reason: 'statuspage.subscription_confirm',
    });
  });
}

/** Confirms a subscription from its emailed link; returns the page name. */
export async function confirmSubscription(db: Store, token: string): Promise<string> {
  return db.transaction(async (trx) => {
    const id = verifyLinkToken(await linkKey(trx), 'confirm', token);
    const subscriber = id ? await store.findSubscriber(trx, id) : undefined;
    if (!subscriber || subscriber.unsubscribed_at) throw notFound('subscription');
    if (!subscriber.confirmed_at) await store.updateSubscriber(trx, subscriber.id, { confirmed_at: nowIso() });
    return (await store.findPage(trx, subscriber.page_id))?.name ?? 'the status page';
  });
}

/** Ends a subscription from its link (one POST, RFC 8058); answers alike when already ended. */
export async function unsubscribe(db: Store, token: string): Promise<void> {
  await db.transaction(async (trx) => {
    const id = verifyLinkToken(await linkKey(trx), 'unsubscribe', token);
    const subscriber = id ? await store.findSubscriber(trx, id) : undefined;
    if (!subscriber) throw notFound('subscription');
    if (!subscriber.unsubscribed_at) await store.updateSubscriber(trx, subscriber.id, { unsubscribed_at: nowIso() });
  });
}

function subscriberView(row: store.SubscriberRow) {
  return {
    id: row.id,
    kind: row.kind,
    address: row.kind === 'webhook' ? new URL(row.address).origin + new URL(row.address).pathname : row.address,
    componentIds: fromJson<string[]>(row.component_ids),
    confirmed: row.confirmed_at !== null,
    unsubscribed: row.unsubscribed_at !== null,
    createdAt: row.created_at,
  };
}

export async function listSubscribers(db: Db, pageId: string): Promise<Array<ReturnType<typeof subscriberView>>> {
  if (!(await store.findPage(db, pageId))) throw notFound('status page');
  const rows = await db.selectFrom('status_subscribers').selectAll().where('page_id', '=', pageId).orderBy('created_at').execute();
  return rows.map(subscriberView);
}

/** Adds a webhook subscriber (admins only: the server will POST to the URL). */
export async function addWebhookSubscriber(db: Store, actor: Actor, pageId: string, input: { url: string; componentIds?: string[]; secret?: string }): Promise<ReturnType<typeof subscriberView>> {
  return db.transaction(async (trx) => {
    if (!(await store.findPage(trx, pageId))) throw notFound('status page');
    const components = await checkComponents(trx, pageId, input.componentIds, 'componentIds');
    if (await store.findSubscriberByAddress(trx, pageId, 'webhook', input.url)) throw conflict('subscriber-exists', 'this URL already subscribes to this page');
    const id = randomUUID();
    const now = nowIso();
    await store.insertSubscriber(trx, { id, page_id: pageId, kind: 'webhook', address: input.url, component_ids: components ? toJson(components) : null, secret: input.secret ?? null, confirmed_at: now, unsubscribed_at: null, created_at: now });
    await recordAudit(trx, actor, { action: 'status_subscriber.create', targetType: 'status_subscriber', targetId: id, detail: { pageId, kind: 'webhook' } });
    return subscriberView((await store.findSubscriber(trx, id))!);
  });
}

export async function removeSubscriber(db: Store, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (trx) => {
    const row = await store.findSubscriber(trx, id);
    if (!row) throw notFound('subscriber');
    await trx.deleteFrom('status_subscribers').where('id', '=', id).execute();
    await recordAudit(trx, actor, { action: 'status_subscriber.delete', targetType: 'status_subscriber', targetId: id, detail: { kind: row.kind } });
  });
}

/** What a notice is about: a public incident update, or a maintenance window at one of its phases. */
export type Notice = { kind: 'incident_update'; id: string } | { kind: 'maintenance'; id: string; phase: 'scheduled' | 'upcoming' | 'started' | 'completed' | 'cancelled' };

const NoticeSchema = Type.Object({
  kind: Type.Union([Type.Literal('incident_update'), Type.Literal('maintenance')]),
  id: Type.String(),
  phase: Type.Optional(Type.String()),
});

interface NoticeContent {
  page: store.PageRow;
  componentIds: string[];
  subject: string;
  text: string;
  webhook: Record<string, unknown>;
}

async function incidentNotice(db: Db, id: string): Promise<NoticeContent | null> {
  const update = await store.findStatusUpdate(db, id);
  const incident = update ? await store.findStatusIncidentById(db, update.status_incident_id) : undefined;
  const page = incident ? await store.findPage(db, incident.page_id) : undefined;
  if (!update || !incident || !page) return null;
  const componentIds = fromJson<string[]>(incident.component_ids) ?? [];
  const affected = fromJson<Array<{ name: string; new_status: keyof typeof COMPONENT_LABELS }>>(update.affected_components) ?? [];
  const lines = affected.map((a) => `- ${a.name}: ${COMPONENT_LABELS[a.new_status]}`);
  const word = update.status[0]!.toUpperCase() + update.status.slice(1);
  return {
    page,
    componentIds,
    subject: `[${page.name}] ${incident.name}: ${word}`,
    text: `${incident.name}\n${word} (${update.created_at})\n\n${update.body}${lines.length ? `\n\nAffected components:\n${lines.join('\n')}` : ''}`,
    webhook: {
      page: { id: page.id, status_indicator: incident.impact === 'none' ? 'none' : incident.impact, status_description: incident.name },
      incident: { id: incident.id, name: incident.name, status: incident.status, impact: incident.impact, created_at: incident.created_at, updated_at: incident.updated_at, resolved_at: incident.resolved_at, incident_updates: [{ id: update.id, status: update.status, body: update.body, created_at: update.created_at, affected_components: affected }] },
    },
  };
}

const PHASE_WORDS: Record<string, string> = { scheduled: 'Scheduled', upcoming: 'Starting soon', started: 'In progress', completed: 'Completed', cancelled: 'Cancelled' };

async function maintenanceNotice(db: Db, id: string, phase: string): Promise<NoticeContent | null> {
  const m = await store.findMaintenance(db, id);
  const page = m ? await store.findPage(db, m.page_id) : undefined;
  if (!m || !page) return null;
  return {
    page,
    componentIds: fromJson<string[]>(m.component_ids) ?? [],
    subject: `[${page.name}] Maintenance: ${m.name} (${PHASE_WORDS[phase] ?? phase})`,
    text: `${m.name}\n${PHASE_WORDS[phase] ?? phase}: ${m.scheduled_for} to ${m.scheduled_until}\n\n${m.body}`,
    webhook: { page: { id: page.id }, scheduled_maintenance: { id: m.id, name: m.name, status: m.status, scheduled_for: m.scheduled_for, scheduled_until: m.scheduled_until, body: m.body } },
  };
}

/** Fans one notice out to the page's subscribers, once: the claim and every delivery commit together. */
export const subscriberNoticeJob = defineJob({
  kind: 'statuspage.subscriber_notice',
  payload: NoticeSchema,
  async handler(payload, ctx) {
    const deps: StatusDeps = { bus: ctx.bus, jobs: ctx.jobs, config: ctx.config };
    await ctx.store.transaction(async (trx) => {
      const content = payload.kind === 'incident_update' ? await incidentNotice(trx, payload.id) : await maintenanceNotice(trx, payload.id, payload.phase ?? 'scheduled');
      if (!content) return;
      if (!(await store.claimNotice(trx, `${payload.kind}:${payload.id}:${payload.phase ?? ''}`, nowIso()))) return;
      if (payload.kind === 'incident_update') await store.markUpdateNotified(trx, payload.id, nowIso());
      const key = await linkKey(trx);
      for (const s of await store.listActiveSubscribers(trx, content.page.id)) {
        const only = fromJson<string[]>(s.component_ids);
        if (only && content.componentIds.length > 0 && !only.some((id) => content.componentIds.includes(id))) continue;
        const unsubscribeUrl = subscriptionUrl(deps, content.page, 'unsubscribe', linkToken(key, 'unsubscribe', s.id));
        if (s.kind === 'email') {
          await enqueueEmail(trx, deps.jobs, {
            to: s.address,
            subject: content.subject,
            text: `${content.text}\n\n${pageUrl(content.page, publicUrlOf(deps.config))}\n\nUnsubscribe: ${unsubscribeUrl}`,
            headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
            reason: 'statuspage.subscriber_notice',
          });
        } else {
          await enqueueWebhook(trx, deps.jobs, {
            url: s.address,
            ...(s.secret ? { secret: s.secret } : {}),
            payload: { meta: { unsubscribe: unsubscribeUrl, documentation: 'https://support.atlassian.com/statuspage/docs/enable-webhook-notifications/' }, ...content.webhook },
            reason: 'statuspage.subscriber_notice',
          });
        }
      }
    });
  },
});

/** Schedules the fan-out of a notice in trx, keyed so it is scheduled once. */
export async function scheduleSubscriberNotice(trx: Db, deps: StatusDeps, notice: Notice, runAt?: string): Promise<void> {
  const phase = notice.kind === 'maintenance' ? notice.phase : undefined;
  await deps.jobs.schedule(trx, subscriberNoticeJob, { kind: notice.kind, id: notice.id, ...(phase ? { phase } : {}) }, { key: `${notice.kind}:${notice.id}:${phase ?? ''}${runAt ? `:${runAt}` : ''}`, ...(runAt ? { runAt } : {}) });
}
