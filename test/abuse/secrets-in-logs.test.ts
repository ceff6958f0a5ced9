/**
 * Secrets stay out of logs: a journey that issues and uses every kind of
 * secret Firebreak hands out — API token, session and CSRF token, integration
 * key, change source key, calendar feed, page links, subscription links — and
 * then greps every log line the server wrote for each of them.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../src/db/testing.js';
import { createTestApp, type TestApp } from '../../src/app/testing.js';
import { startSmtpPeer, type SmtpPeer } from '../../src/domains/notify/testing.js';
import { amBody, createIntegration, createService } from '../../src/testing/alerts.js';
import { linkIn } from '../../src/domains/oncall/paging-testing.js';
import { until } from '../../src/testing/until.js';

describeEachStore('secrets in logs', (fixture) => {
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

  test('no secret issued in a full journey appears in any log line', async () => {
    const secrets: string[] = [];
    const admin = await t.user('admin');
    const responder = await t.user('responder');
    secrets.push(admin.token, responder.token);

    // A session, by password: its cookie and CSRF token.
    const person = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin.auth, payload: { email: 'logs@example.test', name: 'Logs', role: 'responder', password: 'correct horse battery staple' } });
    assert.equal(person.statusCode, 201, person.body);
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'logs@example.test', password: 'correct horse battery staple' } });
    assert.equal(login.statusCode, 200, login.body);
    const session = login.cookies.find((c) => c.name === 'firebreak_session')!.value;
    secrets.push(session, login.json().csrfToken as string, 'correct horse battery staple');
    await t.app.inject({ method: 'GET', url: `/api/v1/incidents?access_token=${responder.token}` });

    // An integration key in the intake URL.
    const service = await createService(t, admin.auth, 'logs-checkout');
    const integration = await createIntegration(t, admin.auth, service.id, 'alertmanager');
    secrets.push(integration.key);
    assert.ok((await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${integration.key}`, payload: amBody([{ fingerprint: 'logs-1', labels: { severity: 'critical' } }]) })).statusCode < 300);
    await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${integration.key}x`, payload: amBody([{ fingerprint: 'logs-2' }]) });

    // A change source key.
    const source = await t.app.inject({ method: 'POST', url: '/api/v1/change-sources', headers: admin.auth, payload: { name: 'logs-ci' } });
    const changeKey = source.json().key as string;
    secrets.push(changeKey);
    await t.app.inject({ method: 'POST', url: `/intake/changes/${changeKey}`, payload: { service: 'logs-checkout', kind: 'deploy', version: 'v1', startedAt: new Date().toISOString() } });

    // A calendar feed, read and mistyped.
    const schedule = await t.app.inject({ method: 'POST', url: '/api/v1/oncall/schedules', headers: responder.auth, payload: { name: 'logs primary', timeZone: 'UTC', layers: [{ name: 'daily', start: '2026-01-01T09:00', length: { unit: 'days', count: 1 }, participants: [responder.user.id] }] } });
    const feed = (await t.app.inject({ method: 'POST', url: '/api/v1/oncall/feeds', headers: responder.auth, payload: { schedule: schedule.json().id } })).json() as { token: string; path: string };
    secrets.push(feed.token);
    assert.equal((await t.app.inject({ method: 'GET', url: feed.path })).statusCode, 200);
    await t.app.inject({ method: 'GET', url: `/api/v1/oncall/ical/${feed.token}x.ics` });

    // Page links: looked at, used, and a made-up one.
    const incident = (await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: responder.auth, payload: { title: 'Logs incident', severity: 'SEV3' } })).json() as { ref: string };
    const expert = await t.user('responder');
    secrets.push(expert.token);
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${incident.ref}/pages`, headers: responder.auth, payload: { userId: expert.user.id, reason: 'logs' } })).statusCode, 201);
    const mail = await until('the page', async () => smtp.mails.find((m) => m.to.includes(expert.user.email)));
    for (const label of ['Acknowledge', 'Escalate now']) secrets.push(linkIn(mail.text, label).replace(/^.*\/p\//, ''));
    const ack = linkIn(mail.text, 'Acknowledge');
    await t.app.inject({ method: 'GET', url: ack });
    assert.equal((await t.app.inject({ method: 'POST', url: ack, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' })).statusCode, 200);
    await t.app.inject({ method: 'POST', url: ack, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });

    // Subscription links of a public status page.
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/status-pages', headers: admin.auth, payload: { name: 'Logs status', slug: 'logs' } })).statusCode, 201);
    assert.equal((await t.app.inject({ method: 'POST', url: '/status/subscribe', payload: { email: 'reader@example.test' } })).statusCode, 202);
    const confirmMail = await until('the confirmation mail', async () => smtp.mails.find((m) => m.to.includes('reader@example.test')));
    const confirm = /https?:\/\/\S+subscriptions\/confirm\?token=(\S+)/.exec(confirmMail.text)!;
    secrets.push(decodeURIComponent(confirm[1]!));
    await t.app.inject({ method: 'GET', url: new URL(confirm[0]).pathname + new URL(confirm[0]).search });
    assert.equal((await t.app.inject({ method: 'POST', url: new URL(confirm[0]).pathname + new URL(confirm[0]).search })).statusCode, 200);

    const logs = t.logs.join('\n');
    assert.match(logs, /\/p\/\[redacted\]/, 'page link requests were logged, redacted');
    assert.match(logs, /\/ical\/\[redacted\]/, 'feed requests were logged, redacted');
    for (const secret of secrets) {
      const body = secret.replace(/^fb[a-z]*_/, '');
      assert.ok(!logs.includes(body), `a secret (${secret.slice(0, 8)}…) appears in the logs`);
      assert.ok(!logs.includes(encodeURIComponent(body)), `a secret (${secret.slice(0, 8)}…) appears URL-encoded in the logs`);
    }
  });
});
