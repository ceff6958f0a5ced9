/** Tables of paging: policies, running escalations, pages, contact methods, rules and links. */

/** An escalation policy; `steps` is JSON (EscalationStep[]), copied whole onto each escalation it starts. */
export interface EscalationPoliciesTable {
  id: string;
  name: string;
  description: string | null;
  steps: string;
  /** How many more times the steps run after the first pass. */
  repeat: number;
  repeat_delay_seconds: number;
  created_at: string;
  updated_at: string;
}

export type EscalationStatus = 'active' | 'acknowledged' | 'resolved' | 'exhausted';

/** One running escalation of an alert group or an incident, with its policy snapshot and its position. */
export interface EscalationsTable {
  id: string;
  subject: 'alert_group' | 'incident';
  alert_group_id: string | null;
  incident_id: string | null;
  service_id: string | null;
  policy_id: string | null;
  /** JSON EscalationSnapshot: the policy as it was when the escalation began. */
  snapshot: string;
  title: string;
  /** Why a person paged someone in by hand. */
  reason: string | null;
  status: EscalationStatus;
  /** The next step to fire: pass number and step index. */
  round: number;
  step: number;
  next_step_at: string | null;
  acknowledged_by: string | null;
  acknowledged_at: string | null;
  stopped_at: string | null;
  /** Who stopped it (user id or label) and why, when not an acknowledgement by a recipient. */
  stopped_by: string | null;
  stop_reason: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export type PageStatus = 'sent' | 'folded' | 'digested';

/** One person paged by one step: `folded` pages wait for the person's digest (flood protection). */
export interface PagesTable {
  id: string;
  escalation_id: string;
  round: number;
  step: number;
  user_id: string;
  status: PageStatus;
  digest_id: string | null;
  created_at: string;
  acknowledged_at: string | null;
  /** 1 when this person acknowledged (time to acknowledge counts for them). */
  acknowledged_by_recipient: number;
}

/** The deliveries a page wrote (its first delivery per contact method), for its delivery status. */
export interface PageDeliveriesTable {
  page_id: string;
  delivery_id: string;
  channel: string;
  created_at: string;
}

/** A row per person, locked while deciding whether a page fits in their per-minute budget. */
export interface PageBudgetsTable {
  user_id: string;
  updated_at: string;
}

export type ContactKind = 'email' | 'sms' | 'voice' | 'push' | 'webhook' | 'slack';

export interface ContactMethodsTable {
  id: string;
  user_id: string;
  kind: ContactKind;
  /** Email address, E.164 phone number, ntfy topic URL, or webhook URL. */
  address: string;
  label: string;
  /** HMAC key of a webhook method (it must sign, so it cannot be hashed). */
  signing_secret: string | null;
  verified_at: string | null;
  /** SHA-256 of the verification code sent to the method. */
  verify_code_hash: string | null;
  verify_expires_at: string | null;
  verify_attempts: number;
  created_at: string;
}

/** "After delay_seconds, notify through this method." */
export interface NotificationRulesTable {
  id: string;
  user_id: string;
  contact_method_id: string;
  delay_seconds: number;
  created_at: string;
}

export type LinkPurpose = 'acknowledge' | 'resolve' | 'escalate';

/** A single-purpose, expiring link carried by a page; only its SHA-256 is stored. */
export interface AckLinksTable {
  token_hash: string;
  purpose: LinkPurpose;
  user_id: string;
  escalation_id: string;
  page_id: string;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

/** A person a step would have paged but could not: none of their channels can leave this process. */
export interface PageSkipsTable {
  escalation_id: string;
  round: number;
  step: number;
  user_id: string;
  /** "not sent: no SMTP server is configured" */
  reason: string;
  created_at: string;
}

export interface PagingTables {
  escalation_policies: EscalationPoliciesTable;
  escalations: EscalationsTable;
  page_deliveries: PageDeliveriesTable;
  pages: PagesTable;
  page_skips: PageSkipsTable;
  page_budgets: PageBudgetsTable;
  contact_methods: ContactMethodsTable;
  notification_rules: NotificationRulesTable;
  ack_links: AckLinksTable;
}
