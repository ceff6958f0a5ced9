import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { startHttpPeer, startSmtpPeer, type HttpPeer, type ReceivedMail, type SmtpPeer } from '../notify/testing.js';
import { addComponent, declare, post, type Headers } from '../../testing/statuspage.js';
import { until } from '../../testing/until.js';

/** The link after `label` in a mail's text, as a path on the test app. */
function linkIn(mail: ReceivedMail, pattern: RegExp): string {
  const match = pattern.exec(mail.text);
  assert.ok(match, `no link matching ${pattern} in: ${mail.text}`);
  return new URL(match[0]).pathname + new URL(match[0]).search;
}

describeEachStore('status page subscribers', (fixture) => {
  let t: TestApp;
  let smtp: SmtpPeer;
  let http: HttpPeer;
  let admin: Headers;
  let responder: Headers;
  let api: string;
  let web: string;
  before(async () => {
    smtp = await startSmtpPeer();
    http = await startHttpPeer();
    t = await createTestApp(fixture.store, { config: { smtpUrl: smtp.url, smtpFrom: 'Status <status@example.test>', publicUrl: 'https://firebreak.example.test' } });
    await t.startWorker();
    admin = (await t.user('admin')).auth;
    responder = (await t.user('responder')).auth;
    api = await addComponent(t, admin, { name: 'API' });
    web = await addComponent(t, admin, { name: 'Website' });
  });
  after(async () => {
    await t.close();
    await smtp.close();
    await http.close();
  });

  const mailsTo = (address: string) => smtp.mails.filter((m) => m.to.includes(address));

  test('subscribe, confirm, get notified of a public update, unsubscribe with one POST, and hear nothing more', async () => {
    const form = await t.app.inject({ method: 'POST', url: '/status/subscribe', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'email=reader%40example.test' });
    assert.equal(form.statusCode, 202, form.body);
    assert.match(form.body, /Check your email/);
    const [confirmMail] = await until('the confirmation mail', async () => (mailsTo('reader@example.test').length >= 1 ? mailsTo('reader@example.test') : undefined));
    const confirmPath = linkIn(confirmMail!, /https:\/\/firebreak\.example\.test\/status\/subscriptions\/confirm\?token=\S+/);

    // Not confirmed yet: a public update reaches nobody.
    const first = await declare(t, responder, { title: 'API errors', severity: 'SEV2' });
    await post(t, responder, first, 'update_posted', { audience: 'public', text: 'Investigating API errors.', publicTitle: 'API errors', components: [{ componentId: api, status: 'degraded_performance' }] });

    await until('the first fan-out', async () => (await t.ctx.store.db.selectFrom('status_incident_updates').select('notified_at').where('body', '=', 'Investigating API errors.').executeTakeFirst())?.notified_at ?? undefined);

    const shown = await t.app.inject({ method: 'GET', url: confirmPath });
    assert.match(shown.body, /<form method="post"/, 'a GET only shows the button');
    const confirmed = await t.app.inject({ method: 'POST', url: confirmPath, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    assert.match(confirmed.body, /Subscription confirmed/);

    await post(t, responder, first, 'update_posted', { audience: 'public', text: 'A fix is rolling out.', publicStatus: 'identified' });
    const notice = await until('the notice', async () => mailsTo('reader@example.test').find((m) => /A fix is rolling out/.test(m.text)));
    assert.equal(mailsTo('reader@example.test').filter((m) => /Investigating API errors/.test(m.text)).length, 0, 'no notice before confirmation');
    assert.match(notice.subject, /API errors: Identified/);
    const unsubscribeHeader = /^List-Unsubscribe:\s*<([^>]+)>/im.exec(notice.raw);
    assert.ok(unsubscribeHeader, notice.raw);
    assert.match(notice.raw, /^List-Unsubscribe-Post:\s*List-Unsubscribe=One-Click/im);
    const url = new URL(unsubscribeHeader[1]!);

    // RFC 8058: the mail client POSTs List-Unsubscribe=One-Click to the header's URL, without cookies or confirmation.
    const gone = await t.app.inject({ method: 'POST', url: url.pathname + url.search, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    assert.equal(gone.statusCode, 200, gone.body);

    const count = mailsTo('reader@example.test').length;
    await post(t, responder, first, 'update_posted', { audience: 'public', text: 'All clear.', publicStatus: 'resolved' });
    // The fan-out has run, so silence for the reader is meaningful.
    await until('the all-clear fan-out', async () => (await t.ctx.store.db.selectFrom('status_incident_updates').select('notified_at').where('body', '=', 'All clear.').executeTakeFirst())?.notified_at ?? undefined);
    assert.equal(mailsTo('reader@example.test').length, count);
  });

  test('a subscriber to some components hears only about incidents touching them', async () => {
    const payload = `email=web-only%40example.test&components=${web}`;
    await t.app.inject({ method: 'POST', url: '/status/subscribe', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload });
    const [mail] = await until('the confirmation', async () => (mailsTo('web-only@example.test').length ? mailsTo('web-only@example.test') : undefined));
    const path = linkIn(mail!, /https:\/\/\S+\/subscriptions\/confirm\?token=\S+/);
    assert.equal((await t.app.inject({ method: 'POST', url: path })).statusCode, 200);
    const apiIncident = await declare(t, responder, { title: 'API slow', severity: 'SEV3' });
    await post(t, responder, apiIncident, 'update_posted', { audience: 'public', text: 'API is slow.', publicTitle: 'API slow', components: [{ componentId: api, status: 'degraded_performance' }] });
    const webIncident = await declare(t, responder, { title: 'Web down', severity: 'SEV3' });
    await post(t, responder, webIncident, 'update_posted', { audience: 'public', text: 'Website is down.', publicTitle: 'Website down', components: [{ componentId: web, status: 'major_outage' }] });
    await until('the website notice', async () => mailsTo('web-only@example.test').find((m) => /Website is down/.test(m.text)));
    await until('the API fan-out', async () => {
      const rows = await t.ctx.store.db.selectFrom('status_incident_updates').select('notified_at').where('body', '=', 'API is slow.').execute();
      return rows.every((r) => r.notified_at !== null) || undefined;
    });
    assert.equal(mailsTo('web-only@example.test').filter((m) => /API is slow/.test(m.text)).length, 0);
  });

  test('a webhook subscriber receives each public update once, as JSON', async () => {
    const pageId = (await t.app.inject({ method: 'GET', url: '/api/v1/status-pages', headers: admin })).json().pages[0].id as string;
    const added = await t.app.inject({ method: 'POST', url: `/api/v1/status-pages/${pageId}/subscribers`, headers: admin, payload: { url: `${http.url}/hook` } });
    assert.equal(added.statusCode, 201, added.body);
    const ref = await declare(t, responder, { title: 'Hooked', severity: 'SEV3' });
    await post(t, responder, ref, 'update_posted', { audience: 'public', text: 'Webhook notice.', publicTitle: 'Hooked', components: [{ componentId: api, status: 'partial_outage' }] });
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/status-pages/${pageId}/subscribers`, headers: admin, payload: { url: `${http.url}/hook` } });
    assert.equal(again.statusCode, 409, again.body);
    const [request] = await http.waitForRequests(1);
    const body = JSON.parse(request!.body) as { incident: { name: string; incident_updates: Array<{ body: string }> }; meta: { unsubscribe: string } };
    assert.equal(body.incident.name, 'Hooked');
    assert.equal(body.incident.incident_updates[0]!.body, 'Webhook notice.');
    assert.match(body.meta.unsubscribe, /unsubscribe\?token=/);
  });

  test('bad subscription input gets a 4xx naming the field, and a forged token is refused', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/status/subscribe', payload: { email: 'not-an-address' } });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /email/);
    const forged = await t.app.inject({ method: 'POST', url: '/status/subscriptions/unsubscribe?token=00000000-0000-4000-8000-000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' });
    assert.equal(forged.statusCode, 404);
  });
});
