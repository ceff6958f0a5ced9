import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';
import type { Headers } from '../../testing/statuspage.js';

type Role = 'viewer' | 'responder' | 'admin';
interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  access: Role;
  /** Makes what the route acts on, as the given admin; returns the URL to call. */
  target?: (t: TestApp, admin: Headers) => Promise<string>;
  payload?: () => unknown;
  ok: number;
}

let counter = 0;
const unique = (prefix: string) => `${prefix}-${++counter}-${randomUUID().slice(0, 6)}`;
async function defaultPage(t: TestApp, admin: Headers): Promise<string> {
  return (await t.app.inject({ method: 'GET', url: '/api/v1/status-pages', headers: admin })).json().pages[0].id as string;
}
async function newPage(t: TestApp, admin: Headers): Promise<string> {
  return (await t.app.inject({ method: 'POST', url: '/api/v1/status-pages', headers: admin, payload: { name: 'Matrix', slug: unique('m') } })).json().id as string;
}
async function newComponent(t: TestApp, admin: Headers): Promise<string> {
  return (await t.app.inject({ method: 'POST', url: `/api/v1/status-pages/${await defaultPage(t, admin)}/components`, headers: admin, payload: { name: unique('c') } })).json().id as string;
}
async function newMaintenance(t: TestApp, admin: Headers): Promise<string> {
  const start = new Date(Date.now() + 86_400_000);
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/status-pages/${await defaultPage(t, admin)}/maintenances`, headers: admin, payload: { name: 'm', body: 'b', componentIds: [], scheduledFor: start.toISOString(), scheduledUntil: new Date(start.getTime() + 3600_000).toISOString() } });
  return res.json().id as string;
}
async function newSubscriber(t: TestApp, admin: Headers): Promise<string> {
  return (await t.app.inject({ method: 'POST', url: `/api/v1/status-pages/${await defaultPage(t, admin)}/subscribers`, headers: admin, payload: { url: `http://127.0.0.1:9/${unique('hook')}` } })).json().id as string;
}
async function newIncident(t: TestApp, admin: Headers): Promise<string> {
  return (await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: admin, payload: { title: 'Matrix', severity: 'SEV3' } })).json().ref as string;
}
const inPage = (path: string) => async (t: TestApp, admin: Headers) => `/api/v1/status-pages/${await defaultPage(t, admin)}${path}`;

/** Every status page admin route. A new route adds a row here. */
const ROUTES: Route[] = [
  { method: 'GET', url: '/api/v1/status-pages', access: 'viewer', ok: 200 },
  { method: 'POST', url: '/api/v1/status-pages', access: 'admin', payload: () => ({ name: 'New', slug: unique('p') }), ok: 201 },
  { method: 'GET', url: '/api/v1/status-pages/:id', access: 'viewer', target: async (t, a) => `/api/v1/status-pages/${await defaultPage(t, a)}`, ok: 200 },
  { method: 'PATCH', url: '/api/v1/status-pages/:id', access: 'admin', target: async (t, a) => `/api/v1/status-pages/${await newPage(t, a)}`, payload: () => ({ name: 'Renamed' }), ok: 200 },
  { method: 'DELETE', url: '/api/v1/status-pages/:id', access: 'admin', target: async (t, a) => `/api/v1/status-pages/${await newPage(t, a)}`, ok: 204 },
  { method: 'GET', url: '/api/v1/status-pages/:id/components', access: 'viewer', target: inPage('/components'), ok: 200 },
  { method: 'POST', url: '/api/v1/status-pages/:id/components', access: 'admin', target: inPage('/components'), payload: () => ({ name: unique('c') }), ok: 201 },
  { method: 'PATCH', url: '/api/v1/status-components/:id', access: 'admin', target: async (t, a) => `/api/v1/status-components/${await newComponent(t, a)}`, payload: () => ({ name: 'Renamed' }), ok: 200 },
  { method: 'DELETE', url: '/api/v1/status-components/:id', access: 'admin', target: async (t, a) => `/api/v1/status-components/${await newComponent(t, a)}`, ok: 204 },
  { method: 'PUT', url: '/api/v1/status-components/:id/status', access: 'responder', target: async (t, a) => `/api/v1/status-components/${await newComponent(t, a)}/status`, payload: () => ({ status: 'degraded_performance' }), ok: 200 },
  { method: 'GET', url: '/api/v1/status-pages/:id/maintenances', access: 'viewer', target: inPage('/maintenances'), ok: 200 },
  {
    method: 'POST', url: '/api/v1/status-pages/:id/maintenances', access: 'responder', target: inPage('/maintenances'), ok: 201,
    payload: () => ({ name: 'm', body: 'b', componentIds: [], scheduledFor: new Date(Date.now() + 86_400_000).toISOString(), scheduledUntil: new Date(Date.now() + 90_000_000).toISOString() }),
  },
  { method: 'PATCH', url: '/api/v1/status-maintenances/:id', access: 'responder', target: async (t, a) => `/api/v1/status-maintenances/${await newMaintenance(t, a)}`, payload: () => ({ cancelled: true }), ok: 200 },
  { method: 'GET', url: '/api/v1/status-pages/:id/subscribers', access: 'admin', target: inPage('/subscribers'), ok: 200 },
  { method: 'POST', url: '/api/v1/status-pages/:id/subscribers', access: 'admin', target: inPage('/subscribers'), payload: () => ({ url: `http://127.0.0.1:9/${unique('hook')}` }), ok: 201 },
  { method: 'DELETE', url: '/api/v1/status-subscribers/:id', access: 'admin', target: async (t, a) => `/api/v1/status-subscribers/${await newSubscriber(t, a)}`, ok: 204 },
  { method: 'GET', url: '/api/v1/settings/update-templates', access: 'viewer', ok: 200 },
  { method: 'PUT', url: '/api/v1/settings/update-templates', access: 'admin', payload: () => ({ update: 'UPDATE {{time}}' }), ok: 200 },
  { method: 'GET', url: '/api/v1/settings/update-channels', access: 'admin', ok: 200 },
  { method: 'PUT', url: '/api/v1/settings/update-channels', access: 'admin', payload: () => ({ emails: ['ops@example.test'], slackWebhookUrls: [] }), ok: 200 },
  { method: 'GET', url: '/api/v1/incidents/:id/update-draft', access: 'viewer', target: async (t, a) => `/api/v1/incidents/${await newIncident(t, a)}/update-draft?template=declaration`, ok: 200 },
];

