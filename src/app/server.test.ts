import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Type } from '@sinclair/typebox';
import { describeEachStore } from '../db/testing.js';
import { createTestApp, type TestApp } from './testing.js';
import { domains } from './domains.js';
import type { DomainModule } from './context.js';

describeEachStore('the HTTP edge', (fixture) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(fixture.store);
  });
  after(async () => {
    await t.close();
  });

  test('a route registered without an access declaration stops the server from building', async () => {
    const careless: DomainModule = {
      name: 'careless',
      routes: (app) => {
        app.post('/api/v1/careless', { schema: { body: Type.Object({}) } }, async () => ({}));
      },
    };
    await assert.rejects(createTestApp(fixture.store, { domains: [...domains, careless] }), /does not declare its access/);
  });

  test('every registered route declares one of the known access levels', () => {
    assert.ok(t.app.routeAccess.length > 10);
    for (const route of t.app.routeAccess) {
      assert.ok(['public', 'viewer', 'responder', 'admin'].includes(route.access), `${route.method} ${route.url}: ${route.access}`);
    }
  });

  test('every mutating route outside the public ones refuses a request without a token with 401', async () => {
    const mutating = t.app.routeAccess.filter((r) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method) && r.access !== 'public');
    assert.ok(mutating.length > 5);
    for (const route of mutating) {
      const url = route.url.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');
      const res = await t.app.inject({ method: route.method as 'POST', url, payload: {} });
      assert.equal(res.statusCode, 401, `${route.method} ${route.url}`);
    }
  });

  test('/readyz reports ready with the dialect once the database is migrated', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/readyz' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: 'ready', database: fixture.store.dialect });
  });

  test('/metrics exposes request counts, latencies and job queue depth and lag in Prometheus text format', async () => {
    await t.app.inject({ method: 'GET', url: '/healthz' });
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /^text\/plain/);
    assert.match(res.body, /firebreak_http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+/);
    assert.match(res.body, /firebreak_http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/healthz"\}/);
    assert.match(res.body, /firebreak_job_queue_depth\{state="due"\} \d+/);
    assert.match(res.body, /firebreak_job_queue_lag_seconds \d/);
  });

  test('the OpenAPI document lists the API routes with their schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    assert.equal(res.statusCode, 200);
    const doc = res.json();
    assert.equal(doc.openapi, '3.0.3');
    assert.ok(doc.paths['/api/v1/teams'].post.requestBody);
    assert.ok(doc.paths['/api/v1/audit'].get);
  });

  test('public routes ignore an Authorization header meant for someone else (a sender using basic auth)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz', headers: { authorization: 'Basic Z3JhZmFuYTpzZWNyZXQ=' } });
    assert.equal(res.statusCode, 200);
  });

  test('a long path parameter gets a 404 problem, not a bare router error', async () => {
    const admin = await t.user('admin');
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/teams/${'x'.repeat(300)}`, headers: admin.auth });
    assert.equal(res.statusCode, 400);
    assert.match(res.headers['content-type'] as string, /problem\+json/);
    assert.equal(res.json().errors[0].field, 'path.id');
  });

  test('unknown routes answer 404 problem+json', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    assert.equal(res.statusCode, 404);
    assert.match(res.headers['content-type'] as string, /problem\+json/);
  });

  test('a request id sent by the client is echoed; a malformed one is replaced', async () => {
    const kept = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'abc-123' } });
    assert.equal(kept.headers['x-request-id'], 'abc-123');
    const replaced = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'bad id\u0000<script>' } });
    assert.match(replaced.headers['x-request-id'] as string, /^[0-9a-f-]{36}$/);
  });

  test('a body over the size limit is refused with 413 before it is parsed', async () => {
    const admin = await t.user('admin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/teams',
      headers: { ...admin.auth, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }),
    });
    assert.equal(res.statusCode, 413);
    assert.match(res.headers['content-type'] as string, /problem\+json/);
  });

  test('a non-JSON content type is refused with 415', async () => {
    const admin = await t.user('admin');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/teams', headers: { ...admin.auth, 'content-type': 'text/xml' }, payload: '<team/>' });
    assert.equal(res.statusCode, 415);
  });
});

describeEachStore('readiness without a database', (fixture) => {
  test('/readyz answers 503 when the database is unreachable, while /healthz stays 200', async () => {
    const t = await createTestApp(fixture.store);
    await fixture.store.close();
    try {
      const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
      assert.equal(ready.statusCode, 503);
      assert.equal(ready.json().reason, 'database unreachable');
      const health = await t.app.inject({ method: 'GET', url: '/healthz' });
      assert.equal(health.statusCode, 200);
    } finally {
      await t.app.close();
    }
  });
});
