/** Reading what the metrics need: facts rows of a window of declarations, their action items and service owners. */
import type { Db } from '../../db/schema.js';
import type { ActionItemFacts, IncidentFactsRow } from './facts.js';
import { factsOfRow } from './facts-store.js';

export interface Window {
  fromMs: number;
  toMs: number;
}

/** Facts rows of every incident declared in [from, to), drills included (the caller reports them apart). */
export async function factsRowsIn(db: Db, w: Window): Promise<IncidentFactsRow[]> {
  const rows = await db.selectFrom('incident_metric_facts').selectAll()
    .where('declared_at_ms', '>=', w.fromMs).where('declared_at_ms', '<', w.toMs).execute();
  const parsed = new Map<string, string[]>();
  return rows.map((row) => factsOfRow(row, parsed));
}

/** Action items of the incidents declared in [from, to), by incident id. */
export async function actionItemsIn(db: Db, w: Window): Promise<Map<string, ActionItemFacts[]>> {
  const rows = await db.selectFrom('postmortem_action_items as a')
    .innerJoin('incident_metric_facts as f', 'f.incident_id', 'a.incident_id')
    .select(['a.incident_id', 'a.created_at', 'a.closed_at', 'a.due_at'])
    .where('f.declared_at_ms', '>=', w.fromMs).where('f.declared_at_ms', '<', w.toMs).execute();
  const byIncident = new Map<string, ActionItemFacts[]>();
  for (const r of rows) {
    const list = byIncident.get(r.incident_id) ?? [];
    list.push({ createdAt: Date.parse(r.created_at), closedAt: r.closed_at === null ? null : Date.parse(r.closed_at), dueAt: r.due_at === null ? null : Date.parse(r.due_at) });
    byIncident.set(r.incident_id, list);
  }
  return byIncident;
}

/** Owner team of each service that has one, by service id and by name (older incidents name services by name). */
export async function teamsOfServices(db: Db): Promise<Map<string, string>> {
  const services = await db.selectFrom('services').select(['id', 'name', 'owner_team_id']).where('owner_team_id', 'is not', null).execute();
  const teamOfService = new Map<string, string>();
  for (const s of services) {
    teamOfService.set(s.id, s.owner_team_id!);
    teamOfService.set(s.name, s.owner_team_id!);
  }
  return teamOfService;
}
