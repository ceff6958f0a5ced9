import { sql } from 'kysely';
import type { Db } from './schema.js';

let counter = 0;

/**
 * Runs fn inside a savepoint of trx. When fn fails, only its writes are rolled
 * back and the error is returned; the transaction goes on (on PostgreSQL a
 * failed statement would otherwise abort the whole transaction).
 */
export async function inSavepoint<T>(trx: Db, fn: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  const name = sql.id(`sp_${++counter}`);
  await sql`savepoint ${name}`.execute(trx);
  try {
    const value = await fn();
    await sql`release savepoint ${name}`.execute(trx);
    return { ok: true, value };
  } catch (error) {
    await sql`rollback to savepoint ${name}`.execute(trx);
    await sql`release savepoint ${name}`.execute(trx);
    return { ok: false, error };
  }
}
