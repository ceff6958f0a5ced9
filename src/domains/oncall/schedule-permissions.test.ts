import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../db/testing.js';
import type { Role } from '../auth/identity.js';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { assertPermissionMatrix, usersPerRole, type MatrixRoute, type RoleHeaders } from '../../app/permission-matrix-testing.js';

describeEachStore('on-call schedules permission matrix', (fixture) => {
  let t: TestApp;
  let auth: RoleHeaders;
  let userId: Record<Role, string>;
  let routes: MatrixRoute[] = [];
  before(async () => {
    t = await createTestApp(fixture.store);
    ({ auth, ids: userId } = await usersPerRole(t));
    const layer = (name: string) => ({ name, start: '2026-01-05T09:00', length: { unit: 'weeks', count: 1 }, participants: [userId.responder, userId.admin] });
    const create = async (name: string) => (await t.app.inject({ method: 'POST', url: '/api/v1/oncall/schedules', headers: auth.admin, payload: { name, timeZone: 'Europe/Berlin', layers: [layer('primary')] } })).json();
    const schedule = await create('matrix');
    const spare = await create('matrix-spare');
    const override = (await t.app.inject({ method: 'POST', url: `/api/v1/oncall/schedules/${schedule.id}/overrides`, headers: auth.admin, payload: { kind: 'add', userId: userId.viewer, start: '2026-02-01T00:00:00Z', end: '2026-02-02T00:00:00Z' } })).json();
    const feed = (await t.app.inject({ method: 'POST', url: '/api/v1/oncall/feeds', headers: auth.viewer, payload: { schedule: schedule.id } })).json();
    const range = 'from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z';
    routes = [
      { method: 'GET', url: '/api/v1/oncall/schedules', needs: 'viewer' },
      { method: 'POST', url: '/api/v1/oncall/schedules', needs: 'responder', body: { name: 'matrix-new', timeZone: 'UTC', layers: [layer('l')] } },
      { method: 'GET', url: `/api/v1/oncall/schedules/${schedule.id}`, needs: 'viewer' },
      { method: 'PATCH', url: `/api/v1/oncall/schedules/${schedule.id}`, needs: 'responder', body: { description: 'changed' } },
      { method: 'GET', url: `/api/v1/oncall/schedules/${schedule.id}/shifts?${range}`, needs: 'viewer' },
      { method: 'GET', url: '/api/v1/oncall/now', needs: 'viewer' },
      { method: 'GET', url: `/api/v1/oncall/schedules/${schedule.id}/overrides?${range}`, needs: 'viewer' },
      { method: 'POST', url: `/api/v1/oncall/schedules/${schedule.id}/overrides`, needs: 'responder', body: { kind: 'replace', userId: userId.viewer, start: '2026-03-01T00:00:00Z', end: '2026-03-02T00:00:00Z' } },
      { method: 'DELETE', url: `/api/v1/oncall/schedules/${schedule.id}/overrides/${override.id}`, needs: 'responder' },
      { method: 'POST', url: '/api/v1/oncall/feeds', needs: 'viewer', body: { schedule: schedule.id } },
      { method: 'GET', url: '/api/v1/oncall/feeds', needs: 'viewer' },
      { method: 'DELETE', url: `/api/v1/oncall/feeds/${feed.id}`, needs: 'viewer' },
      { method: 'DELETE', url: `/api/v1/oncall/schedules/${spare.id}`, needs: 'admin' },
    ];
  });
  after(async () => {
    await t.close();
  });

  test('every schedule route refuses a request without a token (401) and a role below its own (403), and lets its role through', async () => {
    const registered = t.app.routeAccess.filter((r) => /^\/api\/v1\/oncall\/(schedules|now|feeds)/.test(r.url) && r.method !== 'HEAD');
    for (const r of registered) assert.ok(routes.some((x) => x.method === r.method && x.url.split('?')[0]!.replace(/[0-9a-f-]{36}/g, '') === r.url.replace(/:[a-zA-Z]+/g, '')), `${r.method} ${r.url} is in the matrix`);
    await assertPermissionMatrix(t, auth, routes);
  });

  test('the OpenAPI document describes every schedule route with its schemas', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    for (const path of ['/api/v1/oncall/schedules', '/api/v1/oncall/schedules/{schedule}', '/api/v1/oncall/schedules/{schedule}/shifts', '/api/v1/oncall/now', '/api/v1/oncall/schedules/{schedule}/overrides', '/api/v1/oncall/feeds', '/api/v1/oncall/ical/{file}']) {
      assert.ok(doc.paths[path], `${path} is documented`);
    }
    const create = doc.paths['/api/v1/oncall/schedules'].post;
    assert.ok(create.requestBody.content['application/json'].schema.properties.layers, 'the layers body schema is documented');
  });

  test('the calendar feed route is public at the edge and authenticates by its secret token alone', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/oncall/ical/fbcal_${'A'.repeat(43)}.ics` });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().type, 'https://firebreak.dev/problems/feed-not-found');
  });
});
