/**
 * Escalation steps across worker processes on one PostgreSQL: 1,000 alert
 * groups with three-step policies, paged by two workers. Every step pages
 * exactly once: one page row per group, step and person, one delivery per page.
 */
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../src/app/testing.js';
import { describePostgres } from '../../src/db/testing.js';
import { startSmtpPeer, type SmtpPeer } from '../../src/domains/notify/testing.js';
import { exhausted, GROUPS, pageCounts, seedStorm, startWorker, stop, until } from './storm-support.js';

describePostgres('escalation steps across two worker processes', (fixture) => {
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

  test('1,000 alert groups × 3 steps over two workers: every step pages exactly once', async (ctx) => {
    const env = { FIREBREAK_DATABASE_URL: fixture.scratch.databaseUrl!, FIREBREAK_SMTP_URL: smtp.url, FIREBREAK_PAGES_PER_MINUTE: '1000' };
    children.push(await startWorker({ ...env, FIREBREAK_TEST_WORKER_NAME: 'A' }), await startWorker({ ...env, FIREBREAK_TEST_WORKER_NAME: 'B' }));
    const t0 = Date.now();
    const serviceIds = await seedStorm(t, 'a');
    ctx.diagnostic(`seeded in ${Date.now() - t0} ms`);
    await until('every escalation to run all three steps', async () => (await exhausted(fixture, serviceIds)) >= GROUPS);
    ctx.diagnostic(`every step fired after ${Date.now() - t0} ms`);
    await until('every page delivered', async () => (await pageCounts(fixture, serviceIds, 'a')).sent >= GROUPS * 3);
    ctx.diagnostic(`every page delivered after ${Date.now() - t0} ms`);
    const counts = await pageCounts(fixture, serviceIds, 'a');
    assert.equal(counts.pages, GROUPS * 3, 'one page per group and step');
    assert.equal(counts.deliveries, GROUPS * 3, 'one delivery per page: no step fired twice');
    for (const child of children.splice(0)) await stop(child);
  });

});
