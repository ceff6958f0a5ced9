import type { Kysely } from 'kysely';
import { timestampType } from '../migration-kit.js';

/**
 * People a step would have paged but could not: none of their channels can
 * leave the process (no SMTP server, no SMS provider). Kept apart from `pages`,
 * which holds pages that went out (budgets and burden count those).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await db.schema
    .createTable('page_skips')
    .addColumn('escalation_id', 'text', (c) => c.notNull().references('escalations.id').onDelete('cascade'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('step', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('page_skips_pk', ['escalation_id', 'round', 'step', 'user_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('page_skips').execute();
}
