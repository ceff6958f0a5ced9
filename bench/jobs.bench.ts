/**
 * Job engine throughput: schedule N jobs (in transactions of 100), then time
 * one in-process worker draining them. Both dialects (PostgreSQL when
 * FIREBREAK_TEST_DATABASE_URL is set).
 */
import { loadConfig } from '../src/config.js';
import pino from 'pino';
import { createScratchDatabase, testPostgresUrl } from '../src/db/testing.js';
import { createChangeBus } from '../src/db/changes.js';
import { JobQueue } from '../src/jobs/queue.js';
import { JobWorker } from '../src/jobs/worker.js';
import { createJobTestTable, recordRunJob } from '../src/jobs/testing.js';
import type { DialectName } from '../src/db/dialect.js';
import { round, table } from './support.js';

const JOBS = Number(process.env.BENCH_JOBS ?? 5000);

async function measure(dialect: DialectName, concurrency: number): Promise<Array<string | number>> {
  const scratch = await createScratchDatabase(dialect);
  const store = await scratch.open();
  await createJobTestTable(store);
  const bus = createChangeBus(store);
  const queue = new JobQueue(bus, 5);
  const t0 = performance.now();
  for (let i = 0; i < JOBS; i += 100) {
    await store.transaction(async (trx) => {
      for (let j = i; j < Math.min(JOBS, i + 100); j++) await queue.schedule(trx, recordRunJob, { key: `b${j}` }, { key: `b${j}`, runAt: new Date(Date.now() + 3_600_000) });
    });
  }
  const scheduleSeconds = (performance.now() - t0) / 1000;
  await store.db.updateTable('jobs').set({ run_at: new Date().toISOString() }).execute();
  let done = 0;
  let finished: () => void = () => undefined;
  const allDone = new Promise<void>((resolve) => (finished = resolve));
  const worker = new JobWorker(loadConfig({}), store, bus, queue, pino({ level: 'silent' }), { concurrency, leaseMs: 30_000 }, [recordRunJob], {
    onAttempt: () => {
      if (++done === JOBS) finished();
    },
  });
  const t1 = performance.now();
  await worker.start();
  await allDone;
  const runSeconds = (performance.now() - t1) / 1000;
  await worker.stop();
  await bus.close();
  await store.close();
  await scratch.drop();
  return [dialect, concurrency, JOBS, round(JOBS / scheduleSeconds), round(JOBS / runSeconds)];
}

const rows: Array<Array<string | number>> = [];
const dialects: DialectName[] = testPostgresUrl() ? ['sqlite', 'postgres'] : ['sqlite'];
for (const dialect of dialects) {
  for (const concurrency of [1, 8]) rows.push(await measure(dialect, concurrency));
}
console.log(table('Job engine throughput', ['dialect', 'worker concurrency', 'jobs', 'scheduled/s (100 per transaction)', 'run/s (claim, handler, complete)'], rows));
