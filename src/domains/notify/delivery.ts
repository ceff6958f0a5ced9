/** The worker side of the outbox: send one delivery and record what happened. */
import type { Db } from '../../db/schema.js';
import type { Store } from '../../db/store.js';
import { PermanentJobError } from '../../jobs/definition.js';
import { fromJson } from '../../db/dialect.js';
import { beginAttempt, findDelivery, insertAttempt, ownsDelivery, setDeliveryStatus, type DeliveryRow } from './store.js';
import { DeliveryError, postWebhook, sendEmail, type DeliverySettings, type EmailAttachment } from './transport.js';
import { sendPhone, sendPush } from './transport-phone.js';
import { clockNow } from '../../clock.js';
import { channelGap } from './capabilities.js';
import { openSigningSecret } from '../../crypto/sealed.js';

/** Attempts per delivery before it is marked failed (about an hour of backoff at the default base). */
export const DELIVERY_MAX_ATTEMPTS = 12;

export const NO_SMTP_DETAIL = 'no SMTP server is configured (FIREBREAK_SMTP_URL); email not sent';

async function send(settings: DeliverySettings, delivery: DeliveryRow, signal: AbortSignal | undefined): Promise<string> {
  if (delivery.channel === 'sms' || delivery.channel === 'voice' || delivery.channel === 'push') {
    if (!settings.phone) throw new DeliveryError(`no ${delivery.channel} service is configured`, true);
    if (delivery.channel === 'push') {
      const extra = (delivery.payload ? JSON.parse(delivery.payload) : {}) as { actions?: Array<{ label: string; url: string }>; click?: string };
      return sendPush(settings, settings.phone, { topic: delivery.recipient_address, title: delivery.subject ?? 'Firebreak', text: delivery.body_text ?? '', actions: extra.actions ?? [], ...(extra.click ? { click: extra.click } : {}) }, signal);
    }
    return sendPhone(settings, settings.phone, delivery.channel, { to: delivery.recipient_address, text: delivery.body_text ?? '' }, signal);
  }
  if (delivery.channel === 'email') {
    const attachments = fromJson<{ attachments?: EmailAttachment[] }>(delivery.payload)?.attachments ?? [];
    return sendEmail(settings, { to: delivery.recipient_address, subject: delivery.subject ?? '', text: delivery.body_text ?? '', id: delivery.id, headers: fromJson<Record<string, string>>(delivery.headers) ?? {}, attachments });
  }
  return postWebhook(settings, { id: delivery.id, url: delivery.recipient_address, body: delivery.payload ?? '{}', secret: openSigningSecret(settings.secretKey, delivery.signing_secret), headers: fromJson<Record<string, string>>(delivery.headers) ?? {} }, signal);
}

/** What deliverOnce needs from the job running it. */
export interface DeliveryJob {
  attempt: number;
  signal?: AbortSignal;
  /** Completes the job in the final transaction (false when another worker took it over). */
  complete?: (trx: Db) => Promise<boolean>;
  /** Runs in the transaction that gives the delivery up (a page falls through to the next contact method). */
  onFinalFailure?: (trx: Db, delivery: DeliveryRow) => Promise<void>;
}

/**
 * Sends a queued delivery once and records the attempt. Does nothing for a
 * delivery already sent, skipped or failed. Throws when the attempt failed
 * (PermanentJobError when retrying cannot help) so the job engine retries.
 *
 * Fenced twice: the outcome is written only while this attempt is still the
 * delivery's latest (setDeliveryStatus), and the job completes in that same
 * transaction. A worker that stalled past its lease while another sent the
 * message records its own attempt and changes nothing else.
 */
export async function deliverOnce(store: Store, settings: DeliverySettings, deliveryId: string, job: DeliveryJob): Promise<void> {
  const delivery = await findDelivery(store.db, deliveryId);
  if (!delivery || delivery.status !== 'queued') return;

  const gap = channelGap({ smtpUrl: settings.smtpUrl, ...settings.phone }, delivery.channel);
  if (gap) {
    // Without a mail server (or SMS provider) this will never succeed: record it once, as skipped with why, instead of retrying forever.
    const detail = delivery.channel === 'email' ? NO_SMTP_DETAIL : `${gap}; ${delivery.channel} not sent`;
    const now = clockNow().toISOString();
    await store.transaction(async (trx) => {
      const attempt = await beginAttempt(trx, deliveryId, now);
      if (attempt !== undefined) {
        await insertAttempt(trx, { delivery_id: deliveryId, attempt, at: now, outcome: 'skipped', detail });
        if (await setDeliveryStatus(trx, deliveryId, attempt, { status: 'skipped', detail }, now)) await job.onFinalFailure?.(trx, delivery);
      }
      await job.complete?.(trx);
    });
    return;
  }

  const attempt = await beginAttempt(store.db, deliveryId, clockNow().toISOString());
  if (attempt === undefined) return;
  let answer: string;
  try {
    answer = await send(settings, delivery, job.signal);
  } catch (err) {
    const failure = err instanceof DeliveryError ? err : new DeliveryError((err as Error).message, false);
    const final = failure.permanent || job.attempt >= DELIVERY_MAX_ATTEMPTS;
    const now = clockNow().toISOString();
    const detail = failure.message.slice(0, 2000);
    const overtaken = await store.transaction(async (trx) => {
      await insertAttempt(trx, { delivery_id: deliveryId, attempt, at: now, outcome: 'failed', detail });
      if (!final) return !(await ownsDelivery(trx, deliveryId, attempt));
      const owned = await setDeliveryStatus(trx, deliveryId, attempt, { status: 'failed', detail }, now);
      if (owned) await job.onFinalFailure?.(trx, delivery);
      return !owned;
    });
    // A newer attempt owns the delivery now: retrying this one would only repeat its work.
    if (overtaken) return;
    throw failure.permanent ? new PermanentJobError(failure.message) : failure;
  }
  const now = clockNow().toISOString();
  await store.transaction(async (trx) => {
    await insertAttempt(trx, { delivery_id: deliveryId, attempt, at: now, outcome: 'sent', detail: answer });
    await setDeliveryStatus(trx, deliveryId, attempt, { status: 'sent', detail: null, sentAt: now }, now);
    await job.complete?.(trx);
  });
}
