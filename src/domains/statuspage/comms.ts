/**
 * Stakeholder communication settings: the update templates
 * and drafts made from them, and where internal updates go (the workspace's
 * update channels, an email list and Slack-compatible webhooks, each message
 * written to the outbox in the transaction of the update).
 */
import type { Db } from '../../db/schema.js';
import type { Store } from '../../db/store.js';
import { fromJson, nowIso, toJson } from '../../db/dialect.js';
import type { Actor } from '../auth/identity.js';
import { recordAudit } from '../audit/service.js';
import { enqueueEmail, enqueueWebhook } from '../notify/service.js';
import type { IncidentState } from '../incidents/model.js';
import { invalidField } from '../../errors.js';
import type { TemplateKind } from './schemas.js';
import { DEFAULT_TEMPLATES, templateError } from './templates.js';
import type { StatusDeps } from './service.js';
import { getSetting, putSetting } from './store.js';

export interface UpdateChannels {
  emails: string[];
  slackWebhookUrls: string[];
  /** The standing bridge responders join (the declaration template's {{bridge}}). */
  bridgeUrl?: string | null;
}

const KEY = 'update_channels';

export async function getUpdateChannels(db: Db): Promise<UpdateChannels> {
  return fromJson<UpdateChannels>((await getSetting(db, KEY)) ?? null) ?? { emails: [], slackWebhookUrls: [] };
}

/** Replaces the channels; the webhook URLs are credentials, so the audit keeps only counts. */
export async function setUpdateChannels(store: Store, actor: Actor, channels: UpdateChannels): Promise<UpdateChannels> {
  return store.transaction(async (trx) => {
    await putSetting(trx, KEY, toJson(channels), nowIso());
    await recordAudit(trx, actor, { action: 'update_channels.set', targetType: 'settings', targetId: KEY, detail: { emails: channels.emails.length, slackWebhooks: channels.slackWebhookUrls.length, bridge: Boolean(channels.bridgeUrl) } });
    return channels;
  });
}

/** Queues an internal update to every channel, in trx. */
export async function sendInternalUpdate(trx: Db, deps: StatusDeps, state: IncidentState, text: string): Promise<void> {
  const channels = await getUpdateChannels(trx);
  const subject = `${state.ref} (${state.severity}, ${state.status}): ${state.title}`;
  for (const to of channels.emails) {
    await enqueueEmail(trx, deps.jobs, { to, subject, text, reason: 'incident.internal_update', incidentId: state.id });
  }
  for (const url of channels.slackWebhookUrls) {
    await enqueueWebhook(trx, deps.jobs, { url, channel: 'slack', payload: { text: `*${subject}*\n${text}` }, reason: 'incident.internal_update', incidentId: state.id });
  }
}

const TEMPLATES_KEY = 'update_templates';

/** The workspace's templates: its edits over the defaults. */
export async function getTemplates(db: Db): Promise<Record<TemplateKind, string>> {
  return { ...DEFAULT_TEMPLATES, ...(fromJson<Partial<Record<TemplateKind, string>>>((await getSetting(db, TEMPLATES_KEY)) ?? null) ?? {}) };
}

/** Saves edited templates (those not given keep their text); refuses one Mustache cannot parse. */
export async function setTemplates(store: Store, actor: Actor, changes: Partial<Record<TemplateKind, string>>): Promise<Record<TemplateKind, string>> {
  for (const [kind, text] of Object.entries(changes)) {
    const error = templateError(text);
    if (error) throw invalidField(kind, `is not a valid template: ${error}`);
  }
  return store.transaction(async (trx) => {
    const saved = fromJson<Partial<Record<TemplateKind, string>>>((await getSetting(trx, TEMPLATES_KEY)) ?? null) ?? {};
    await putSetting(trx, TEMPLATES_KEY, toJson({ ...saved, ...changes }), nowIso());
    await recordAudit(trx, actor, { action: 'update_templates.set', targetType: 'settings', targetId: TEMPLATES_KEY, detail: { templates: Object.keys(changes) } });
    return getTemplates(trx);
  });
}
