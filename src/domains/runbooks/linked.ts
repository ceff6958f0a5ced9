/**
 * The runbooks shown with an incident (its services' and its alerts') and with
 * a page (the alert group's service and alerts), each with its rot, so a
 * responder knows how far to trust it.
 */
import type { Db } from '../../db/schema.js';
import { runbooksLinkedTo, type LinkedVia, type RunbookTarget } from './matching.js';
import { assessRunbooks, type RotPolicy } from './rot-facts.js';
import type { RotKind } from './rot.js';
import * as store from './store.js';
import { clockNow } from '../../clock.js';

export const DEFAULT_ROT_POLICY: RotPolicy = { maxUntestedDays: 90 };

export interface LinkedRunbook {
  id: string;
  title: string;
  /** The runbook's page in the web app, relative to the public URL. */
  path: string;
  via: LinkedVia[];
  lastTestedAt: string | null;
  rotting: boolean;
  rot: RotKind[];
}

/** Where a runbook lives in the web app. */
export function runbookPath(id: string): string {
  return `/runbooks/${id}`;
}

async function linkedRunbooks(db: Db, target: RunbookTarget, now: Date, policy: RotPolicy): Promise<LinkedRunbook[]> {
  const linked = await runbooksLinkedTo(db, target);
  const rows = await store.listRunbooks(db, { ids: [...linked.keys()] });
  const rot = await assessRunbooks(db, rows, now, policy);
  return rows.map((row) => {
    const r = rot.get(row.id)!;
    return { id: row.id, title: row.title, path: runbookPath(row.id), via: linked.get(row.id)!, lastTestedAt: row.last_tested_at, rotting: r.rotting, rot: [...new Set(r.causes.map((c) => c.kind))] };
  });
}

/** The runbooks of an incident: linked to its services, or matching the labels of the alerts attached to it. */
export async function runbooksOfIncident(db: Db, incident: { id: string; services: readonly string[] }, now = clockNow(), policy = DEFAULT_ROT_POLICY): Promise<LinkedRunbook[]> {
  return linkedRunbooks(db, { serviceIds: incident.services, alertLabels: await store.alertLabelsOfIncident(db, incident.id) }, now, policy);
}

/**
 * The runbooks of a page: for an alert group's page, those of its service and
 * matching its alerts' labels; for a person paged into an incident, the incident's.
 */
export async function runbooksOfPage(db: Db, target: { alertGroupId: string | null; incidentId: string | null; serviceId: string | null }, now = clockNow(), policy = DEFAULT_ROT_POLICY): Promise<LinkedRunbook[]> {
  if (!target.alertGroupId && target.incidentId) return runbooksOfIncident(db, { id: target.incidentId, services: await store.servicesOfIncident(db, target.incidentId) }, now, policy);
  const alertLabels = target.alertGroupId ? await store.alertLabelsOfGroup(db, target.alertGroupId) : [];
  return linkedRunbooks(db, { serviceIds: target.serviceId ? [target.serviceId] : [], alertLabels }, now, policy);
}
