/** Queries of the intake journal: append, find what is pending, claim a partition, retire what was applied. */
import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/schema.js';
import { skipLocked } from '../../db/dialect.js';
import type { AlertJournalTable } from './tables.js';

export type JournalEntry = Selectable<AlertJournalTable>;
export type NewJournalEntry = Insertable<AlertJournalTable>;

/** Appends entries in one statement; returns their ids in order. */
export async function appendEntries(db: Db, rows: readonly NewJournalEntry[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const ids = await db.insertInto('alert_journal').values([...rows]).returning('id').execute();
  return ids.map((r) => r.id).sort((a, b) => a - b);
}

/** Partitions with pending entries, the one waiting longest first. */
export async function pendingPartitions(db: Db, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('alert_journal')
    .select(['partition_key', (eb) => eb.fn.min('id').as('first')])
    .groupBy('partition_key')
    .orderBy('first')
    .limit(limit)
    .execute();
  return rows.map((r) => r.partition_key);
}

/**
 * Claims a partition for this transaction: its row locked, or skipped when
 * another applier holds it (PostgreSQL; SQLite's single writer already
 * excludes others). False when another applier has it.
 */
export async function claimPartition(trx: Db, key: string): Promise<boolean> {
  const exists = await trx.selectFrom('alert_journal_partitions').select('partition_key').where('partition_key', '=', key).executeTakeFirst();
  if (!exists) await trx.insertInto('alert_journal_partitions').values({ partition_key: key, applied_entries: 0, applied_at: null }).onConflict((oc) => oc.column('partition_key').doNothing()).execute();
  const claimed = await skipLocked(trx as never, trx.selectFrom('alert_journal_partitions').select('partition_key').where('partition_key', '=', key)).executeTakeFirst();
  return claimed !== undefined;
}

/** The partition's oldest pending entries, in id order. */
export async function entriesOf(db: Db, key: string, limit: number): Promise<JournalEntry[]> {
  return db.selectFrom('alert_journal').selectAll().where('partition_key', '=', key).orderBy('id').limit(limit).execute();
}

/** Retires applied entries and advances the partition's count, in the applying transaction; returns how many were deleted. */
export async function retireEntries(trx: Db, key: string, ids: readonly number[], now: string): Promise<number> {
  if (ids.length === 0) return 0;
  const deleted = Number((await trx.deleteFrom('alert_journal').where('id', 'in', [...ids]).executeTakeFirst()).numDeletedRows);
  await trx
    .updateTable('alert_journal_partitions')
    .set((eb) => ({ applied_entries: eb('applied_entries', '+', deleted), applied_at: now }))
    .where('partition_key', '=', key)
    .execute();
  return deleted;
}

/** The newest entry's id (null when the journal is empty). */
export async function lastEntryId(db: Db): Promise<number | null> {
  const row = await db.selectFrom('alert_journal').select((eb) => eb.fn.max('id').as('last')).executeTakeFirst();
  return row?.last === null || row?.last === undefined ? null : Number(row.last);
}

/** True while an entry with id ≤ `through` is still pending. */
export async function pendingThrough(db: Db, through: number): Promise<boolean> {
  return (await db.selectFrom('alert_journal').select('id').where('id', '<=', through).limit(1).executeTakeFirst()) !== undefined;
}
