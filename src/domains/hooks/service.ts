/**
 * Outgoing incident webhooks: subscriptions of outside automation to incident
 * facts (declared, severity changed, mitigated, resolved, public update),
 * filtered by service and severity. Each matching fact becomes a signed
 * CloudEvent in the notify outbox (HMAC over timestamp and body, retried with
 * back-off, every attempt recorded); the delivery log reads it back from there.
 */
import { randomUUID } from 'node:crypto';
import type { Config } from '../../config.js';
import { fromJson, toJson } from '../../db/dialect.js';
import type { Db } from '../../db/schema.js';
import type { Store } from '../../db/store.js';
import { conflict, invalidField, notFound, unprocessable } from '../../errors.js';
import { seal, sealingKeyOf } from '../../crypto/sealed.js';
import { recordAudit } from '../audit/service.js';
import type { Actor } from '../auth/identity.js';
import { newSecret } from '../auth/secrets.js';
import { findServiceByIdOrName } from '../catalog/service.js';
import type { FactConsumer } from '../incidents/fact-consumers.js';
import type { Severity } from '../incidents/model.js';
import { serviceNames } from '../incidents/service.js';
import { enqueueWebhook, getDelivery, type DeliveryView } from '../notify/service.js';
import { CLOUDEVENTS_CONTENT_TYPE, incidentCloudEvent, WEBHOOK_FACT_KINDS, type WebhookFactKind } from './cloudevents.js';
import * as store from './store.js';
import { clockNow } from '../../clock.js';

const SEVERITY_RANK: Record<string, number> = { SEV1: 1, SEV2: 2, SEV3: 3, SEV4: 4 };

