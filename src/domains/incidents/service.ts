/**
 * Incident command: declaring incidents and appending typed events. Every
 * write locks the incident row, checks the rules against the current state,
 * stores the event with the next sequence number, and stores the new
 * projection, all in one transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../db/schema.js';
import type { Store } from '../../db/store.js';
import { fromJson, nowIso, toJson } from '../../db/dialect.js';
import { forbidden, invalidField, notFound } from '../../errors.js';
import type { Actor } from '../auth/identity.js';
import { recordAudit } from '../audit/service.js';
import { INCIDENT_EVENTS_CHANNEL, type IncidentDeps } from './deps.js';
import { SYSTEM_KINDS, type IncidentEvent } from './events.js';
import { afterEventAppended } from './hooks.js';
import { announceFacts, rebuildAppendProjections } from './fact-consumers.js';
import { getIncidentRow, recordOf, requireVisibleIncident, stateOf, userHolder } from './access.js';
import type { Holder, IncidentPolicy, IncidentRecord, IncidentState, Severity, StoredEvent } from './model.js';
import { POLICY_SETTING, DEFAULT_POLICY } from './policy.js';
import { reduce } from './reduce.js';
import { rebuildIncident, replayIncident, type RebuildResult } from './rebuild.js';
import { checkEvent, citedSeqs, warningsAfter } from './rules.js';
import { validateEventBody } from './validate.js';
import { findServiceByIdOrName } from '../catalog/service.js';
import { keepPayloadAsEvidence } from '../alerts/evidence-service.js';
import * as incidents from './store.js';

export type { IncidentDeps } from './deps.js';
export type { StoredEvent } from './model.js';
export type { IncidentRow } from './store.js';
export { canSee, getIncidentRow } from './access.js';

export interface DeclareIncidentInput {
  title: string;
  severity: Severity;
  impact?: string;
  services?: string[];
  private?: boolean;
  drill?: boolean;
  commanderId?: string;
}

export interface IncidentView {
  id: string;
  ref: string;
  state: IncidentState;
}

export interface AppendResult {
  incident: IncidentRecord;
  event: StoredEvent;
  state: IncidentState;
  warnings: string[];
}

/** An event as the caller sends it; occurredAt defaults to now. */
export interface NewEvent {
  kind: string;
  occurredAt?: string | undefined;
  /** Accept an occurredAt more than a day before the declaration (usually a typo in the date). */
  force?: boolean | undefined;
  body: unknown;
}

/** How far before the declaration an occurredAt may be without `force`. */
const PAST_TOLERANCE_MS = 24 * 3_600_000;

/** The time now, from the caller's clock when it has one. */
function nowFor(deps: IncidentDeps): string {
  return deps.clock ? deps.clock.now().toISOString() : nowIso();
}

/** Thrown to roll back a dry run once the append has produced its result. */
class DryRunRollback extends Error {
  constructor(readonly result: AppendResult) {
    super('dry run');
  }
}

/** How far ahead of the server's clock an occurredAt may be (clock skew between laptops). */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

export function toStoredEvent(row: incidents.EventRow): StoredEvent {
  return {
    incidentId: row.incident_id,
    seq: row.seq,
    kind: row.kind,
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    body: fromJson(row.body),
  };
}

function requireWriter(actor: Actor): void {
  if (actor.role === 'viewer') throw forbidden('writing to an incident needs the responder role; you are viewer');
}

/** The workspace's incident policy (severity definitions, recovery checklist), or the defaults. */
export async function getIncidentPolicy(db: Db): Promise<IncidentPolicy> {
  const stored = await incidents.getSetting(db, POLICY_SETTING);
  return stored ? (fromJson<IncidentPolicy>(stored) ?? DEFAULT_POLICY) : DEFAULT_POLICY;
}

/** Replaces the workspace's incident policy; incidents already declared keep the policy they were declared under. */
export async function setIncidentPolicy(store: Store, actor: Actor, policy: IncidentPolicy): Promise<IncidentPolicy> {
  if (actor.role !== 'admin') throw forbidden('changing severity definitions needs the admin role');
  return store.transaction(async (trx) => {
    await incidents.putSetting(trx, POLICY_SETTING, toJson(policy), actor.label, nowIso());
    await recordAudit(trx, actor, { action: 'incident.policy.update', targetType: 'workspace_setting', targetId: POLICY_SETTING });
    return policy;
  });
}

