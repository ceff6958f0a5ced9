import { randomUUID } from 'node:crypto';
import type { Store } from '../../db/store.js';
import type { Db } from '../../db/schema.js';
import { fromJson, nowIso, toJson } from '../../db/dialect.js';
import { conflict, invalidField, notFound, unprocessable } from '../../errors.js';
import { recordAudit } from '../audit/service.js';
import { policyReachGap, resolvePolicyRef } from '../oncall/policy-refs.js';
import type { ChannelSettings } from '../notify/capabilities.js';
import type { Actor } from '../auth/identity.js';
import { findCycle, withDependencies } from './graph.js';
import * as catalog from './store.js';
import { clockNow } from '../../clock.js';

export interface ServiceView {
  id: string;
  name: string;
  description: string | null;
  ownerTeamId: string | null;
  runbookUrl: string | null;
  tier: number | null;
  escalationPolicyId: string | null;
  groupBy: string[];
  dependsOn: string[];
  createdAt: string;
  updatedAt: string;
  /** When asked for: why an alert on this service would page nobody right now, or null when it reaches someone. */
  pagesNobody?: string | null;
}

/** What the alert pipeline needs to know about a service. */
export interface RoutingService {
  id: string;
  name: string;
  groupBy: string[];
  escalationPolicyId: string | null;
}

export interface ServiceInput {
  name?: string;
  description?: string | null;
  ownerTeamId?: string | null;
  runbookUrl?: string | null;
  tier?: number | null;
  escalationPolicyId?: string | null;
  groupBy?: string[];
  dependsOn?: string[];
}

function toView(row: catalog.ServiceRow, dependsOn: string[]): ServiceView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    ownerTeamId: row.owner_team_id,
    runbookUrl: row.runbook_url,
    tier: row.tier,
    escalationPolicyId: row.escalation_policy_id,
    groupBy: fromJson<string[]>(row.group_by) ?? [],
    dependsOn: [...dependsOn].sort(),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Checks the references `input` makes and returns it with the escalation policy named by its id. */
async function checkReferences<T extends ServiceInput>(trx: Db, serviceId: string, input: T): Promise<T> {
  const resolved = input.escalationPolicyId ? { ...input, escalationPolicyId: await resolvePolicyRef(trx, input.escalationPolicyId, 'escalationPolicyId') } : input;
  await checkOwnerAndDependencies(trx, serviceId, input);
  return resolved;
}

async function checkOwnerAndDependencies(trx: Db, serviceId: string, input: ServiceInput): Promise<void> {
  if (input.ownerTeamId && !(await catalog.teamExists(trx, input.ownerTeamId))) throw invalidField('ownerTeamId', 'no team with this id');
  if (input.dependsOn === undefined) return;
  const ids = [...new Set(input.dependsOn)];
  const found = await catalog.findServicesByIdsOrNames(trx, ids, []);
  const missing = ids.filter((id) => !found.some((s) => s.id === id));
  if (missing.length) throw invalidField('dependsOn', `no service with id ${missing.join(', ')}`);
  const edges = withDependencies(await catalog.listEdges(trx), serviceId, ids);
  const cycleFound = findCycle(edges);
  if (cycleFound) {
    // Read the cycle from the service being changed: "db → api → db" when db is edited.
    const at = cycleFound.indexOf(serviceId);
    const cycle = at > 0 ? [...cycleFound.slice(at, -1), ...cycleFound.slice(0, at), serviceId] : cycleFound;
    const names = new Map([...found.map((s) => [s.id, s.name] as const)]);
    const self = await catalog.findService(trx, serviceId);
    if (self) names.set(self.id, self.name);
    else if (typeof input.name === 'string') names.set(serviceId, input.name);
    throw unprocessable('dependency-cycle', `these dependencies would form a cycle: ${cycle.map((id) => names.get(id) ?? id).join(' → ')}`);
  }
}

async function viewOf(db: Db, row: catalog.ServiceRow): Promise<ServiceView> {
  const edges = await catalog.listEdges(db);
  return toView(row, edges.filter((e) => e.serviceId === row.id).map((e) => e.dependsOnId));
}

/** Creates a service; names are unique. Refuses dependencies that would form a cycle. */
export async function createService(store: Store, actor: Actor, input: ServiceInput & { name: string }): Promise<ServiceView> {
  const id = randomUUID();
  const now = nowIso();
  const name = input.name.trim();
  if (!name) throw invalidField('name', 'must not be blank');
  return store.transaction(async (trx) => {
    if (await catalog.findServiceByName(trx, name)) throw conflict('service-exists', `a service named ${name} already exists`);
    input = await checkReferences(trx, id, input);
    await catalog.insertService(trx, {
      id,
      name,
      description: input.description ?? null,
      owner_team_id: input.ownerTeamId ?? null,
      runbook_url: input.runbookUrl ?? null,
      tier: input.tier ?? null,
      escalation_policy_id: input.escalationPolicyId ?? null,
      group_by: input.groupBy?.length ? toJson(input.groupBy) : null,
      created_at: now,
      updated_at: now,
    });
    await catalog.replaceDependencies(trx, id, [...new Set(input.dependsOn ?? [])], now);
    await recordAudit(trx, actor, { action: 'service.create', targetType: 'service', targetId: id, detail: { name } });
    return viewOf(trx, (await catalog.findService(trx, id))!);
  });
}

