import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { cuttableProxy, describeEachStore, describePostgres } from '../../db/testing.js';
import { Store } from '../../db/store.js';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { hashSecret } from '../auth/secrets.js';
import { purgeAlertPayloads } from './jobs.js';
import { amBody, countRows, createIntegration, createService, settled } from '../../testing/alerts.js';
import { until } from '../../testing/until.js';

describeEachStore('integrations and the intake edge', (fixture) => {
  let t: TestApp;
  let admin: { authorization: string };
  let serviceId: string;
  before(async () => {
    t = await createTestApp(fixture.store, { config: { intakeRateLimitPerSecond: 1, intakeRateLimitBurst: 3 } });
    admin = (await t.user('admin')).auth;
    serviceId = (await createService(t, admin, 'edge-svc')).id;
  });
  after(async () => {
    await t.close();
  });

  test('an integration’s key is shown once at creation, stored only as its SHA-256, and never logged', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/services/${serviceId}/integrations`, headers: admin, payload: { kind: 'alertmanager', name: 'prometheus' } });
    assert.equal(res.statusCode, 201);
    const created = res.json();
    assert.match(created.key, /^fbi_/);
    assert.equal(created.intakeUrl, `/intake/alertmanager/${created.key}`);
    const row = await t.ctx.store.db.selectFrom('integrations').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    assert.equal(row.key_hash, hashSecret(created.key));
    assert.ok(!JSON.stringify(row).includes(created.key));
    const listed = await t.app.inject({ method: 'GET', url: `/api/v1/services/${serviceId}/integrations`, headers: admin });
    assert.ok(!listed.body.includes(created.key));
    await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${created.key}`, payload: amBody([{ fingerprint: 'log-1' }]) });
    await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${created.key}`, headers: { 'content-type': 'application/json' }, payload: '{bad' });
    assert.ok(!t.logs.join('\n').includes(created.key), 'the key is redacted from request logs');
  });

  test('generic mappings are checked when an integration is created or changed', async () => {
    const bad = await t.app.inject({ method: 'POST', url: `/api/v1/services/${serviceId}/integrations`, headers: admin, payload: { kind: 'generic', name: 'g', mappings: { dedupKey: '$.x[?(@.y)]', summary: '$.t' } } });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().errors[0].field, 'mappings.dedupKey');
    const missing = await t.app.inject({ method: 'POST', url: `/api/v1/services/${serviceId}/integrations`, headers: admin, payload: { kind: 'generic', name: 'g' } });
    assert.equal(missing.statusCode, 400);
    const notGeneric = await t.app.inject({ method: 'POST', url: `/api/v1/services/${serviceId}/integrations`, headers: admin, payload: { kind: 'grafana', name: 'g', mappings: { dedupKey: '$.id', summary: '$.t' } } });
    assert.equal(notGeneric.statusCode, 400);
    const ok = await createIntegration(t, admin, serviceId, 'generic', { mappings: { dedupKey: '$.id', summary: '$.title' } });
    const update = await t.app.inject({ method: 'PATCH', url: `/api/v1/integrations/${ok.id}`, headers: admin, payload: { mappings: { dedupKey: 'id', summary: '$.title' } } });
    assert.equal(update.statusCode, 400);
    assert.equal(update.json().errors[0].field, 'mappings.dedupKey');
  });

  test('a generic webhook is read through its mappings and deduplicated on the mapped key', async () => {
    const { key } = await createIntegration(t, admin, serviceId, 'generic', {
      mappings: { dedupKey: '$.check.id', summary: '$.check.name', severity: '$.level', status: '$.state', labels: '$.tags' },
    });
    const post = (state: string) =>
      t.app.inject({ method: 'POST', url: `/intake/generic/${key}`, payload: { check: { id: 'ping-7', name: 'Ping api.example' }, level: 'critical', state, tags: { region: 'eu' } } });
    assert.equal((await post('down')).statusCode, 202);
    assert.equal((await post('down')).statusCode, 202);
    let [alert] = (await t.app.inject({ method: 'GET', url: '/api/v1/alerts?dedupKey=ping-7', headers: admin })).json().alerts;
    assert.equal(alert.count, 2);
    assert.equal(alert.summary, 'Ping api.example');
    assert.deepEqual(alert.labels, { region: 'eu' });
    assert.equal((await post('up')).statusCode, 202);
    [alert] = (await t.app.inject({ method: 'GET', url: '/api/v1/alerts?dedupKey=ping-7', headers: admin })).json().alerts;
    assert.equal(alert.status, 'resolved');
  });

  test('a Grafana webhook is deduplicated per alert fingerprint', async () => {
    const { key } = await createIntegration(t, admin, serviceId, 'grafana');
    const body = { ...amBody([{ fingerprint: 'graf-1', labels: { alertname: 'Latency' } }]), version: '1', orgId: 1, title: '[FIRING:1] Latency', state: 'alerting' };
    assert.equal((await t.app.inject({ method: 'POST', url: `/intake/grafana/${key}`, payload: body })).statusCode, 202);
    assert.equal((await t.app.inject({ method: 'POST', url: `/intake/grafana/${key}`, payload: body })).statusCode, 202);
    const alerts = (await t.app.inject({ method: 'GET', url: '/api/v1/alerts?dedupKey=graf-1', headers: admin })).json().alerts;
    assert.equal(alerts.length, 1);
    assert.equal(alerts[0].source, 'grafana');
    assert.equal(alerts[0].count, 2);
  });

  test('past its burst an integration gets 429 with Retry-After, stores nothing, and other integrations are unaffected', async () => {
    const { key } = await createIntegration(t, admin, serviceId, 'alertmanager');
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${key}`, payload: amBody([{ fingerprint: `rl-${i}` }]) });
      statuses.push(res.statusCode);
      if (res.statusCode === 429) retryAfter = res.headers['retry-after'] as string;
    }
    assert.deepEqual(statuses.slice(0, 3), [202, 202, 202]);
    assert.equal(statuses[3], 429);
    assert.equal(retryAfter, '1');
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/alerts?dedupKey=rl-3', headers: admin })).json().alerts.length, 0);
    const other = await createIntegration(t, admin, serviceId, 'alertmanager');
    assert.equal((await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${other.key}`, payload: amBody([{ fingerprint: 'rl-other' }]) })).statusCode, 202);
  });

  test('a disabled integration answers 403 and stores nothing until enabled again', async () => {
    const { id, key } = await createIntegration(t, admin, serviceId, 'alertmanager');
    // Intake has looked the key up (and trusts it for a moment): a change made here applies at once all the same.
    assert.equal((await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${key}`, payload: amBody([{ fingerprint: 'dis-0' }]) })).statusCode, 202);
    await t.app.inject({ method: 'PATCH', url: `/api/v1/integrations/${id}`, headers: admin, payload: { enabled: false } });
    const before = await countRows(t, 'alerts');
    const refused = await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${key}`, payload: amBody([{ fingerprint: 'dis-1' }]) });
    assert.equal(refused.statusCode, 403);
    assert.equal(await countRows(t, 'alerts'), before);
    await t.app.inject({ method: 'PATCH', url: `/api/v1/integrations/${id}`, headers: admin, payload: { enabled: true } });
    assert.equal((await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${key}`, payload: amBody([{ fingerprint: 'dis-1' }]) })).statusCode, 202);
    assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/v1/integrations/${id}`, headers: admin })).statusCode, 204);
    assert.equal((await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${key}`, payload: amBody([{ fingerprint: 'dis-2' }]) })).statusCode, 404);
  });

  test('an integration deleted by another process answers 404, not an error, while this one still trusts its key', async () => {
    const { id, key } = await createIntegration(t, admin, serviceId, 'alertmanager');
    assert.equal((await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${key}`, payload: amBody([{ fingerprint: 'gone-0' }]) })).statusCode, 202);
    await settled(t);
    // As another process would: straight in the database, so this process hears nothing of it.
    await t.ctx.store.db.deleteFrom('integrations').where('id', '=', id).execute();
    const res = await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${key}`, payload: amBody([{ fingerprint: 'gone-1' }]) });
    assert.equal(res.statusCode, 404, res.body);
    assert.match(res.json().detail, /no alertmanager integration has this key/);
  });

  test('raw payloads are kept with the request id and purged after the retention period', async () => {
    const rows = await t.ctx.store.db.selectFrom('alert_payloads').selectAll().orderBy('id', 'desc').execute();
    assert.ok(rows.length > 0);
    assert.ok(rows.every((r) => r.request_id && JSON.parse(r.body)));
    // Payloads an incident references are evidence for the incident's life; the others expire.
    const loose = rows.find((r) => r.incident_id === null)!;
    const evidence = rows.find((r) => r.incident_id !== null);
    const old = [loose.id, ...(evidence ? [evidence.id] : [])];
    await t.ctx.store.db.updateTable('alert_payloads').set({ received_at: '2020-01-01T00:00:00.000Z' }).where('id', 'in', old).execute();
    await purgeAlertPayloads.handler({ retentionDays: 30 }, { config: t.ctx.config, store: t.ctx.store, bus: t.ctx.bus, jobs: t.ctx.jobs, logger: t.ctx.logger, clock: t.ctx.clock, signal: new AbortController().signal, attempt: 1, jobId: 0, complete: async () => true });
    const left = await t.ctx.store.db.selectFrom('alert_payloads').select('id').execute();
    assert.equal(left.length, rows.length - 1);
    assert.ok(!left.some((r) => r.id === loose.id));
  });

  test('a test alert goes through the same pipeline and is audited', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/alerts/test', headers: admin, payload: { serviceId, summary: 'drill alert', severity: 'info', dedupKey: 'drill-x' } });
    assert.equal(res.statusCode, 202, res.body);
    assert.equal(res.json().alert.status, 'triggered');
    assert.equal(res.json().alert.source, 'test');
    assert.ok(res.json().alert.groupId);
    const audit = await t.ctx.store.db.selectFrom('audit_log').select(['action', 'target_id']).where('action', '=', 'alert.test').execute();
    assert.deepEqual(audit, [{ action: 'alert.test', target_id: serviceId }]);
  });
});

