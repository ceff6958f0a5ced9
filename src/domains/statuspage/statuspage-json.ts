/**
 * The Statuspage v2 public API (`/api/v2/*.json`) from a page snapshot, with
 * Statuspage's own field names and value sets so its clients and widgets work
 * by changing the URL. Pure functions.
 */
import { overallStatus, worseStatus, type ComponentStatus } from './model.js';
import type { PageSnapshot, PublicComponent, PublicIncident, PublicMaintenance } from './snapshot.js';

/** How many incidents and maintenances the list endpoints return, as Statuspage does. */
const LIST_LIMIT = 50;

function pageJson(s: PageSnapshot) {
  return { id: s.page.id, name: s.page.name, url: s.page.url, time_zone: s.page.timeZone, updated_at: s.page.updatedAt };
}

/** A group's state is the worst of its members'. */
function componentStatus(s: PageSnapshot, c: PublicComponent): ComponentStatus {
  if (!c.isGroup) return c.status;
  return s.components.filter((m) => m.groupId === c.id).reduce<ComponentStatus>((w, m) => worseStatus(w, m.status), 'operational');
}

function componentJson(s: PageSnapshot, c: PublicComponent) {
  return {
    id: c.id,
    name: c.name,
    status: componentStatus(s, c),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    position: c.position,
    description: c.description,
    showcase: !c.isGroup,
    start_date: c.createdAt.slice(0, 10),
    group_id: c.groupId,
    page_id: s.page.id,
    group: c.isGroup,
    only_show_if_degraded: c.onlyShowIfDegraded,
    ...(c.isGroup ? { components: s.components.filter((m) => m.groupId === c.id).map((m) => m.id) } : {}),
  };
}

function componentsOf(s: PageSnapshot, ids: readonly string[]) {
  return s.components.filter((c) => ids.includes(c.id)).map((c) => componentJson(s, c));
}

/** Statuspage's `postmortem` update: the published summary and nothing else of the postmortem. */
function postmortemUpdate(i: PublicIncident) {
  if (!i.postmortem) return [];
  const at = i.postmortem.publishedAt;
  return [{ id: `${i.id}-postmortem`, status: 'postmortem' as const, body: i.postmortem.body, incident_id: i.id, created_at: at, updated_at: at, display_at: at, affected_components: null, deliver_notifications: true, custom_tweet: null, tweet_id: null }];
}

function incidentJson(s: PageSnapshot, i: PublicIncident) {
  return {
    id: i.id,
    name: i.name,
    status: i.postmortem ? ('postmortem' as const) : i.status,
    created_at: i.createdAt,
    updated_at: i.postmortem && i.postmortem.publishedAt > i.updatedAt ? i.postmortem.publishedAt : i.updatedAt,
    monitoring_at: i.monitoringAt,
    resolved_at: i.resolvedAt,
    impact: i.impact,
    shortlink: `${s.page.url}#incident-${i.id}`,
    started_at: i.startedAt,
    page_id: s.page.id,
    incident_updates: [...postmortemUpdate(i), ...i.updates.map((u) => ({
      id: u.id,
      status: u.status,
      body: u.body,
      incident_id: i.id,
      created_at: u.createdAt,
      updated_at: u.createdAt,
      display_at: u.createdAt,
      affected_components: u.affectedComponents.length > 0 ? u.affectedComponents : null,
      deliver_notifications: true,
      custom_tweet: null,
      tweet_id: null,
    }))],
    components: componentsOf(s, i.componentIds),
  };
}

/** Statuspage's maintenance statuses; a cancelled window is not listed at all. */
function maintenanceStatus(m: PublicMaintenance): 'scheduled' | 'in_progress' | 'completed' {
  return m.status === 'in_progress' ? 'in_progress' : m.status === 'completed' ? 'completed' : 'scheduled';
}

function maintenanceJson(s: PageSnapshot, m: PublicMaintenance) {
  const status = maintenanceStatus(m);
  const update = (suffix: string, st: string, body: string, at: string) => ({
    id: `${m.id}-${suffix}`,
    status: st,
    body,
    incident_id: m.id,
    created_at: at,
    updated_at: at,
    display_at: at,
    affected_components: null,
    deliver_notifications: true,
    custom_tweet: null,
    tweet_id: null,
  });
  const updates = [update('scheduled', 'scheduled', m.body, m.createdAt)];
  if (m.startedAt) updates.unshift(update('in_progress', 'in_progress', 'Scheduled maintenance is currently in progress.', m.startedAt));
  if (m.completedAt) updates.unshift(update('completed', 'completed', 'The scheduled maintenance has been completed.', m.completedAt));
  return {
    id: m.id,
    name: m.name,
    status,
    created_at: m.createdAt,
    updated_at: m.updatedAt,
    monitoring_at: null,
    resolved_at: m.completedAt,
    impact: 'maintenance' as const,
    shortlink: `${s.page.url}#maintenance-${m.id}`,
    started_at: m.startedAt ?? m.scheduledFor,
    page_id: s.page.id,
    incident_updates: updates,
    components: componentsOf(s, m.componentIds),
    scheduled_for: m.scheduledFor,
    scheduled_until: m.scheduledUntil,
  };
}

const listed = (s: PageSnapshot) => s.maintenances.filter((m) => m.status !== 'cancelled');
const unresolved = (s: PageSnapshot) => s.incidents.filter((i) => i.status !== 'resolved');

export function statusJson(s: PageSnapshot) {
  const active = listed(s).some((m) => m.status === 'in_progress');
  return overallStatus(s.components.filter((c) => !c.isGroup), unresolved(s), active);
}

export const statuspageApi = {
  'summary.json': (s: PageSnapshot) => ({
    page: pageJson(s),
    components: s.components.map((c) => componentJson(s, c)),
    incidents: unresolved(s).map((i) => incidentJson(s, i)),
    scheduled_maintenances: listed(s).filter((m) => m.status === 'scheduled' || m.status === 'in_progress').map((m) => maintenanceJson(s, m)),
    status: statusJson(s),
  }),
  'status.json': (s: PageSnapshot) => ({ page: pageJson(s), status: statusJson(s) }),
  'components.json': (s: PageSnapshot) => ({ page: pageJson(s), components: s.components.map((c) => componentJson(s, c)) }),
  'incidents.json': (s: PageSnapshot) => ({ page: pageJson(s), incidents: s.incidents.slice(0, LIST_LIMIT).map((i) => incidentJson(s, i)) }),
  'incidents/unresolved.json': (s: PageSnapshot) => ({ page: pageJson(s), incidents: unresolved(s).map((i) => incidentJson(s, i)) }),
  'scheduled-maintenances.json': (s: PageSnapshot) => ({ page: pageJson(s), scheduled_maintenances: listed(s).slice(0, LIST_LIMIT).map((m) => maintenanceJson(s, m)) }),
  'scheduled-maintenances/upcoming.json': (s: PageSnapshot) => ({
    page: pageJson(s),
    scheduled_maintenances: listed(s).filter((m) => m.status === 'scheduled').map((m) => maintenanceJson(s, m)),
  }),
  'scheduled-maintenances/active.json': (s: PageSnapshot) => ({
    page: pageJson(s),
    scheduled_maintenances: listed(s).filter((m) => m.status === 'in_progress').map((m) => maintenanceJson(s, m)),
  }),
} as const;

export type StatuspageEndpoint = keyof typeof statuspageApi;
export const STATUSPAGE_ENDPOINTS = Object.keys(statuspageApi) as StatuspageEndpoint[];
