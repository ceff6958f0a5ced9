/**
 * Public endpoints cannot be used to spam, and every HTML answer carries its
 * security headers: subscribing one victim thirty times sends a few mails and
 * then 429 + Retry-After; sending codes to a contact method is limited per
 * method and per person; page-link and subscription pages forbid scripts and
 * framing; postmortem links are http(s) only.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../src/db/testing.js';
import { createTestApp, type TestApp } from '../../src/app/testing.js';

describeEachStore('spam limits and HTML headers', (fixture) => {
  let t: TestApp;
  let admin: { authorization: string };
  before(async () => {
    t = await createTestApp(fixture.store, { config: { subscribePerRecipientPerHour: 3, subscribePerAddressPerHour: 20, sendCodePerHour: 5, publicUrl: 'http://firebreak.test' } });
    admin = (await t.user('admin')).auth;
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/status-pages', headers: admin, payload: { name: 'Spam status', slug: 'spam' } })).statusCode, 201);
  });
  after(() => t.close());

  const subscribe = (email: string, ip = '203.0.113.7') => t.app.inject({ method: 'POST', url: '/status/subscribe', remoteAddress: ip, payload: { email } });
  const mailsTo = async (email: string) => {
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/deliveries?channel=email&limit=500', headers: admin })).json() as { deliveries: Array<{ recipient: string }> };
    return list.deliveries.filter((d) => d.recipient === email).length;
  };

  test('thirty subscriptions for one victim send three confirmation mails, then 429 with Retry-After', async () => {
    const answers = [];
    for (let i = 0; i < 30; i++) answers.push(await subscribe('victim@example.test', `203.0.113.${10 + i}`));
    assert.deepEqual(answers.slice(0, 3).map((r) => r.statusCode), [202, 202, 202]);
    const refused = answers.slice(3);
    assert.ok(refused.every((r) => r.statusCode === 429), refused.map((r) => r.statusCode).join(','));
    assert.ok(Number(refused[0]!.headers['retry-after']) > 0);
    assert.match(refused[0]!.json().detail, /confirmation mails to this email address/);
    assert.ok((await mailsTo('victim@example.test')) <= 3);
  });

  test('one address may subscribe a bounded number of people per hour', async () => {
    const statuses = [];
    for (let i = 0; i < 22; i++) statuses.push((await subscribe(`reader${i}@example.test`, '198.51.100.9')).statusCode);
    assert.deepEqual(statuses.slice(0, 20), new Array(20).fill(202));
    assert.deepEqual(statuses.slice(20), [429, 429]);
  });

  test('send-code is limited per contact method: 429 with Retry-After, and no more codes are sent', async () => {
    const person = await t.user('responder');
    const added = await t.app.inject({ method: 'POST', url: `/api/v1/users/${person.user.id}/contact-methods`, headers: person.auth, payload: { kind: 'email', address: 'phone-owner@example.test' } });
    assert.equal(added.statusCode, 201, added.body);
    const statuses = [];
    for (let i = 0; i < 25; i++) statuses.push((await t.app.inject({ method: 'POST', url: `/api/v1/contact-methods/${added.json().id}/send-code`, headers: person.auth })).statusCode);
    assert.deepEqual(statuses.slice(0, 5), [200, 200, 200, 200, 200]);
    assert.ok(statuses.slice(5).every((s) => s === 429), statuses.join(','));
    const refused = await t.app.inject({ method: 'POST', url: `/api/v1/contact-methods/${added.json().id}/send-code`, headers: person.auth });
    assert.ok(Number(refused.headers['retry-after']) > 0);
    assert.ok((await mailsTo('phone-owner@example.test')) <= 6, 'one code on creation and five resent at most');
  });

  test('page-link and subscription pages carry CSP and forbid framing', async () => {
    for (const url of ['/p/AAAAAAAAAAAAAAAAAAAAAA', '/status/subscriptions/confirm?token=forged-token.abcdef', '/status/subscriptions/unsubscribe?token=forged-token.abcdef']) {
      const res = await t.app.inject({ method: 'GET', url });
      assert.match(String(res.headers['content-type']), /text\/html/, url);
      assert.match(String(res.headers['content-security-policy']), /default-src 'none'/, url);
      assert.match(String(res.headers['content-security-policy']), /frame-ancestors 'none'/, url);
      assert.equal(res.headers['x-frame-options'], 'DENY', url);
    }
    const posted = await t.app.inject({ method: 'POST', url: '/status/subscriptions/confirm?token=forged-token.abcdef' });
    assert.equal(posted.headers['x-frame-options'], 'DENY');
    const html = await subscribe('headers@example.test', '192.0.2.44');
    assert.equal(html.statusCode, 202);
  });

  test('trackerUrl, evidenceUrl and evidence links accept http(s) only', async () => {
    const responder = await t.user('responder');
    const incident = (await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: responder.auth, payload: { title: 'Links', severity: 'SEV3' } })).json() as { ref: string };
    const evidence = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${incident.ref}/events`, headers: responder.auth, payload: { kind: 'evidence_attached', body: { type: 'link', title: 'x', url: 'javascript:alert(1)' } } });
    assert.equal(evidence.statusCode, 400, evidence.body);
    assert.equal(evidence.json().errors[0].field, 'body.url');
    const pm = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${incident.ref}/postmortem`, headers: responder.auth });
    assert.ok(pm.statusCode < 300, pm.body);
    for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>']) {
      const item = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${incident.ref}/postmortem/action-items`, headers: responder.auth, payload: { title: 'Add a canary stage to the checkout deploy pipeline', type: 'prevent', trackerUrl: url } });
      assert.equal(item.statusCode, 400, `${url}: ${item.body}`);
      assert.equal(item.json().errors[0].field, 'trackerUrl');
    }
    const ok = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${incident.ref}/postmortem/action-items`, headers: responder.auth, payload: { title: 'Add a canary stage to the checkout deploy pipeline', type: 'prevent', trackerUrl: 'https://tracker.example/T-1' } });
    assert.equal(ok.statusCode, 201, ok.body);
    const closing = await t.app.inject({ method: 'PATCH', url: `/api/v1/action-items/${ok.json().id}`, headers: responder.auth, payload: { status: 'closed', evidenceUrl: 'javascript:alert(1)' } });
    assert.equal(closing.statusCode, 400, closing.body);
    assert.equal(closing.json().errors[0].field, 'evidenceUrl');
  });
});
