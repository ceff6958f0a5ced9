/** Queries of the alert pipeline: integrations, alerts, their history and groups. Batched: one statement per step of a request. */
import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/schema.js';
import { forUpdate } from '../../db/dialect.js';
import type { AlertEventsTable, AlertGroupsTable, AlertsTable, IntegrationsTable } from './tables.js';

export type IntegrationRow = Selectable<IntegrationsTable>;
export type AlertRow = Selectable<AlertsTable>;
export type GroupRow = Selectable<AlertGroupsTable>;

/** Rows per multi-row statement: SQLite accepts 32,766 bound values, and an alert row has 34 columns. */
const CHUNK = 400;

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/**
 * The SET clause of a multi-row upsert used as a bulk update: each listed
 * column takes the value of the row being written (`excluded.<column>`).
 */
function fromExcluded(columns: readonly string[]) {
  return (eb: { ref: (reference: string) => unknown }) => Object.fromEntries(columns.map((c) => [c, eb.ref(`excluded.${c}`)])) as never;
}

export async function insertIntegration(db: Db, row: IntegrationRow): Promise<void> {
  await db.insertInto('integrations').values(row).execute();
}

export async function updateIntegration(db: Db, id: string, changes: Partial<Pick<IntegrationRow, 'name' | 'mappings' | 'group_by' | 'disabled_at' | 'updated_at'>>): Promise<void> {
  await db.updateTable('integrations').set(changes).where('id', '=', id).execute();
}

