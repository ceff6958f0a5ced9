import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { enqueueNotification, enqueueWebhook } from './service.js';

describeEachStore('the deliveries API', (fixture) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['user']>>;
  before(async () => {
    // No worker runs here: deliveries stay queued, which is what these reads need.
    t = await createTestApp(fixture.store);
    admin = await t.user('admin');
    const { user } = await t.user('responder', 'sam@example.test');
    await t.ctx.store.transaction(async (trx) => {
      for (let i = 0; i < 3; i++) {
        await enqueueNotification(trx, t.ctx.jobs, { recipientUserId: user.id, subject: `update ${i}`, text: 'due', reason: 'incident.update_due', incidentId: 'inc-a' });
      }
      await enqueueWebhook(trx, t.ctx.jobs, { url: 'https://hooks.slack.com/services/T1/B2/secret-token', channel: 'slack', payload: { text: 'hi' }, reason: 'slack', incidentId: 'inc-b' });
      await enqueueWebhook(trx, t.ctx.jobs, { url: 'https://example.test/hook?token=abc', secret: 'hmac-key', payload: { a: 1 }, reason: 'webhook', incidentId: 'inc-b' });
    });
    await t.ctx.store.db.updateTable('users').set({ disabled_at: new Date().toISOString() }).where('id', '=', user.id).execute();
    await t.ctx.store.transaction((trx) => enqueueNotification(trx, t.ctx.jobs, { recipientUserId: user.id, subject: 'skipped', text: 'x', reason: 'r', incidentId: 'inc-a' }));
  });
  after(async () => {
    await t.close();
  });

  test('only admins may read deliveries', async () => {
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/deliveries' })).statusCode, 401);
    const responder = await t.user('responder');
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/deliveries', headers: responder.auth })).statusCode, 403);
  });

  test('deliveries are filtered by incident and by status', async () => {
    const byIncident = await t.app.inject({ method: 'GET', url: '/api/v1/deliveries?incidentId=inc-a', headers: admin.auth });
    assert.equal(byIncident.statusCode, 200);
    const list = byIncident.json().deliveries as Array<{ subject: string; status: string; recipient: string; incidentId: string }>;
    assert.equal(list.length, 4);
    assert.ok(list.every((d) => d.incidentId === 'inc-a' && d.recipient === 'sam@example.test'));
    const skipped = await t.app.inject({ method: 'GET', url: '/api/v1/deliveries?incidentId=inc-a&status=skipped', headers: admin.auth });
    assert.deepEqual(skipped.json().deliveries.map((d: { subject: string }) => d.subject), ['skipped']);
  });

  test('pages follow the cursor without repeating or losing a delivery', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/deliveries?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await t.app.inject({ method: 'GET', url, headers: admin.auth });
      assert.equal(res.statusCode, 200);
      seen.push(...res.json().deliveries.map((d: { id: string }) => d.id));
      cursor = res.json().nextCursor;
    } while (cursor);
    assert.equal(seen.length, 6);
    assert.equal(new Set(seen).size, 6);
  });

  test('webhook credentials never appear: no secret, Slack paths hidden, query strings dropped', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/deliveries?incidentId=inc-b', headers: admin.auth });
    const text = res.body;
    assert.doesNotMatch(text, /secret-token|hmac-key|token=abc/);
    const recipients = res.json().deliveries.map((d: { channel: string; recipient: string; signed: boolean }) => [d.channel, d.recipient, d.signed]).sort();
    assert.deepEqual(recipients, [
      ['slack', 'https://hooks.slack.com/…', false],
      ['webhook', 'https://example.test/hook', true],
    ]);
    const payloads = res.json().deliveries.map((d: { payload: unknown }) => d.payload);
    assert.deepEqual(payloads.sort((x: object, y: object) => JSON.stringify(x).localeCompare(JSON.stringify(y))), [{ a: 1 }, { text: 'hi' }]);
  });

  test('one delivery is shown with its attempts, and an unknown id is 404', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/deliveries?status=skipped', headers: admin.auth });
    const id = list.json().deliveries[0].id as string;
    const one = await t.app.inject({ method: 'GET', url: `/api/v1/deliveries/${id}`, headers: admin.auth });
    assert.equal(one.statusCode, 200);
    assert.equal(one.json().statusDetail, 'the recipient is disabled');
    assert.deepEqual(one.json().attempts, []);
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/deliveries/00000000-0000-4000-8000-000000000000', headers: admin.auth });
    assert.equal(missing.statusCode, 404);
  });

  test('a bad filter or cursor is refused with 400 naming the field', async () => {
    const status = await t.app.inject({ method: 'GET', url: '/api/v1/deliveries?status=lost', headers: admin.auth });
    assert.equal(status.statusCode, 400);
    assert.equal(status.json().errors[0].field, 'query.status');
    const cursor = await t.app.inject({ method: 'GET', url: '/api/v1/deliveries?cursor=bm9wZQ', headers: admin.auth });
    assert.equal(cursor.statusCode, 400);
    assert.equal(cursor.json().errors[0].field, 'query.cursor');
  });
});
