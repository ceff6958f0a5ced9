/**
 * The heartbeat's second missed update pages the commander through on-call
 * (their contact methods and rules), once; the third miss is a plain reminder.
 * Cadence intervals are minutes long, so the test moves product time past the
 * pending heartbeat job instead of waiting.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../src/app/testing.js';
import { describeEachStore } from '../../src/db/testing.js';
import { startSmtpPeer, type SmtpPeer } from '../../src/domains/notify/testing.js';
import { until } from '../../src/domains/oncall/paging-testing.js';
import { systemClock, TestClock, useClock } from '../../src/clock.js';

describeEachStore('heartbeat paging the commander', (fixture) => {
  let smtp: SmtpPeer;
  let t: TestApp;
  const clock = new TestClock();

  before(async () => {
    useClock(clock);
    smtp = await startSmtpPeer();
    t = await createTestApp(fixture.store, { config: { smtpUrl: smtp.url, publicUrl: 'http://firebreak.test' }, clock });
    await t.startWorker();
  });
  after(async () => {
    await t.close();
    await smtp.close();
    useClock(systemClock);
  });

  /** Moves product time just past the pending heartbeat job (the worker wakes and runs it). */
  async function nextMiss(): Promise<void> {
    const pending = await t.ctx.store.db.selectFrom('jobs').select('run_at').where('kind', '=', 'incidents.update_still_due').where('status', '=', 'queued').execute();
    assert.equal(pending.length, 1, 'one heartbeat job pending');
    clock.set(Date.parse(pending[0]!.run_at) + 1000);
  }

  test('the second missed update pages the commander once, by their notification rules; the third reminds them by email', async () => {
    const commander = await t.user('responder');
    const incident = (await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: commander.auth, payload: { title: 'Search down', severity: 'SEV1' } })).json() as { id: string; ref: string };
    const dueAt = new Date(clock.now().getTime() + 10 * 60_000).toISOString();
    const posted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/incidents/${incident.ref}/events`,
      headers: commander.auth,
      payload: { kind: 'update_posted', body: { audience: 'internal', text: 'Looking', nextUpdateAt: dueAt } },
    });
    assert.equal(posted.statusCode, 201, posted.body);
    clock.set(Date.parse(dueAt) + 1000);
    const reminders = async () =>
      ((await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${incident.ref}/events?after=0`, headers: commander.auth })).json().events as Array<{ kind: string; body: { reason: string; miss?: number } }>)
        .filter((e) => e.kind === 'reminder' && e.body.reason === 'update_due')
        .map((e) => e.body.miss ?? 1);
    await until('the first reminder', async () => (await reminders()).includes(1));

    await nextMiss();
    await until('the second miss', async () => (await reminders()).includes(2));
    const pages = await t.ctx.store.db
      .selectFrom('pages')
      .innerJoin('escalations', 'escalations.id', 'pages.escalation_id')
      .select(['pages.user_id', 'escalations.reason', 'escalations.created_by'])
      .where('escalations.incident_id', '=', incident.id)
      .execute();
    assert.deepEqual(pages, [{ user_id: commander.user.id, reason: '2 updates missed: post an update now', created_by: 'heartbeat' }]);
    const page = await until('the page mail', async () => smtp.mails.find((m) => m.to.includes(commander.user.email) && m.subject.includes(`PAGE ${incident.ref}`)));
    assert.match(page.text, /Acknowledge: http:\/\/firebreak\.test\/p\//);

    await nextMiss();
    await until('the third miss', async () => (await reminders()).includes(3));
    await until('the third reminder mail', async () => smtp.mails.find((m) => m.to.includes(commander.user.email) && /3 updates missed/.test(m.subject)));
    const after = await t.ctx.store.db.selectFrom('escalations').select('id').where('incident_id', '=', incident.id).execute();
    assert.equal(after.length, 1, 'only the second miss pages');
    assert.equal(smtp.mails.filter((m) => m.to.includes(commander.user.email) && /2 updates missed/.test(m.subject)).length, 0, 'the page replaces the second reminder mail');
  });
});
