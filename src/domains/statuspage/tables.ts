import type { Generated } from 'kysely';
import type { ComponentStatus, MaintenanceStatus, PublicIncidentStatus, PublicImpact } from './model.js';

export interface StatusPagesTable {
  id: string;
  slug: string;
  name: string;
  /** Host name this page also answers at `/` (status.example.com), or null. */
  host: string | null;
  time_zone: string;
  logo_url: string | null;
  brand_color: string | null;
  visibility: 'public' | 'internal';
  /** 0 for the page served at /status. */
  position: number;
  created_at: string;
  updated_at: string;
}

export interface StatusComponentsTable {
  id: string;
  page_id: string;
  group_id: string | null;
  is_group: number;
  name: string;
  description: string | null;
  position: number;
  /** Catalog service this component shows, if any. */
  service_id: string | null;
  status: ComponentStatus;
  only_show_if_degraded: number;
  created_at: string;
  updated_at: string;
}

/** Every state a component entered, for uptime bars. A state lasts until the next row. */
export interface StatusComponentHistoryTable {
  id: Generated<number>;
  component_id: string;
  status: ComponentStatus;
  started_at: string;
  /** `manual`, `incident:<id>` or `maintenance:<id>`. */
  cause: string;
}

/** The public face of an incident on one page. Holds only what was explicitly published. */
export interface StatusIncidentsTable {
  id: string;
  page_id: string;
  incident_id: string;
  name: string;
  status: PublicIncidentStatus;
  impact: PublicImpact;
  /** JSON array of affected component ids. */
  component_ids: string;
  started_at: string;
  created_at: string;
  updated_at: string;
  monitoring_at: string | null;
  resolved_at: string | null;
  /** The public summary of the incident's published postmortem, and when it was published. */
  postmortem_body: string | null;
  postmortem_at: string | null;
}

export interface StatusIncidentUpdatesTable {
  id: string;
  status_incident_id: string;
  status: PublicIncidentStatus;
  body: string;
  /** JSON array of { code, name, old_status, new_status }. */
  affected_components: string;
  /** The incident event (update_posted) this update was written from. */
  source_seq: number;
  created_at: string;
  /** Set once subscribers have been queued their notifications. */
  notified_at: string | null;
}

export interface StatusMaintenancesTable {
  id: string;
  page_id: string;
  name: string;
  body: string;
  component_ids: string;
  scheduled_for: string;
  scheduled_until: string;
  status: MaintenanceStatus;
  /** Minutes before the start that subscribers get a notice. */
  notice_minutes: number;
  started_at: string | null;
  completed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface StatusSubscribersTable {
  id: string;
  page_id: string;
  kind: 'email' | 'webhook';
  address: string;
  component_ids: string | null;
  /** HMAC key for webhook subscribers. */
  secret: string | null;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
  created_at: string;
}

export interface StatusSettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

/** Tables of the status page domain, as Kysely sees them. */
export interface StatuspageTables {
  status_pages: StatusPagesTable;
  status_components: StatusComponentsTable;
  status_component_history: StatusComponentHistoryTable;
  status_incidents: StatusIncidentsTable;
  status_incident_updates: StatusIncidentUpdatesTable;
  status_maintenances: StatusMaintenancesTable;
  status_subscribers: StatusSubscribersTable;
  status_settings: StatusSettingsTable;
}
