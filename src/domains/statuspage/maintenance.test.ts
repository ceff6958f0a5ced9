import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { randomUUID } from 'node:crypto';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { systemClock, TestClock, useClock } from '../../clock.js';
import { startSmtpPeer, type SmtpPeer } from '../notify/testing.js';
import { insertSubscriber } from './store.js';
import { addComponent, publicJson, type Headers } from '../../testing/statuspage.js';
import { until } from '../../testing/until.js';

describeEachStore('scheduled maintenance', (fixture) => {
  let t: TestApp;
  let smtp: SmtpPeer;
  let admin: Headers;
  let responder: Headers;
  // Product time the test moves to each step of a window instead of waiting hours.
  const clock = new TestClock();
  before(async () => {
    useClock(clock);
    smtp = await startSmtpPeer();
    t = await createTestApp(fixture.store, { config: { smtpUrl: smtp.url, smtpFrom: 'Status <status@example.test>' }, clock });
    await t.startWorker();
    admin = (await t.user('admin')).auth;
    responder = (await t.user('responder')).auth;
  });
  after(async () => {
    await t.close();
    await smtp.close();
    useClock(systemClock);
  });

  /** Moves product time just past the queued steps whose key contains `keyPart` (the worker wakes and runs them); returns how many there were. */
  async function reach(keyPart: string): Promise<number> {
    const steps = await t.ctx.store.db
      .selectFrom('jobs')
      .select('run_at')
      .where('kind', '=', 'statuspage.maintenance_step')
      .where('status', '=', 'queued')
      .where('idempotency_key', 'like', `%${keyPart}%`)
      .execute();
    for (const step of steps) clock.set(Math.max(clock.now().getTime(), Date.parse(step.run_at) + 1000));
    return steps.length;
  }

  test('a window moves its components to Under Maintenance and back by itself, notifies subscribers, and a moved end wins', async () => {
    const db = await addComponent(t, admin, { name: 'Database' });
    const pageId = (await t.app.inject({ method: 'GET', url: '/api/v1/status-pages', headers: admin })).json().pages[0].id as string;
    await insertSubscriber(t.ctx.store.db, { id: randomUUID(), page_id: pageId, kind: 'email', address: 'ops-reader@example.test', component_ids: null, secret: null, confirmed_at: clock.now().toISOString(), unsubscribed_at: null, created_at: clock.now().toISOString() });
    const start = new Date(clock.now().getTime() + 2 * 3600_000).toISOString();
    const end = new Date(clock.now().getTime() + 3 * 3600_000).toISOString();
    const created = await t.app.inject({ method: 'POST', url: `/api/v1/status-pages/${pageId}/maintenances`, headers: responder, payload: { name: 'Database upgrade', body: 'Writes pause for a minute.', componentIds: [db], scheduledFor: start, scheduledUntil: end, noticeMinutes: 30 } });
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json().id as string;
    await until('the upcoming window', async () => ((await publicJson(t, '/status/api/v2/scheduled-maintenances/upcoming.json')).scheduled_maintenances as unknown[]).length === 1);

    assert.equal(await reach(`${id}:upcoming`), 1);
    await smtp.waitForMails(2);
    assert.equal(await reach(`${id}:start`), 1);
    const active = await until('the component under maintenance', async () => {
      const body = await publicJson(t, '/status/api/v2/summary.json');
      return (body.components as Array<{ id: string; status: string }>).find((c) => c.id === db)?.status === 'under_maintenance' ? body : undefined;
    });
    assert.deepEqual(active.status, { indicator: 'maintenance', description: 'Service Under Maintenance' });
    assert.equal(((await publicJson(t, '/status/api/v2/scheduled-maintenances/active.json')).scheduled_maintenances as unknown[]).length, 1);

    // The work runs long: the end moves, and the old end step must do nothing.
    const later = new Date(Date.parse(end) + 3600_000).toISOString();
    const moved = await t.app.inject({ method: 'PATCH', url: `/api/v1/status-maintenances/${id}`, headers: responder, payload: { scheduledUntil: later } });
    assert.equal(moved.statusCode, 200, moved.body);
    assert.equal(await reach(`${id}:end:${start}:${end}`), 1);
    await until('the stale end step to run', async () => (await t.ctx.store.db.selectFrom('jobs').select('status').where('idempotency_key', 'like', `%${id}:end:${start}:${end}%`).executeTakeFirst())?.status === 'done');
    assert.equal((await t.ctx.store.db.selectFrom('status_components').select('status').where('id', '=', db).executeTakeFirstOrThrow()).status, 'under_maintenance');

    assert.equal(await reach(`${id}:end:${start}:${later}`), 1);
    await until('the component back to operational', async () => {
      const body = await publicJson(t, '/status/api/v2/components.json');
      return (body.components as Array<{ id: string; status: string }>).find((c) => c.id === db)?.status === 'operational';
    });
    const done = (await publicJson(t, '/status/api/v2/scheduled-maintenances.json')).scheduled_maintenances as Array<{ status: string; incident_updates: Array<{ status: string }> }>;
    assert.equal(done[0]!.status, 'completed');
    assert.deepEqual(done[0]!.incident_updates.map((u) => u.status), ['completed', 'in_progress', 'scheduled']);

    const mails = await smtp.waitForMails(4);
    // One notice per phase; deliveries run concurrently, so mail may arrive in any order (the phase order is checked above).
    assert.deepEqual(mails.map((m) => /\(([^)]+)\)$/.exec(m.subject)![1]).sort(), ['Completed', 'In progress', 'Scheduled', 'Starting soon']);
    const history = await t.ctx.store.db.selectFrom('status_component_history').select(['status', 'cause']).where('component_id', '=', db).orderBy('id').execute();
    assert.deepEqual(history.map((h) => h.status), ['operational', 'under_maintenance', 'operational']);
  });

  test('an end before the start is refused, naming the field', async () => {
    const pageId = (await t.app.inject({ method: 'GET', url: '/api/v1/status-pages', headers: admin })).json().pages[0].id as string;
    const now = clock.now().getTime();
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/status-pages/${pageId}/maintenances`, headers: responder, payload: { name: 'x', body: 'y', componentIds: [], scheduledFor: new Date(now + 7200_000).toISOString(), scheduledUntil: new Date(now + 3600_000).toISOString() } });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /scheduledUntil/);
  });
});
