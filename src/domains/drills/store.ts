import type { Selectable } from 'kysely';
import { forUpdate } from '../../db/dialect.js';
import type { Db } from '../../db/schema.js';
import type { DrillRunsTable, DrillScenariosTable } from './tables.js';

export type ScenarioRow = Selectable<DrillScenariosTable>;
export type RunRow = Selectable<DrillRunsTable>;

/** Drill tables only: the times a run is measured by come from the alerts, incidents and on-call stores. */
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
