import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadConfig } from '../config.js';
import pino from 'pino';
import { describeEachStore } from '../db/testing.js';
import { createChangeBus, type ChangeBus } from '../db/changes.js';
import { JobQueue } from './queue.js';
import { JobWorker, type AttemptOutcome, type WorkerHooks } from './worker.js';
import { findJob } from './store.js';
import { sql } from 'kysely';
import { dialectOf } from '../db/dialect.js';
import { createJobTestTable, flakyJob, recordRunJob, runsOf, testJobs, throwAfterCompletingJob } from './testing.js';
import { until } from '../testing/until.js';

const silent = pino({ level: 'silent' });

describeEachStore('job engine', (fixture) => {
  let bus: ChangeBus;
  let queue: JobQueue;
  const workers: JobWorker[] = [];

  async function startWorker(hooks: WorkerHooks = {}, leaseMs = 5000, clock?: () => Date): Promise<JobWorker> {
    const worker = new JobWorker(loadConfig({}), fixture.store, bus, queue, silent, { concurrency: 4, leaseMs, retryBaseMs: 20, ...(clock ? { clock } : {}) }, testJobs, hooks);
    await worker.start();
    workers.push(worker);
    return worker;
  }

  /** Stops every worker started so far, so the next one started is the only claimer. */
  async function stopWorkers(): Promise<void> {
    for (const w of workers.splice(0)) await w.stop();
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
    // The worker's first claim at start is done before the test counts.
    await until('a claim', async () => claims > 0, 2000);
    const claimsBefore = claims;
    const scheduledAt = Date.now();
    await fixture.store.transaction((trx) => queue.schedule(trx, recordRunJob, { key: 'due-in-2s' }, { key: 'due-in-2s', runAt: new Date(scheduledAt + 2000) }));
    await until('the job due in two seconds to run', async () => (await runsOf(fixture.store)).some((r) => r.job_key === 'due-in-2s'), 3000);
    const elapsed = Date.now() - scheduledAt;
    assert.ok(elapsed >= 1900, `ran too early: ${elapsed} ms`);
    assert.ok(elapsed <= 2500, `ran too late: ${elapsed} ms`);
    // One claim when the notification arrives, one when the job is due, one after it finishes.
    assert.ok(claims - claimsBefore <= 4, `worker claimed ${claims - claimsBefore} times while waiting`);
  });

  test('a failing job is retried with backoff until it succeeds', async () => {
    await fixture.store.transaction((trx) => queue.schedule(trx, flakyJob, { key: 'flaky-ok', succeedOnAttempt: 3 }, { key: 'flaky-ok' }));
    await until('the flaky job to succeed on a retry', async () => (await findJob(fixture.store.db, 'test.flaky:flaky-ok'))?.status === 'done', 5000);
    const job = await findJob(fixture.store.db, 'test.flaky:flaky-ok');
    assert.equal(job?.attempts, 3);
    assert.equal((await runsOf(fixture.store)).filter((r) => r.job_key === 'flaky-ok').length, 1);
  });

  test('a job that keeps failing is marked dead after its attempts', async () => {
    await fixture.store.transaction((trx) => queue.schedule(trx, flakyJob, { key: 'flaky-dead', succeedOnAttempt: 10 }, { key: 'flaky-dead' }));
    await until('the always-failing job to die', async () => (await findJob(fixture.store.db, 'test.flaky:flaky-dead'))?.status === 'dead', 5000);
    const job = await findJob(fixture.store.db, 'test.flaky:flaky-dead');
    assert.equal(job?.attempts, 3);
    assert.match(job?.last_error ?? '', /attempt 3 fails on purpose/);
  });

  /** Inserts a job as if `lockedBy` had claimed it (attempt 1) with a lease until `leaseUntil`. */
  async function insertClaimed(key: string, lockedBy: string, leaseUntil: Date, extra: { sleepMs?: number } = {}): Promise<void> {
    const now = new Date().toISOString();
    await fixture.store.db
      .insertInto('jobs')
      .values({
        kind: 'test.record',
        idempotency_key: `test.record:${key}`,
        payload: JSON.stringify({ key, ...extra }),
        status: 'running',
        run_at: now,
        attempts: 1,
        max_attempts: 5,
        lease_until: leaseUntil.toISOString(),
        locked_by: lockedBy,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
  const nudge = async (key: string) => {
    await fixture.store.transaction((trx) => queue.schedule(trx, recordRunJob, { key }, { key }));
    await until('the job to be done', async () => (await findJob(fixture.store.db, `test.record:${key}`))?.status === 'done', 3000);
  };

  test('a job whose worker vanished is retried by another worker only once its lease has expired', async () => {
    const leaseUntil = new Date(Date.now() + 1500);
    await insertClaimed('orphan', 'a-worker-that-died', leaseUntil);
    // Jobs run and the worker is awake, but the orphan's lease still holds: nobody takes it.
    await nudge('nudge-before-expiry');
    if (Date.now() < leaseUntil.getTime() - 200) {
      const held = await findJob(fixture.store.db, 'test.record:orphan');
      assert.equal(held?.status, 'running');
      assert.equal(held?.attempts, 1);
      assert.equal(held?.locked_by, 'a-worker-that-died');
    }
    await until('the orphaned job to be run again', async () => (await findJob(fixture.store.db, 'test.record:orphan'))?.status === 'done', 5000);
    const job = await findJob(fixture.store.db, 'test.record:orphan');
    assert.equal(job?.attempts, 2, 'the retry is the second attempt');
    assert.ok(workers.some((w) => w.id === job?.locked_by), `claimed by a live worker, not ${job?.locked_by}`);
    const [run] = (await sql<{ ran_at: string }>`select ran_at from job_test_runs where job_key = 'orphan'`.execute(fixture.store.db)).rows;
    assert.ok(Date.parse(run!.ran_at) >= leaseUntil.getTime(), `the retry ran at ${run!.ran_at}, before the lease ended at ${leaseUntil.toISOString()}`);
  });

  test('a worker whose clock runs an hour ahead neither takes a job under a live lease nor writes leases from its own clock', async () => {
    const ahead = () => new Date(Date.now() + 3_600_000);
    const skewed = await startWorker({}, 5000, ahead);
    await insertClaimed('held-elsewhere', 'a-live-worker', new Date(Date.now() + 30_000));
    await fixture.store.transaction((trx) => queue.schedule(trx, recordRunJob, { key: 'skew-probe', sleepMs: 800 }, { key: 'skew-probe' }));
    await until('the skew probe to start', async () => (await findJob(fixture.store.db, 'test.record:skew-probe'))?.status === 'running', 3000);
    const probe = await findJob(fixture.store.db, 'test.record:skew-probe');
    assert.ok(Date.parse(probe!.lease_until!) <= Date.now() + 5000 + 1000, `lease written from the database clock, not ${probe!.lease_until}`);
    await until('the skew probe to finish', async () => (await findJob(fixture.store.db, 'test.record:skew-probe'))?.status === 'done', 5000);
    const held = await findJob(fixture.store.db, 'test.record:held-elsewhere');
    assert.equal(held?.status, 'running');
    assert.equal(held?.locked_by, 'a-live-worker');
    assert.equal(held?.attempts, 1);
    await skewed.stop();
    workers.splice(workers.indexOf(skewed), 1);
    await fixture.store.db.deleteFrom('jobs').where('idempotency_key', '=', 'test.record:held-elsewhere').execute();
  });

  test('an attempt that finishes after another worker took its job over reports it lost and changes nothing', async () => {
    const outcomes: Array<{ kind: string; outcome: AttemptOutcome }> = [];
    await stopWorkers();
    await startWorker({ onAttempt: (kind, outcome) => outcomes.push({ kind, outcome }) }, 60_000);
    await fixture.store.transaction((trx) => queue.schedule(trx, recordRunJob, { key: 'taken-over', sleepMs: 600 }, { key: 'taken-over' }));
    await until('the job to be taken over', async () => (await findJob(fixture.store.db, 'test.record:taken-over'))?.status === 'running', 3000);
    // Another worker claims it, as if this one had stalled past its lease.
    await fixture.store.db.updateTable('jobs').set((eb) => ({ locked_by: 'the-rescuer', attempts: eb('attempts', '+', 1) })).where('idempotency_key', '=', 'test.record:taken-over').execute();
    await until('the first attempt to be reported lost', async () => outcomes.some((o) => o.kind === 'test.record' && o.outcome === 'lost'), 3000);
    const job = await findJob(fixture.store.db, 'test.record:taken-over');
    assert.equal(job?.status, 'running', 'the job still belongs to the rescuer');
    assert.equal(job?.locked_by, 'the-rescuer');
    assert.ok(!outcomes.some((o) => o.kind === 'test.record' && o.outcome === 'done'));
    await fixture.store.db.deleteFrom('jobs').where('idempotency_key', '=', 'test.record:taken-over').execute();
  });

  test('a handler that throws after completing its job in its final transaction leaves the job done, not failed', async () => {
    await fixture.store.transaction((trx) => queue.schedule(trx, throwAfterCompletingJob, { key: 'completed-then-threw' }, { key: 'completed-then-threw' }));
    await until('the job to be claimed', async () => (await findJob(fixture.store.db, 'test.throw-after-completing:completed-then-threw'))?.status !== 'queued', 3000);
    await until('the attempt to end', async () => (await findJob(fixture.store.db, 'test.throw-after-completing:completed-then-threw'))?.status !== 'running', 3000);
    const job = await findJob(fixture.store.db, 'test.throw-after-completing:completed-then-threw');
    assert.equal(job?.status, 'done');
    assert.equal(job?.attempts, 1);
    assert.equal(job?.last_error, null);
    assert.equal((await runsOf(fixture.store)).filter((r) => r.job_key === 'completed-then-threw').length, 1);
  });

  test('a handler that succeeded is not marked failed when recording its completion throws', async () => {
    const refuse =
      dialectOf(fixture.store.db) === 'postgres'
        ? [
            sql`create function refuse_done() returns trigger language plpgsql as $$ begin raise exception 'completion refused on purpose'; end $$`,
            sql`create trigger refuse_done before update on jobs for each row when (new.status = 'done' and old.idempotency_key = 'test.record:completion-throws') execute function refuse_done()`,
          ]
        : [sql`create trigger refuse_done before update on jobs when new.status = 'done' and old.idempotency_key = 'test.record:completion-throws' begin select raise(abort, 'completion refused on purpose'); end`];
    for (const statement of refuse) await statement.execute(fixture.store.db);
    try {
      const outcomes: AttemptOutcome[] = [];
      await stopWorkers();
      await startWorker({ onAttempt: (kind, outcome) => kind === 'test.record' && outcomes.push(outcome) }, 60_000);
      await fixture.store.transaction((trx) => queue.schedule(trx, recordRunJob, { key: 'completion-throws' }, { key: 'completion-throws' }));
      await until('the attempt to be reported', async () => (await runsOf(fixture.store)).some((r) => r.job_key === 'completion-throws') && outcomes.length > 0, 3000);
      const job = await findJob(fixture.store.db, 'test.record:completion-throws');
      assert.equal(job?.status, 'running', 'left to its lease: the handler is idempotent and runs again after it');
      assert.equal(job?.last_error, null, 'no failure recorded');
      assert.equal(job?.attempts, 1);
      assert.ok(!outcomes.includes('retry') && !outcomes.includes('dead'), `outcomes: ${outcomes.join(', ')}`);
    } finally {
      await sql`drop trigger refuse_done${dialectOf(fixture.store.db) === 'postgres' ? sql` on jobs` : sql``}`.execute(fixture.store.db);
      if (dialectOf(fixture.store.db) === 'postgres') await sql`drop function refuse_done()`.execute(fixture.store.db);
      await fixture.store.db.deleteFrom('jobs').where('idempotency_key', '=', 'test.record:completion-throws').execute();
    }
  });
});
