/**
 * The notification outbox (ARCHITECTURE.md, "Notifications: the outbox"). Callers write a delivery in the
 * transaction of the change that caused it; the `notify.deliver` job sends it
 * after commit, with retries and one recorded attempt per try.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/schema.js';
import { fromJson, toJson } from '../../db/dialect.js';
import type { JobQueue } from '../../jobs/queue.js';
import { invalidField, notFound } from '../../errors.js';
import { getUser } from '../auth/service.js';
import { deliverJob } from './jobs.js';
import { deliveryFromTemplate, type DeliveryTemplate } from './fallback.js';
import { clockNow } from '../../clock.js';
import { SEALED_SECRET_PREFIX } from '../../crypto/sealed.js';
export type { DeliveryTemplate } from './fallback.js';
import { findDelivery, insertDelivery, listAttempts, queryDeliveries, type DeliveryAttemptRow, type DeliveryRow } from './store.js';
import type { DeliveryChannel, DeliveryStatus } from './tables.js';

export type { DeliveryChannel };
import type { EmailAttachment } from './transport.js';

export type { EmailAttachment };

export interface NotificationToUser {
  recipientUserId: string;
  subject: string;
  text: string;
  /** Files sent with the email (a calendar invitation); kept with the delivery so every retry sends the same bytes. */
  attachments?: EmailAttachment[];
  /** Why it is sent, e.g. `incident.update_due`. */
  reason: string;
  incidentId?: string;
}

export interface EmailToAddress {
  to: string;
  subject: string;
  text: string;
  /** Extra mail headers, such as RFC 8058's List-Unsubscribe and List-Unsubscribe-Post. */
  headers?: Record<string, string>;
  reason: string;
  incidentId?: string;
}

export interface OutboundWebhook {
  url: string;
  /** `webhook` (default): HMAC-signed JSON; `slack`: a Slack-compatible incoming webhook, payload `{ text }`. */
  channel?: 'webhook' | 'slack';
  /** Signs the body (webhook channel); without it the request is unsigned. */
  secret?: string;
  /** Or a secret sealed with FIREBREAK_SECRET_KEY (src/crypto/sealed.ts): kept sealed in the outbox, opened only to sign. */
  sealedSecret?: string;
  payload: Record<string, unknown>;
  /** Extra HTTP headers (webhook channel), such as a CloudEvents content type. */
  headers?: Record<string, string>;
  reason: string;
  incidentId?: string;
}

function newDelivery(fields: Pick<DeliveryRow, 'channel' | 'recipient_user_id' | 'recipient_address' | 'reason'> & Partial<DeliveryRow>): DeliveryRow {
  const now = clockNow().toISOString();
  return {
    id: randomUUID(),
    subject: null,
    body_text: null,
    payload: null,
    signing_secret: null,
    headers: null,
    incident_id: null,
    status: 'queued',
    status_detail: null,
    attempts: 0,
    created_at: now,
    updated_at: now,
    sent_at: null,
    fallback: null,
    ...fields,
  };
}

/**
 * Queues a delivery built elsewhere (a page to a contact method, with the
 * method to fall through to), written and scheduled in trx.
 */
export async function enqueueTemplate(trx: Db, jobs: JobQueue, template: DeliveryTemplate): Promise<string> {
  return enqueue(trx, jobs, deliveryFromTemplate(template, clockNow().toISOString()));
}

/** Writes the delivery and, when it is to be sent, schedules its job, all in trx. */
async function enqueue(trx: Db, jobs: JobQueue, row: DeliveryRow): Promise<string> {
  await insertDelivery(trx, row);
  if (row.status === 'queued') await jobs.schedule(trx, deliverJob, { deliveryId: row.id }, { key: row.id });
  return row.id;
}

/**
 * Emails a user: resolves their address, writes the delivery and schedules
 * its sending in trx. A disabled user's delivery is recorded as skipped.
 */
export async function enqueueNotification(trx: Db, jobs: JobQueue, n: NotificationToUser): Promise<string> {
  const user = await getUser(trx, n.recipientUserId);
  const row = newDelivery({
    channel: 'email',
    recipient_user_id: user.id,
    recipient_address: user.email,
    subject: n.subject,
    body_text: n.text,
    // An email's payload holds its attachments (a webhook's holds its body).
    payload: n.attachments?.length ? toJson({ attachments: n.attachments }) : null,
    reason: n.reason,
    incident_id: n.incidentId ?? null,
    ...(user.disabled ? { status: 'skipped' as const, status_detail: 'the recipient is disabled' } : {}),
  });
  return enqueue(trx, jobs, row);
}

/** Emails an address that is not a user's (for example a status page subscriber), in trx. */
export async function enqueueEmail(trx: Db, jobs: JobQueue, e: EmailToAddress): Promise<string> {
  if (!/^[^@\s]+@[^@\s]+$/.test(e.to)) throw invalidField('to', 'must be an email address');
  const row = newDelivery({
    channel: 'email',
    recipient_user_id: null,
    recipient_address: e.to,
    subject: e.subject,
    body_text: e.text,
    headers: e.headers ? toJson(e.headers) : null,
    reason: e.reason,
    incident_id: e.incidentId ?? null,
  });
  return enqueue(trx, jobs, row);
}

