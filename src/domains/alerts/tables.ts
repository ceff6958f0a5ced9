import type { Generated } from 'kysely';
import type { AlertStatus } from './lifecycle.js';
import type { Severity } from './signal.js';

export type IntegrationKind = 'alertmanager' | 'pagerduty' | 'grafana' | 'generic' | 'opsgenie' | 'heartbeat' | 'test';

/** An intake endpoint of a service; authenticates by a secret key stored as SHA-256. */
export interface IntegrationsTable {
  id: string;
  service_id: string;
  kind: IntegrationKind;
  name: string;
  key_hash: string;
  key_prefix: string;
  /** JSON field mappings (generic integrations). */
  mappings: string | null;
  /** JSON array of label names; overrides the service's grouping. */
  group_by: string | null;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}

/** One alert per (integration, dedup key): resends update it. */
export interface AlertsTable {
  id: string;
  integration_id: string;
  service_id: string;
  dedup_key: string;
  source: IntegrationKind;
  status: AlertStatus;
  severity: Severity;
  summary: string;
  rule: string | null;
  labels: string;
  links: string;
  group_id: string | null;
  /** `silence:<id>` or `maintenance:<id>` while suppressed. */
  suppressed_by: string | null;
  first_seen_at: string;
  last_seen_at: string;
  last_change_at: string;
  starts_at: string | null;
  ends_at: string | null;
  count: number;
  trigger_count: number;
  ack_count: number;
  acted_count: number;
  state_changes: number;
  recent_changes: string;
  flapping: number;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  resolved_at: string | null;
  resolved_by: string | null;
  /**
   * Digest of the latest payload (kept in alert_bodies): a resend compares
   * digests, so the hot row stays narrow and a plain resend rewrites little.
   */
  payload_digest: string;
  /** The drill run that sent it, so it groups apart from real alerts wherever it is grouped. */
  drill_run_id: string | null;
}

/** The latest payload of each alert, cut to alertPayloadMaxBytes; written only when it changes. */
export interface AlertBodiesTable {
  alert_id: string;
  payload: string;
}

/** Every state change of an alert, flapping included. */
export interface AlertEventsTable {
  id: Generated<number>;
  alert_id: string;
  at: string;
  from_status: AlertStatus | null;
  to_status: AlertStatus;
  actor: string;
  flapping: number;
}

/**
 * Alerts of one service (and group key) within one window. Only membership
 * and status tallies live here, so a plain resend never writes the group; how
 * often its alerts fired and when last is summed from the alerts when read.
 */
export interface AlertGroupsTable {
  id: string;
  service_id: string;
  group_key: string;
  group_labels: string;
  /** 1 while the group takes new alerts, null after: unique per (service, key), so two processes cannot open two. */
  open_slot: number | null;
  status: AlertStatus;
  severity: Severity;
  summary: string;
  opened_at: string;
  acknowledged_at: string | null;
  resolved_at: string | null;
  alert_count: number;
  open_count: number;
  unacked_count: number;
  incident_id: string | null;
  incident_ref: string | null;
  escalation_policy_id: string | null;
  updated_at: string;
  /** 1 when a drill opened it: its own group and incident, and pages that say DRILL. */
  drill: number;
}

export interface SilencesTable {
  id: string;
  /** JSON array of {name, op, value}. */
  matchers: string;
  service_id: string | null;
  starts_at: string;
  ends_at: string;
  created_by: string;
  created_by_id: string | null;
  comment: string;
  created_at: string;
  expired_at: string | null;
}

export interface MaintenanceWindowsTable {
  id: string;
  service_id: string;
  starts_at: string;
  ends_at: string;
  reason: string;
  created_by: string;
  created_at: string;
}

/** Raw request bodies, kept as evidence for alertPayloadRetentionDays, or for the life of the incident that references them. */
export interface AlertPayloadsTable {
  id: Generated<number>;
  /** The incident whose alerts this request carried, or that cited it as evidence; such payloads are never purged. */
  incident_id: string | null;
  integration_id: string;
  received_at: string;
  request_id: string | null;
  size_bytes: number;
  truncated: number;
  body: string;
}

/** An accepted intake request not yet applied: its signals as adapted, deleted by the transaction that applies it. */
export interface AlertJournalTable {
  id: Generated<number>;
  /** The integration's service: entries of one partition apply in id order. */
  partition_key: string;
  integration_id: string;
  received_at: string;
  request_id: string | null;
  ip: string | null;
  /** JSON array of AlertSignal. */
  signals: string;
  /** The request body as received (JSON), kept as evidence if the request brought news. */
  evidence: string | null;
  /** Failed attempts to apply this entry, and the last failure's message. */
  attempts: Generated<number>;
  last_error: string | null;
  /** Set after too many failures: no longer applied (its partition moves on) until replayed. */
  set_aside_at: string | null;
}

/** One row per journal partition: claimed (row lock) by the applier working on it; counts what it applied. */
export interface AlertJournalPartitionsTable {
  partition_key: string;
  applied_entries: number;
  applied_at: string | null;
}

/** A heartbeat integration's expectation: a ping within interval_seconds of the last (or of its creation). */
export interface HeartbeatsTable {
  integration_id: string;
  interval_seconds: number;
  /** waiting: no ping yet; ok: pinged in time; missed: its alert is firing. */
  state: 'waiting' | 'ok' | 'missed';
  due_at: string;
  last_ping_at: string | null;
  missed_at: string | null;
  pings: Generated<number>;
  misses: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface AlertsTables {
  heartbeats: HeartbeatsTable;
  integrations: IntegrationsTable;
  alerts: AlertsTable;
  alert_bodies: AlertBodiesTable;
  alert_events: AlertEventsTable;
  alert_groups: AlertGroupsTable;
  silences: SilencesTable;
  maintenance_windows: MaintenanceWindowsTable;
  alert_payloads: AlertPayloadsTable;
  alert_journal: AlertJournalTable;
  alert_journal_partitions: AlertJournalPartitionsTable;
}