export async function findIntegration(db: Db, id: string): Promise<IntegrationRow | undefined> {
  return db.selectFrom('integrations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findIntegrationByKeyHash(db: Db, keyHash: string): Promise<IntegrationRow | undefined> {
  return db.selectFrom('integrations').selectAll().where('key_hash', '=', keyHash).executeTakeFirst();
}

export async function findIntegrationByKind(db: Db, serviceId: string, kind: IntegrationRow['kind']): Promise<IntegrationRow | undefined> {
  return db.selectFrom('integrations').selectAll().where('service_id', '=', serviceId).where('kind', '=', kind).orderBy('created_at').executeTakeFirst();
}

export async function listIntegrations(db: Db, serviceId?: string): Promise<IntegrationRow[]> {
  let query = db.selectFrom('integrations').selectAll().orderBy('created_at');
  if (serviceId) query = query.where('service_id', '=', serviceId);
  return query.execute();
}

export async function deleteIntegration(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('integrations').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** What intake needs to tell a plain resend from a change: a narrow row, cheap to read for hundreds of alerts. */
export type AlertHead = Pick<AlertRow, 'id' | 'dedup_key' | 'service_id' | 'status' | 'group_id' | 'suppressed_by' | 'payload_digest'>;

/**
 * Records that the integration's alerts with these dedup keys were seen again
 * (last_seen_at, count + 1) and returns their heads, in one statement per
 * chunk. Rows are locked (PostgreSQL) in key order so concurrent batches cannot
 * deadlock. Keys with no alert yet are simply absent from the result.
 */
export async function touchAlertHeads(trx: Db, integrationId: string, dedupKeys: readonly string[], seenAt: string): Promise<AlertHead[]> {
  const found: AlertHead[] = [];
  for (const part of chunks([...dedupKeys].sort())) {
    const locked = forUpdate(trx, trx.selectFrom('alerts').select('id').where('integration_id', '=', integrationId).where('dedup_key', 'in', part).orderBy('dedup_key'));
    const rows = await trx
      .updateTable('alerts')
      .set((eb) => ({ last_seen_at: seenAt, count: eb('count', '+', 1) }))
      .where('id', 'in', locked)
      .returning(['id', 'dedup_key', 'service_id', 'status', 'group_id', 'suppressed_by', 'payload_digest'])
      .execute();
    found.push(...rows);
  }
  return found;
}

/** The services of the integration's alerts stored under these dedup keys (read before locking: an alert's service never changes). */
export async function servicesOfAlertKeys(db: Db, integrationId: string, dedupKeys: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const part of chunks(dedupKeys)) {
    const rows = await db.selectFrom('alerts').select('service_id').distinct().where('integration_id', '=', integrationId).where('dedup_key', 'in', part).execute();
    for (const r of rows) found.add(r.service_id);
  }
  return [...found];
}

export async function findAlertsByIds(trx: Db, ids: readonly string[]): Promise<AlertRow[]> {
  const found: AlertRow[] = [];
  for (const part of chunks(ids)) found.push(...(await trx.selectFrom('alerts').selectAll().where('id', 'in', part).execute()));
  return found;
}

/** Inserts new alerts; returns the dedup keys actually inserted (a concurrent request may have won a key). */
export async function insertNewAlerts(trx: Db, rows: readonly AlertRow[]): Promise<number> {
  let inserted = 0;
  for (const part of chunks(rows)) {
    const result = await trx
      .insertInto('alerts')
      .values(part)
      .onConflict((oc) => oc.columns(['integration_id', 'dedup_key']).doNothing())
      .returning('id')
      .execute();
    inserted += result.length;
  }
  return inserted;
}

const ALERT_MUTABLE = [
  'status', 'severity', 'summary', 'rule', 'labels', 'links', 'group_id', 'suppressed_by', 'last_seen_at', 'last_change_at', 'starts_at', 'ends_at',
  'count', 'trigger_count', 'ack_count', 'acted_count', 'state_changes', 'recent_changes', 'flapping', 'acknowledged_at', 'acknowledged_by',
  'resolved_at', 'resolved_by', 'payload_digest',
] as const satisfies ReadonlyArray<keyof AlertsTable>;

/** Writes the new state of existing (locked) alerts in one statement per chunk: a multi-row upsert used as a bulk update. */
export async function writeAlerts(trx: Db, rows: readonly AlertRow[]): Promise<void> {
  for (const part of chunks(rows)) {
    await trx
      .insertInto('alerts')
      .values(part)
      .onConflict((oc) =>
        oc.columns(['integration_id', 'dedup_key']).doUpdateSet(fromExcluded(ALERT_MUTABLE)),
      )
      .execute();
  }
}

/**
 * Records resends that change nothing but when the alert was last seen and how
 * often: a narrow update that touches no index, the common case under a storm.
 */
export async function touchAlerts(trx: Db, ids: readonly string[], seenAt: string, occurrences: number): Promise<void> {
  for (const part of chunks(ids)) {
    await trx
      .updateTable('alerts')
      .set((eb) => ({ last_seen_at: seenAt, count: eb('count', '+', occurrences) }))
      .where('id', 'in', part)
      .execute();
  }
}

/** Stores the latest payload of alerts (new ones, or ones whose payload changed). */
export async function writeBodies(trx: Db, rows: ReadonlyArray<{ alert_id: string; payload: string }>): Promise<void> {
  for (const part of chunks(rows)) {
    await trx
      .insertInto('alert_bodies')
      .values(part)
      .onConflict((oc) => oc.column('alert_id').doUpdateSet((eb) => ({ payload: eb.ref('excluded.payload') })))
      .execute();
  }
}

export async function findBody(db: Db, alertId: string): Promise<string | undefined> {
  return (await db.selectFrom('alert_bodies').select('payload').where('alert_id', '=', alertId).executeTakeFirst())?.payload;
}

export async function insertAlertEvents(trx: Db, rows: ReadonlyArray<Insertable<AlertEventsTable>>): Promise<void> {
  for (const part of chunks(rows)) await trx.insertInto('alert_events').values(part).execute();
}

/** Groups still taking alerts for these services. */
export async function findOpenGroups(trx: Db, serviceIds: readonly string[]): Promise<GroupRow[]> {
  if (serviceIds.length === 0) return [];
  return trx.selectFrom('alert_groups').selectAll().where('open_slot', '=', 1).where('service_id', 'in', [...serviceIds]).execute();
}

/** Stops groups from taking new alerts (their window passed). */
export async function closeGroups(trx: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await trx.updateTable('alert_groups').set({ open_slot: null }).where('id', 'in', [...ids]).where('open_slot', '=', 1).execute();
}

/** Opens groups; returns the ids inserted (a concurrent request may have opened one first). */
export async function insertGroups(trx: Db, rows: readonly GroupRow[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const result = await trx
    .insertInto('alert_groups')
    .values([...rows])
    .onConflict((oc) => oc.columns(['service_id', 'group_key', 'open_slot']).doNothing())
    .returning('id')
    .execute();
  return result.map((r) => r.id);
}

/** Groups by id, locked (PostgreSQL) in id order. */
export async function findGroupsForUpdate(trx: Db, ids: readonly string[]): Promise<GroupRow[]> {
  if (ids.length === 0) return [];
  return forUpdate(trx, trx.selectFrom('alert_groups').selectAll().where('id', 'in', [...ids]).orderBy('id')).execute();
}

const GROUP_MUTABLE = [
  'open_slot', 'status', 'severity', 'acknowledged_at', 'resolved_at', 'alert_count', 'open_count', 'unacked_count',
  'incident_id', 'incident_ref', 'updated_at',
] as const satisfies ReadonlyArray<keyof AlertGroupsTable>;

/** Writes the new state of locked groups in one statement. */
export async function writeGroups(trx: Db, rows: readonly GroupRow[]): Promise<void> {
  for (const part of chunks(rows)) {
    await trx
      .insertInto('alert_groups')
      .values(part)
      .onConflict((oc) => oc.column('id').doUpdateSet(fromExcluded(GROUP_MUTABLE)))
      .execute();
  }
}

export async function insertPayload(
  trx: Db,
  row: { integration_id: string; received_at: string; request_id: string | null; size_bytes: number; truncated: number; body: string; incident_id: string | null },
): Promise<void> {
  await trx.insertInto('alert_payloads').values(row).execute();
}

/** Deletes raw payloads received before `before` that no incident references; returns how many. */
export async function purgePayloads(db: Db, before: string): Promise<number> {
  const result = await db.deleteFrom('alert_payloads').where('received_at', '<', before).where('incident_id', 'is', null).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Sets the incident columns of groups just linked. */
export async function setGroupIncidents(trx: Db, rows: readonly GroupRow[]): Promise<void> {
  for (const g of rows) await trx.updateTable('alert_groups').set({ incident_id: g.incident_id, incident_ref: g.incident_ref }).where('id', '=', g.id).execute();
}

/** The services of these groups. */
export async function servicesOfGroups(db: Db, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  return (await db.selectFrom('alert_groups').select('service_id').distinct().where('id', 'in', [...ids]).execute()).map((r) => r.service_id);
}

/**
 * Keeps a raw alert payload for the life of an incident that cites it (the
 * retention purge skips payloads with an incident). False when there is no
 * such payload.
 */
export async function keepPayloadForIncident(trx: Db, payloadId: number, incidentId: string): Promise<boolean> {
  const row = await trx.selectFrom('alert_payloads').select(['id', 'incident_id']).where('id', '=', payloadId).executeTakeFirst();
  if (!row) return false;
  if (row.incident_id === null) await trx.updateTable('alert_payloads').set({ incident_id: incidentId }).where('id', '=', payloadId).execute();
  return true;
}
