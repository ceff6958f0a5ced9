/**
 * A run measured from the logs it left: the alert group's acknowledgement
 * and resolution, and the drill incident's key times (projected from its
 * event log: acknowledged, first shared picture, mitigated, resolved).
 */
import type { Db } from '../../db/schema.js';
import type { IncidentState } from '../incidents/model.js';
import { getIncidentRow, stateOf } from '../incidents/access.js';
import { evaluateGoals, type DrillGoal, type GoalResult, type RunTimes } from './goals.js';
import { drillRunLanding, groupTimes } from '../alerts/service.js';
import { incidentActorIds } from '../incidents/service.js';
import { groupAcknowledgers } from '../oncall/escalation-service.js';
import type { RunRow } from './store.js';

export interface MeasuredRun extends RunTimes {
  /** Known once its alerts were grouped (a silenced drill groups when its silence ends). */
  alertGroupId: string | null;
  incidentId: string | null;
  incidentRef: string | null;
  goals: GoalResult[];
  /** Everyone who acknowledged its page or wrote to its incident. */
  actors: string[];
}

function earliest(...times: Array<string | null | undefined>): string | null {
  const known = times.filter((t): t is string => typeof t === 'string');
  return known.length ? known.reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b)) : null;
}

/** Measures one run against the goals it fired with, as of `now`. */
export async function measureRun(db: Db, run: RunRow, now: Date): Promise<MeasuredRun> {
  const links = run.alert_group_id && run.incident_id ? { groupId: run.alert_group_id, incidentId: run.incident_id } : await drillRunLanding(db, run.id);
  const group = links.groupId ? await groupTimes(db, links.groupId) : undefined;
  const incidentRow = links.incidentId ? await getIncidentRow(db, links.incidentId) : undefined;
  const state: IncidentState | undefined = incidentRow ? stateOf(incidentRow) : undefined;
  const times: RunTimes = {
    firedAt: run.fired_at,
    acknowledgedAt: earliest(group?.acknowledgedAt, state?.keyTimes.acknowledgedAt),
    sharedPictureAt: state?.keyTimes.firstSharedPictureAt ?? null,
    mitigatedAt: state?.keyTimes.mitigatedAt ?? null,
    resolvedAt: earliest(state?.keyTimes.resolvedAt, group?.resolvedAt),
  };
  const actors = new Set<string>([
    ...(links.groupId ? await groupAcknowledgers(db, links.groupId) : []),
    ...(links.incidentId ? await incidentActorIds(db, links.incidentId) : []),
  ]);
  return { ...times, alertGroupId: links.groupId, incidentId: links.incidentId, incidentRef: incidentRow?.ref ?? null, goals: evaluateGoals(JSON.parse(run.goals) as DrillGoal[], times, now), actors: [...actors] };
}