export interface WebhookView {
  id: string;
  name: string;
  url: string;
  kinds: WebhookFactKind[];
  /** Service names (null: every service). */
  services: string[] | null;
  minSeverity: Severity | null;
  includePrivate: boolean;
  includeDrills: boolean;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface WebhookInput {
  name: string;
  url: string;
  kinds?: WebhookFactKind[];
  services?: string[] | null;
  minSeverity?: Severity | null;
  includePrivate?: boolean;
  includeDrills?: boolean;
}

export type WebhookChanges = Partial<WebhookInput> & { enabled?: boolean };

async function toView(db: Db, row: store.WebhookRow): Promise<WebhookView> {
  const ids = fromJson<string[]>(row.service_ids);
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    kinds: fromJson<WebhookFactKind[]>(row.kinds) ?? [],
    services: ids ? await serviceNames(db, ids) : null,
    minSeverity: row.min_severity as Severity | null,
    includePrivate: row.include_private === 1,
    includeDrills: row.include_drills === 1,
    enabled: row.disabled_at === null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function checkedUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalidField('url', 'must be an absolute http(s) URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw invalidField('url', 'must be an absolute http(s) URL');
  return parsed.toString();
}

async function serviceIdsOf(db: Db, names: string[] | null | undefined): Promise<string | null> {
  if (!names || names.length === 0) return null;
  const ids: string[] = [];
  for (const [i, name] of names.entries()) {
    const found = await findServiceByIdOrName(db, name);
    if (!found) throw invalidField(`services[${i}]`, `no service named or with id "${name}"`);
    ids.push(found.id);
  }
  return toJson([...new Set(ids)]);
}

function checkedKinds(kinds: WebhookFactKind[] | undefined): string {
  const list = kinds ?? WEBHOOK_FACT_KINDS;
  if (list.length === 0) throw invalidField('kinds', 'name at least one fact');
  return toJson([...new Set(list)]);
}

/** Creates a subscription; its signing secret is returned here only. */
export async function createWebhook(st: Store, config: Pick<Config, 'secretKey'>, actor: Actor, input: WebhookInput): Promise<{ view: WebhookView; secret: string }> {
  const key = sealingKeyOf(config);
  if (!key) throw unprocessable('webhook-secret-key-missing', 'set FIREBREAK_SECRET_KEY (32 random bytes, base64: `openssl rand -base64 32`) so the signing secret can be stored encrypted; nothing was stored');
  const secret = newSecret('fbwh');
  return st.transaction(async (trx) => {
    if (await store.findWebhook(trx, input.name.trim())) throw conflict('webhook-name-taken', `a webhook named "${input.name.trim()}" exists`);
    const now = clockNow().toISOString();
    const row: store.WebhookRow = {
      id: randomUUID(),
      name: input.name.trim(),
      url: checkedUrl(input.url),
      secret: seal(key, secret),
      kinds: checkedKinds(input.kinds),
      service_ids: await serviceIdsOf(trx, input.services),
      min_severity: input.minSeverity ?? null,
      include_private: input.includePrivate ? 1 : 0,
      include_drills: input.includeDrills ? 1 : 0,
      disabled_at: null,
      created_at: now,
      updated_at: now,
    };
    await store.insertWebhook(trx, row);
    await recordAudit(trx, actor, { action: 'incident_webhook.create', targetType: 'incident_webhook', targetId: row.id, detail: { name: row.name, kinds: input.kinds ?? WEBHOOK_FACT_KINDS } });
    return { view: await toView(trx, row), secret };
  });
}

/** Changes a subscription (the secret stays). */
export async function updateWebhook(st: Store, actor: Actor, idOrName: string, changes: WebhookChanges): Promise<WebhookView> {
  return st.transaction(async (trx) => {
    const row = await store.findWebhook(trx, idOrName);
    if (!row) throw notFound('webhook');
    const now = clockNow().toISOString();
    await store.updateWebhook(trx, row.id, {
      ...(changes.name !== undefined ? { name: changes.name.trim() } : {}),
      ...(changes.url !== undefined ? { url: checkedUrl(changes.url) } : {}),
      ...(changes.kinds !== undefined ? { kinds: checkedKinds(changes.kinds) } : {}),
      ...(changes.services !== undefined ? { service_ids: await serviceIdsOf(trx, changes.services) } : {}),
      ...(changes.minSeverity !== undefined ? { min_severity: changes.minSeverity } : {}),
      ...(changes.includePrivate !== undefined ? { include_private: changes.includePrivate ? 1 : 0 } : {}),
      ...(changes.includeDrills !== undefined ? { include_drills: changes.includeDrills ? 1 : 0 } : {}),
      ...(changes.enabled !== undefined ? { disabled_at: changes.enabled ? null : (row.disabled_at ?? now) } : {}),
      updated_at: now,
    });
    await recordAudit(trx, actor, { action: 'incident_webhook.update', targetType: 'incident_webhook', targetId: row.id, detail: { changed: Object.keys(changes) } });
    return toView(trx, (await store.findWebhook(trx, row.id))!);
  });
}

export async function deleteWebhook(st: Store, actor: Actor, idOrName: string): Promise<void> {
  await st.transaction(async (trx) => {
    const row = await store.findWebhook(trx, idOrName);
    if (!row) throw notFound('webhook');
    await store.deleteWebhook(trx, row.id);
    await recordAudit(trx, actor, { action: 'incident_webhook.delete', targetType: 'incident_webhook', targetId: row.id, detail: { name: row.name } });
  });
}

export async function getWebhook(db: Db, idOrName: string): Promise<WebhookView> {
  const row = await store.findWebhook(db, idOrName);
  if (!row) throw notFound('webhook');
  return toView(db, row);
}

export async function listWebhooks(db: Db): Promise<WebhookView[]> {
  const rows = await store.listWebhooks(db);
  const views: WebhookView[] = [];
  for (const row of rows) views.push(await toView(db, row));
  return views;
}

export interface WebhookDeliveryView {
  eventId: string;
  eventType: string;
  incidentId: string;
  createdAt: string;
  delivery: DeliveryView;
}

/** The subscription's deliveries, newest first, with each outbox attempt (status, answer). */
export async function webhookDeliveries(db: Db, idOrName: string, limit: number): Promise<WebhookDeliveryView[]> {
  const row = await store.findWebhook(db, idOrName);
  if (!row) throw notFound('webhook');
  const rows = await store.listDeliveries(db, row.id, limit);
  const views: WebhookDeliveryView[] = [];
  for (const r of rows) views.push({ eventId: r.event_id, eventType: r.event_type, incidentId: r.incident_id, createdAt: r.created_at, delivery: await getDelivery(db, r.delivery_id) });
  return views;
}

/** True when the subscription wants this fact of this incident. Pure. */
export function wants(row: Pick<store.WebhookRow, 'kinds' | 'service_ids' | 'min_severity' | 'include_private' | 'include_drills'>, kind: string, incident: { severity: string; services: readonly string[]; private: boolean; drill: boolean }): boolean {
  if (!(fromJson<string[]>(row.kinds) ?? []).includes(kind)) return false;
  if (incident.private && row.include_private !== 1) return false;
  if (incident.drill && row.include_drills !== 1) return false;
  const services = fromJson<string[]>(row.service_ids);
  if (services && !services.some((id) => incident.services.includes(id))) return false;
  return !row.min_severity || (SEVERITY_RANK[incident.severity] ?? 9) <= SEVERITY_RANK[row.min_severity]!;
}

function baseUrlOf(config: Config): string {
  return (config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/$/, '');
}

/** The job consumer: each subscription that wants the fact gets one signed CloudEvent through the outbox. */
export const incidentWebhookConsumer: FactConsumer = {
  name: 'hooks.incident-webhooks',
  kinds: WEBHOOK_FACT_KINDS,
  mode: 'job',
  async handle(trx, deps, fact, context) {
    const subscriptions = (await store.enabledWebhooks(trx)).filter((row) => wants(row, fact.kind, context.after));
    if (subscriptions.length === 0) return;
    const names = await serviceNames(trx, context.after.services);
    const event = incidentCloudEvent(fact as typeof fact & { kind: WebhookFactKind }, context, names, baseUrlOf(deps.config));
    for (const row of subscriptions) {
      // One delivery per subscription and event, should the fact's job ever run again.
      if (await store.hasDelivery(trx, row.id, event.id)) continue;
      const deliveryId = await enqueueWebhook(trx, deps.jobs, { url: row.url, sealedSecret: row.secret, payload: event as unknown as Record<string, unknown>, headers: { 'content-type': CLOUDEVENTS_CONTENT_TYPE }, reason: `incident.webhook.${fact.kind}`, incidentId: context.incident.id });
      await store.insertDelivery(trx, { webhook_id: row.id, delivery_id: deliveryId, event_id: event.id, event_type: event.type, incident_id: context.incident.id, created_at: clockNow().toISOString() });
    }
  },
};
