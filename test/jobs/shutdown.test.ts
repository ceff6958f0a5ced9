import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../src/db/testing.js';
import { createChangeBus, type ChangeBus } from '../../src/db/changes.js';
import { JobQueue } from '../../src/jobs/queue.js';
import { findJob } from '../../src/jobs/store.js';
import { createJobTestTable, recordRunJob, runsOf } from '../../src/jobs/testing.js';
import { ROOT } from '../support/process.js';
import { until } from '../../src/testing/until.js';

const WORKER = path.join(ROOT, 'dist', 'test', 'support', 'job-worker.js');

describeEachStore('graceful shutdown', (fixture) => {
  let bus: ChangeBus;
  let queue: JobQueue;
  before(async () => {
    await createJobTestTable(fixture.store);
    bus = createChangeBus(fixture.store);
    queue = new JobQueue(bus, 5);
  });
  after(async () => {
    await bus.close();
  });

  test('SIGTERM lets a running job finish before the worker exits 0', async () => {
    await fixture.store.transaction((trx) => queue.schedule(trx, recordRunJob, { key: 'in-flight', sleepMs: 1500 }, { key: 'in-flight' }));
    const child = spawn(process.execPath, [WORKER], {
      env: { ...process.env, FIREBREAK_DATA_DIR: fixture.scratch.dataDir, FIREBREAK_DATABASE_URL: fixture.scratch.databaseUrl ?? '', FIREBREAK_LOG_LEVEL: 'error' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const exited = once(child, 'exit');
    await until('the worker to claim the job', async () => (await findJob(fixture.store.db, 'test.record:in-flight'))?.status === 'running', 10_000);
    child.kill('SIGTERM');
    const [code] = (await exited) as [number | null];
    assert.equal(code, 0);
    assert.equal((await findJob(fixture.store.db, 'test.record:in-flight'))?.status, 'done', 'the job finished, not abandoned');
    assert.equal((await runsOf(fixture.store)).filter((r) => r.job_key === 'in-flight').length, 1);
  });
});
