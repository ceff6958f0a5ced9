import type { Kysely } from 'kysely';
import { oneOf, timestampType } from '../migration-kit.js';

const FORMATS = ['alertmanager', 'pagerduty', 'generic'];
const TRIGGERS = ['schedule', 'manual'];

/** Drill scenarios and their runs; alerts a drill sent and the groups they open carry the drill's mark. */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await db.schema.alterTable('alert_groups').addColumn('drill', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('alerts').addColumn('drill_run_id', 'text').execute();

  await db.schema
    .createTable('drill_scenarios')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id').onDelete('cascade'))
    .addColumn('integration_id', 'text', (c) => c.notNull().references('integrations.id').onDelete('cascade'))
    .addColumn('format', 'text', (c) => c.notNull().check(oneOf('format', FORMATS)))
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('responders', 'text', (c) => c.notNull())
    .addColumn('goals', 'text', (c) => c.notNull())
    .addColumn('schedule', 'text', (c) => c.notNull())
    .addColumn('next_fire_at', ts)
    .addColumn('disabled_at', ts)
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('drill_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scenario_id', 'text', (c) => c.notNull().references('drill_scenarios.id').onDelete('cascade'))
    .addColumn('trigger', 'text', (c) => c.notNull().check(oneOf('trigger', TRIGGERS)))
    /** The scheduled instant it ran for (the fire time for a manual run): unique per scenario, so a run happens once. */
    .addColumn('occurrence', ts, (c) => c.notNull())
    .addColumn('fired_at', ts, (c) => c.notNull())
    .addColumn('fired_by', 'text', (c) => c.notNull())
    .addColumn('alerts', 'integer', (c) => c.notNull())
    .addColumn('alert_group_id', 'text')
    .addColumn('incident_id', 'text')
    .addColumn('goals', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('drill_runs_occurrence').on('drill_runs').columns(['scenario_id', 'occurrence']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('drill_runs').execute();
  await db.schema.dropTable('drill_scenarios').execute();
  await db.schema.alterTable('alerts').dropColumn('drill_run_id').execute();
  await db.schema.alterTable('alert_groups').dropColumn('drill').execute();
}