const RANK: Record<Role, number> = { viewer: 0, responder: 1, admin: 2 };
const name = (r: Route) => `${r.method} ${r.url}`;

describeEachStore('status page permission matrix', (fixture) => {
  let t: TestApp;
  let users: Record<Role, Headers>;
  before(async () => {
    t = await createTestApp(fixture.store);
    users = { viewer: (await t.user('viewer')).auth, responder: (await t.user('responder')).auth, admin: (await t.user('admin')).auth };
  });
  after(async () => {
    await t.close();
  });

  const call = async (route: Route, headers: Headers) => {
    const url = route.target ? await route.target(t, users.admin) : route.url;
    return t.app.inject({ method: route.method, url, headers, ...(route.payload ? { payload: route.payload() as object } : {}) });
  };

  test('the matrix lists every status page admin route with the access it declares, and the public routes are only reads and subscription links', () => {
    const mine = (url: string) => url.startsWith('/api/v1/status-') || url.startsWith('/api/v1/settings/update-') || url.endsWith('/update-draft');
    const declared = t.app.routeAccess.filter((r) => mine(r.url) && r.method !== 'HEAD').map((r) => `${r.method} ${r.url} ${r.access}`).sort();
    assert.deepEqual(declared, ROUTES.map((r) => `${r.method} ${r.url} ${r.access}`).sort());
    const publicWrites = t.app.routeAccess.filter((r) => r.url.startsWith('/status') && r.method !== 'GET' && r.method !== 'HEAD').map((r) => r.url.replace('/status/:slug', '/status'));
    assert.deepEqual([...new Set(publicWrites)].sort(), ['/status/subscribe', '/status/subscriptions/confirm', '/status/subscriptions/unsubscribe']);
    assert.ok(t.app.routeAccess.filter((r) => r.url.startsWith('/status')).every((r) => r.access === 'public'));
  });

  test('every admin route refuses a request without a token with 401', async () => {
    for (const route of ROUTES) assert.equal((await call(route, {})).statusCode, 401, name(route));
  });

  for (const role of ['viewer', 'responder', 'admin'] as const) {
    test(`${role}s may use the routes at or below their role and are refused with 403 above it`, async () => {
      for (const route of ROUTES) {
        const res = await call(route, users[role]);
        assert.equal(res.statusCode, RANK[role] >= RANK[route.access] ? route.ok : 403, `${role} ${name(route)}: ${res.body}`);
      }
    });
  }

  test('the public page routes answer without any credentials', async () => {
    for (const url of ['/status', '/status/api/v2/summary.json', '/status/history.atom']) assert.equal((await t.app.inject({ method: 'GET', url })).statusCode, 200, url);
  });
});
