import type { Kysely } from 'kysely';
import { rebuildIncident } from '../../domains/incidents/rebuild.js';

/**
 * The incident model as it stands (ARCHITECTURE.md, "Incidents"): the stored projection is bounded
 * and shaped anew, so every projection is rebuilt from its log (the log itself
 * is unchanged: new kinds and fields are additive). Histories are read from
 * the log by kind, hence the index. Alert payloads referenced by an incident
 * are kept for the incident's life, hence `incident_id` on them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('incident_events_kind').on('incident_events').columns(['incident_id', 'kind', 'seq']).execute();
  await db.schema.alterTable('alert_payloads').addColumn('incident_id', 'text').execute();
  await db.schema.createIndex('alert_payloads_incident').on('alert_payloads').columns(['incident_id']).execute();
  const incidents = await db.selectFrom('incidents').select('id').orderBy('number').execute();
  for (const { id } of incidents) await rebuildIncident(db, id as string);
}

/**
 * Drops the index and the column. The projections keep the new shape: the
 * reducer that wrote the old one is gone, and the earlier code reads the
 * fields it knows from it; `firebreak incident rebuild --all` of that version
 * rewrites them.
 */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('alert_payloads_incident').execute();
  await db.schema.alterTable('alert_payloads').dropColumn('incident_id').execute();
  await db.schema.dropIndex('incident_events_kind').execute();
}
