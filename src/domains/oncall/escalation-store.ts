/** Queries of escalation policies, running escalations, pages and page budgets. */
import type { Selectable } from 'kysely';
import type { Db } from '../../db/schema.js';
import { forUpdate } from '../../db/dialect.js';
import type { EscalationPoliciesTable, EscalationsTable, PageDeliveriesTable, PageSkipsTable, PagesTable } from './paging-tables.js';

export type PolicyRow = Selectable<EscalationPoliciesTable>;
export type EscalationRow = Selectable<EscalationsTable>;
export type PageRow = Selectable<PagesTable>;
export type PageDeliveryRow = Selectable<PageDeliveriesTable>;
export type PageSkipRow = Selectable<PageSkipsTable>;

export async function insertPolicy(db: Db, row: PolicyRow): Promise<void> {
  await db.insertInto('escalation_policies').values(row).execute();
}

export async function updatePolicy(db: Db, id: string, changes: Partial<PolicyRow>): Promise<void> {
  await db.updateTable('escalation_policies').set(changes).where('id', '=', id).execute();
}

export async function deletePolicy(db: Db, id: string): Promise<void> {
  await db.deleteFrom('escalation_policies').where('id', '=', id).execute();
}

export async function findPolicy(db: Db, idOrName: string): Promise<PolicyRow | undefined> {
  return db.selectFrom('escalation_policies').selectAll().where((eb) => eb.or([eb('id', '=', idOrName), eb('name', '=', idOrName)])).executeTakeFirst();
}

export async function findPoliciesByIds(db: Db, ids: readonly string[]): Promise<PolicyRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('escalation_policies').selectAll().where('id', 'in', ids).execute();
}

export async function listPolicies(db: Db): Promise<PolicyRow[]> {
  return db.selectFrom('escalation_policies').selectAll().orderBy('name').execute();
}

/** Inserts escalations; those whose alert group already has one are skipped. Returns the ids inserted. */
export async function insertEscalations(db: Db, rows: readonly EscalationRow[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted: string[] = [];
  for (let i = 0; i < rows.length; i += 200) {
    const out = await db
      .insertInto('escalations')
      .values(rows.slice(i, i + 200))
      .onConflict((oc) => oc.column('alert_group_id').doNothing())
      .returning('id')
      .execute();
    inserted.push(...out.map((r) => r.id));
  }
  return inserted;
}

/** The escalation, locked until the transaction ends: job handlers and acknowledgements serialise on it. */
export async function lockEscalation(db: Db, id: string): Promise<EscalationRow | undefined> {
  return forUpdate(db, db.selectFrom('escalations').selectAll().where('id', '=', id)).executeTakeFirst();
}

export async function findEscalation(db: Db, id: string): Promise<EscalationRow | undefined> {
  return db.selectFrom('escalations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findEscalationOfGroup(db: Db, alertGroupId: string): Promise<EscalationRow | undefined> {
  return db.selectFrom('escalations').selectAll().where('alert_group_id', '=', alertGroupId).executeTakeFirst();
}

/**
 * Escalations, newest first. With `visibleTo` (a person who is not an admin),
 * those of private incidents they are not a member of are left out.
 */
export async function listEscalations(db: Db, filter: { incidentId?: string; alertGroupId?: string; status?: EscalationRow['status']; limit: number; visibleTo?: string | null }): Promise<EscalationRow[]> {
  let q = db.selectFrom('escalations').selectAll('escalations').orderBy('escalations.created_at', 'desc').limit(filter.limit);
  if (filter.incidentId) q = q.where('escalations.incident_id', '=', filter.incidentId);
  if (filter.alertGroupId) q = q.where('escalations.alert_group_id', '=', filter.alertGroupId);
  if (filter.status) q = q.where('escalations.status', '=', filter.status);
  if (filter.visibleTo !== undefined) {
    const who = filter.visibleTo;
    q = q.where((eb) =>
      eb.or([
        eb('escalations.incident_id', 'is', null),
        eb.not(eb.exists(eb.selectFrom('incidents').select('incidents.id').whereRef('incidents.id', '=', 'escalations.incident_id').where('incidents.is_private', '=', 1))),
        ...(who === null ? [] : [eb.exists(eb.selectFrom('incident_members').select('incident_members.user_id').whereRef('incident_members.incident_id', '=', 'escalations.incident_id').where('incident_members.user_id', '=', who))]),
      ]),
    );
  }
  return q.execute();
}

/** Escalations nobody has answered yet: still paging, or every step fired (an acknowledgement still counts for the burden report). */
export const UNANSWERED: ReadonlyArray<EscalationRow['status']> = ['active', 'exhausted'];

/** Unanswered escalations of these alert groups, locked. */
export async function lockUnansweredEscalationsOfGroups(db: Db, groupIds: readonly string[]): Promise<EscalationRow[]> {
  if (groupIds.length === 0) return [];
  return forUpdate(db, db.selectFrom('escalations').selectAll().where('alert_group_id', 'in', groupIds).where('status', 'in', UNANSWERED)).execute();
}

export async function updateEscalation(db: Db, id: string, changes: Partial<EscalationRow>): Promise<void> {
  await db.updateTable('escalations').set(changes).where('id', '=', id).execute();
}

/** Stops unanswered escalations: no step fires after this commits. */
export async function stopEscalations(db: Db, ids: readonly string[], status: 'acknowledged' | 'resolved', by: string | null, now: string, reason: string | null = null): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('escalations')
    .set({ status, stopped_at: now, updated_at: now, next_step_at: null, stopped_by: by, stop_reason: reason, ...(status === 'acknowledged' ? { acknowledged_by: by, acknowledged_at: now } : {}) })
    .where('id', 'in', ids)
    .where('status', 'in', UNANSWERED)
    .execute();
}

/** Inserts the pages of one step; a person already paged by that step is skipped. Returns the rows inserted. */
export async function insertPages(db: Db, rows: readonly PageRow[]): Promise<PageRow[]> {
  if (rows.length === 0) return [];
  const out = await db
    .insertInto('pages')
    .values([...rows])
    .onConflict((oc) => oc.columns(['escalation_id', 'round', 'step', 'user_id']).doNothing())
    .returning('id')
    .execute();
  const ids = new Set(out.map((r) => r.id));
  return rows.filter((r) => ids.has(r.id));
}

/** Records people a step could not page (duplicates of a retried step are ignored). */
export async function insertPageSkip(db: Db, row: PageSkipRow): Promise<void> {
  await db.insertInto('page_skips').values(row).onConflict((oc) => oc.columns(['escalation_id', 'round', 'step', 'user_id']).doNothing()).execute();
}

/** The people an escalation's steps could not page, oldest first. */
export async function skipsOfEscalation(db: Db, escalationId: string): Promise<PageSkipRow[]> {
  return db.selectFrom('page_skips').selectAll().where('escalation_id', '=', escalationId).orderBy('created_at').execute();
}

export async function findPage(db: Db, id: string): Promise<PageRow | undefined> {
  return db.selectFrom('pages').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function pagesOfEscalation(db: Db, escalationId: string): Promise<PageRow[]> {
  return db.selectFrom('pages').selectAll().where('escalation_id', '=', escalationId).orderBy('created_at').execute();
}

/** Marks an escalation's pages acknowledged, noting which went to the person who acknowledged. */
export async function acknowledgePages(db: Db, escalationIds: readonly string[], byUserId: string | null, now: string): Promise<void> {
  if (escalationIds.length === 0) return;
  await db.updateTable('pages').set({ acknowledged_at: now }).where('escalation_id', 'in', escalationIds).where('acknowledged_at', 'is', null).execute();
  if (byUserId) {
    await db.updateTable('pages').set({ acknowledged_by_recipient: 1 }).where('escalation_id', 'in', escalationIds).where('user_id', '=', byUserId).execute();
  }
}

/**
 * Locks a person's page budget row (creating it if needed): two workers deciding
 * whether one more page fits in the same minute take turns.
 */
export async function lockBudget(db: Db, userId: string, now: string): Promise<void> {
  // An upsert that always updates takes the row lock in one statement on both dialects.
  await db
    .insertInto('page_budgets')
    .values({ user_id: userId, updated_at: now })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ updated_at: now }))
    .execute();
}

