/**
 * Opening or joining incidents for alert groups: a group whose severity maps
 * to SEV1 or SEV2 (alertSeverityMap) declares an incident for its service, or
 * joins the service's open incident, with an `alert_attached` timeline event.
 * Suppressed alerts never reach a group, so silences and maintenance windows
 * keep them from paging.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { systemActor, type Actor } from '../auth/identity.js';
import { lockServiceForIncident, type RoutingService } from '../catalog/service.js';
import { appendEventInTx, declareIncidentInTx, findOpenIncidentForService } from '../incidents/service.js';
import type { IncidentDeps } from '../incidents/deps.js';
import type { AlertDeps } from './pipeline.js';
import { opensIncident, parseSeverityMap } from './signal.js';
import type { GroupRow } from './store.js';

/** Links qualifying groups (setting their incident columns before they are written); returns the incident ids touched. */
export async function linkIncidents(
  trx: Transaction<Database>,
  deps: AlertDeps,
  actor: Actor,
  groups: GroupRow[],
  services: Map<string, RoutingService>,
  source: string,
  alertKeys: ReadonlyMap<string, { rules: ReadonlySet<string>; fingerprints: ReadonlySet<string> }> = new Map(),
): Promise<string[]> {
  const severityMap = parseSeverityMap(deps.config.alertSeverityMap);
  const touched: string[] = [];
  for (const group of groups) {
    if (group.incident_id !== null || group.status === 'resolved' || !opensIncident(severityMap, group.severity)) continue;
    // Serialises incident decisions per service, so two requests cannot both declare one.
    await lockServiceForIncident(trx, group.service_id);
    const serviceName = services.get(group.service_id)?.name ?? 'a service';
    const summary = group.summary.trim() || `Alerts on ${serviceName}`;
    // A drill's group always declares its own drill incident: it never joins a real one (nor a real group a drill's).
    const drill = group.drill === 1;
    let incident = drill ? undefined : await findOpenIncidentForService(trx, group.service_id);
    if (!incident) {
      incident = await declareIncidentInTx(trx, deps, actor, {
        title: summary.slice(0, 200),
        severity: severityMap[group.severity],
        impact: drill ? `Drill: alerts firing on ${serviceName}` : `Alerts firing on ${serviceName}`,
        services: [group.service_id],
        ...(drill ? { drill: true } : {}),
      });
    }
    await appendEventInTx(trx, deps, actor, incident.id, {
      kind: 'alert_attached',
      body: {
        alertGroupId: group.id,
        serviceId: group.service_id,
        summary: summary.slice(0, 1000),
        severity: group.severity,
        source,
        alertCount: group.alert_count,
        // The incident compares it with its own severity and asks for a review when it is more severe.
        incidentSeverity: severityMap[group.severity],
        ...alertKeysOf(alertKeys.get(group.id)),
      },
    });
    group.incident_id = incident.id;
    group.incident_ref = incident.ref;
    touched.push(incident.id);
  }
  return touched;
}

/**
 * Tells each incident when one of its alert groups resolved: a
 * system event on the timeline, from which the incident knows when all of its
 * alerts have resolved.
 */
export async function noteResolvedGroups(trx: Transaction<Database>, deps: IncidentDeps, groups: readonly GroupRow[], statusChanged: readonly string[]): Promise<void> {
  const changed = new Set(statusChanged);
  for (const group of groups) {
    if (group.incident_id === null || group.status !== 'resolved' || !changed.has(group.id)) continue;
    // Firebreak writes it, whoever resolved the alert: a person resolving may not be a member of a private incident.
    await appendEventInTx(trx, deps, systemActor('alerts'), group.incident_id, {
      kind: 'alert_resolved',
      body: { alertGroupId: group.id, summary: group.summary.trim().slice(0, 1000) || `alert group ${group.id}` },
    });
  }
}

/** The alert rules and fingerprints of a group, for its `alert_attached` event (capped as the event allows). */
function alertKeysOf(keys: { rules: ReadonlySet<string>; fingerprints: ReadonlySet<string> } | undefined): { rules?: string[]; fingerprints?: string[] } {
  if (!keys) return {};
  const rules = [...keys.rules].map((r) => r.slice(0, 200)).slice(0, 50);
  const fingerprints = [...keys.fingerprints].map((f) => f.slice(0, 200)).slice(0, 50);
  return { ...(rules.length ? { rules } : {}), ...(fingerprints.length ? { fingerprints } : {}) };
}
