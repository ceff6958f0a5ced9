import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { until } from '../../testing/until.js';
import { HEARTBEAT_DEDUP_KEY } from './heartbeats.js';
import { amBody, countRows, createIntegration, createService } from '../../testing/alerts.js';

describeEachStore('heartbeat integrations', (fixture) => {
  let t: TestApp;
  let admin: { authorization: string };
  let serviceId: string;
  before(async () => {
    t = await createTestApp(fixture.store);
    admin = (await t.user('admin')).auth;
    serviceId = (await createService(t, admin, 'nightly-backup')).id;
    await t.startWorker();
  });
  after(async () => {
    await t.close();
  });

  const heartbeatAlerts = async (integrationId: string) =>
    (await t.app.inject({ method: 'GET', url: `/api/v1/alerts?integrationId=${integrationId}&dedupKey=${HEARTBEAT_DEDUP_KEY}`, headers: admin })).json().alerts as Array<{ id: string; status: string; severity: string; summary: string; count: number }>;
  const heartbeatOf = async (id: string) => (await t.app.inject({ method: 'GET', url: `/api/v1/integrations/${id}`, headers: admin })).json().heartbeat;

  test('a heartbeat needs an interval; heartbeat settings on another kind are refused', async () => {
    const missing = await t.app.inject({ method: 'POST', url: `/api/v1/services/${serviceId}/integrations`, headers: admin, payload: { kind: 'heartbeat', name: 'no-interval' } });
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /heartbeat.intervalSeconds/);
    const zero = await t.app.inject({ method: 'POST', url: `/api/v1/services/${serviceId}/integrations`, headers: admin, payload: { kind: 'heartbeat', name: 'zero', heartbeat: { intervalSeconds: 0 } } });
    assert.equal(zero.statusCode, 400);
    const other = await t.app.inject({ method: 'POST', url: `/api/v1/services/${serviceId}/integrations`, headers: admin, payload: { kind: 'alertmanager', name: 'am', heartbeat: { intervalSeconds: 60 } } });
    assert.equal(other.statusCode, 400);
    assert.match(other.body, /heartbeat/);
  });

  test('pings keep it quiet; a missed ping raises one critical alert; the next ping resolves it', async () => {
    const created = await t.app.inject({ method: 'POST', url: `/api/v1/services/${serviceId}/integrations`, headers: admin, payload: { kind: 'heartbeat', name: 'backup-job', heartbeat: { intervalSeconds: 2 } } });
    assert.equal(created.statusCode, 201, created.body);
    const { id, key, intakeUrl } = created.json();
    assert.equal(intakeUrl, `/intake/heartbeat/${key}`);
    assert.equal(created.json().heartbeat.state, 'waiting');

    const plain = await t.app.inject({ method: 'GET', url: `/intake/heartbeat/${key}` });
    assert.equal(plain.statusCode, 202, plain.body);
    const opsgenie = await t.app.inject({ method: 'GET', url: '/v2/heartbeats/backup-job/ping', headers: { authorization: `GenieKey ${key}` } });
    assert.equal(opsgenie.statusCode, 202, opsgenie.body);
    assert.equal(opsgenie.json().result, 'PONG - Heartbeat received');
    const post = await t.app.inject({ method: 'POST', url: '/v2/heartbeats/backup-job/ping', headers: { authorization: `GenieKey ${key}`, 'content-type': 'application/json' }, payload: '{}' });
    assert.equal(post.statusCode, 202, post.body);
    let beat = await heartbeatOf(id);
    assert.equal(beat.state, 'ok');
    assert.equal(beat.pings, 3);
    assert.equal((await heartbeatAlerts(id)).length, 0);

    const missed = await until('the missed heartbeat raises its alert', async () => {
      const [alert] = await heartbeatAlerts(id);
      return alert?.status === 'triggered' ? alert : undefined;
    });
    assert.equal(missed.severity, 'critical');
    assert.match(missed.summary, /Heartbeat "backup-job" missed: no ping within 2 s/);
    beat = await heartbeatOf(id);
    assert.equal(beat.state, 'missed');
    assert.equal(beat.misses, 1);

    assert.equal((await t.app.inject({ method: 'POST', url: `/intake/heartbeat/${key}` })).statusCode, 202);
    const [resolved] = await heartbeatAlerts(id);
    assert.equal(resolved!.status, 'resolved');
    assert.equal(resolved!.id, missed.id);
    assert.equal((await heartbeatOf(id)).state, 'ok');

    // Missing again fires the same alert again; its checks ran once each.
    await until('it misses again', async () => (await heartbeatAlerts(id))[0]?.status === 'triggered');
    assert.equal((await heartbeatOf(id)).misses, 2);
    await t.app.inject({ method: 'PATCH', url: `/api/v1/integrations/${id}`, headers: admin, payload: { enabled: false } });
  });

  test('Alertmanager’s resolved notice (Watchdog stopped) is not a ping; the wrong name, key or kind is refused', async () => {
    const { id, key } = await createIntegration(t, admin, serviceId, 'heartbeat', { name: 'watchdog', heartbeat: { intervalSeconds: 3600 } });
    const resolvedNotice = amBody([{ fingerprint: 'w', status: 'resolved', labels: { alertname: 'Watchdog', severity: 'none' } }]);
    const ignored = await t.app.inject({ method: 'POST', url: `/intake/heartbeat/${key}`, payload: resolvedNotice });
    assert.equal(ignored.statusCode, 202);
    assert.equal(ignored.json().status, 'ignored');
    assert.equal((await heartbeatOf(id)).pings, 0);
    const firing = await t.app.inject({ method: 'POST', url: `/intake/heartbeat/${key}`, payload: amBody([{ fingerprint: 'w', labels: { alertname: 'Watchdog' } }]) });
    assert.equal(firing.statusCode, 202);
    assert.equal((await heartbeatOf(id)).pings, 1);

    const before = await countRows(t, 'alerts');
    assert.equal((await t.app.inject({ method: 'GET', url: '/v2/heartbeats/other-name/ping', headers: { authorization: `GenieKey ${key}` } })).statusCode, 404);
    assert.equal((await t.app.inject({ method: 'GET', url: '/v2/heartbeats/watchdog/ping' })).statusCode, 401);
    assert.equal((await t.app.inject({ method: 'GET', url: '/intake/heartbeat/fbi_unknown' })).statusCode, 404);
    const opsgenieKey = (await createIntegration(t, admin, serviceId, 'opsgenie')).key;
    assert.equal((await t.app.inject({ method: 'GET', url: '/v2/heartbeats/watchdog/ping', headers: { authorization: `GenieKey ${opsgenieKey}` } })).statusCode, 401);
    assert.equal((await heartbeatOf(id)).pings, 1);
    assert.equal(await countRows(t, 'alerts'), before);
  });
});