describePostgres('intake when the database is unreachable', (fixture) => {
  let t: TestApp | undefined;
  let store: Store | undefined;
  let proxy: Awaited<ReturnType<typeof cuttableProxy>> | undefined;
  after(async () => {
    await t?.close().catch(() => undefined);
    await store?.close().catch(() => undefined);
    await proxy?.cut().catch(() => undefined);
  });

  test('answers 503 with Retry-After, stores nothing, and takes alerts again once the database is back', async () => {
    const url = new URL(fixture.scratch.databaseUrl!);
    proxy = await cuttableProxy(url);
    const viaProxy = new URL(url);
    viaProxy.port = String(proxy.port);
    store = Store.open({ databaseUrl: viaProxy.toString(), dataDir: fixture.scratch.dataDir, poolSize: 2, queryTimeoutMs: 5000 });
    t = await createTestApp(store);
    const admin = (await t.user('admin')).auth;
    const svc = await createService(t, admin, 'db-down-svc');
    const { key } = await createIntegration(t, admin, svc.id, 'alertmanager');
    await proxy.cut();
    const down = await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${key}`, payload: amBody([{ fingerprint: 'down-1' }]) });
    assert.equal(down.statusCode, 503, down.body);
    assert.equal(down.headers['retry-after'], '5');
    assert.equal(down.json().type, 'https://firebreak.dev/problems/database-unavailable');
    const pd = await t.app.inject({ method: 'POST', url: '/v2/enqueue', payload: { routing_key: key, event_action: 'trigger', payload: { summary: 's', source: 'x', severity: 'info' } } });
    assert.equal(pd.statusCode, 503);
    assert.equal(pd.headers['retry-after'], '5');
    await proxy.restore();
    const direct = fixture.store.db;
    assert.equal((await direct.selectFrom('alerts').select('id').execute()).length, 0, 'nothing was stored while the database was unreachable');
    // As a sender would: resend while the answer is 503 (the pool reconnects on the next request).
    const up = await until('intake to take the alert again', async () => {
      const res = await t!.app.inject({ method: 'POST', url: `/intake/alertmanager/${key}`, payload: amBody([{ fingerprint: 'down-1' }]) });
      return res.statusCode === 503 ? undefined : res;
    }, 5000, 100);
    assert.equal(up.statusCode, 202, up.body);
  });
});
