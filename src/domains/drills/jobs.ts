/**
 * A scheduled drill comes due. The job re-checks the scenario under its row
 * lock: still enabled, and this occurrence still the one it waits for (an
 * edited schedule leaves the old job stale). It fires the drill, schedules the
 * next occurrence and completes, all in one transaction; the run row is
 * unique per scenario and occurrence, so two workers fire it once.
 */
import { isDomainError } from '../../errors.js';
import { completeIn, handleJob } from '../../jobs/definition.js';
import { fireDrillInTx } from './fire.js';
import { drillDueKind, scheduleDrillFire } from './job-kinds.js';
import { nextOccurrence, type DrillSchedule } from './schedule.js';
import * as store from './store.js';
import { clockMs, clockNow } from '../../clock.js';

export const drillDueJob = handleJob(drillDueKind, async (payload, ctx) => {
  const fired = await ctx.store.transaction(async (trx) => {
    const scenario = await store.findScenario(trx, payload.scenarioId, true);
    if (!scenario || scenario.disabled_at !== null || scenario.next_fire_at !== payload.occurrence) {
      await completeIn(ctx, trx);
      return null;
    }
    let run: store.RunRow | null = null;
    try {
      run = await fireDrillInTx(trx, ctx, scenario, payload.occurrence, 'schedule', 'schedule');
    } catch (err) {
      // Refused before anything was written (its integration is gone or disabled): skip this occurrence, keep the schedule.
      if (!isDomainError(err, 'unprocessable')) throw err;
      ctx.logger.warn({ err, scenarioId: scenario.id, occurrence: payload.occurrence }, 'drill not fired');
    }
    // Occurrences missed while no worker ran are not fired late: the next one is after now.
    const after = new Date(Math.max(Date.parse(payload.occurrence), clockMs()));
    const next = nextOccurrence(JSON.parse(scenario.schedule) as DrillSchedule, after)?.toISOString() ?? null;
    await store.updateScenario(trx, scenario.id, { next_fire_at: next, updated_at: clockNow().toISOString() });
    if (next) await scheduleDrillFire(trx, ctx.jobs, scenario.id, next);
    await completeIn(ctx, trx);
    return run;
  });
  if (fired) ctx.logger.info({ scenarioId: payload.scenarioId, runId: fired.id, incidentId: fired.incident_id }, 'drill fired');
});
