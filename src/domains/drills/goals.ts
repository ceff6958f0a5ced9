/**
 * A drill's goals and how a run measured against them. Pure: the times come
 * from the run's alert group and incident (see measure.ts).
 */
export const GOAL_KINDS = ['acknowledged', 'shared_picture', 'mitigated', 'resolved'] as const;
export type GoalKind = (typeof GOAL_KINDS)[number];

/** "acknowledged within 5 minutes" of the drill firing. */
export interface DrillGoal {
  kind: GoalKind;
  minutes: number;
}

/** The times a run is measured by (ISO strings; null until it happened). */
export interface RunTimes {
  firedAt: string;
  acknowledgedAt: string | null;
  sharedPictureAt: string | null;
  mitigatedAt: string | null;
  resolvedAt: string | null;
}

export type GoalOutcome = 'met' | 'missed' | 'pending';

export interface GoalResult extends DrillGoal {
  /** Seconds from firing to the goal's moment, null when it has not happened. */
  seconds: number | null;
  outcome: GoalOutcome;
}

const TIME_OF: Record<GoalKind, keyof RunTimes> = {
  acknowledged: 'acknowledgedAt',
  shared_picture: 'sharedPictureAt',
  mitigated: 'mitigatedAt',
  resolved: 'resolvedAt',
};

/** A goal in words: "acknowledged within 5 min". */
export function describeGoal(goal: DrillGoal): string {
  return `${goal.kind.replace('_', ' ')} within ${goal.minutes} min`;
}

/**
 * Each goal met (its moment came within the threshold), missed (it came
 * later, or the threshold passed at `now` without it) or pending.
 */
export function evaluateGoals(goals: readonly DrillGoal[], times: RunTimes, now: Date): GoalResult[] {
  const fired = Date.parse(times.firedAt);
  return goals.map((goal) => {
    const at = times[TIME_OF[goal.kind]];
    const limit = goal.minutes * 60;
    if (at === null) return { ...goal, seconds: null, outcome: now.getTime() - fired > limit * 1000 ? 'missed' : 'pending' };
    const seconds = Math.max(0, Math.round((Date.parse(at) - fired) / 1000));
    return { ...goal, seconds, outcome: seconds <= limit ? 'met' : 'missed' };
  });
}

export interface RunGoals {
  runId: string;
  firedAt: string;
  goals: readonly GoalResult[];
}

export interface GoalTrend extends DrillGoal {
  runs: Array<{ runId: string; firedAt: string; seconds: number | null; outcome: GoalOutcome }>;
  met: number;
  missed: number;
  pending: number;
}

/** Per goal (kind and threshold), its measured values over runs, oldest first, and how many met. */
export function goalTrend(runs: readonly RunGoals[]): GoalTrend[] {
  const byGoal = new Map<string, GoalTrend>();
  const ordered = [...runs].sort((a, b) => a.firedAt.localeCompare(b.firedAt) || a.runId.localeCompare(b.runId));
  for (const run of ordered) {
    for (const g of run.goals) {
      const key = `${g.kind}:${g.minutes}`;
      let trend = byGoal.get(key);
      if (!trend) {
        trend = { kind: g.kind, minutes: g.minutes, runs: [], met: 0, missed: 0, pending: 0 };
        byGoal.set(key, trend);
      }
      trend.runs.push({ runId: run.runId, firedAt: run.firedAt, seconds: g.seconds, outcome: g.outcome });
      trend[g.outcome]++;
    }
  }
  return [...byGoal.values()].sort((a, b) => GOAL_KINDS.indexOf(a.kind) - GOAL_KINDS.indexOf(b.kind) || a.minutes - b.minutes);
}
