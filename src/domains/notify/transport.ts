/**
 * Sending over the wire: SMTP through nodemailer and HTTP through fetch.
 * Each send returns what the other side answered, or throws a DeliveryError
 * that says whether retrying can help.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import { phoneSettings, type PhoneSettings } from './transport-phone.js';
import { DELIVERY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, signWebhook } from './signing.js';
import { outboundPolicy, type OutboundPolicy } from '../../http/outbound.js';
import { answerLine, postOut } from './http-out.js';
import { sealingKeyOf } from '../../crypto/sealed.js';

export interface DeliverySettings {
  /** smtp://host:port; absent when no SMTP server is configured. */
  smtpUrl: string | undefined;
  smtpFrom: string;
  /** How long one HTTP or SMTP exchange may take. */
  timeoutMs: number;
  /** SMS, voice and push (absent: those channels fail for good, which lets a page fall through). */
  phone?: PhoneSettings;
  /** Where HTTP deliveries may go (src/http/outbound.ts). */
  outbound: OutboundPolicy;
  /** FIREBREAK_SECRET_KEY's bytes: opens signing secrets stored sealed (src/crypto/sealed.ts). */
  secretKey?: Buffer;
}

import { DeliveryError } from './delivery-error.js';

export { DeliveryError };

/** How long one SMTP or HTTP exchange may take before the attempt counts as failed. */
const DELIVERY_TIMEOUT_MS = 10_000;

/** The delivery settings of this process's configuration. */
export function deliverySettings(config: { smtpUrl?: string | undefined; smtpFrom: string; outboundAllow?: string; outboundTimeoutMs?: number; secretKey?: string | undefined } & Partial<PhoneSettings>): DeliverySettings {
  const settings: DeliverySettings = { smtpUrl: config.smtpUrl, smtpFrom: config.smtpFrom, timeoutMs: config.outboundTimeoutMs ?? DELIVERY_TIMEOUT_MS, outbound: outboundPolicy(config.outboundAllow ?? '') };
  const key = sealingKeyOf(config);
  if (key) settings.secretKey = key;
  if (config.twilioBaseUrl && config.ntfyBaseUrl) settings.phone = phoneSettings(config as PhoneSettings);
  return settings;
}

/** One pooled SMTP connection per server URL, reused by every delivery this process sends. */
const mailers = new Map<string, Transporter>();

function mailerFor(settings: DeliverySettings): Transporter | undefined {
  if (!settings.smtpUrl) return undefined;
  let mailer = mailers.get(settings.smtpUrl);
  if (!mailer) {
    // Pooled: a new connection per message costs ~100 ms (connect, greeting, EHLO), most of a page's latency.
    mailer = nodemailer.createTransport({
      pool: true,
      maxConnections: 8,
      url: settings.smtpUrl,
      connectionTimeout: settings.timeoutMs,
      greetingTimeout: settings.timeoutMs,
      socketTimeout: settings.timeoutMs,
    });
    mailers.set(settings.smtpUrl, mailer);
  }
  return mailer;
}

/** Apps of this process that use the pool (tests run several in one process). */
let users = 0;

/** An app starts using the SMTP pool; call the returned function when it stops. */
export function useMailers(): () => void {
  users++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    // The last app to stop closes the connections; the others' sends in flight keep theirs.
    if (--users > 0) return;
    for (const mailer of mailers.values()) mailer.close();
    mailers.clear();
  };
}

/** A file attached to an email (see notify/service.ts). */
export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/** Sends one email (with its attachments, base64-encoded); returns the server's final response line. */
export async function sendEmail(settings: DeliverySettings, message: { to: string; subject: string; text: string; id: string; headers?: Record<string, string>; attachments?: EmailAttachment[] }): Promise<string> {
  const mailer = mailerFor(settings);
  if (!mailer) throw new DeliveryError('no SMTP server is configured (FIREBREAK_SMTP_URL)', true);
  try {
    const info = (await mailer.sendMail({
      from: settings.smtpFrom,
      to: message.to,
      subject: message.subject,
      text: message.text,
      headers: { ...message.headers, [DELIVERY_HEADER]: message.id },
      attachments: (message.attachments ?? []).map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content, contentTransferEncoding: 'base64' as const })),
    })) as { response?: string };
    return String(info.response ?? 'accepted');
  } catch (err) {
    const e = err as Error & { responseCode?: number; response?: string };
    // 5xx replies are final (no such mailbox, refused); 4xx and network errors may pass later.
    const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500;
    throw new DeliveryError(e.response ?? e.message, permanent);
  }
}

export interface HttpDelivery {
  id: string;
  url: string;
  body: string;
  secret: string | null;
  /** Extra headers (a CloudEvents content type); never the signature's. */
  headers?: Record<string, string>;
}

/** POSTs a webhook body (signed when there is a secret); returns the HTTP status line. */
export async function postWebhook(settings: DeliverySettings, delivery: HttpDelivery, signal?: AbortSignal): Promise<string> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'Firebreak', ...delivery.headers, [DELIVERY_HEADER]: delivery.id };
  if (delivery.secret) {
    const timestamp = Math.floor(Date.now() / 1000);
    headers[TIMESTAMP_HEADER] = String(timestamp);
    headers[SIGNATURE_HEADER] = signWebhook(delivery.secret, timestamp, delivery.body);
  }
  return answerLine(await postOut(settings, delivery.url, { method: 'POST', headers, body: delivery.body }, signal));
}
