import type { Kysely } from 'kysely';
import { bigintType } from '../migration-kit.js';
import { rebuildIncidentFacts } from '../../domains/metrics/facts-store.js';

/**
 * The metrics facts row per incident (issue 11): kept by the append hook from
 * now on, back-filled here from each incident's projection and log.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const big = bigintType(db);
  await db.schema
    .createTable('incident_metric_facts')
    .addColumn('incident_id', 'text', (c) => c.primaryKey().references('incidents.id').onDelete('cascade'))
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('services', 'text', (c) => c.notNull())
    .addColumn('is_drill', 'integer', (c) => c.notNull())
    .addColumn('declared_at_ms', big, (c) => c.notNull())
    .addColumn('acknowledged_at_ms', big)
    .addColumn('shared_picture_at_ms', big)
    .addColumn('mitigated_at_ms', big)
    .addColumn('resolved_at_ms', big)
    .addColumn('first_symptom_at_ms', big)
    .addColumn('commitments_met', 'integer', (c) => c.notNull())
    .addColumn('commitments_missed', 'integer', (c) => c.notNull())
    .addColumn('open_commitment_due_at_ms', big)
    .addColumn('reminders', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('incident_metric_facts_declared').on('incident_metric_facts').columns(['declared_at_ms']).execute();
  const incidents = await db.selectFrom('incidents').select('id').orderBy('number').execute();
  for (const { id } of incidents) await rebuildIncidentFacts(db, id as string);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('incident_metric_facts').execute();
}
