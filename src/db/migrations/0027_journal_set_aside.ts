import type { Kysely } from 'kysely';
import { timestampType } from '../migration-kit.js';

/**
 * Intake journal entries that keep failing: how often applying one failed
 * (and the last error), and when it was set aside after too many failures,
 * so its service's later entries proceed. A set-aside entry is kept until an
 * administrator replays it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await db.schema.alterTable('alert_journal').addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('alert_journal').addColumn('last_error', 'text').execute();
  await db.schema.alterTable('alert_journal').addColumn('set_aside_at', ts).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('alert_journal').dropColumn('set_aside_at').execute();
  await db.schema.alterTable('alert_journal').dropColumn('last_error').execute();
  await db.schema.alterTable('alert_journal').dropColumn('attempts').execute();
}
