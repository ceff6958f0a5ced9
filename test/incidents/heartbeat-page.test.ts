/**
 * The heartbeat's second missed update pages the commander through on-call
 * (their contact methods and rules), once; the third miss is a plain reminder.
 * Cadence intervals are minutes long, so the test moves the pending heartbeat
 * job to now instead of waiting.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../src/app/testing.js';
import { describeEachStore } from '../../src/db/testing.js';
import { JOBS_CHANNEL } from '../../src/jobs/queue.js';
import { startSmtpPeer, type SmtpPeer } from '../../src/domains/notify/testing.js';
import { until } from '../../src/domains/oncall/paging-testing.js';

describeEachStore('heartbeat paging the commander', (fixture) => {
  let smtp: SmtpPeer;
  let t: TestApp;

  before(async () => {
    smtp = await startSmtpPeer();
    t = await createTestApp(fixture.store, { config: { smtpUrl: smtp.url, publicUrl: 'http://firebreak.test' } });
    await t.startWorker();
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  /** Makes the pending heartbeat job due now and wakes the worker, as if the clock had reached it. */
  async function nextMiss(): Promise<void> {
    await t.ctx.store.transaction(async (trx) => {
      const moved = await trx.updateTable('jobs').set({ run_at: new Date().toISOString() }).where('kind', '=', 'incidents.update_still_due').where('status', '=', 'queued').executeTakeFirst();
      assert.equal(Number(moved.numUpdatedRows), 1, 'one heartbeat job pending');
      await t.ctx.bus.publish(trx, JOBS_CHANNEL, 'now');
    });
  }

  test('the second missed update pages the commander once, by their notification rules; the third reminds them by email', async () => {
    const commander = await t.user('responder');
    const incident = (await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: commander.auth, payload: { title: 'Search down', severity: 'SEV1' } })).json() as { id: string; ref: string };
    const posted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/incidents/${incident.ref}/events`,
      headers: commander.auth,
      payload: { kind: 'update_posted', body: { audience: 'internal', text: 'Looking', nextUpdateAt: new Date(Date.now() + 1500).toISOString() } },
    });
    assert.equal(posted.statusCode, 201, posted.body);
    const reminders = async () =>
      ((await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${incident.ref}/events?after=0`, headers: commander.auth })).json().events as Array<{ kind: string; body: { reason: string; miss?: number } }>)
        .filter((e) => e.kind === 'reminder' && e.body.reason === 'update_due')
        .map((e) => e.body.miss ?? 1);
    await until('the first reminder', async () => (await reminders()).includes(1), 20_000);

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