/** Writes one reduced event: the log row, the projection, the lookup tables, audit, notification and hook. */
async function persist(trx: Transaction<Database>, deps: IncidentDeps, actor: Actor, record: IncidentRecord, event: IncidentEvent, state: IncidentState, before: IncidentState | undefined): Promise<StoredEvent> {
  const stored: StoredEvent = { ...event, incidentId: record.id };
  await incidents.insertEvent(trx, {
    incident_id: record.id,
    seq: event.seq,
    kind: event.kind,
    actor_id: event.actorId,
    actor_label: event.actorLabel,
    occurred_at: event.occurredAt,
    recorded_at: event.recordedAt,
    body: toJson(event.body),
  });
  if (before) {
    await incidents.updateIncident(trx, record.id, {
      title: state.title,
      severity: state.severity,
      status: state.status,
      commander_id: state.roles.find((r) => r.role === 'commander')?.userId ?? null,
      resolved_at: state.keyTimes.resolvedAt,
      last_seq: state.lastSeq,
      state: toJson(state),
      updated_at: event.recordedAt,
    });
  }
  await incidents.addServices(trx, record.id, state.services.filter((s) => !before?.services.includes(s)));
  await incidents.addMembers(trx, record.id, state.members.filter((m) => !before?.members.includes(m)));
  await recordAudit(trx, actor, {
    action: event.kind === 'declared' ? 'incident.declare' : 'incident.event',
    targetType: 'incident',
    targetId: record.id,
    detail: { ref: record.ref, kind: event.kind, seq: event.seq },
  });
  await deps.bus.publish(trx, INCIDENT_EVENTS_CHANNEL, JSON.stringify({ incidentId: record.id, seq: event.seq }));
  await afterEventAppended(trx, deps, record, stored, state);
  await announceFacts(trx, deps, { incident: record, event: stored, before, after: state });
  return stored;
}

/** Declares an incident in trx: allocates INC-<n>, stores the `declared` event and the first projection. */
export async function declareIncidentInTx(trx: Transaction<Database>, deps: IncidentDeps, actor: Actor, input: DeclareIncidentInput): Promise<IncidentView> {
  requireWriter(actor);
  let commander: Holder | null = null;
  if (input.commanderId) commander = await userHolder(trx, input.commanderId, 'commanderId');
  else if (actor.userId) commander = await userHolder(trx, actor.userId, 'commanderId');
  const policy = await getIncidentPolicy(trx);
  const services = await resolveServices(trx, input.services ?? []);
  const body = {
    ref: '',
    title: input.title.trim(),
    severity: input.severity,
    impact: input.impact?.trim() || null,
    services,
    private: input.private ?? false,
    drill: input.drill ?? false,
    commander,
    policy,
  };
  validateEventBody('declared', body);
  const number = await incidents.nextIncidentNumber(trx);
  const record: IncidentRecord = { id: randomUUID(), ref: `INC-${number}`, title: body.title, private: body.private, drill: body.drill };
  body.ref = record.ref;
  const now = nowFor(deps);
  const event: IncidentEvent = { kind: 'declared', incidentId: record.id, seq: 1, actorId: actor.userId, actorLabel: actor.label, occurredAt: now, recordedAt: now, body };
  const state = reduce(undefined, event);
  await incidents.insertIncident(trx, {
    id: record.id,
    number,
    ref: record.ref,
    title: state.title,
    severity: state.severity,
    status: state.status,
    is_private: state.private ? 1 : 0,
    is_drill: state.drill ? 1 : 0,
    commander_id: commander?.userId ?? null,
    declared_at: state.keyTimes.declaredAt,
    resolved_at: null,
    last_seq: 1,
    state: toJson(state),
    updated_at: now,
  });
  await persist(trx, deps, actor, record, event, state, undefined);
  return { id: record.id, ref: record.ref, state };
}

/** Fills holder labels from user ids so the log reads on its own; refuses unknown users naming the field. */
async function resolveHolders(trx: Db, kind: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const named = async (value: unknown, field: string) => {
    const h = value as { userId?: string; label?: string } | undefined;
    if (!h?.userId) return h;
    // The label of a user comes from their record, never from the request: a
    // request could otherwise put any name next to someone's user id.
    return { userId: h.userId, label: (await userHolder(trx, h.userId, field)).label };
  };
  if (kind === 'role_assigned') return { ...body, ...(await named(body, 'body.userId')) };
  if (kind === 'handoff') return { ...body, to: await named(body.to, 'body.to.userId') };
  // Every kind with an owner (next decision, reconciliation) names a holder the same way.
  if (body.owner && typeof body.owner === 'object') {
    return { ...body, owner: await named(body.owner, 'body.owner.userId') };
  }
  if (kind === 'member_added') await userHolder(trx, String(body.userId), 'body.userId');
  return body;
}

