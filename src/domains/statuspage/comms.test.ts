import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { startHttpPeer, startSmtpPeer, type HttpPeer, type SmtpPeer } from '../notify/testing.js';
import { declare, post, type Headers } from './testing.js';

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

  test('the API returns a prefilled draft from the seed template, and an edited template is used from then on', async () => {
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
