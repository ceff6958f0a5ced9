/**
 * The dead man's switch end to end on one PostgreSQL: the real Alertmanager
 * feeds a heartbeat with its always-firing Watchdog alert through two
 * `firebreak serve` processes; then Alertmanager dies and both processes
 * restart before the deadline passes. The missed heartbeat raises one alert,
 * which pages the on-call person once by email at a real SMTP peer; a ping
 * resolves it.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../src/app/testing.js';
import { describePostgres } from '../../src/db/testing.js';
import { startSmtpPeer, type SmtpPeer } from '../../src/domains/notify/testing.js';
import { HEARTBEAT_DEDUP_KEY } from '../../src/domains/alerts/heartbeats.js';
import { until } from '../../src/testing/until.js';
import { startAlertmanager, type RunningAlertmanager } from '../support/alertmanager.js';
import { spawnFirebreak, type FirebreakProcess } from '../support/process.js';

const INTERVAL_SECONDS = 10;

describePostgres('a heartbeat fed by Alertmanager’s Watchdog, over two processes and a restart', (fixture) => {
  let smtp: SmtpPeer;
  let t: TestApp;
  let am: RunningAlertmanager | undefined;
  const servers: FirebreakProcess[] = [];
  before(async () => {
    smtp = await startSmtpPeer();
    t = await createTestApp(fixture.store, { config: { smtpUrl: smtp.url } });
  });
  after(async () => {
    await am?.stop();
    for (const s of servers) await s.stop();
    await t.close();
    await smtp.close();
  });

  test('Watchdog pings keep it quiet; when Alertmanager dies the heartbeat pages once, after both processes restarted; a ping resolves it', async () => {
    const admin = await t.user('admin');
    const oncall = await t.user('responder', 'watchdog-oncall@example.test');
    const policy = await t.app.inject({ method: 'POST', url: '/api/v1/escalation-policies', headers: admin.auth, payload: { name: 'monitoring', steps: [{ delaySeconds: 0, targets: [{ type: 'user', id: oncall.user.id }] }] } });
    assert.equal(policy.statusCode, 201, policy.body);
    const service = await t.app.inject({ method: 'POST', url: '/api/v1/services', headers: admin.auth, payload: { name: 'monitoring-pipeline', escalationPolicyId: policy.json().id } });
    assert.equal(service.statusCode, 201, service.body);
    const created = await t.app.inject({ method: 'POST', url: `/api/v1/services/${service.json().id}/integrations`, headers: admin.auth, payload: { kind: 'heartbeat', name: 'prometheus-watchdog', heartbeat: { intervalSeconds: 3600 } } });
    assert.equal(created.statusCode, 201, created.body);
    const { id, key } = created.json() as { id: string; key: string };
    const heartbeat = async () => (await t.app.inject({ method: 'GET', url: `/api/v1/integrations/${id}`, headers: admin.auth })).json().heartbeat as { state: string; pings: number; dueAt: string; misses: number };

    const env = { FIREBREAK_DATABASE_URL: fixture.scratch.databaseUrl!, FIREBREAK_DATA_DIR: fixture.scratch.dataDir, FIREBREAK_SMTP_URL: smtp.url };
    servers.push(await spawnFirebreak({ env }), await spawnFirebreak({ env }));
    am = await startAlertmanager(`
route:
  receiver: heartbeat
  group_wait: 100ms
  group_interval: 1s
  repeat_interval: 1s
receivers:
- name: heartbeat
  webhook_configs:
  - url: ${servers[1]!.url}/intake/heartbeat/${key}
    send_resolved: true
`);
    await am.send([{ labels: { alertname: 'Watchdog', severity: 'none' }, annotations: { summary: 'the alerting pipeline is alive' } }]);
    await until('Watchdog pings the heartbeat', async () => (await heartbeat()).pings >= 3, 30_000);
    assert.equal((await heartbeat()).state, 'ok');
    // Everything is up and pinging: now the interval tightens (the deadline counts from the last ping).
    const tightened = await t.app.inject({ method: 'PATCH', url: `/api/v1/integrations/${id}`, headers: admin.auth, payload: { heartbeat: { intervalSeconds: INTERVAL_SECONDS } } });
    assert.equal(tightened.statusCode, 200, tightened.body);
    assert.equal(tightened.json().heartbeat.intervalSeconds, INTERVAL_SECONDS);

    // The monitoring pipeline dies, and both Firebreak processes restart before the deadline.
    await am.stop();
    am = undefined;
    for (const s of servers.splice(0)) await s.stop();
    const { dueAt } = await heartbeat();
    assert.ok(Date.parse(dueAt) > Date.now(), 'the processes were down before the deadline passed');
    servers.push(await spawnFirebreak({ env }), await spawnFirebreak({ env }));

    const [mail] = await smtp.waitForMails(1, 60_000);
    assert.deepEqual(mail!.to, ['watchdog-oncall@example.test']);
    assert.match(mail!.text, /Heartbeat "prometheus-watchdog" missed/);
    const alerts = (await t.app.inject({ method: 'GET', url: `/api/v1/alerts?integrationId=${id}&dedupKey=${HEARTBEAT_DEDUP_KEY}`, headers: admin.auth })).json().alerts;
    assert.equal(alerts.length, 1);
    assert.equal(alerts[0].status, 'triggered');
    assert.equal(alerts[0].count, 1, 'raised once');

    // Every check job has finished: nothing more fires, and the one page went out once.
    await until('the heartbeat checks now due are done', async () => {
      const open = await sql<{ n: string }>`select count(*) as n from jobs where kind = 'alerts.heartbeat-due' and status in ('queued', 'running') and run_at <= ${new Date().toISOString()}`.execute(fixture.store.db);
      return Number(open.rows[0]!.n) === 0;
    });
    assert.equal((await heartbeat()).misses, 1);
    const deliveries = await sql<{ n: string }>`select count(*) as n from deliveries where reason = 'oncall.page'`.execute(fixture.store.db);
    assert.equal(Number(deliveries.rows[0]!.n), 1, 'one page delivery');
    assert.equal(smtp.mails.length, 1);

    const ping = await fetch(`${servers[0]!.url}/v2/heartbeats/prometheus-watchdog/ping`, { headers: { authorization: `GenieKey ${key}` } });
    assert.equal(ping.status, 202);
    const after = (await t.app.inject({ method: 'GET', url: `/api/v1/alerts/${alerts[0].id}`, headers: admin.auth })).json();
    assert.equal(after.status, 'resolved');
    assert.equal((await heartbeat()).state, 'ok');
  });
});
