import type { Generated } from 'kysely';

/** `sms` and `voice` go through a Twilio-compatible API, `push` through ntfy. */
export type DeliveryChannel = 'email' | 'webhook' | 'slack' | 'sms' | 'voice' | 'push';
export type DeliveryStatus = 'queued' | 'sent' | 'failed' | 'skipped';
export type AttemptOutcome = 'sent' | 'failed' | 'skipped';

/** One message leaving the system (ARCHITECTURE.md, "Notifications: the outbox"): written in the transaction that caused it, sent later by a job. */
export interface DeliveriesTable {
  id: string;
  channel: DeliveryChannel;
  /** The user it was addressed to, when it was addressed to a person. */
  recipient_user_id: string | null;
  /** Email address, or the webhook URL. */
  recipient_address: string;
  subject: string | null;
  body_text: string | null;
  /** JSON text sent as the webhook body. */
  payload: string | null;
  /** HMAC key for signed webhooks; never leaves the server. */
  signing_secret: string | null;
  /** JSON object of extra mail headers (List-Unsubscribe), or null. */
  headers: string | null;
  /** Why it was sent, e.g. `incident.update_due`. */
  reason: string;
  incident_id: string | null;
  status: DeliveryStatus;
  /** Why it was skipped or failed. */
  status_detail: string | null;
  attempts: number;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  /** JSON of the delivery to send instead if this one fails for good (a page falling through to the next contact method). */
  fallback: string | null;
}

/** The result of each try, so people can see what the other side answered. */
export interface DeliveryAttemptsTable {
  id: Generated<number>;
  delivery_id: string;
  attempt: number;
  at: string;
  outcome: AttemptOutcome;
  /** SMTP response, HTTP status line, or the error. */
  detail: string;
}

/** Tables of the notify domain, as Kysely sees them. */
export interface NotifyTables {
  deliveries: DeliveriesTable;
  delivery_attempts: DeliveryAttemptsTable;
}
