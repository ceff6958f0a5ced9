/**
 * The server calls out only where allowed: by default no loopback, private,
 * link-local or unspecified address, in any spelling, before or after DNS and
 * on every redirect; an administrator's allow-list opens ranges. Every peer
 * here listens on loopback, the address an attacker would aim at.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { describeEachStore } from '../../src/db/testing.js';
import { createTestApp, type TestApp } from '../../src/app/testing.js';
import { callOut, outboundPolicy, OutboundRefused } from '../../src/http/outbound.js';
import { loadConfig } from '../../src/config.js';
import { startHttpPeer, type HttpPeer } from '../../src/domains/notify/testing.js';
import { until } from '../../src/testing/until.js';

describe('the outbound policy', () => {
  let peer: HttpPeer;
  let redirector: Server;
  let redirectorPort = 0;
  before(async () => {
    peer = await startHttpPeer(() => 200);
    const port = new URL(peer.url).port;
    // Answers every request with a redirect to the peer, but spelled as another loopback address.
    redirector = createServer((req, res) => res.writeHead(302, { location: `http://127.0.0.2:${port}/internal` }).end());
    await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve));
    redirectorPort = (redirector.address() as AddressInfo).port;
  });
  after(async () => {
    await peer.close();
    await new Promise<void>((resolve) => redirector.close(() => resolve()));
  });

  test('by default it refuses loopback, private, link-local and unspecified addresses however they are spelled', async () => {
    const policy = outboundPolicy('');
    const port = new URL(peer.url).port;
    const spellings = ['127.0.0.1', '0177.0.0.1', '0x7f000001', '2130706433', '0x7f.1', '127.1', 'localhost', '[::1]', '[::ffff:127.0.0.1]', '[::ffff:7f00:1]', '[0:0:0:0:0:ffff:7f00:1]', '[::127.0.0.1]', '0.0.0.0', '[::]', '169.254.169.254', '10.0.0.1', '172.16.0.1', '192.168.1.1', '100.64.0.1', '[fe80::1]', '[fc00::1]', '[64:ff9b::7f00:1]'];
    for (const host of spellings) {
      await assert.rejects(callOut(policy, `http://${host}:${port}/api/v1/users`, { timeoutMs: 2000 }), OutboundRefused, host);
    }
    assert.equal(peer.requests.length, 0, 'nothing reached the peer');
    for (const address of ['8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8']) assert.equal(policy.permits(address), true, address);
  });

  test('an allowed range is called, and a redirect out of it is refused', async () => {
    const policy = outboundPolicy('127.0.0.1/32');
    const answer = await callOut(policy, `${peer.url}/dashboard`, { timeoutMs: 2000 });
    assert.equal(answer.status, 200);
    assert.equal(peer.requests.at(-1)?.path, '/dashboard');
    const count = peer.requests.length;
    await assert.rejects(callOut(policy, `http://127.0.0.1:${redirectorPort}/`, { timeoutMs: 2000, followRedirects: 5 }), OutboundRefused);
    assert.equal(peer.requests.length, count, 'the redirect target was not called');
    // Without following, the 3xx itself is the answer.
    assert.equal((await callOut(policy, `http://127.0.0.1:${redirectorPort}/`, { timeoutMs: 2000 })).status, 302);
  });

  test('only http and https are called, and an unreadable allow-list is refused naming the range', async () => {
    await assert.rejects(callOut(outboundPolicy(''), 'file:///etc/passwd', { timeoutMs: 1000 }), OutboundRefused);
    assert.throws(() => outboundPolicy('10.0.0.0/33'), /10.0.0.0\/33/);
    assert.throws(() => outboundPolicy('intranet'), /intranet/);
    assert.throws(() => loadConfig({ FIREBREAK_OUTBOUND_ALLOW: '10.0.0.0/8, intranet' }), /FIREBREAK_OUTBOUND_ALLOW: "intranet"/);
    assert.equal(loadConfig({ FIREBREAK_OUTBOUND_ALLOW: '10.0.0.0/8, 127.0.0.1, fd00::/8' }).outboundAllow, '10.0.0.0/8, 127.0.0.1, fd00::/8');
  });
});

describeEachStore('outbound calls from the product follow the policy', (fixture) => {
  let peer: HttpPeer;
  let t: TestApp;
  before(async () => {
    peer = await startHttpPeer(() => 200);
    // The default policy: nothing allowed beyond public addresses.
    t = await createTestApp(fixture.store, { config: { outboundAllow: '', runbookLinkCheckTimeoutMs: 2000 } });
    await t.startWorker();
  });
  after(async () => {
    await t.close();
    await peer.close();
  });

  test("a responder's webhook contact method pointing at an internal address is never called", async () => {
    const person = await t.user('responder');
    const added = await t.app.inject({ method: 'POST', url: `/api/v1/users/${person.user.id}/contact-methods`, headers: person.auth, payload: { kind: 'webhook', address: `${peer.url.replace('127.0.0.1', '0x7f000001')}/api/v1/users` } });
    assert.equal(added.statusCode, 201, added.body);
    const admin = (await t.user('admin')).auth;
    const failed = await until('the code delivery fails', async () => {
      const list = (await t.app.inject({ method: 'GET', url: '/api/v1/deliveries?channel=webhook&status=failed', headers: admin })).json() as { deliveries: Array<{ statusDetail: string | null }> };
      return list.deliveries[0];
    });
    assert.match(failed.statusDetail ?? '', /may not reach/);
    assert.equal(peer.requests.length, 0);
  });

  test('a runbook link to an internal address is not checked, so no viewer learns its status', async () => {
    const responder = (await t.user('responder')).auth;
    const viewer = (await t.user('viewer')).auth;
    const internal = `${peer.url}/api/v1/users`;
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/runbooks', headers: responder, payload: { title: 'Internal link', body: `[users](${internal})` } });
    assert.equal(created.statusCode, 201, created.body);
    const link = await until('the link check result', async () => {
      const view = (await t.app.inject({ method: 'GET', url: `/api/v1/runbooks/${created.json().id}`, headers: viewer })).json() as { links: Array<{ url: string; status: number | null; error: string | null }> };
      return view.links[0];
    });
    assert.equal(link.status, null);
    assert.match(link.error ?? '', /not checked/);
    assert.equal(peer.requests.length, 0);
  });
});

describeEachStore('an allow-list opens internal ranges for link checks', (fixture) => {
  let peer: HttpPeer;
  let t: TestApp;
  before(async () => {
    peer = await startHttpPeer(() => 200);
    t = await createTestApp(fixture.store, { config: { outboundAllow: '127.0.0.0/8', runbookLinkCheckTimeoutMs: 2000 } });
    await t.startWorker();
  });
  after(async () => {
    await t.close();
    await peer.close();
  });

  test('a runbook link to an allowed internal dashboard is checked', async () => {
    const responder = (await t.user('responder')).auth;
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/runbooks', headers: responder, payload: { title: 'Dashboard link', body: `[dash](${peer.url}/grafana)` } });
    assert.equal(created.statusCode, 201, created.body);
    const link = await until('the link check result', async () => {
      const view = (await t.app.inject({ method: 'GET', url: `/api/v1/runbooks/${created.json().id}`, headers: responder })).json() as { links: Array<{ status: number | null }> };
      return view.links[0];
    });
    assert.equal(link.status, 200);
    assert.equal(peer.requests.at(-1)?.path, '/grafana');
  });
});
