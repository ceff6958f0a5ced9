/**
 * The private-incident matrix for side doors: reports and channels that
 * aggregate or relay many incidents must not name a private one to someone
 * outside it, and credentials handed out earlier (page links, calendar feeds)
 * must follow what their holder may do now.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../src/db/testing.js';
import { createTestApp, type TestApp } from '../../src/app/testing.js';
import { startSmtpPeer, type SmtpPeer } from '../../src/domains/notify/testing.js';
import { linkIn } from '../../src/domains/oncall/paging-testing.js';
import { until } from '../../src/testing/until.js';

type User = Awaited<ReturnType<TestApp['user']>>;

describeEachStore('private incidents through side doors', (fixture) => {
  let smtp: SmtpPeer;
  let t: TestApp;
  let admin: User;
  let member: User;
  let outsider: User;
  let serviceId: string;
  let secret: { id: string; ref: string };

  const post = (url: string, who: User, payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url, headers: who.auth, payload });
  const get = (url: string, who: User) => t.app.inject({ method: 'GET', url, headers: who.auth });

  before(async () => {
    smtp = await startSmtpPeer();
    t = await createTestApp(fixture.store, { config: { smtpUrl: smtp.url, publicUrl: 'http://firebreak.test' } });
    await t.startWorker();
    [admin, member, outsider] = [await t.user('admin'), await t.user('responder'), await t.user('viewer')];
    serviceId = (await post('/api/v1/services', admin, { name: 'ledger-private' })).json().id;
    const declared = await post('/api/v1/incidents', member, { title: 'Ledger secret drift', severity: 'SEV2', private: true, services: [serviceId] });
    assert.equal(declared.statusCode, 201, declared.body);
    secret = declared.json();
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  test('runbook rot: a failed mitigation in a private incident is shown without naming it to an outsider', async () => {
    const runbook = (await post('/api/v1/runbooks', member, { title: 'Ledger runbook', serviceIds: [serviceId] })).json() as { id: string };
    const started = await post(`/api/v1/incidents/${secret.ref}/events`, member, { kind: 'mitigation_started', body: { action: 'replay the ledger', expectedSignal: 'drift zero', deadline: new Date(Date.now() + 600_000).toISOString() } });
    assert.equal(started.statusCode, 201, started.body);
    assert.equal((await post(`/api/v1/incidents/${secret.ref}/events`, member, { kind: 'mitigation_failed', body: { mitigationSeq: started.json().seq, observed: 'drift grows' } })).statusCode, 201);
    for (const url of ['/api/v1/runbooks/rot', `/api/v1/runbooks/${runbook.id}`, '/api/v1/runbooks']) {
      const seen = await get(url, outsider);
      assert.equal(seen.statusCode, 200, seen.body);
      assert.ok(!seen.body.includes(secret.ref) && !seen.body.includes(secret.id), `${url} names the private incident to an outsider`);
      assert.match(seen.body, /mitigation failed in a private incident/);
      assert.ok((await get(url, member)).body.includes(secret.ref), `${url} names it to a member`);
    }
  });

  test('update channels: an internal update on a private incident is not mailed or posted company-wide', async () => {
    const channels = await t.app.inject({ method: 'PUT', url: '/api/v1/settings/update-channels', headers: admin.auth, payload: { emails: ['everyone@example.test'], slackWebhookUrls: ['http://127.0.0.1:9/company'] } });
    assert.equal(channels.statusCode, 200, channels.body);
    const open = (await post('/api/v1/incidents', member, { title: 'Public checkout errors', severity: 'SEV3' })).json() as { id: string; ref: string };
    for (const ref of [secret.ref, open.ref]) {
      const posted = await post(`/api/v1/incidents/${ref}/events`, member, { kind: 'update_posted', body: { audience: 'internal', text: `internal words on ${ref}` } });
      assert.equal(posted.statusCode, 201, posted.body);
    }
    const deliveries = async (incidentId: string) => (await get(`/api/v1/deliveries?incidentId=${incidentId}&limit=100`, admin)).json().deliveries as Array<{ reason: string; recipient: string }>;
    // Internal updates go out as a job after the append commits: wait for the control incident's (posted after the private one's).
    await until('the control incident reaches both channels', async () => (await deliveries(open.id)).filter((d) => d.reason === 'incident.internal_update').length === 2);
    assert.deepEqual((await deliveries(secret.id)).filter((d) => d.reason === 'incident.internal_update'), []);
    await until('the control mail', async () => smtp.mails.some((m) => m.to.includes('everyone@example.test')));
    assert.ok(!smtp.mails.some((m) => m.text.includes(secret.ref) || m.subject.includes('Ledger secret drift')));
  });

  test('metrics by service: an outsider does not count a private incident or its timings', async () => {
    const url = `/api/v1/metrics/incidents?groupBy=service&from=${new Date(Date.now() - 86_400_000).toISOString()}`;
    const groupOf = async (who: User) => ((await get(url, who)).json().groups as Array<{ key: string; incidents: number }>).find((g) => g.key.includes(serviceId) || g.key === 'ledger-private');
    assert.equal((await groupOf(admin))?.incidents, 1, 'an admin counts it');
    assert.equal((await groupOf(member))?.incidents, 1, 'a member counts it');
    assert.equal(await groupOf(outsider), undefined, 'an outsider does not');
  });

  test('page links: a person demoted to viewer since the page cannot acknowledge with its link, nor join', async () => {
    const expert = await t.user('responder');
    const paged = await post(`/api/v1/incidents/${secret.ref}/pages`, member, { userId: expert.user.id, reason: 'expertise: ledger' });
    assert.equal(paged.statusCode, 201, paged.body);
    const mail = await until('the page', async () => smtp.mails.find((m) => m.to.includes(expert.user.email)));
    assert.equal((await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${expert.user.id}`, headers: admin.auth, payload: { role: 'viewer' } })).statusCode, 200);
    const link = linkIn(mail.text, 'Acknowledge');
    assert.match((await t.app.inject({ method: 'GET', url: link })).body, /may no longer act on pages/);
    const ack = await t.app.inject({ method: 'POST', url: link, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    assert.equal(ack.statusCode, 403, ack.body);
    const escalation = (await get(`/api/v1/escalations/${paged.json().id}`, admin)).json() as { status: string; acknowledgedBy: string | null };
    assert.notEqual(escalation.status, 'acknowledged');
    assert.equal(escalation.acknowledgedBy, null);
    assert.equal((await get(`/api/v1/incidents/${secret.ref}`, expert)).statusCode, 404, 'not made a member');
  });

  test("calendar feeds: a feed stops answering when its creator is disabled", async () => {
    const schedule = await post('/api/v1/oncall/schedules', member, { name: 'ledger primary', timeZone: 'UTC', layers: [{ name: 'daily', start: '2026-01-01T09:00', length: { unit: 'days', count: 1 }, participants: [member.user.id] }] });
    assert.equal(schedule.statusCode, 201, schedule.body);
    const holder = await t.user('viewer');
    const feed = (await post('/api/v1/oncall/feeds', holder, { schedule: schedule.json().id })).json() as { path: string };
    assert.equal((await t.app.inject({ method: 'GET', url: feed.path })).statusCode, 200);
    assert.equal((await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${holder.user.id}`, headers: admin.auth, payload: { disabled: true } })).statusCode, 200);
    assert.equal((await t.app.inject({ method: 'GET', url: feed.path })).statusCode, 404);
  });
});
