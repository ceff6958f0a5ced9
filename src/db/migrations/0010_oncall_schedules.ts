import type { Kysely } from 'kysely';
import { oneOf, timestampType } from '../migration-kit.js';

/** On-call schedules: layers of rotations, overrides, and secret iCalendar feeds. */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await db.schema
    .createTable('oncall_schedules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text')
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('owner_team_id', 'text', (c) => c.references('teams.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('oncall_schedule_layers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('schedule_id', 'text', (c) => c.notNull().references('oncall_schedules.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('start_local', 'text', (c) => c.notNull())
    .addColumn('length_unit', 'text', (c) => c.notNull().check(oneOf('length_unit', ['hours', 'days', 'weeks'])))
    .addColumn('length_count', 'integer', (c) => c.notNull())
    .addColumn('participants', 'text', (c) => c.notNull())
    .addColumn('restrictions', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('oncall_schedule_layers_position', ['schedule_id', 'position'])
    .execute();

  await db.schema
    .createTable('oncall_overrides')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('schedule_id', 'text', (c) => c.notNull().references('oncall_schedules.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', ['replace', 'add'])))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('replaces_user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('starts_at', ts, (c) => c.notNull())
    .addColumn('ends_at', ts, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema.createIndex('oncall_overrides_schedule_ends').on('oncall_overrides').columns(['schedule_id', 'ends_at']).execute();

  await db.schema
    .createTable('oncall_schedule_feeds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('schedule_id', 'text', (c) => c.references('oncall_schedules.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('revoked_at', ts)
    .execute();

  // One row per notice sent (shift start, gap warning): the fence that keeps a retried job from sending twice.
  await db.schema
    .createTable('oncall_schedule_notices')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('schedule_id', 'text', (c) => c.notNull().references('oncall_schedules.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', ['shift-start', 'gap'])))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('oncall_schedule_notices').execute();
  await db.schema.dropTable('oncall_schedule_feeds').execute();
  await db.schema.dropIndex('oncall_overrides_schedule_ends').execute();
  await db.schema.dropTable('oncall_overrides').execute();
  await db.schema.dropTable('oncall_schedule_layers').execute();
  await db.schema.dropTable('oncall_schedules').execute();
}
