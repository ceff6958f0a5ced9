import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { countRows, createIntegration, createService } from '../../testing/alerts.js';

describeEachStore('PagerDuty Events API v2 intake', (fixture) => {
  let t: TestApp;
  let admin: { authorization: string };
  let routingKey: string;
  let serviceId: string;
  before(async () => {
    t = await createTestApp(fixture.store);
    admin = (await t.user('admin')).auth;
    serviceId = (await createService(t, admin, 'payments-api')).id;
    routingKey = (await createIntegration(t, admin, serviceId, 'pagerduty')).key;
  });
  after(async () => {
    await t.close();
  });

  const enqueue = (event: Record<string, unknown>, url = '/v2/enqueue') => t.app.inject({ method: 'POST', url, payload: { routing_key: routingKey, ...event } });
  const alertByKey = async (dedupKey: string) => (await t.app.inject({ method: 'GET', url: `/api/v1/alerts?dedupKey=${encodeURIComponent(dedupKey)}`, headers: admin })).json().alerts;

  test('trigger, acknowledge and resolve with one dedup_key move one alert through its lifecycle with PagerDuty answers', async () => {
    const trigger = await enqueue({
      event_action: 'trigger',
      dedup_key: 'disk-full-db-1',
      payload: { summary: 'Disk 95% full on db-1', source: 'db-1.example', severity: 'critical', component: 'postgres', group: 'storage', class: 'disk' },
      links: [{ href: 'https://grafana.example/d/disk', text: 'Disk dashboard' }],
    });
    assert.equal(trigger.statusCode, 202);
    assert.deepEqual(trigger.json(), { status: 'success', message: 'Event processed', dedup_key: 'disk-full-db-1' });
    let [alert] = await alertByKey('disk-full-db-1');
    assert.equal(alert.status, 'triggered');
    assert.equal(alert.severity, 'critical');
    assert.equal(alert.summary, 'Disk 95% full on db-1');
    assert.deepEqual(alert.labels, { source: 'db-1.example', component: 'postgres', group: 'storage', class: 'disk' });
    assert.deepEqual(alert.links, [{ href: 'https://grafana.example/d/disk', text: 'Disk dashboard' }]);

    const ack = await enqueue({ event_action: 'acknowledge', dedup_key: 'disk-full-db-1' });
    assert.equal(ack.statusCode, 202);
    assert.deepEqual(ack.json(), { status: 'success', message: 'Event processed', dedup_key: 'disk-full-db-1' });
    [alert] = await alertByKey('disk-full-db-1');
    assert.equal(alert.status, 'acknowledged');
    assert.equal(alert.summary, 'Disk 95% full on db-1', 'an acknowledge without payload keeps the summary');

    const resolve = await enqueue({ event_action: 'resolve', dedup_key: 'disk-full-db-1' }, '/intake/pagerduty/v2/enqueue');
    assert.equal(resolve.statusCode, 202);
    assert.deepEqual(resolve.json(), { status: 'success', message: 'Event processed', dedup_key: 'disk-full-db-1' });
    const all = await alertByKey('disk-full-db-1');
    assert.equal(all.length, 1);
    assert.equal(all[0].status, 'resolved');
    assert.equal(all[0].count, 3);
    const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/alerts/${all[0].id}`, headers: admin })).json();
    assert.deepEqual(detail.history.map((h: { to: string }) => h.to), ['triggered', 'acknowledged', 'resolved']);
    assert.equal(detail.payload.routing_key, undefined, 'the routing key is not kept with the evidence');
    const group = (await t.app.inject({ method: 'GET', url: `/api/v1/alert-groups/${all[0].groupId}`, headers: admin })).json();
    assert.equal(group.status, 'resolved');
  });

  test('a trigger without dedup_key gets a generated one, returned in the 202 body and usable to resolve', async () => {
    const res = await enqueue({ event_action: 'trigger', payload: { summary: 'Queue backlog', source: 'worker-3', severity: 'warning' } });
    assert.equal(res.statusCode, 202);
    const body = res.json();
    assert.equal(body.status, 'success');
    assert.equal(body.message, 'Event processed');
    assert.match(body.dedup_key, /^[0-9a-f]{32}$/);
    assert.equal((await alertByKey(body.dedup_key))[0].status, 'triggered');
    const resolved = await enqueue({ event_action: 'resolve', dedup_key: body.dedup_key });
    assert.equal(resolved.statusCode, 202);
    assert.equal((await alertByKey(body.dedup_key))[0].status, 'resolved');
  });

  test('invalid events get 400 in PagerDuty error shape and store nothing', async () => {
    const before = await countRows(t, 'alerts');
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ event_action: 'trigger', payload: { source: 'x', severity: 'critical' } }, /payload.summary/],
      [{ event_action: 'trigger', payload: { summary: 's', source: 'x', severity: 'fatal' } }, /payload.severity/],
      [{ event_action: 'explode', dedup_key: 'k' }, /event_action/],
      [{ event_action: 'resolve' }, /dedup_key/],
      [{ event_action: 'trigger' }, /payload/],
    ];
    for (const [event, error] of cases) {
      const res = await enqueue(event);
      assert.equal(res.statusCode, 400, JSON.stringify(event));
      const body = res.json();
      assert.equal(body.status, 'invalid event');
      assert.equal(body.message, 'Event object is invalid');
      assert.ok(body.errors.some((e: string) => error.test(e)), `${JSON.stringify(body.errors)} names ${error}`);
    }
    const noKey = await t.app.inject({ method: 'POST', url: '/v2/enqueue', payload: { event_action: 'trigger', payload: { summary: 's', source: 'x', severity: 'info' } } });
    assert.equal(noKey.statusCode, 400);
    assert.deepEqual(noKey.json(), { status: 'invalid event', message: 'Event object is invalid', errors: ["'routing_key' is missing or blank"] });
    const badJson = await t.app.inject({ method: 'POST', url: '/v2/enqueue', headers: { 'content-type': 'application/json' }, payload: '{"routing_key": ' });
    assert.equal(badJson.statusCode, 400);
    assert.equal(badJson.json().status, 'invalid event');
    assert.equal(await countRows(t, 'alerts'), before);
  });

  test('an unknown routing key gets 404 and a disabled integration 403', async () => {
    const unknown = await t.app.inject({ method: 'POST', url: '/v2/enqueue', payload: { routing_key: 'nope', event_action: 'trigger', payload: { summary: 's', source: 'x', severity: 'info' } } });
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.json().status, 'unknown routing key');
    const other = await createIntegration(t, admin, serviceId, 'pagerduty');
    const disabled = await t.app.inject({ method: 'PATCH', url: `/api/v1/integrations/${other.id}`, headers: admin, payload: { enabled: false } });
    assert.equal(disabled.statusCode, 200);
    assert.equal(disabled.json().enabled, false);
    const refused = await t.app.inject({ method: 'POST', url: '/v2/enqueue', payload: { routing_key: other.key, event_action: 'trigger', payload: { summary: 's', source: 'x', severity: 'info' } } });
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().status, 'forbidden');
  });

  test('acknowledging or resolving a dedup_key never triggered is accepted and stores nothing, as PagerDuty does', async () => {
    const before = await countRows(t, 'alerts');
    const res = await enqueue({ event_action: 'resolve', dedup_key: 'never-seen' });
    assert.equal(res.statusCode, 202);
    assert.equal(res.json().dedup_key, 'never-seen');
    assert.equal(await countRows(t, 'alerts'), before);
  });

  test('the routing key never reaches the logs', async () => {
    await enqueue({ event_action: 'trigger', dedup_key: 'log-check', payload: { summary: 'log check', source: 'x', severity: 'info' } });
    await t.app.inject({ method: 'POST', url: '/v2/enqueue', headers: { 'content-type': 'application/json' }, payload: `{"routing_key":"${routingKey}", broken` });
    assert.ok(t.logs.length > 0);
    assert.ok(!t.logs.join('\n').includes(routingKey));
  });
});
