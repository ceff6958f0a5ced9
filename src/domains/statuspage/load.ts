/**
 * Reads every page's snapshot from the status page tables (the read model's
 * source). Only the status page's own tables are read, so only what was
 * published can appear.
 */
import type { Db } from '../../db/schema.js';
import { fromJson } from '../../db/dialect.js';
import type { AffectedComponent, PageInfo, PageSnapshot } from './snapshot.js';
import * as store from './store.js';
import type { StateSpan } from './uptime.js';

/** How far back history, uptime bars and feeds reach. */
export const HISTORY_DAYS = 90;

/** Absolute URL of a page: its own host, else under /status of the public URL. */
export function pageUrl(page: { slug: string; host: string | null; position: number }, publicUrl: string): string {
  if (page.host) return `https://${page.host}`;
  return `${publicUrl.replace(/\/$/, '')}${pageBasePath(page)}`;
}

/** Where a page is served on the main host: /status for the first page, /status/<slug> for the others. */
export function pageBasePath(page: { slug: string; position: number }): string {
  return page.position === 0 ? '/status' : `/status/${page.slug}`;
}

/** Loads every page with its components, history, incidents and maintenance. */
export async function loadSnapshots(db: Db, publicUrl: string, now: Date): Promise<PageSnapshot[]> {
  const since = new Date(now.getTime() - HISTORY_DAYS * 86_400_000).toISOString();
  const pages = await store.listPages(db);
  const pageIds = pages.map((p) => p.id);
  const [components, incidents, maintenances] = await Promise.all([store.listComponents(db, pageIds), store.listPageIncidents(db, pageIds, since), store.listPageMaintenances(db, pageIds, since)]);
  // Only the window is read, with each component's state as it opened: the page never reads all history.
  const componentIds = components.map((c) => c.id);
  const [opening, inWindow, updates] = await Promise.all([store.listStatesBefore(db, componentIds, since), store.listHistory(db, componentIds, since), store.listStatusUpdates(db, incidents.map((i) => i.id))]);
  const history = [...opening, ...inWindow];
  const spans = new Map<string, StateSpan[]>();
  for (const h of history) {
    let list = spans.get(h.component_id);
    if (!list) spans.set(h.component_id, (list = []));
    list.push({ status: h.status, startedAt: h.started_at });
  }
  const builtAt = now.toISOString();
  return pages.map((p): PageSnapshot => {
    const page: PageInfo = {
      id: p.id,
      slug: p.slug,
      name: p.name,
      host: p.host,
      timeZone: p.time_zone,
      logoUrl: p.logo_url,
      brandColor: p.brand_color,
      visibility: p.visibility,
      url: pageUrl(p, publicUrl),
      updatedAt: p.updated_at,
    };
    const ownComponents = components.filter((c) => c.page_id === p.id);
    const ownIncidents = incidents.filter((i) => i.page_id === p.id);
    const ownMaintenances = maintenances.filter((m) => m.page_id === p.id);
    const latest = [p.updated_at, ...ownComponents.map((c) => c.updated_at), ...ownIncidents.map((i) => i.updated_at), ...ownMaintenances.map((m) => m.updated_at)].sort().at(-1)!;
    return {
      page: { ...page, updatedAt: latest },
      components: ownComponents.map((c) => ({
        id: c.id,
        groupId: c.group_id,
        isGroup: c.is_group === 1,
        name: c.name,
        description: c.description,
        position: c.position,
        status: c.status,
        onlyShowIfDegraded: c.only_show_if_degraded === 1,
        createdAt: c.created_at,
        updatedAt: c.updated_at,
        history: trimToWindow(spans.get(c.id) ?? [{ status: c.status, startedAt: c.created_at }], since),
      })),
      incidents: ownIncidents.map((i) => ({
        id: i.id,
        name: i.name,
        status: i.status,
        impact: i.impact,
        componentIds: fromJson<string[]>(i.component_ids) ?? [],
        startedAt: i.started_at,
        createdAt: i.created_at,
        updatedAt: i.updated_at,
        monitoringAt: i.monitoring_at,
        resolvedAt: i.resolved_at,
        updates: updates
          .filter((u) => u.status_incident_id === i.id)
          .map((u) => ({ id: u.id, status: u.status, body: u.body, createdAt: u.created_at, affectedComponents: fromJson<AffectedComponent[]>(u.affected_components) ?? [] })),
      })),
      maintenances: ownMaintenances.map((m) => ({
        id: m.id,
        name: m.name,
        body: m.body,
        componentIds: fromJson<string[]>(m.component_ids) ?? [],
        scheduledFor: m.scheduled_for,
        scheduledUntil: m.scheduled_until,
        status: m.status,
        startedAt: m.started_at,
        completedAt: m.completed_at,
        createdAt: m.created_at,
        updatedAt: m.updated_at,
      })),
      builtAt,
    };
  });
}

/** Keeps the state in force when the window opens and every change after. */
function trimToWindow(spans: StateSpan[], since: string): StateSpan[] {
  let first = 0;
  for (let i = 0; i < spans.length; i++) if (spans[i]!.startedAt <= since) first = i;
  return spans.slice(first);
}

