import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { describeEachStore } from '../../db/testing.js';
import { rotSweepKind } from './job-kinds.js';
import { remindRotOwners, reminderPeriod } from './reminders.js';
import { until } from '../../testing/until.js';

type Auth = { authorization: string };

describeEachStore('runbook rot reminders', (fixture) => {
  let t: TestApp;
  let admin: Auth;
  let author: Auth;

  before(async () => {
    t = await createTestApp(fixture.store, { config: { publicUrl: 'https://firebreak.example', runbookReminderPeriodDays: 7 } });
    admin = (await t.user('admin')).auth;
    author = (await t.user('responder')).auth;
  });
  after(async () => {
    await t.close();
  });

  const reminders = async () =>
    fixture.store.db.selectFrom('deliveries').select(['recipient_user_id', 'subject', 'body_text as text']).where('reason', '=', 'runbook.rot').orderBy('created_at').execute();

  test('owners of a rotting runbook are reminded through the outbox exactly once per period, by the sweep job', async () => {
    const owner = await t.user('responder');
    const member = await t.user('responder');
    const teamId = (await t.app.inject({ method: 'POST', url: '/api/v1/teams', headers: admin, payload: { name: 'search' } })).json().id;
    await t.app.inject({ method: 'PUT', url: `/api/v1/teams/${teamId}/members/${member.user.id}`, headers: admin });
    const serviceId = (await t.app.inject({ method: 'POST', url: '/api/v1/services', headers: admin, payload: { name: 'search' } })).json().id;
    const byUser = (await t.app.inject({ method: 'POST', url: '/api/v1/runbooks', headers: author, payload: { title: 'Reindex', body: '# Reindex', ownerUserId: owner.user.id, serviceIds: [serviceId] } })).json();
    const byTeam = (await t.app.inject({ method: 'POST', url: '/api/v1/runbooks', headers: author, payload: { title: 'Shard loss', body: '# Shards', ownerTeamId: teamId, serviceIds: [serviceId] } })).json();
    await t.app.inject({ method: 'POST', url: '/api/v1/runbooks', headers: author, payload: { title: 'Healthy', body: '# Fine', ownerUserId: owner.user.id } });
    // The catalog edit makes both linked runbooks rot now.
    await t.app.inject({ method: 'PATCH', url: `/api/v1/services/${serviceId}`, headers: admin, payload: { description: 'new index format' } });

    await t.startWorker();
    const sent = await until('the reminders', async () => {
      const rows = await reminders();
      return rows.length >= 2 && rows;
    });
    assert.deepEqual(sent.map((r) => r.recipient_user_id).sort(), [owner.user.id, member.user.id].sort());
    const toOwner = sent.find((r) => r.recipient_user_id === owner.user.id)!;
    assert.equal(toOwner.subject, 'Runbook rotting: Reindex');
    assert.match(toOwner.text ?? '', /search changed since the last test: catalog entry edited/);
    assert.ok((toOwner.text ?? '').includes(`https://firebreak.example/runbooks/${byUser.id}`));
    assert.ok(sent.some((r) => (r.text ?? '').includes(byTeam.id)));

    // A second sweep in the same period (another day's key, run now) reminds nobody again.
    await fixture.store.transaction((trx) => t.ctx.jobs.schedule(trx, rotSweepKind, {}, { key: 'second-sweep' }));
    await until('the second sweep', async () => {
      const job = await fixture.store.db.selectFrom('jobs').select('status').where('idempotency_key', '=', `${rotSweepKind.kind}:second-sweep`).executeTakeFirst();
      return job?.status === 'done';
    });
    assert.equal((await reminders()).length, 2);
  });

  test('the next period reminds again, once', async () => {
    const inSevenDays = new Date(Date.now() + 7 * 86_400_000);
    assert.notEqual(reminderPeriod(inSevenDays, 7), reminderPeriod(new Date(), 7));
    const before = (await reminders()).length;
    const first = await fixture.store.transaction((trx) => remindRotOwners(trx, t.ctx.jobs, inSevenDays, { maxUntestedDays: 90, periodDays: 7, linkBase: 'https://firebreak.example' }));
    const second = await fixture.store.transaction((trx) => remindRotOwners(trx, t.ctx.jobs, inSevenDays, { maxUntestedDays: 90, periodDays: 7, linkBase: 'https://firebreak.example' }));
    assert.deepEqual([first, second], [2, 0]);
    assert.equal((await reminders()).length, before + 2);
  });
});
