/** Queries of contact methods and notification rules. */
import type { Selectable } from 'kysely';
import type { Db } from '../../db/schema.js';
import type { ContactMethodsTable, NotificationRulesTable } from './paging-tables.js';

export type ContactMethodRow = Selectable<ContactMethodsTable>;
export type NotificationRuleRow = Selectable<NotificationRulesTable>;

export async function insertMethod(db: Db, row: ContactMethodRow): Promise<boolean> {
  const out = await db.insertInto('contact_methods').values(row).onConflict((oc) => oc.columns(['user_id', 'kind', 'address']).doNothing()).executeTakeFirst();
  return Number(out.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function findMethod(db: Db, id: string): Promise<ContactMethodRow | undefined> {
  return db.selectFrom('contact_methods').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function methodsOf(db: Db, userIds: readonly string[]): Promise<ContactMethodRow[]> {
  if (userIds.length === 0) return [];
  return db.selectFrom('contact_methods').selectAll().where('user_id', 'in', userIds).orderBy('created_at').orderBy('id').execute();
}

/** The kinds of contact method someone has (verified or not). */
export async function kindsInUse(db: Db): Promise<string[]> {
  return (await db.selectFrom('contact_methods').select('kind').distinct().execute()).map((r) => r.kind);
}

export async function updateMethod(db: Db, id: string, changes: Partial<ContactMethodRow>): Promise<void> {
  await db.updateTable('contact_methods').set(changes).where('id', '=', id).execute();
}

export async function deleteMethod(db: Db, id: string): Promise<void> {
  await db.deleteFrom('contact_methods').where('id', '=', id).execute();
}

export async function rulesOf(db: Db, userIds: readonly string[]): Promise<NotificationRuleRow[]> {
  if (userIds.length === 0) return [];
  return db.selectFrom('notification_rules').selectAll().where('user_id', 'in', userIds).orderBy('delay_seconds').orderBy('created_at').execute();
}

/** Replaces a person's rules with these. */
export async function replaceRules(db: Db, userId: string, rows: readonly NotificationRuleRow[]): Promise<void> {
  await db.deleteFrom('notification_rules').where('user_id', '=', userId).execute();
  if (rows.length) await db.insertInto('notification_rules').values([...rows]).execute();
}
