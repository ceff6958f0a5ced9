import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { assertPermissionMatrix, usersPerRole, type MatrixRoute, type RoleHeaders } from '../../app/permission-matrix-testing.js';
import { describeEachStore } from '../../db/testing.js';
import type { Role } from '../auth/identity.js';

const PAGING_PREFIXES = ['/api/v1/escalation-policies', '/api/v1/escalations', '/api/v1/contact-methods', '/api/v1/oncall/burden'];

describeEachStore('paging permission matrix', (fixture) => {
  let t: TestApp;
  let auth: RoleHeaders;
  let ids: Record<Role, string>;
  let routes: MatrixRoute[] = [];

  before(async () => {
    t = await createTestApp(fixture.store);
    ({ auth, ids } = await usersPerRole(t));
    const steps = [{ delaySeconds: 0, targets: [{ type: 'user', id: ids.responder }] }];
    const policy = (await t.app.inject({ method: 'POST', url: '/api/v1/escalation-policies', headers: auth.admin, payload: { name: 'matrix', steps } })).json();
    const spare = (await t.app.inject({ method: 'POST', url: '/api/v1/escalation-policies', headers: auth.admin, payload: { name: 'matrix-spare', steps } })).json();
    const incident = (await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: auth.responder, payload: { title: 'matrix', severity: 'SEV3' } })).json();
    const paged = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${incident.id}/pages`, headers: auth.responder, payload: { userId: ids.admin, reason: 'seed' } });
    assert.equal(paged.statusCode, 201, paged.body);
    const escalation = paged.json().id as string;
    const method = (await t.app.inject({ method: 'POST', url: `/api/v1/users/${ids.responder}/contact-methods`, headers: auth.responder, payload: { kind: 'email', address: 'pager@example.test' } })).json();
    const spareMethod = (await t.app.inject({ method: 'POST', url: `/api/v1/users/${ids.responder}/contact-methods`, headers: auth.responder, payload: { kind: 'sms', address: '+15550199' } })).json();
    routes = [
      { method: 'GET', url: '/api/v1/escalation-policies', needs: 'viewer' },
      { method: 'POST', url: '/api/v1/escalation-policies', needs: 'admin', body: { name: 'matrix-new', steps } },
      { method: 'GET', url: `/api/v1/escalation-policies/${policy.id}`, needs: 'viewer' },
      { method: 'PATCH', url: `/api/v1/escalation-policies/${policy.id}`, needs: 'admin', body: { repeat: 1 } },
      { method: 'DELETE', url: `/api/v1/escalation-policies/${spare.id}`, needs: 'admin' },
      { method: 'GET', url: '/api/v1/escalations', needs: 'viewer' },
      { method: 'GET', url: `/api/v1/escalations/${escalation}`, needs: 'viewer' },
      // A one-step page fires when it is made: escalating it further is refused after the permission check passed.
      { method: 'POST', url: `/api/v1/escalations/${escalation}/escalate`, needs: 'responder', allowed: 409 },
      { method: 'POST', url: `/api/v1/escalations/${escalation}/acknowledge`, needs: 'responder' },
      { method: 'POST', url: `/api/v1/escalations/${escalation}/resolve`, needs: 'responder' },
      { method: 'POST', url: `/api/v1/incidents/${incident.id}/pages`, needs: 'responder', body: { userId: ids.responder, reason: 'expertise: payments' } },
      { method: 'GET', url: `/api/v1/incidents/${incident.id}/pages`, needs: 'viewer' },
      { method: 'GET', url: `/api/v1/users/${ids.viewer}/contact-methods`, needs: 'viewer' },
      { method: 'POST', url: `/api/v1/users/${ids.responder}/contact-methods`, needs: 'responder', body: { kind: 'push', address: 'matrix-topic' } },
      { method: 'POST', url: `/api/v1/contact-methods/${method.id}/send-code`, needs: 'responder' },
      { method: 'POST', url: `/api/v1/contact-methods/${method.id}/verify`, needs: 'responder', body: { code: '000000' }, allowed: 400 },
      { method: 'DELETE', url: `/api/v1/contact-methods/${spareMethod.id}`, needs: 'responder' },
      { method: 'GET', url: `/api/v1/users/${ids.viewer}/notification-rules`, needs: 'viewer' },
      { method: 'PUT', url: `/api/v1/users/${ids.responder}/notification-rules`, needs: 'responder', body: { rules: [{ contactMethodId: method.id, delaySeconds: 0 }] } },
      { method: 'GET', url: `/api/v1/oncall/burden?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z`, needs: 'viewer' },
    ];
  });
  after(async () => {
    await t.close();
  });

  test('every paging route refuses a request without a token (401) and a role below its own (403), and lets its role through', async () => {
    const registered = t.app.routeAccess.filter((r) => PAGING_PREFIXES.some((p) => r.url.startsWith(p)) || /contact-methods|notification-rules|\/pages$/.test(r.url));
    assert.equal(registered.filter((r) => r.method !== 'HEAD').length, routes.length - 2, 'the matrix covers every paging route (one action route serves three verbs)');
    await assertPermissionMatrix(t, auth, routes, { refusalNamesRole: false });
  });

  test("nobody but the person or an admin reads or changes a person's contact methods and rules", async () => {
    const other = await t.user('responder');
    for (const [method, url, body] of [
      ['GET', `/api/v1/users/${ids.responder}/contact-methods`, undefined],
      ['POST', `/api/v1/users/${ids.responder}/contact-methods`, { kind: 'email', address: 'hijack@example.test' }],
      ['PUT', `/api/v1/users/${ids.responder}/notification-rules`, { rules: [] }],
      ['GET', `/api/v1/users/${ids.responder}/notification-rules`, undefined],
    ] as const) {
      const res = await t.app.inject({ method, url, headers: other.auth, ...(body ? { payload: body } : {}) });
      assert.equal(res.statusCode, 403, `${method} ${url} as someone else`);
    }
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/users/${ids.responder}/contact-methods`, headers: auth.admin })).statusCode, 200);
  });

  test('page links are public and refuse unknown tokens without acting', async () => {
    const get = await t.app.inject({ method: 'GET', url: '/p/AAAAAAAAAAAAAAAAAAAAAA' });
    assert.equal(get.statusCode, 404);
    assert.match(get.headers['content-type'] as string, /text\/html/);
    assert.equal((await t.app.inject({ method: 'POST', url: '/p/not-a-token' })).statusCode, 404);
  });
});