function occurredAtOf(input: string | undefined, now: string): string {
  if (input === undefined) return now;
  const parsed = Date.parse(input);
  if (Number.isNaN(parsed)) throw invalidField('occurredAt', 'is not a date-time');
  if (parsed > Date.parse(now) + FUTURE_TOLERANCE_MS) throw invalidField('occurredAt', 'is in the future; log events when they have happened');
  return new Date(parsed).toISOString();
}

/** A time long before the declaration is usually a wrong date; the room confirms it with `force`. */
function refuseFarPast(occurredAt: string, declaredAt: string, force: boolean | undefined): void {
  if (force || Date.parse(occurredAt) >= Date.parse(declaredAt) - PAST_TOLERANCE_MS) return;
  throw invalidField('occurredAt', `${occurredAt} is more than a day before the incident was declared (${declaredAt}); if that is right, send it again with force (CLI: --force)`);
}

/** Appends one event in trx and returns it with the new state and any warnings for the author. */
export async function appendInTx(trx: Transaction<Database>, deps: IncidentDeps, actor: Actor, idOrRef: string, input: NewEvent): Promise<AppendResult> {
  requireWriter(actor);
  validateEventBody(input.kind, input.body);
  const now = nowFor(deps);
  const occurredAt = occurredAtOf(input.occurredAt, now);
  // The row lock queues concurrent writers to this incident, so last_seq + 1 is never taken twice.
  const row = await requireVisibleIncident(trx, actor, idOrRef, true);
  const before = stateOf(row);
  if (input.occurredAt !== undefined) refuseFarPast(occurredAt, before.keyTimes.declaredAt, input.force);
  const body = await resolveHolders(trx, input.kind, input.body as Record<string, unknown>);
  const event = {
    kind: input.kind,
    incidentId: row.id,
    seq: row.last_seq + 1,
    actorId: actor.userId,
    actorLabel: actor.label,
    occurredAt,
    recordedAt: now,
    body,
  } as IncidentEvent;
  // Only the kinds of the cited events are read: the projection keeps no long histories.
  const cited = await incidents.eventKinds(trx, row.id, citedSeqs(event).filter((seq) => seq <= before.lastSeq));
  checkEvent(before, event, cited);
  const payloadId = event.kind === 'evidence_attached' ? event.body.alertPayloadId : undefined;
  if (payloadId !== undefined && !(await keepPayloadAsEvidence(trx, payloadId, row.id))) {
    throw invalidField('body.alertPayloadId', `no alert payload ${payloadId} (it may have passed its retention and been purged)`);
  }
  const state = reduce(before, event);
  const record = recordOf(row);
  const stored = await persist(trx, deps, actor, record, event, state, before);
  return { incident: record, event: stored, state, warnings: warningsAfter(before, state) };
}

/** Appends one typed event in trx (validation, rules, projection, audit, notification); returns the stored event. */
export async function appendEventInTx(
  trx: Transaction<Database>,
  deps: IncidentDeps,
  actor: Actor,
  incidentIdOrRef: string,
  event: { kind: string; occurredAt?: string; body: unknown },
): Promise<StoredEvent> {
  return (await appendInTx(trx, deps, actor, incidentIdOrRef, event)).event;
}

/** Declares an incident in its own transaction. */
export async function declareIncident(store: Store, deps: IncidentDeps, actor: Actor, input: DeclareIncidentInput): Promise<IncidentView> {
  return store.transaction((trx) => declareIncidentInTx(trx, deps, actor, input));
}

/**
 * Appends an event from a person (API or CLI): Firebreak's own kinds are
 * refused here. A dry run does the whole append (rules, projection, hooks) in
 * a transaction that is then rolled back, so what it returns is exactly what
 * the real append would produce, and nothing is written.
 */
export async function appendEvent(store: Store, deps: IncidentDeps, actor: Actor, idOrRef: string, input: NewEvent, options: { dryRun?: boolean } = {}): Promise<AppendResult> {
  if ((SYSTEM_KINDS as ReadonlySet<string>).has(input.kind)) {
    throw invalidField('kind', `"${input.kind}" events are recorded by Firebreak itself`);
  }
  if (!options.dryRun) return store.transaction((trx) => appendInTx(trx, deps, actor, idOrRef, input));
  try {
    await store.transaction(async (trx) => {
      throw new DryRunRollback(await appendInTx(trx, deps, actor, idOrRef, input));
    });
  } catch (err) {
    if (err instanceof DryRunRollback) return err.result;
    throw err;
  }
  throw new Error('unreachable: a dry run always rolls back');
}

