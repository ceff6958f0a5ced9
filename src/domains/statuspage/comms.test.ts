import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { startHttpPeer, startSmtpPeer, type HttpPeer, type SmtpPeer } from '../notify/testing.js';
import { declare, post, type Headers } from '../../testing/statuspage.js';
import { getDraft } from './drafts.js';

describeEachStore('update templates and channels', (fixture) => {
  let t: TestApp;
  let smtp: SmtpPeer;
  let slack: HttpPeer;
  let admin: Headers;
  let responder: Headers;
  before(async () => {
    smtp = await startSmtpPeer();
    slack = await startHttpPeer(() => 200);
    t = await createTestApp(fixture.store, { config: { smtpUrl: smtp.url, smtpFrom: 'Firebreak <fb@example.test>' } });
    await t.startWorker();
    admin = (await t.user('admin')).auth;
    responder = (await t.user('responder')).auth;
  });
  after(async () => {
    await t.close();
    await smtp.close();
    await slack.close();
  });

  test('the API returns a prefilled draft from the default template, and an edited template is used from then on', async () => {
    const ref = await declare(t, responder, { title: 'Checkout failing', severity: 'SEV1', impact: 'Customers cannot pay' });
    const draft = await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${ref}/update-draft?template=declaration`, headers: responder });
    assert.equal(draft.statusCode, 200, draft.body);
    assert.match(draft.json().text, /^INCIDENT DECLARED - SEV1\nSummary: Checkout failing\nImpact: Customers cannot pay\nStatus: investigating\nIC: /);
    assert.equal(draft.json().audience, 'internal');

    const broken = await t.app.inject({ method: 'PUT', url: '/api/v1/settings/update-templates', headers: admin, payload: { update: '{{#x}}' } });
    assert.equal(broken.statusCode, 400);
    assert.match(broken.body, /update/);
    const edited = await t.app.inject({ method: 'PUT', url: '/api/v1/settings/update-templates', headers: admin, payload: { update: 'UPDATE {{summary}} ({{severity}})' } });
    assert.equal(edited.statusCode, 200, edited.body);
    assert.match(edited.json().declaration, /^INCIDENT DECLARED/, 'templates not given keep their text');
    const update = await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${ref}/update-draft?template=update`, headers: responder });
    assert.equal(update.json().text, 'UPDATE Checkout failing (SEV1)');
    assert.ok(update.json().nextUpdateAt);
  });

  test("the declaration quotes the workspace's bridge; the resolution promises the postmortem's date (its due date, or the policy's before it exists)", async () => {
    const channels = await t.app.inject({ method: 'PUT', url: '/api/v1/settings/update-channels', headers: admin, payload: { emails: [], slackWebhookUrls: [], bridgeUrl: 'https://meet.example.test/war-room' } });
    assert.equal(channels.statusCode, 200, channels.body);
    assert.equal(channels.json().bridgeUrl, 'https://meet.example.test/war-room');
    const badBridge = await t.app.inject({ method: 'PUT', url: '/api/v1/settings/update-channels', headers: admin, payload: { emails: [], slackWebhookUrls: [], bridgeUrl: 'javascript:alert(1)' } });
    assert.equal(badBridge.statusCode, 400);
    assert.match(badBridge.body, /bridgeUrl/);

    const sev1 = await declare(t, responder, { title: 'Payments down', severity: 'SEV1' });
    const declaration = await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${sev1}/update-draft?template=declaration`, headers: responder });
    assert.match(declaration.json().text, /\nBridge: https:\/\/meet\.example\.test\/war-room\n/);

    const viewer = { userId: null, role: 'admin' as const };
    const now = new Date('2031-03-04T10:20:00.000Z');
    const before = await getDraft(t.ctx.store.db, viewer, sev1, 'resolution', now);
    assert.match(before.text, /\nPostmortem scheduled: 2031-03-07 10:20 UTC$/, 'SEV1: 72 h after resolving now');
    const set = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${sev1}/postmortem`, headers: responder });
    assert.equal(set.statusCode, 201, set.body);
    const moved = await t.app.inject({ method: 'PATCH', url: `/api/v1/incidents/${sev1}/postmortem`, headers: responder, payload: { dueAt: '2031-03-06T15:00:00.000Z' } });
    assert.equal(moved.statusCode, 200, moved.body);
    assert.match((await getDraft(t.ctx.store.db, viewer, sev1, 'resolution', now)).text, /\nPostmortem scheduled: 2031-03-06 15:00 UTC$/);

    const sev3 = await declare(t, responder, { title: 'Slow report export', severity: 'SEV3' });
    assert.match((await getDraft(t.ctx.store.db, viewer, sev3, 'resolution', now)).text, /\nPostmortem scheduled: none planned$/);
  });

  test('an outsider of a private incident gets 404 for its draft', async () => {
    const ref = await declare(t, responder, { title: 'Quiet', severity: 'SEV3', private: true });
    const outsider = (await t.user('viewer')).auth;
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${ref}/update-draft`, headers: outsider })).statusCode, 404);
  });

  test("internal updates go to the workspace's email list and Slack-compatible webhook through the outbox", async () => {
    const set = await t.app.inject({ method: 'PUT', url: '/api/v1/settings/update-channels', headers: admin, payload: { emails: ['war-room@example.test'], slackWebhookUrls: [`${slack.url}/services/T000/B000/XXX`] } });
    assert.equal(set.statusCode, 200, set.body);
    const ref = await declare(t, responder, { title: 'Queue backlog', severity: 'SEV2' });
    await post(t, responder, ref, 'update_posted', { audience: 'internal', text: 'Backlog draining, ETA 20 minutes' });
    const [hook] = await slack.waitForRequests(1);
    assert.match(JSON.parse(hook!.body).text, /Queue backlog[\s\S]*Backlog draining, ETA 20 minutes/);
    const mails = await smtp.waitForMails(1);
    assert.deepEqual(mails[0]!.to, ['war-room@example.test']);
    assert.match(mails[0]!.text, /Backlog draining/);
  });
});