/** Pages actually sent to a person since `since` (folded ones wait for the digest). */
export async function countSentPages(db: Db, userId: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('pages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('status', '=', 'sent')
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A person's folded pages with their escalations' titles and services, oldest first, locked. */
export async function foldedPages(db: Db, userId: string): Promise<Array<PageRow & { title: string; service_id: string | null; escalation_status: EscalationRow['status'] }>> {
  return forUpdate(
    db,
    db
      .selectFrom('pages')
      .innerJoin('escalations', 'escalations.id', 'pages.escalation_id')
      .selectAll('pages')
      .select(['escalations.title', 'escalations.service_id', 'escalations.status as escalation_status'])
      .where('pages.user_id', '=', userId)
      .where('pages.status', '=', 'folded')
      .orderBy('pages.created_at'),
  ).execute();
}

export async function markDigested(db: Db, pageIds: readonly string[], digestId: string): Promise<void> {
  if (pageIds.length === 0) return;
  await db.updateTable('pages').set({ status: 'digested', digest_id: digestId }).where('id', 'in', pageIds).execute();
}

/** Who acknowledged the escalations of an alert group (user ids, or labels for non-users). */
export async function groupAcknowledgers(db: Db, alertGroupId: string): Promise<string[]> {
  const rows = await db.selectFrom('escalations').select('acknowledged_by').where('alert_group_id', '=', alertGroupId).where('acknowledged_by', 'is not', null).execute();
  return rows.map((r) => r.acknowledged_by!);
}

/** Unanswered escalations paging into an incident or for its alert groups, locked. */
export async function lockUnansweredEscalationsOfIncident(db: Db, incidentId: string, groupIds: readonly string[]): Promise<EscalationRow[]> {
  return forUpdate(
    db,
    db.selectFrom('escalations').selectAll().where('status', 'in', UNANSWERED)
      .where((eb) => eb.or([eb('incident_id', '=', incidentId), ...(groupIds.length ? [eb('alert_group_id', 'in', groupIds)] : [])]))
      .orderBy('id'),
  ).execute();
}

/** Every escalation of an incident (its own pages and its alert groups'), oldest first. */
export async function escalationsOfIncident(db: Db, incidentId: string, groupIds: readonly string[]): Promise<EscalationRow[]> {
  return db.selectFrom('escalations').selectAll()
    .where((eb) => eb.or([eb('incident_id', '=', incidentId), ...(groupIds.length ? [eb('alert_group_id', 'in', groupIds)] : [])]))
    .orderBy('created_at').orderBy('id').execute();
}

/** Remembers the delivery a page wrote to one contact method. */
export async function insertPageDelivery(db: Db, row: PageDeliveryRow): Promise<void> {
  await db.insertInto('page_deliveries').values(row).onConflict((oc) => oc.columns(['page_id', 'delivery_id']).doNothing()).execute();
}

/** The deliveries of these pages, oldest first. */
export async function deliveriesOfPages(db: Db, pageIds: readonly string[]): Promise<PageDeliveryRow[]> {
  if (pageIds.length === 0) return [];
  return db.selectFrom('page_deliveries').selectAll().where('page_id', 'in', pageIds).orderBy('created_at').execute();
}
