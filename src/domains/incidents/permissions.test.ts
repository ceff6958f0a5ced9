import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { DEFAULT_POLICY } from './policy.js';

interface Route {
  method: 'GET' | 'POST' | 'PUT';
  /** `{id}` is replaced by the incident under test. */
  url: string;
  access: 'viewer' | 'responder' | 'admin';
  /** True when the route is about one incident, so outsiders of a private incident must get 404. */
  incident: boolean;
  payload?: () => unknown;
  /** A query string the route needs to answer 200. */
  query?: string;
}

/** Someone to page into an incident (set once users exist). */
let pagedUserId = '';

/** Every incidents route. A new route adds a row here. */
const ROUTES: Route[] = [
  { method: 'POST', url: '/api/v1/incidents', access: 'responder', incident: false, payload: () => ({ title: 'Matrix', severity: 'SEV4' }) },
  { method: 'GET', url: '/api/v1/incidents', access: 'viewer', incident: false },
  { method: 'GET', url: '/api/v1/incidents/similar', access: 'viewer', incident: false, query: '?title=checkout' },
  { method: 'GET', url: '/api/v1/incidents/{id}', access: 'viewer', incident: true },
  { method: 'POST', url: '/api/v1/incidents/{id}/events', access: 'responder', incident: true, payload: () => ({ kind: 'note', body: { text: 'matrix' } }) },
  { method: 'GET', url: '/api/v1/incidents/{id}/events', access: 'viewer', incident: true },
  { method: 'POST', url: '/api/v1/incidents/{id}/pages', access: 'responder', incident: true, payload: () => ({ userId: pagedUserId, reason: 'matrix: needs database expertise' }) },
  { method: 'GET', url: '/api/v1/incidents/{id}/pages', access: 'viewer', incident: true },
  { method: 'GET', url: '/api/v1/incidents/{id}/handoff', access: 'viewer', incident: true },
  { method: 'GET', url: '/api/v1/incidents/{id}/update-draft', access: 'viewer', incident: true },
  { method: 'GET', url: '/api/v1/incidents/{id}/public-face', access: 'viewer', incident: true },
  { method: 'GET', url: '/api/v1/incidents/{id}/runbooks', access: 'viewer', incident: true },
  { method: 'GET', url: '/api/v1/incidents/{id}/similar', access: 'viewer', incident: true },
  { method: 'GET', url: '/api/v1/settings/incident-policy', access: 'viewer', incident: false },
  { method: 'PUT', url: '/api/v1/settings/incident-policy', access: 'admin', incident: false, payload: () => DEFAULT_POLICY },
];

/** Long-lived, so its 200 case is tested in stream.test.ts; the refusals are tested here. */
const STREAM = '/api/v1/incidents/{id}/stream';
/** The list's live stream: long-lived too; what it sends to whom is tested in list-stream.test.ts. */
const LIST_STREAM = '/api/v1/incidents/stream';

describeEachStore('incident permission matrix', (fixture) => {
  let t: TestApp;
  let users: Record<'viewer' | 'responder' | 'outsider' | 'member' | 'admin', { authorization: string }>;
  let privateRef: string;
  let publicRef: string;
  before(async () => {
    t = await createTestApp(fixture.store);
    const declarer = await t.user('responder');
    const member = await t.user('viewer');
    pagedUserId = (await t.user('responder')).user.id;
    users = {
      viewer: (await t.user('viewer')).auth,
      responder: declarer.auth,
      outsider: (await t.user('responder')).auth,
      member: member.auth,
      admin: (await t.user('admin')).auth,
    };
    const declare = async (isPrivate: boolean) =>
      (await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: declarer.auth, payload: { title: 'Secret', severity: 'SEV2', private: isPrivate } })).json().ref as string;
    privateRef = await declare(true);
    publicRef = await declare(false);
    const added = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${privateRef}/events`, headers: declarer.auth, payload: { kind: 'member_added', body: { userId: member.user.id } } });
    assert.equal(added.statusCode, 201);
  });
  after(async () => {
    await t.close();
  });

  const call = (route: Route, ref: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: route.method, url: route.url.replace('{id}', ref) + (route.query ?? ''), headers, ...(route.payload ? { payload: route.payload() as object } : {}) });
  const name = (r: Route) => `${r.method} ${r.url}`;

  // Postmortem and suggested-rollback routes under /incidents/:id have their own matrices (postmortems/routes.test.ts, changes/permissions.test.ts).
  test('the matrix lists every incidents route, with the access each declares', () => {
    const declared = t.app.routeAccess
      .filter((r) => (r.url.startsWith('/api/v1/incidents') || r.url.startsWith('/api/v1/settings/incident-policy')) && r.method !== 'HEAD' && !r.url.includes('/postmortem') && !r.url.includes('/suggested-rollbacks'))
      .map((r) => `${r.method} ${r.url.replace(':id', '{id}')} ${r.access}`)
      .sort();
    const listed = [...ROUTES.map((r) => `${r.method} ${r.url} ${r.access}`), `GET ${STREAM} viewer`, `GET ${LIST_STREAM} viewer`].sort();
    assert.deepEqual(declared, listed);
  });

  test('the live stream refuses anonymous clients with 401 and outsiders of a private incident with 404', async () => {
    assert.equal((await t.app.inject({ method: 'GET', url: STREAM.replace('{id}', publicRef) })).statusCode, 401);
    assert.equal((await t.app.inject({ method: 'GET', url: STREAM.replace('{id}', privateRef), headers: users.outsider })).statusCode, 404);
    assert.equal((await t.app.inject({ method: 'GET', url: LIST_STREAM })).statusCode, 401);
  });

  test('every route refuses a request without a token with 401', async () => {
    for (const route of ROUTES) assert.equal((await call(route, publicRef)).statusCode, 401, name(route));
  });

  test('viewers read, and are refused with 403 on every write', async () => {
    for (const route of ROUTES) {
      const res = await call(route, publicRef, users.viewer);
      assert.equal(res.statusCode, route.access === 'viewer' ? 200 : 403, name(route));
    }
  });

  test('responders write to incidents; only admins change the policy', async () => {
    for (const route of ROUTES) {
      const res = await call(route, publicRef, users.responder);
      assert.equal(res.statusCode, route.access === 'admin' ? 403 : route.method === 'POST' ? 201 : 200, name(route));
    }
  });

  test('someone outside a private incident gets 404 on every route about it, as if it did not exist', async () => {
    for (const route of ROUTES.filter((r) => r.incident)) {
      const res = await call(route, privateRef, users.outsider);
      assert.equal(res.statusCode, 404, name(route));
      assert.doesNotMatch(res.body, /Secret/);
    }
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/incidents', headers: users.outsider });
    assert.ok(!list.json().incidents.some((i: { ref: string }) => i.ref === privateRef));
  });

  test('members and admins see the private incident everywhere; a viewer member still cannot write', async () => {
    for (const who of ['member', 'admin', 'responder'] as const) {
      for (const route of ROUTES.filter((r) => r.incident && r.method === 'GET')) {
        assert.equal((await call(route, privateRef, users[who])).statusCode, 200, `${who} ${name(route)}`);
      }
      const list = await t.app.inject({ method: 'GET', url: '/api/v1/incidents', headers: users[who] });
      assert.ok(list.json().incidents.some((i: { ref: string }) => i.ref === privateRef), who);
    }
    const write = ROUTES.find((r) => r.url.endsWith('/events') && r.method === 'POST')!;
    assert.equal((await call(write, privateRef, users.member)).statusCode, 403);
    assert.equal((await call(write, privateRef, users.admin)).statusCode, 201);
  });
});