/** Declares an incident, or (dryRun) shows what the declaration would produce without storing it. */
export async function declareOrPreview(store: Store, deps: IncidentDeps, actor: Actor, input: DeclareIncidentInput, options: { dryRun?: boolean } = {}): Promise<IncidentView> {
  if (!options.dryRun) return declareIncident(store, deps, actor, input);
  try {
    await store.transaction(async (trx) => {
      throw new DryRunRollback({ state: (await declareIncidentInTx(trx, deps, actor, input)).state } as AppendResult);
    });
  } catch (err) {
    if (err instanceof DryRunRollback) return { id: err.result.state.id, ref: err.result.state.ref, state: err.result.state };
    throw err;
  }
  throw new Error('unreachable: a dry run always rolls back');
}

/**
 * Services named by id or name, checked against the catalog and stored as ids;
 * an unknown one is refused naming it.
 */
async function resolveServices(db: Db, named: readonly string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, name] of named.entries()) {
    const found = await findServiceByIdOrName(db, name);
    if (!found) throw invalidField(`services[${i}]`, `no service named or with id "${name}" in the catalog`);
    if (!ids.includes(found.id)) ids.push(found.id);
  }
  return ids;
}

/** Catalog names for service ids (the id itself when a service was since deleted). */
export async function serviceNames(db: Db, ids: readonly string[]): Promise<string[]> {
  return Promise.all(ids.map(async (id) => (await findServiceByIdOrName(db, id))?.name ?? id));
}

/** Open incidents declared within the last hour under the same title (case-insensitive), for a duplicate warning. */
export async function findRecentNamesakes(db: Db, title: string, now: Date): Promise<Array<{ ref: string; title: string; declaredAt: string }>> {
  const since = new Date(now.getTime() - 3_600_000).toISOString();
  const rows = await incidents.queryIncidents(db, { open: true, declaredFrom: since, limit: 50 });
  const wanted = title.trim().toLowerCase();
  return rows.filter((r) => r.title.trim().toLowerCase() === wanted).map((r) => ({ ref: r.ref, title: r.title, declaredAt: r.declared_at }));
}

/** Events after a sequence number, oldest first (for streams and catch-up). */
export async function listEventsAfter(db: Db, incidentId: string, afterSeq: number, limit: number): Promise<StoredEvent[]> {
  return (await incidents.listEvents(db, incidentId, afterSeq, limit)).map(toStoredEvent);
}

/** The newest unresolved, non-drill incident affecting a service (alerts attach to it). */
export async function findOpenIncidentForService(db: Db, serviceId: string): Promise<{ id: string; ref: string } | undefined> {
  return incidents.findOpenIncidentForService(db, serviceId);
}

/**
 * Rebuilds the named incidents (or all of them), each in its own transaction
 * under its row lock so appends wait rather than interleave; returns one
 * result per incident, in number order. The per-append projections other
 * domains keep (the metrics facts row) are rewritten from the log too.
 */
export async function rebuildProjections(store: Store, target: { idOrRef: string } | 'all'): Promise<RebuildResult[]> {
  const ids = target === 'all' ? await incidents.allIncidentIds(store.db) : [(await getIncidentRow(store.db, target.idOrRef))?.id];
  if (ids[0] === undefined) throw notFound(`incident ${target === 'all' ? '' : target.idOrRef}`);
  const results: RebuildResult[] = [];
  for (const id of ids as string[]) {
    const result = await store.transaction(async (trx) => {
      await getIncidentRow(trx, id, true);
      const rebuilt = await rebuildIncident(trx, id);
      // Other domains' per-append read models (the metrics facts row) follow the projection, written afresh if missing.
      await rebuildAppendProjections(trx, id);
      return rebuilt;
    });
    if (result) results.push(result);
  }
  return results;
}

/** Replays an incident's whole log into a fresh state, reading the events in pages. */
export async function rebuildState(db: Db, incidentId: string): Promise<IncidentState> {
  const state = await replayIncident(db, incidentId);
  if (!state) throw notFound(`incident ${incidentId}`);
  return state;
}

/** The people who wrote to an incident's log (user ids). */
export async function incidentActorIds(db: Db, incidentId: string): Promise<string[]> {
  return incidents.actorIdsOf(db, incidentId);
}

/** True when the person is a member of the incident (may see it when it is private). */
export async function isIncidentMember(db: Db, incidentId: string, userId: string): Promise<boolean> {
  return incidents.isMember(db, incidentId, userId);
}