/** Posts JSON to a URL (HMAC-signed webhook or Slack-compatible), written and scheduled in trx. */
export async function enqueueWebhook(trx: Db, jobs: JobQueue, w: OutboundWebhook): Promise<string> {
  let url: URL;
  try {
    url = new URL(w.url);
  } catch {
    throw invalidField('url', 'must be an absolute http(s) URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalidField('url', 'must be an absolute http(s) URL');
  const channel = w.channel ?? 'webhook';
  if (channel === 'slack' && typeof w.payload.text !== 'string') throw invalidField('payload.text', 'a Slack message needs its text');
  const row = newDelivery({
    channel,
    recipient_user_id: null,
    recipient_address: url.toString(),
    payload: toJson(w.payload),
    signing_secret: channel !== 'webhook' ? null : w.sealedSecret ? `${SEALED_SECRET_PREFIX}${w.sealedSecret}` : (w.secret ?? null),
    ...(channel === 'webhook' && w.headers ? { headers: toJson(w.headers) } : {}),
    reason: w.reason,
    incident_id: w.incidentId ?? null,
  });
  return enqueue(trx, jobs, row);
}

export interface DeliveryAttemptView {
  attempt: number;
  at: string;
  outcome: string;
  detail: string;
}

export interface DeliveryView {
  id: string;
  channel: DeliveryChannel;
  recipientUserId: string | null;
  /** Email address, or the URL without anything that may be a credential. */
  recipient: string;
  subject: string | null;
  text: string | null;
  payload: Record<string, unknown> | null;
  signed: boolean;
  reason: string;
  incidentId: string | null;
  status: DeliveryStatus;
  statusDetail: string | null;
  attempts: DeliveryAttemptView[];
  createdAt: string;
  sentAt: string | null;
}

/** Webhook URLs often carry their credential (Slack puts it in the path): show only where they point. */
function displayRecipient(row: DeliveryRow): string {
  if (row.channel === 'email' || row.channel === 'sms' || row.channel === 'voice') return row.recipient_address;
  // An ntfy topic name is its only credential: show its first characters.
  if (row.channel === 'push') return `${row.recipient_address.slice(0, 4)}…`;
  const url = new URL(row.recipient_address);
  return row.channel === 'slack' ? `${url.origin}/…` : `${url.origin}${url.pathname}`;
}

function toView(row: DeliveryRow, attempts: DeliveryAttemptRow[]): DeliveryView {
  return {
    id: row.id,
    channel: row.channel,
    recipientUserId: row.recipient_user_id,
    recipient: displayRecipient(row),
    subject: row.subject,
    text: row.body_text,
    payload: fromJson<Record<string, unknown>>(row.payload),
    signed: row.signing_secret !== null,
    reason: row.reason,
    incidentId: row.incident_id,
    status: row.status,
    statusDetail: row.status_detail,
    attempts: attempts.map((a) => ({ attempt: a.attempt, at: a.at, outcome: a.outcome, detail: a.detail })),
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}

async function withAttempts(db: Db, rows: DeliveryRow[]): Promise<DeliveryView[]> {
  const attempts = await listAttempts(db, rows.map((r) => r.id));
  return rows.map((row) => toView(row, attempts.filter((a) => a.delivery_id === row.id)));
}

/** One delivery with every attempt. */
export async function getDelivery(db: Db, id: string): Promise<DeliveryView> {
  const row = await findDelivery(db, id);
  if (!row) throw notFound('delivery');
  return (await withAttempts(db, [row]))[0]!;
}

function encodeCursor(row: DeliveryRow): string {
  return Buffer.from(`${row.created_at}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  const [createdAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!createdAt || !id || Number.isNaN(Date.parse(createdAt))) throw invalidField('query.cursor', 'is not a cursor this API returned');
  return { createdAt, id };
}

/** Deliveries newest first, with their attempts, filtered by incident, status or channel; cursor-paged. */
export async function listDeliveries(
  db: Db,
  filter: { incidentId?: string; status?: DeliveryStatus; channel?: DeliveryChannel; cursor?: string; limit: number },
): Promise<{ deliveries: DeliveryView[]; nextCursor: string | null }> {
  const rows = await queryDeliveries(db, {
    ...(filter.incidentId ? { incidentId: filter.incidentId } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.channel ? { channel: filter.channel } : {}),
    ...(filter.cursor ? { before: decodeCursor(filter.cursor) } : {}),
    limit: filter.limit + 1,
  });
  const page = rows.slice(0, filter.limit);
  return {
    deliveries: await withAttempts(db, page),
    nextCursor: rows.length > filter.limit && page.length > 0 ? encodeCursor(page[page.length - 1]!) : null,
  };
}

/** Where these deliveries stand (sent, failed, skipped…), by id; unknown ids are left out. */
export async function deliveryStatuses(db: Db, ids: readonly string[]): Promise<Map<string, { status: DeliveryStatus; detail: string | null; sentAt: string | null }>> {
  const out = new Map<string, { status: DeliveryStatus; detail: string | null; sentAt: string | null }>();
  for (const id of ids) {
    const row = await findDelivery(db, id);
    if (row) out.set(id, { status: row.status, detail: row.status_detail, sentAt: row.sent_at });
  }
  return out;
}
