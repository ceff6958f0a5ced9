import assert from 'node:assert/strict';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { STATUS_PAGE_CSP } from './public-answer.js';
import { addComponent, declare, post, type Headers } from '../../testing/statuspage.js';
import { until } from '../../testing/until.js';

/** Headers that differ by transport (node's own, and the per-request id), not by answer. */
const TRANSPORT = new Set(['date', 'connection', 'keep-alive', 'x-request-id', 'transfer-encoding']);

function answerHeaders(headers: Record<string, unknown>): Record<string, string> {
  const kept = Object.keys(headers).filter((k) => !TRANSPORT.has(k)).sort();
  return Object.fromEntries(kept.map((k) => [k, String(headers[k])]));
}

// The front door answers public page reads before Fastify; it must give exactly the routes' answer.
describeEachStore('status page front door', (fixture) => {
  let t: TestApp;
  let base: string;
  let admin: Headers;
  before(async () => {
    t = await createTestApp(fixture.store);
    admin = (await t.user('admin')).auth;
    const responder = (await t.user('responder')).auth;
    const api = await addComponent(t, admin, { name: 'Checkout API' });
    const ref = await declare(t, responder, { title: 'Checkout errors', severity: 'SEV2' });
    await post(t, responder, ref, 'update_posted', { audience: 'public', text: 'We are investigating failed checkouts.', publicTitle: 'Checkout failures', components: [{ componentId: api, status: 'partial_outage' }] });
    const pages = (await t.app.inject({ method: 'GET', url: '/api/v1/status-pages', headers: admin })).json().pages;
    const second = await t.app.inject({ method: 'POST', url: '/api/v1/status-pages', headers: admin, payload: { name: 'Partners', slug: 'partners', host: 'status.partners.test' } });
    assert.equal(second.statusCode, 201, second.body);
    assert.equal(pages.length, 1);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    await until('the read model to hold both pages', async () => (await fetch(`${base}/status/partners`)).status === 200 && (await fetch(`${base}/status/api/v2/incidents/unresolved.json`)).status === 200);
  });
  after(async () => {
    await t.close();
  });

  const paths = ['/status', '/status/', '/status/history', '/status/history.rss', '/status/history.atom', '/status/api/v2/summary.json', '/status/api/v2/status.json', '/status/api/v2/components.json', '/status/api/v2/incidents.json', '/status/api/v2/incidents/unresolved.json', '/status/api/v2/scheduled-maintenances.json', '/status/api/v2/scheduled-maintenances/upcoming.json', '/status/api/v2/scheduled-maintenances/active.json', '/status/partners', '/status/partners/api/v2/summary.json', '/status/partners/history?page=2', '/status/api/v2/summary.json?callback=x'];

  test('answers every public resource over HTTP exactly as the routes answer it (status, headers, bytes), without going through them', async () => {
    for (const path of paths) {
      const servedBefore = t.app.frontDoor.served;
      const real = await fetch(`${base}${path}`);
      const body = Buffer.from(await real.arrayBuffer());
      assert.equal(t.app.frontDoor.served, servedBefore + (path === '/status/' ? 0 : 1), `${path} served by the front door`);
      const routed = await t.app.inject({ method: 'GET', url: path });
      assert.equal(real.status, routed.statusCode, path);
      assert.deepEqual(body, routed.rawPayload, path);
      assert.deepEqual(answerHeaders(Object.fromEntries(real.headers)), answerHeaders(routed.headers), path);
      assert.match(real.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
    }
  });

  test('revalidation: If-None-Match with the ETag gives 304 and no body; HEAD gives the headers only', async () => {
    const first = await fetch(`${base}/status/api/v2/summary.json`);
    const etag = first.headers.get('etag')!;
    assert.match(etag, /^"[A-Za-z0-9_-]+"$/);
    const again = await fetch(`${base}/status/api/v2/summary.json`, { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
    assert.equal((await again.arrayBuffer()).byteLength, 0);
    const head = await fetch(`${base}/status`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('content-security-policy'), STATUS_PAGE_CSP);
    assert.equal(Number(head.headers.get('content-length')) > 1000, true);
    assert.equal(head.headers.get('x-request-id')?.length, 36);
    const chosen = await fetch(`${base}/status`, { headers: { 'x-request-id': 'lb-4711' } });
    assert.equal(chosen.headers.get('x-request-id'), 'lb-4711');
  });

  test('a page with its own host name answers at / of that host; the main host keeps its routes there', async () => {
    // fetch() always sends the URL's host, so ask with node's own client.
    const host = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${base}/api/v2/summary.json`, { headers: { host: 'Status.Partners.test:8080' } }, (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (c: string) => (body += c)).on('end', () => resolve({ status: res.statusCode!, body }));
      });
      req.on('error', reject).end();
    });
    assert.equal(host.status, 200);
    assert.equal((JSON.parse(host.body) as { page: { name: string } }).page.name, 'Partners');
    const main = await fetch(`${base}/api/v2/summary.json`);
    assert.notEqual(main.status, 200);
  });

  test('what it cannot answer whole goes on to the routes: unknown pages, long slugs, other methods', async () => {
    const servedBefore = t.app.frontDoor.served;
    assert.equal((await fetch(`${base}/status/no-such-page`)).status, 404);
    assert.equal((await fetch(`${base}/status/${'x'.repeat(61)}`)).status, 400);
    assert.equal((await fetch(`${base}/status/%E0%A4%A/api/v2/summary.json`)).status >= 400, true);
    assert.equal((await fetch(`${base}/status`, { method: 'DELETE' })).status, 404);
    assert.equal(t.app.frontDoor.served, servedBefore);
  });

  test('an internal page answers signed-in readers only, never from the front door and never to shared caches', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/status-pages', headers: admin, payload: { name: 'Staff', slug: 'staff', visibility: 'internal' } });
    assert.equal(created.statusCode, 201, created.body);
    await addComponent(t, admin, { name: 'Payroll batch (staff only)' }, created.json().id);
    const viewer = (await t.user('viewer')).auth;
    await until('the internal page in the read model', async () => (await fetch(`${base}/status/staff`, { headers: viewer })).status === 200 && (await fetch(`${base}/status/staff`, { headers: viewer })).text().then((b) => b.includes('Payroll batch')));
    const servedBefore = t.app.frontDoor.served;
    for (const path of ['/status/staff', '/status/staff/api/v2/summary.json', '/status/staff/history.rss']) {
      const anonymous = await fetch(`${base}${path}`);
      assert.equal(anonymous.status, 401, path);
      assert.doesNotMatch(await anonymous.text(), /Payroll batch/, path);
      const signedIn = await fetch(`${base}${path}`, { headers: viewer });
      assert.equal(signedIn.status, 200, path);
      assert.equal(signedIn.headers.get('cache-control'), 'private, no-cache', path);
      assert.equal(signedIn.headers.get('access-control-allow-origin'), null, path);
      if (!path.endsWith('.rss')) assert.match(await signedIn.text(), /Payroll batch/, path);
    }
    assert.equal((await fetch(`${base}/status/staff`, { headers: { authorization: 'Bearer not-a-token' } })).status, 401);
    assert.equal(t.app.frontDoor.served, servedBefore, 'the front door answers public pages only');
    const subscribe = await fetch(`${base}/status/staff/subscribe`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'someone@example.test' }) });
    assert.equal(subscribe.status, 404, 'nobody subscribes to an internal page from outside');
  });

  test('requests it answers are counted in the HTTP metrics like any other', async () => {
    await fetch(`${base}/status/api/v2/status.json`);
    const metrics = await t.ctx.metrics.registry.getSingleMetricAsString('firebreak_http_requests_total');
    assert.match(metrics, /firebreak_http_requests_total\{method="GET",route="\/status\/api\/v2\/status.json",status="200"\} [1-9]/);
  });
});
