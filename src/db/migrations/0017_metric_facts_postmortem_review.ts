import type { Kysely } from 'kysely';
import { bigintType, timestampType } from '../migration-kit.js';
import { clockNow } from '../../clock.js';

/**
 * The metrics facts row per incident, kept by the append hook from
 * now on and back-filled from each incident's projection and log by a rebuild
 * job this migration schedules (a migration never runs a domain's code); the
 * postmortem review (reviewers, comments anchored to sections), meeting and
 * public summary.
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
  const ts = timestampType(db);
  await db.schema.alterTable('postmortems').addColumn('reviewers', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await db.schema.alterTable('postmortems').addColumn('meeting_at', ts).execute();
  await db.schema.alterTable('postmortems').addColumn('meeting_minutes', 'integer').execute();
  await db.schema.alterTable('postmortems').addColumn('meeting_sequence', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('postmortems').addColumn('public_summary', 'text').execute();
  // The published postmortem summary of a status page incident (Statuspage's `postmortem` status), written on publication.
  await db.schema.alterTable('status_incidents').addColumn('postmortem_body', 'text').execute();
  await db.schema.alterTable('status_incidents').addColumn('postmortem_at', ts).execute();
  await db.schema
    .createTable('postmortem_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('postmortem_id', 'text', (c) => c.notNull().references('postmortems.id').onDelete('cascade'))
    .addColumn('section', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('author_label', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('resolved_at', ts)
    .addColumn('resolved_by', 'text')
    .execute();
  await db.schema.createIndex('postmortem_comments_postmortem').on('postmortem_comments').columns(['postmortem_id', 'created_at']).execute();
  const incidents = await db.selectFrom('incidents').select('id').limit(1).execute();
  if (incidents.length === 0) return;
  // The jobs table as 0001 created it; the kind is the incidents domain's `incidents.rebuild-projections`,
  // which also rewrites the per-append projections (this row). Reapplied after a revert, it schedules afresh.
  const now = clockNow().toISOString();
  await db.deleteFrom('jobs').where('idempotency_key', '=', 'incidents.rebuild-projections:0017').execute();
  await db.insertInto('jobs').values({
    kind: 'incidents.rebuild-projections', idempotency_key: 'incidents.rebuild-projections:0017', payload: JSON.stringify({ reason: 'migration 0017_metric_facts_postmortem_review' }),
    status: 'queued', run_at: now, attempts: 0, max_attempts: 10, lease_until: null, locked_by: null, last_error: null, created_at: now, updated_at: now, finished_at: null,
  }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('postmortem_comments').execute();
  await db.schema.alterTable('status_incidents').dropColumn('postmortem_at').execute();
  await db.schema.alterTable('status_incidents').dropColumn('postmortem_body').execute();
  for (const column of ['public_summary', 'meeting_sequence', 'meeting_minutes', 'meeting_at', 'reviewers']) {
    await db.schema.alterTable('postmortems').dropColumn(column).execute();
  }
  await db.schema.dropTable('incident_metric_facts').execute();
}
