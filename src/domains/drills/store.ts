import type { Selectable } from 'kysely';
import { forUpdate } from '../../db/dialect.js';
import type { Db } from '../../db/schema.js';
import type { DrillRunsTable, DrillScenariosTable } from './tables.js';

export type ScenarioRow = Selectable<DrillScenariosTable>;
export type RunRow = Selectable<DrillRunsTable>;

export async function insertScenario(db: Db, row: ScenarioRow): Promise<void> {
  await db.insertInto('drill_scenarios').values(row).execute();
}

export async function findScenario(db: Db, id: string, lock = false): Promise<ScenarioRow | undefined> {
  const query = db.selectFrom('drill_scenarios').selectAll().where('id', '=', id);
  return (lock ? forUpdate(db, query) : query).executeTakeFirst();
}

export async function findScenarioByName(db: Db, name: string): Promise<ScenarioRow | undefined> {
  return db.selectFrom('drill_scenarios').selectAll().where('name', '=', name).executeTakeFirst();
}

export async function listScenarios(db: Db): Promise<ScenarioRow[]> {
  return db.selectFrom('drill_scenarios').selectAll().orderBy('name').execute();
}

export async function updateScenario(db: Db, id: string, changes: Partial<Omit<ScenarioRow, 'id'>>): Promise<void> {
  await db.updateTable('drill_scenarios').set(changes).where('id', '=', id).execute();
}

/** Inserts a run unless its scenario already ran for that occurrence; true when this call inserted it. */
export async function insertRunOnce(db: Db, row: RunRow): Promise<boolean> {
  const result = await db.insertInto('drill_runs').values(row).onConflict((oc) => oc.columns(['scenario_id', 'occurrence']).doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function setRunOutcome(db: Db, id: string, outcome: Pick<RunRow, 'alerts' | 'alert_group_id' | 'incident_id'>): Promise<void> {
  await db.updateTable('drill_runs').set(outcome).where('id', '=', id).execute();
}

export async function findRun(db: Db, scenarioId: string, runId: string): Promise<RunRow | undefined> {
  return db.selectFrom('drill_runs').selectAll().where('id', '=', runId).where('scenario_id', '=', scenarioId).executeTakeFirst();
}

/** A scenario's runs, newest first. */
export async function listRuns(db: Db, scenarioId: string, limit: number): Promise<RunRow[]> {
  return db.selectFrom('drill_runs').selectAll().where('scenario_id', '=', scenarioId).orderBy('fired_at', 'desc').orderBy('id').limit(limit).execute();
}

/** The group and incident the run's alerts landed in (its alerts share one drill group; none while they are suppressed). */
export async function groupOfRun(db: Db, runId: string): Promise<{ groupId: string | null; incidentId: string | null }> {
  const row = await db
    .selectFrom('alerts')
    .innerJoin('alert_groups', 'alert_groups.id', 'alerts.group_id')
    .select(['alert_groups.id as groupId', 'alert_groups.incident_id as incidentId'])
    .where('alerts.drill_run_id', '=', runId)
    .executeTakeFirst();
  return { groupId: row?.groupId ?? null, incidentId: row?.incidentId ?? null };
}

/** What measuring a run reads: its group's times and its incident's projected state and who wrote to it. */
export async function findGroupTimes(db: Db, groupId: string): Promise<{ acknowledged_at: string | null; resolved_at: string | null } | undefined> {
  return db.selectFrom('alert_groups').select(['acknowledged_at', 'resolved_at']).where('id', '=', groupId).executeTakeFirst();
}

export async function incidentActors(db: Db, incidentId: string): Promise<string[]> {
  const rows = await db.selectFrom('incident_events').select('actor_id').distinct().where('incident_id', '=', incidentId).where('actor_id', 'is not', null).execute();
  return rows.map((r) => r.actor_id!);
}

export async function groupAcknowledgers(db: Db, groupId: string): Promise<string[]> {
  const rows = await db.selectFrom('escalations').select('acknowledged_by').where('alert_group_id', '=', groupId).where('acknowledged_by', 'is not', null).execute();
  return rows.map((r) => r.acknowledged_by!);
}
