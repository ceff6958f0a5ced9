/** Job kinds used by the job engine's own tests and benchmarks; they record each run in `job_test_runs`. */
import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import type { Store } from '../db/store.js';
import { completeIn, defineJob } from './definition.js';
import { clockNow } from '../clock.js';

/** Creates the table test jobs write to (outside migrations: it is not part of the product). */
export async function createJobTestTable(store: Store): Promise<void> {
  await sql`create table if not exists job_test_runs (job_key text not null, worker text not null, ran_at text not null)`.execute(store.db);
}

export async function runsOf(store: Store): Promise<Array<{ job_key: string; worker: string }>> {
  const result = await sql<{ job_key: string; worker: string }>`select job_key, worker from job_test_runs`.execute(store.db);
  return result.rows;
}

/** Records that it ran, after sleeping `sleepMs` (to be killed mid-job in tests). */
export const recordRunJob = defineJob({
  kind: 'test.record',
  payload: Type.Object({ key: Type.String(), sleepMs: Type.Optional(Type.Integer({ minimum: 0 })) }),
  async handler(payload, ctx) {
    if (payload.sleepMs) await new Promise((resolve) => setTimeout(resolve, payload.sleepMs));
    const worker = process.env.FIREBREAK_TEST_WORKER_NAME ?? String(process.pid);
    await sql`insert into job_test_runs (job_key, worker, ran_at) values (${payload.key}, ${worker}, ${clockNow().toISOString()})`.execute(ctx.store.db);
  },
});

/** Fails until its attempt number reaches `succeedOnAttempt`. */
export const flakyJob = defineJob({
  kind: 'test.flaky',
  payload: Type.Object({ key: Type.String(), succeedOnAttempt: Type.Integer({ minimum: 1 }) }),
  maxAttempts: 3,
  async handler(payload, ctx) {
    if (ctx.attempt < payload.succeedOnAttempt) throw new Error(`attempt ${ctx.attempt} fails on purpose`);
    await sql`insert into job_test_runs (job_key, worker, ran_at) values (${payload.key}, ${'flaky'}, ${clockNow().toISOString()})`.execute(ctx.store.db);
  },
});

/** Records its run and completes in the same transaction, then throws: what a handler failing after its final commit looks like. */
export const throwAfterCompletingJob = defineJob({
  kind: 'test.throw-after-completing',
  payload: Type.Object({ key: Type.String() }),
  async handler(payload, ctx) {
    await ctx.store.transaction(async (trx) => {
      await sql`insert into job_test_runs (job_key, worker, ran_at) values (${payload.key}, ${'completing'}, ${clockNow().toISOString()})`.execute(trx);
      await completeIn(ctx, trx);
    });
    throw new Error('cleanup after the commit failed');
  },
});

export const testJobs = [recordRunJob, flakyJob, throwAfterCompletingJob];
