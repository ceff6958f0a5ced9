/** Reading the facts the metrics need: incidents declared in a window, their commitment events and service owners. */
import type { Db } from '../../db/schema.js';
import { fromJson } from '../../db/dialect.js';
import type { IncidentState } from '../incidents/model.js';
import { factsOf, type IncidentFacts } from './facts.js';

/** The kinds the metrics read from the log (update commitments and missed deadlines). */
const METRIC_KINDS = ['update_posted', 'resolved', 'reminder'] as const;

/** Facts of every incident declared in [from, to), drills included (the caller reports them apart). */
export async function incidentFacts(db: Db, window: { from: string; to: string }, now: Date): Promise<IncidentFacts[]> {
  const rows = await db.selectFrom('incidents').select(['id', 'state'])
    .where('declared_at', '>=', window.from).where('declared_at', '<', window.to).execute();
  const events = await db.selectFrom('incident_events')
    .innerJoin('incidents', 'incidents.id', 'incident_events.incident_id')
    .select(['incident_events.incident_id', 'incident_events.seq', 'incident_events.kind', 'incident_events.occurred_at', 'incident_events.body'])
    .where('incidents.declared_at', '>=', window.from).where('incidents.declared_at', '<', window.to)
    .where('incident_events.kind', 'in', METRIC_KINDS)
    .execute();
  const byIncident = new Map<string, Array<{ seq: number; kind: string; occurredAt: string; body: unknown }>>();
  for (const e of events) {
    const list = byIncident.get(e.incident_id) ?? [];
    list.push({ seq: e.seq, kind: e.kind, occurredAt: e.occurred_at, body: e.kind === 'update_posted' ? fromJson(e.body) : null });
    byIncident.set(e.incident_id, list);
  }
  const services = await db.selectFrom('services').select(['id', 'name', 'owner_team_id']).where('owner_team_id', 'is not', null).execute();
  // Incidents name services by id or by name; both map to the owner team.
  const teamOfService = new Map<string, string>();
  for (const s of services) {
    teamOfService.set(s.id, s.owner_team_id!);
    teamOfService.set(s.name, s.owner_team_id!);
  }
  return rows.map((row) => factsOf(fromJson<IncidentState>(row.state)!, byIncident.get(row.id) ?? [], teamOfService, now));
}
