import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import pino from 'pino';
import { sql } from 'kysely';
import { loadConfig } from '../config.js';
import { describeEachStore } from '../db/testing.js';
import { createChangeBus, type ChangeBus } from '../db/changes.js';
import { TestClock, withClock } from '../clock.js';
import { until } from '../testing/until.js';
import { JobQueue } from './queue.js';
import { JobWorker } from './worker.js';
import { findJob } from './store.js';
import { createJobTestTable, recordRunJob, runsOf, testJobs } from './testing.js';

const HOUR = 3_600_000;

describeEachStore('jobs due in product time', (fixture) => {
  let bus: ChangeBus;
  let queue: JobQueue;
  let worker: JobWorker;
  let claims = 0;
  const clock = new TestClock('2026-02-02T08:00:00.000Z', { frozen: true });

  before(async () => {
    await createJobTestTable(fixture.store);
    bus = createChangeBus(fixture.store);
    queue = new JobQueue(bus, 5);
    worker = new JobWorker(loadConfig({}), fixture.store, bus, queue, pino({ level: 'silent' }), { concurrency: 2, leaseMs: 5000, productClock: clock }, testJobs, { onClaim: () => claims++ });
    await worker.start();
  });
  after(async () => {
    await worker.stop();
    await bus.close();
  });

  test('a job due in an hour runs once the clock passes it, not before, and runs on that clock', async () => {
    const runAt = new Date(clock.now().getTime() + HOUR);
    await withClock(clock, () => fixture.store.transaction((trx) => queue.schedule(trx, recordRunJob, { key: 'in-an-hour' }, { key: 'in-an-hour', runAt })));

    // Just short of the hour nothing is due: the move wakes the worker, it claims nothing, the job still waits.
    const claimsBefore = claims;
    clock.advance(HOUR - 1000);
    await until('the worker to look again after the move', () => claims > claimsBefore);
    assert.equal((await findJob(fixture.store.db, 'test.record:in-an-hour'))?.status, 'queued');
    assert.deepEqual(await runsOf(fixture.store), []);

    clock.advance(2000);
    await until('the job to run', async () => (await findJob(fixture.store.db, 'test.record:in-an-hour'))?.status === 'done', 5000);
    const ran = await sql<{ ran_at: string }>`select ran_at from job_test_runs where job_key = 'in-an-hour'`.execute(fixture.store.db);
    assert.deepEqual(ran.rows.map((r) => r.ran_at), [new Date(runAt.getTime() + 1000).toISOString()], 'the handler read the product clock');
  });
});
