import type { Generated } from 'kysely';

/** A subscription of outside automation to incident facts, delivered as signed CloudEvents. */
export interface IncidentWebhooksTable {
  id: string;
  name: string;
  url: string;
  /**
   * HMAC key the deliveries are signed with, sealed with FIREBREAK_SECRET_KEY
   * (src/crypto/sealed.ts): shown once at creation, never returned again; the
   * outbox keeps it sealed and opens it only to sign.
   */
  secret: string;
  /** JSON array of fact kinds it wants. */
  kinds: string;
  /** JSON array of service ids; null for every service. */
  service_ids: string | null;
  /** Only incidents at least this severe (SEV1 most); null for every severity. */
  min_severity: string | null;
  include_private: number;
  include_drills: number;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}

/** Which outbox delivery carried which event to which subscription: the delivery log. */
export interface IncidentWebhookDeliveriesTable {
  id: Generated<number>;
  webhook_id: string;
  delivery_id: string;
  /** The CloudEvent's id: the same for every retry, so receivers can deduplicate. */
  event_id: string;
  event_type: string;
  incident_id: string;
  created_at: string;
}

export interface HooksTables {
  incident_webhooks: IncidentWebhooksTable;
  incident_webhook_deliveries: IncidentWebhookDeliveriesTable;
}
