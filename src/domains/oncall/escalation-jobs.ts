/** The escalation step job: locks the escalation, re-checks it, pages the step, schedules the next one. */
import { Type } from '@sinclair/typebox';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { completeIn, defineJob } from '../../jobs/definition.js';
import { nextPosition } from './escalation-policy.js';
import * as store from './escalation-store.js';
import { digestJob, factsOf, fireStep, notifyWaveJob, type PagingDeps } from './paging.js';
import { clockNow } from '../../clock.js';

/**
 * Pages the escalation's current step and moves it to the next one (or marks
 * it exhausted), in trx. The caller holds the escalation's row lock, or has
 * just inserted the row, and has checked the step is due.
 */
export async function runStep(trx: Transaction<Database>, deps: PagingDeps, esc: store.EscalationRow, now: string, people?: readonly string[]): Promise<void> {
  await fireStep(trx, deps, esc, now, people);
  const next = nextPosition(factsOf(esc), esc);
  if (!next) {
    await store.updateEscalation(trx, esc.id, { status: 'exhausted', next_step_at: null, stopped_at: now, updated_at: now });
    return;
  }
  const runAt = new Date(Date.parse(now) + next.delaySeconds * 1000).toISOString();
  await store.updateEscalation(trx, esc.id, { round: next.round, step: next.step, next_step_at: runAt, updated_at: now });
  await deps.jobs.schedule(trx, escalationStepJob, { escalationId: esc.id, round: next.round, step: next.step }, { key: `${esc.id}:${next.round}:${next.step}`, runAt });
}

export const escalationStepJob = defineJob({
  kind: 'oncall.escalation-step',
  payload: Type.Object({ escalationId: Type.String(), round: Type.Integer({ minimum: 0 }), step: Type.Integer({ minimum: 0 }) }),
  async handler(payload, ctx) {
    await ctx.store.transaction(async (trx) => {
      // The row lock serialises this with acknowledgements and with a second worker holding a copy of this job.
      const esc = await store.lockEscalation(trx, payload.escalationId);
      if (esc && esc.status === 'active' && esc.round === payload.round && esc.step === payload.step) await runStep(trx, ctx, esc, clockNow().toISOString());
      // The step, its pages and the job's completion commit together: one commit per step.
      await completeIn(ctx, trx);
    });
  },
});

export const pagingJobs = [escalationStepJob, notifyWaveJob, digestJob];
