/**
 * What a status page shows, as plain data: the read model's content. It is
 * built only from the status page's own tables, which hold what was explicitly
 * published, so no responder, cohort or internal update can reach it.
 */
import type { ComponentStatus, MaintenanceStatus, PublicImpact, PublicIncidentStatus } from './model.js';
import type { StateSpan } from './uptime.js';

export interface PageInfo {
  id: string;
  slug: string;
  name: string;
  host: string | null;
  timeZone: string;
  logoUrl: string | null;
  brandColor: string | null;
  visibility: 'public' | 'internal';
  /** Absolute URL of the page. */
  url: string;
  updatedAt: string;
}

export interface PublicComponent {
  id: string;
  groupId: string | null;
  isGroup: boolean;
  name: string;
  description: string | null;
  position: number;
  status: ComponentStatus;
  onlyShowIfDegraded: boolean;
  createdAt: string;
  updatedAt: string;
  /** State changes, oldest first, the first at or before the 90-day window. */
  history: StateSpan[];
}

export interface AffectedComponent {
  code: string;
  name: string;
  old_status: ComponentStatus;
  new_status: ComponentStatus;
}

export interface PublicUpdate {
  id: string;
  status: PublicIncidentStatus;
  body: string;
  createdAt: string;
  affectedComponents: AffectedComponent[];
}

export interface PublicIncident {
  id: string;
  name: string;
  status: PublicIncidentStatus;
  impact: PublicImpact;
  componentIds: string[];
  startedAt: string;
  createdAt: string;
  updatedAt: string;
  monitoringAt: string | null;
  resolvedAt: string | null;
  /** Newest first. */
  updates: PublicUpdate[];
  /** The public summary of its published postmortem (Statuspage's `postmortem` status), if one was published. */
  postmortem: { body: string; publishedAt: string } | null;
}

export interface PublicMaintenance {
  id: string;
  name: string;
  body: string;
  componentIds: string[];
  scheduledFor: string;
  scheduledUntil: string;
  status: MaintenanceStatus;
  startedAt: string | null;
  completedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PageSnapshot {
  page: PageInfo;
  components: PublicComponent[];
  /** Unresolved ones and those of the last 90 days, newest first. */
  incidents: PublicIncident[];
  /** Upcoming, active and those of the last 90 days, newest first. */
  maintenances: PublicMaintenance[];
  /** When it was read from the database. */
  builtAt: string;
}
