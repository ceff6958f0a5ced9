import { sql, type Selectable } from 'kysely';
import type { Db } from '../../db/schema.js';
import { forUpdate } from '../../db/dialect.js';
import type { IncidentEventsTable, IncidentsTable } from './tables.js';

export type IncidentRow = Selectable<IncidentsTable>;
export type EventRow = Selectable<IncidentEventsTable>;

const WORKSPACE = 'default';

/** Hands out the next incident number; the counter row's update lock keeps numbers gap-free. */
export async function nextIncidentNumber(trx: Db): Promise<number> {
  const row = await trx
    .updateTable('incident_counters')
    .set((eb) => ({ last_number: eb('last_number', '+', 1) }))
    .where('workspace', '=', WORKSPACE)
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return Number(row.last_number);
}

export async function insertIncident(trx: Db, row: IncidentRow): Promise<void> {
  await trx.insertInto('incidents').values(row).execute();
}

/** Finds an incident by id or number; `lock` takes its row lock for the rest of the transaction. */
export async function findIncident(db: Db, key: { id: string } | { number: number }, lock = false): Promise<IncidentRow | undefined> {
  let query = db.selectFrom('incidents').selectAll();
  query = 'id' in key ? query.where('id', '=', key.id) : query.where('number', '=', key.number);
  return (lock ? forUpdate(db, query) : query).executeTakeFirst();
}

export async function updateIncident(
  trx: Db,
  id: string,
  changes: Pick<IncidentRow, 'title' | 'severity' | 'status' | 'commander_id' | 'resolved_at' | 'last_seq' | 'state' | 'updated_at'>,
): Promise<void> {
  await trx.updateTable('incidents').set(changes).where('id', '=', id).execute();
}

export async function insertEvent(trx: Db, row: EventRow): Promise<void> {
  await trx.insertInto('incident_events').values(row).execute();
}