/** Changes a service; `dependsOn`, when given, replaces the service's dependencies. */
export async function updateService(store: Store, actor: Actor, id: string, input: ServiceInput): Promise<ServiceView> {
  return store.transaction(async (trx) => {
    const before = await catalog.findService(trx, id);
    if (!before) throw notFound('service');
    const name = input.name?.trim();
    if (input.name !== undefined && !name) throw invalidField('name', 'must not be blank');
    if (name && name !== before.name && (await catalog.findServiceByName(trx, name))) throw conflict('service-exists', `a service named ${name} already exists`);
    input = await checkReferences(trx, id, input);
    const now = nowIso();
    await catalog.updateService(trx, id, {
      ...(name ? { name } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.ownerTeamId !== undefined ? { owner_team_id: input.ownerTeamId } : {}),
      ...(input.runbookUrl !== undefined ? { runbook_url: input.runbookUrl } : {}),
      ...(input.tier !== undefined ? { tier: input.tier } : {}),
      ...(input.escalationPolicyId !== undefined ? { escalation_policy_id: input.escalationPolicyId } : {}),
      ...(input.groupBy !== undefined ? { group_by: input.groupBy.length ? toJson(input.groupBy) : null } : {}),
      updated_at: now,
    });
    if (input.dependsOn !== undefined) await catalog.replaceDependencies(trx, id, [...new Set(input.dependsOn)], now);
    await recordAudit(trx, actor, { action: 'service.update', targetType: 'service', targetId: id, detail: { changed: Object.keys(input) } });
    return viewOf(trx, (await catalog.findService(trx, id))!);
  });
}

/** Deletes a service with its dependencies, integrations and alert history. */
export async function deleteService(store: Store, actor: Actor, id: string): Promise<void> {
  await store.transaction(async (trx) => {
    const row = await catalog.findService(trx, id);
    if (!row) throw notFound('service');
    await catalog.deleteService(trx, id);
    await recordAudit(trx, actor, { action: 'service.delete', targetType: 'service', targetId: id, detail: { name: row.name } });
  });
}

export async function getService(db: Db, id: string): Promise<ServiceView> {
  const row = await catalog.findService(db, id);
  if (!row) throw notFound('service');
  return viewOf(db, row);
}

/** A service by id or by name (for the CLI, where people type names). */
export async function findServiceByIdOrName(db: Db, idOrName: string): Promise<ServiceView | undefined> {
  const row = (await catalog.findServiceByName(db, idOrName)) ?? (/^[0-9a-f-]{36}$/i.test(idOrName) ? await catalog.findService(db, idOrName) : undefined);
  return row ? viewOf(db, row) : undefined;
}

export async function listServices(db: Db, filter: { ownerTeamId?: string; tier?: number } = {}): Promise<ServiceView[]> {
  const [rows, edges] = await Promise.all([catalog.listServices(db, filter), catalog.listEdges(db)]);
  return rows.map((row) => toView(row, edges.filter((e) => e.serviceId === row.id).map((e) => e.dependsOnId)));
}

/** The services with `pagesNobody` filled: whether their escalation policy reaches someone who can be sent a page now. */
export async function withPagingReach(db: Db, channels: ChannelSettings, services: ServiceView[], at = clockNow()): Promise<ServiceView[]> {
  const out: ServiceView[] = [];
  for (const s of services) out.push({ ...s, pagesNobody: await policyReachGap(db, channels, s.escalationPolicyId, at) });
  return out;
}

function toRouting(row: catalog.ServiceRow): RoutingService {
  return { id: row.id, name: row.name, groupBy: fromJson<string[]>(row.group_by) ?? [], escalationPolicyId: row.escalation_policy_id };
}

/** The services an intake batch may route to: by id (the integration's own) and by name (a `service` label). */
export async function routingServices(db: Db, ids: readonly string[], names: readonly string[]): Promise<RoutingService[]> {
  return (await catalog.findServicesByIdsOrNames(db, ids, names)).map(toRouting);
}

/**
 * Holds these services' rows until trx ends, taken in id order. Alert writers
 * (intake batches, acknowledgements, re-evaluation after a silence) take the
 * locks of every service they will touch first, so they never wait for each
 * other in a cycle.
 */
export async function lockServicesForAlerts(trx: Db, serviceIds: readonly string[]): Promise<void> {
  await catalog.lockServices(trx, [...serviceIds].sort());
}

/** Holds the service row until trx ends, so two requests cannot both open an incident for it. */
export async function lockServiceForIncident(trx: Db, serviceId: string): Promise<void> {
  await catalog.lockService(trx, serviceId);
}
