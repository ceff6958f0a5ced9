import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadConfig } from '../config.js';
import pino from 'pino';
import { describeEachStore } from '../db/testing.js';
import { createChangeBus, type ChangeBus } from '../db/changes.js';
import { JobQueue } from './queue.js';
import { JobWorker, type WorkerHooks } from './worker.js';
import { findJob } from './store.js';
import { createJobTestTable, flakyJob, recordRunJob, runsOf, testJobs } from './testing.js';

const silent = pino({ level: 'silent' });

async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describeEachStore('job engine', (fixture) => {
  let bus: ChangeBus;
  let queue: JobQueue;
  const workers: JobWorker[] = [];

  async function startWorker(hooks: WorkerHooks = {}, leaseMs = 5000): Promise<JobWorker> {
    const worker = new JobWorker(loadConfig({}), fixture.store, bus, queue, silent, { concurrency: 4, leaseMs, retryBaseMs: 20 }, testJobs, hooks);
    await worker.start();
    workers.push(worker);
    return worker;
  }

  before(async () => {
    await createJobTestTable(fixture.store);
    bus = createChangeBus(fixture.store);
    queue = new JobQueue(bus, 5);
  });
  after(async () => {
    for (const w of workers) await w.stop();
    await bus.close();
  });

  test('scheduling the same key twice schedules one job', async () => {
    const first = await fixture.store.transaction((trx) => queue.schedule(trx, recordRunJob, { key: 'once' }, { key: 'once', runAt: new Date(Date.now() + 3_600_000) }));
    const second = await fixture.store.transaction((trx) => queue.schedule(trx, recordRunJob, { key: 'once' }, { key: 'once', runAt: new Date(Date.now() + 3_600_000) }));
    assert.equal(first, true);
    assert.equal(second, false);
  });

  test('a job scheduled in a transaction that rolls back does not exist', async () => {
    await assert.rejects(
      fixture.store.transaction(async (trx) => {
        await queue.schedule(trx, recordRunJob, { key: 'rolled-back' }, { key: 'rolled-back' });
        throw new Error('abort');
      }),
      /abort/,
    );
    assert.equal(await findJob(fixture.store.db, 'test.record:rolled-back'), undefined);
  });

  test('a payload that does not match the job schema is refused when scheduling', async () => {
    await assert.rejects(
      fixture.store.transaction((trx) => queue.schedule(trx, recordRunJob, { key: 42 } as never, { key: 'bad' })),
      /invalid payload at \/key/,
    );
  });

  test('a job due in 2 s runs within 2.5 s, and the worker does not poll while it waits', async () => {
    let claims = 0;
    await startWorker({ onClaim: () => claims++ });
    await new Promise((r) => setTimeout(r, 100));
    const claimsBefore = claims;
    const scheduledAt = Date.now();
    await fixture.store.transaction((trx) => queue.schedule(trx, recordRunJob, { key: 'due-in-2s' }, { key: 'due-in-2s', runAt: new Date(scheduledAt + 2000) }));
    await until(async () => (await runsOf(fixture.store)).some((r) => r.job_key === 'due-in-2s'), 3000);
    const elapsed = Date.now() - scheduledAt;
    assert.ok(elapsed >= 1900, `ran too early: ${elapsed} ms`);
    assert.ok(elapsed <= 2500, `ran too late: ${elapsed} ms`);
    // One claim when the notification arrives, one when the job is due, one after it finishes.
    assert.ok(claims - claimsBefore <= 4, `worker claimed ${claims - claimsBefore} times while waiting`);
  });

  test('a failing job is retried with backoff until it succeeds', async () => {
    await fixture.store.transaction((trx) => queue.schedule(trx, flakyJob, { key: 'flaky-ok', succeedOnAttempt: 3 }, { key: 'flaky-ok' }));
    await until(async () => (await findJob(fixture.store.db, 'test.flaky:flaky-ok'))?.status === 'done', 5000);
    const job = await findJob(fixture.store.db, 'test.flaky:flaky-ok');
    assert.equal(job?.attempts, 3);
    assert.equal((await runsOf(fixture.store)).filter((r) => r.job_key === 'flaky-ok').length, 1);
  });

  test('a job that keeps failing is marked dead after its attempts', async () => {
    await fixture.store.transaction((trx) => queue.schedule(trx, flakyJob, { key: 'flaky-dead', succeedOnAttempt: 10 }, { key: 'flaky-dead' }));
    await until(async () => (await findJob(fixture.store.db, 'test.flaky:flaky-dead'))?.status === 'dead', 5000);
    const job = await findJob(fixture.store.db, 'test.flaky:flaky-dead');
    assert.equal(job?.attempts, 3);
    assert.match(job?.last_error ?? '', /attempt 3 fails on purpose/);
  });

  test('a job whose worker vanished is retried once its lease expires', async () => {
    const now = new Date().toISOString();
    await fixture.store.db
      .insertInto('jobs')
      .values({
        kind: 'test.record',
        idempotency_key: 'test.record:orphan',
        payload: JSON.stringify({ key: 'orphan' }),
        status: 'running',
        run_at: now,
        attempts: 1,
        max_attempts: 5,
        lease_until: new Date(Date.now() + 300).toISOString(),
        locked_by: 'a-worker-that-died',
        created_at: now,
        updated_at: now,
      })
      .execute();
    await fixture.store.transaction((trx) => queue.schedule(trx, recordRunJob, { key: 'nudge' }, { key: 'nudge' }));
    await until(async () => (await findJob(fixture.store.db, 'test.record:orphan'))?.status === 'done', 3000);
    const job = await findJob(fixture.store.db, 'test.record:orphan');
    assert.equal(job?.attempts, 2);
    assert.notEqual(job?.locked_by, 'a-worker-that-died');
  });
});
