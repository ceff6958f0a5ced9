/**
 * Paging from the pipeline: a newly opened alert group starts its service's
 * escalation policy, and a group acknowledged or resolved stops its
 * escalation, in the same transaction as the change (oncall's service does
 * the work; this only hands over the groups).
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Actor } from '../auth/identity.js';
import type { RoutingService } from '../catalog/service.js';
import { haltGroupEscalations, startGroupEscalations } from '../oncall/escalation-service.js';
import type { AlertDeps } from './pipeline.js';
import type { GroupRow } from './store.js';

export async function pageGroups(
  trx: Transaction<Database>,
  deps: AlertDeps,
  actor: Actor,
  groups: readonly GroupRow[],
  opened: readonly string[],
  statusChanged: readonly string[],
  services: ReadonlyMap<string, RoutingService>,
): Promise<void> {
  // Stops before starts: both lock escalation rows before page budgets, in the order step jobs do.
  const changed = new Set(statusChanged);
  await haltGroupEscalations(trx, deps, actor, groups.filter((g) => changed.has(g.id)));
  const openedIds = new Set(opened);
  const fresh = groups.filter((g) => openedIds.has(g.id) && g.status === 'triggered');
  if (fresh.length) {
    await startGroupEscalations(
      trx,
      deps,
      fresh.map((g) => ({ id: g.id, serviceId: g.service_id, serviceName: services.get(g.service_id)?.name ?? null, policyId: g.escalation_policy_id, summary: g.summary, incidentId: g.incident_id, incidentRef: g.incident_ref, drill: g.drill === 1 })),
      actor.label,
    );
  }
}
