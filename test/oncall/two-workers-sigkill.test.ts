/** As two-workers.test.ts, with a worker SIGKILLed in the middle: the survivors finish, still exactly once. */
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../src/app/testing.js';
import { describePostgres } from '../../src/db/testing.js';
import { startSmtpPeer, type SmtpPeer } from '../../src/domains/notify/testing.js';
import { exhausted, GROUPS, pageCounts, seedStorm, startWorker, stop, until } from './storm-support.js';

describePostgres('escalation steps across worker processes, one killed', (fixture) => {
  let smtp: SmtpPeer;
  let t: TestApp;
  const children: ChildProcess[] = [];

  before(async () => {
    smtp = await startSmtpPeer();
    // The first step fires in the intake transaction, so this process pages too: the same budget as the workers.
    t = await createTestApp(fixture.store, { config: { smtpUrl: smtp.url, pagesPerMinute: 1000 } });
  });
  after(async () => {
    for (const child of children) await stop(child, 'SIGKILL');
    await t.close();
    await smtp.close();
  });

  test('the same with a worker SIGKILLed in the middle: a surviving worker finishes, still exactly once', async () => {
    const env = { FIREBREAK_DATABASE_URL: fixture.scratch.databaseUrl!, FIREBREAK_SMTP_URL: smtp.url, FIREBREAK_PAGES_PER_MINUTE: '1000', FIREBREAK_JOB_LEASE_SECONDS: '2' };
    const victim = await startWorker({ ...env, FIREBREAK_TEST_WORKER_NAME: 'victim' });
    children.push(victim, await startWorker({ ...env, FIREBREAK_TEST_WORKER_NAME: 'B' }));
    const serviceIds = await seedStorm(t, 'b');
    await until('a third of the pages', async () => (await pageCounts(fixture, serviceIds, 'b')).pages >= GROUPS);
    await stop(victim, 'SIGKILL');
    children.push(await startWorker({ ...env, FIREBREAK_TEST_WORKER_NAME: 'C' }));
    await until('every escalation to run all three steps', async () => (await exhausted(fixture, serviceIds)) >= GROUPS);
    await until('every page delivered', async () => (await pageCounts(fixture, serviceIds, 'b')).sent >= GROUPS * 3);
    const counts = await pageCounts(fixture, serviceIds, 'b');
    assert.equal(counts.pages, GROUPS * 3, 'one page per group and step');
    assert.equal(counts.deliveries, GROUPS * 3, 'one delivery per page: no step fired twice');
    for (const child of children.splice(0)) await stop(child);
  });
});
