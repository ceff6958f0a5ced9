import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { describePostgres } from '../../src/db/testing.js';
import { createChangeBus, type ChangeBus } from '../../src/db/changes.js';
import { JobQueue } from '../../src/jobs/queue.js';
import { findJob } from '../../src/jobs/store.js';
import { createJobTestTable, recordRunJob, runsOf } from '../../src/jobs/testing.js';
import { ROOT } from '../support/process.js';
import { until } from '../../src/testing/until.js';

const WORKER = path.join(ROOT, 'dist', 'test', 'support', 'job-worker.js');

async function startWorkerProcess(databaseUrl: string, name: string, env: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, [WORKER], {
    env: { ...process.env, FIREBREAK_DATABASE_URL: databaseUrl, FIREBREAK_LOG_LEVEL: 'error', FIREBREAK_TEST_WORKER_NAME: name, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('worker ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`worker exited early with ${code}`)));
  });
  return child;
}

async function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill(signal);
  await exited;
}

describePostgres('job engine across processes', (fixture) => {
  let bus: ChangeBus;
  let queue: JobQueue;
  const children: ChildProcess[] = [];

  before(async () => {
    await createJobTestTable(fixture.store);
    bus = createChangeBus(fixture.store);
    queue = new JobQueue(bus, 5);
  });
  after(async () => {
    for (const child of children) await stopProcess(child, 'SIGKILL');
    await bus.close();
  });

  test('1,000 jobs across two worker processes each run exactly once', async () => {
    const url = fixture.scratch.databaseUrl!;
    children.push(await startWorkerProcess(url, 'A'), await startWorkerProcess(url, 'B'));
    const keys = Array.from({ length: 1000 }, (_, i) => `bulk-${i}`);
    for (let i = 0; i < keys.length; i += 100) {
      await fixture.store.transaction(async (trx) => {
        for (const key of keys.slice(i, i + 100)) await queue.schedule(trx, recordRunJob, { key }, { key });
      });
    }
    await until('1,000 runs', async () => (await runsOf(fixture.store)).filter((r) => r.job_key.startsWith('bulk-')).length >= 1000, 60_000);
    // Once every job is done none can be claimed again, so no duplicate run can still appear.
    await until('every job to be done', async () => Number((await fixture.store.db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).where('idempotency_key', 'like', 'test.record:bulk-%').where('status', '=', 'done').executeTakeFirstOrThrow()).n) === 1000, 10_000);
    const runs = (await runsOf(fixture.store)).filter((r) => r.job_key.startsWith('bulk-'));
    const perKey = new Map<string, number>();
    for (const run of runs) perKey.set(run.job_key, (perKey.get(run.job_key) ?? 0) + 1);
    assert.equal(runs.length, 1000, 'no job ran twice');
    assert.deepEqual([...perKey.keys()].sort(), [...keys].sort());
    assert.ok([...perKey.values()].every((n) => n === 1));
    const byWorker = new Set(runs.map((r) => r.worker));
    assert.deepEqual([...byWorker].sort(), ['A', 'B'], 'both workers took part');
    for (const child of children.splice(0)) await stopProcess(child);
  });

  test('a worker killed mid-job: the job is retried after its lease and completes', async () => {
    const url = fixture.scratch.databaseUrl!;
    const leaseEnv = { FIREBREAK_JOB_LEASE_SECONDS: '1' };
    const victim = await startWorkerProcess(url, 'victim', leaseEnv);
    children.push(victim);
    await fixture.store.transaction((trx) => queue.schedule(trx, recordRunJob, { key: 'killed', sleepMs: 4000 }, { key: 'killed' }));
    await until('the victim to claim the job', async () => (await findJob(fixture.store.db, 'test.record:killed'))?.status === 'running', 5000);
    await stopProcess(victim, 'SIGKILL');
    // The victim renews its lease while it runs; the last renewal is what the rescuer must wait out.
    const leaseUntil = Date.parse((await findJob(fixture.store.db, 'test.record:killed'))!.lease_until!);
    const rescuer = await startWorkerProcess(url, 'rescuer', leaseEnv);
    children.push(rescuer);
    await until('the job to complete', async () => (await findJob(fixture.store.db, 'test.record:killed'))?.status === 'done', 15_000);
    const job = await findJob(fixture.store.db, 'test.record:killed');
    const runs = (await runsOf(fixture.store)).filter((r) => r.job_key === 'killed');
    assert.equal(job?.attempts, 2, 'the second attempt completed it');
    assert.deepEqual(runs.map((r) => r.worker), ['rescuer'], 'the killed attempt recorded nothing and the retry ran once');
    const [run] = await sql<{ ran_at: string }>`select ran_at from job_test_runs where job_key = 'killed'`.execute(fixture.store.db).then((r) => r.rows);
    // The retry started only after the lease expired, then slept 4 s before recording its run.
    assert.ok(Date.parse(run!.ran_at) - 4000 >= leaseUntil - 50, `the retry waited for the lease (ran ${run!.ran_at}, lease until ${new Date(leaseUntil).toISOString()})`);
  });
});
