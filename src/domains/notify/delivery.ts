/** The worker side of the outbox: send one delivery and record what happened. */
import type { Store } from '../../db/store.js';
import { PermanentJobError } from '../../jobs/definition.js';
import { fromJson } from '../../db/dialect.js';
import { beginAttempt, findDelivery, insertAttempt, setDeliveryStatus, type DeliveryRow } from './store.js';
import { DeliveryError, postWebhook, sendEmail, type DeliverySettings } from './transport.js';

/** Attempts per delivery before it is marked failed (about an hour of backoff at the default base). */
export const DELIVERY_MAX_ATTEMPTS = 12;

export const NO_SMTP_DETAIL = 'no SMTP server is configured (FIREBREAK_SMTP_URL); email not sent';

async function send(settings: DeliverySettings, delivery: DeliveryRow, signal: AbortSignal | undefined): Promise<string> {
  if (delivery.channel === 'email') {
    return sendEmail(settings, { to: delivery.recipient_address, subject: delivery.subject ?? '', text: delivery.body_text ?? '', id: delivery.id, headers: fromJson<Record<string, string>>(delivery.headers) ?? {} });
  }
  return postWebhook(settings, { id: delivery.id, url: delivery.recipient_address, body: delivery.payload ?? '{}', secret: delivery.signing_secret }, signal);
}

/**
 * Sends a queued delivery once and records the attempt. Does nothing for a
 * delivery already sent, skipped or failed. Throws when the attempt failed
 * (PermanentJobError when retrying cannot help) so the job engine retries.
 */
export async function deliverOnce(
  store: Store,
  settings: DeliverySettings,
  deliveryId: string,
  job: { attempt: number; signal?: AbortSignal },
): Promise<void> {
  const delivery = await findDelivery(store.db, deliveryId);
  if (!delivery || delivery.status !== 'queued') return;

  if (delivery.channel === 'email' && !settings.smtpUrl) {
    // Without a mail server this will never succeed: record it once instead of retrying forever.
    const now = new Date().toISOString();
    await store.transaction(async (trx) => {
      const attempt = await beginAttempt(trx, deliveryId, now);
      if (attempt === undefined) return;
      await insertAttempt(trx, { delivery_id: deliveryId, attempt, at: now, outcome: 'skipped', detail: NO_SMTP_DETAIL });
      await setDeliveryStatus(trx, deliveryId, { status: 'skipped', detail: NO_SMTP_DETAIL }, now);
    });
    return;
  }

  const attempt = await beginAttempt(store.db, deliveryId, new Date().toISOString());
  if (attempt === undefined) return;
  try {
    const answer = await send(settings, delivery, job.signal);
    const now = new Date().toISOString();
    await store.transaction(async (trx) => {
      await insertAttempt(trx, { delivery_id: deliveryId, attempt, at: now, outcome: 'sent', detail: answer });
      await setDeliveryStatus(trx, deliveryId, { status: 'sent', detail: null, sentAt: now }, now);
    });
  } catch (err) {
    const failure = err instanceof DeliveryError ? err : new DeliveryError((err as Error).message, false);
    const final = failure.permanent || job.attempt >= DELIVERY_MAX_ATTEMPTS;
    const now = new Date().toISOString();
    await store.transaction(async (trx) => {
      await insertAttempt(trx, { delivery_id: deliveryId, attempt, at: now, outcome: 'failed', detail: failure.message.slice(0, 2000) });
      if (final) await setDeliveryStatus(trx, deliveryId, { status: 'failed', detail: failure.message.slice(0, 2000) }, now);
    });
    throw failure.permanent ? new PermanentJobError(failure.message) : failure;
  }
}