/** Events after a sequence number, in order. */
export async function listEvents(db: Db, incidentId: string, afterSeq: number, limit: number): Promise<EventRow[]> {
  return db
    .selectFrom('incident_events')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

/** Events of an incident filtered by kind and by occurredAt, oldest first (the CLI's timeline). */
export async function listTimeline(db: Db, incidentId: string, f: { kinds?: readonly string[] | undefined; occurredSince?: string | undefined; limit: number }): Promise<EventRow[]> {
  let q = db.selectFrom('incident_events').selectAll().where('incident_id', '=', incidentId);
  if (f.kinds?.length) q = q.where('kind', 'in', [...f.kinds]);
  if (f.occurredSince) q = q.where('occurred_at', '>=', f.occurredSince);
  return q.orderBy('seq').limit(f.limit).execute();
}

/** The kinds of some of an incident's events, by sequence number. */
export async function eventKinds(db: Db, incidentId: string, seqs: readonly number[]): Promise<Map<number, string>> {
  if (seqs.length === 0) return new Map();
  const rows = await db.selectFrom('incident_events').select(['seq', 'kind']).where('incident_id', '=', incidentId).where('seq', 'in', seqs).execute();
  return new Map(rows.map((r) => [r.seq, r.kind]));
}

/** The newest events of the given kinds, newest first. */
export async function latestEventsOfKinds(db: Db, incidentId: string, kinds: readonly string[], limit: number): Promise<EventRow[]> {
  return db
    .selectFrom('incident_events')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .where('kind', 'in', kinds)
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute();
}

/** Some of an incident's events, by sequence number. */
export async function eventsBySeq(db: Db, incidentId: string, seqs: readonly number[]): Promise<Map<number, EventRow>> {
  if (seqs.length === 0) return new Map();
  const rows = await db.selectFrom('incident_events').selectAll().where('incident_id', '=', incidentId).where('seq', 'in', seqs).execute();
  return new Map(rows.map((r) => [r.seq, r]));
}

export async function findEvent(db: Db, incidentId: string, seq: number): Promise<EventRow | undefined> {
  return db.selectFrom('incident_events').selectAll().where('incident_id', '=', incidentId).where('seq', '=', seq).executeTakeFirst();
}

/** Adds services to an incident; services already linked stay as they are. */
export async function addServices(trx: Db, incidentId: string, serviceIds: readonly string[]): Promise<void> {
  if (serviceIds.length === 0) return;
  await trx
    .insertInto('incident_services')
    .values(serviceIds.map((service_id) => ({ incident_id: incidentId, service_id })))
    .onConflict((oc) => oc.columns(['incident_id', 'service_id']).doNothing())
    .execute();
}

export async function addMembers(trx: Db, incidentId: string, userIds: readonly string[]): Promise<void> {
  if (userIds.length === 0) return;
  await trx
    .insertInto('incident_members')
    .values(userIds.map((user_id) => ({ incident_id: incidentId, user_id })))
    .onConflict((oc) => oc.columns(['incident_id', 'user_id']).doNothing())
    .execute();
}

export async function isMember(db: Db, incidentId: string, userId: string): Promise<boolean> {
  const row = await db.selectFrom('incident_members').select('user_id').where('incident_id', '=', incidentId).where('user_id', '=', userId).executeTakeFirst();
  return row !== undefined;
}

/** Ids of the private incidents `userId` is not a member of (null: every private incident). */
export async function privateIncidentsHiddenFrom(db: Db, userId: string | null): Promise<string[]> {
  let q = db.selectFrom('incidents as i').select('i.id').where('i.is_private', '=', 1);
  if (userId !== null) q = q.where((eb) => eb.not(eb.exists(eb.selectFrom('incident_members as m').select('m.user_id').whereRef('m.incident_id', '=', 'i.id').where('m.user_id', '=', userId))));
  return (await q.execute()).map((r) => r.id);
}

/** The newest unresolved, non-drill incident affecting a service. */
export async function findOpenIncidentForService(db: Db, serviceId: string): Promise<Pick<IncidentRow, 'id' | 'ref'> | undefined> {
  return db
    .selectFrom('incident_services as s')
    .innerJoin('incidents as i', 'i.id', 's.incident_id')
    .select(['i.id', 'i.ref'])
    .where('s.service_id', '=', serviceId)
    .where('i.status', '!=', 'resolved')
    .where('i.is_drill', '=', 0)
    .orderBy('i.declared_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export interface IncidentFilter {
  /** Private incidents are included only where this user is a member; undefined sees everything (admins). */
  visibleTo?: string | undefined;
  status?: string | undefined;
  open?: boolean | undefined;
  severity?: string | undefined;
  serviceId?: string | undefined;
  commanderId?: string | undefined;
  drill?: boolean | undefined;
  declaredFrom?: string | undefined;
  declaredTo?: string | undefined;
  titleContains?: string | undefined;
  /** Keyset position: rows strictly older than (declaredAt, id). */
  before?: { declaredAt: string; id: string } | undefined;
  limit: number;
}

function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Incidents newest first, filtered. */
export async function queryIncidents(db: Db, f: IncidentFilter): Promise<IncidentRow[]> {
  let q = db.selectFrom('incidents as i').selectAll('i');
  if (f.visibleTo !== undefined) {
    const userId = f.visibleTo;
    q = q.where((eb) =>
      eb.or([
        eb('i.is_private', '=', 0),
        eb.exists(eb.selectFrom('incident_members as m').select('m.user_id').whereRef('m.incident_id', '=', 'i.id').where('m.user_id', '=', userId)),
      ]),
    );
  }
  if (f.status) q = q.where('i.status', '=', f.status);
  if (f.open !== undefined) q = q.where('i.status', f.open ? '!=' : '=', 'resolved');
  if (f.severity) q = q.where('i.severity', '=', f.severity);
  if (f.commanderId) q = q.where('i.commander_id', '=', f.commanderId);
  if (f.drill !== undefined) q = q.where('i.is_drill', '=', f.drill ? 1 : 0);
  if (f.declaredFrom) q = q.where('i.declared_at', '>=', f.declaredFrom);
  if (f.declaredTo) q = q.where('i.declared_at', '<', f.declaredTo);
  if (f.serviceId) {
    const serviceId = f.serviceId;
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('incident_services as s').select('s.service_id').whereRef('s.incident_id', '=', 'i.id').where('s.service_id', '=', serviceId)),
    );
  }
  if (f.titleContains) q = q.where(sql<boolean>`lower(i.title) like ${likePattern(f.titleContains)} escape '\\'`);
  if (f.before) {
    const { declaredAt, id } = f.before;
    q = q.where((eb) => eb.or([eb('i.declared_at', '<', declaredAt), eb.and([eb('i.declared_at', '=', declaredAt), eb('i.id', '<', id)])]));
  }
  return q.orderBy('i.declared_at', 'desc').orderBy('i.id', 'desc').limit(f.limit).execute();
}

/** Every incident id, for rebuilds. */
export async function allIncidentIds(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('incidents').select('id').orderBy('number').execute();
  return rows.map((r) => r.id);
}

export async function getSetting(db: Db, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('workspace_settings').select('value').where('workspace', '=', WORKSPACE).where('key', '=', key).executeTakeFirst();
  return row?.value;
}

export async function putSetting(trx: Db, key: string, value: string, updatedBy: string, now: string): Promise<void> {
  await trx
    .insertInto('workspace_settings')
    .values({ workspace: WORKSPACE, key, value, updated_at: now, updated_by: updatedBy })
    .onConflict((oc) => oc.columns(['workspace', 'key']).doUpdateSet({ value, updated_at: now, updated_by: updatedBy }))
    .execute();
}

/** The people (user ids) who wrote to an incident's log. */
export async function actorIdsOf(db: Db, incidentId: string): Promise<string[]> {
  const rows = await db.selectFrom('incident_events').select('actor_id').distinct().where('incident_id', '=', incidentId).where('actor_id', 'is not', null).execute();
  return rows.map((r) => r.actor_id!);
}
