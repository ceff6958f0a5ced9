import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { assertPermissionMatrix, usersPerRole, type MatrixRoute, type RoleHeaders } from '../../app/permission-matrix-testing.js';
import { describeEachStore } from '../../db/testing.js';
import { createIntegration, createService } from '../../testing/alerts.js';
import { drillBody } from '../../testing/drills.js';

describeEachStore('drills permission matrix', (fixture) => {
  let t: TestApp;
  let auth: RoleHeaders;
  let routes: MatrixRoute[] = [];

  before(async () => {
    t = await createTestApp(fixture.store);
    ({ auth } = await usersPerRole(t));
    const service = await createService(t, auth.admin, 'perm-drills');
    await createIntegration(t, auth.admin, service.id, 'alertmanager');
    const later = { kind: 'once', at: new Date(Date.now() + 86_400_000).toISOString() };
    const drill = (await t.app.inject({ method: 'POST', url: '/api/v1/drills', headers: auth.admin, payload: drillBody('perm-drill', service.id, later) })).json();
    const run = (await t.app.inject({ method: 'POST', url: `/api/v1/drills/${drill.id}/run-now`, headers: auth.admin })).json();
    let n = 0;
    routes = [
      { method: 'GET', url: '/api/v1/drills', needs: 'viewer' },
      { method: 'POST', url: '/api/v1/drills', needs: 'responder', body: () => drillBody(`matrix-${n++}`, service.id, later) },
      { method: 'GET', url: `/api/v1/drills/${drill.id}`, needs: 'viewer' },
      { method: 'PATCH', url: `/api/v1/drills/${drill.id}`, needs: 'responder', body: () => ({ enabled: true }) },
      { method: 'POST', url: `/api/v1/drills/${drill.id}/run-now`, needs: 'responder' },
      { method: 'GET', url: `/api/v1/drills/${drill.id}/runs`, needs: 'viewer' },
      { method: 'GET', url: `/api/v1/drills/${drill.id}/runs/${run.id}`, needs: 'viewer' },
      { method: 'GET', url: `/api/v1/drills/${drill.id}/trend`, needs: 'viewer' },
    ];
  });

  after(async () => {
    await t.close();
  });

  test('every drills route is in the matrix', () => {
    const declared = t.app.routeAccess.filter((r) => r.url.startsWith('/api/v1/drills') && r.method !== 'HEAD');
    assert.deepEqual(declared.map((r) => `${r.method} ${r.url}`).sort(), [
      'GET /api/v1/drills',
      'GET /api/v1/drills/:id',
      'GET /api/v1/drills/:id/runs',
      'GET /api/v1/drills/:id/runs/:runId',
      'GET /api/v1/drills/:id/trend',
      'PATCH /api/v1/drills/:id',
      'POST /api/v1/drills',
      'POST /api/v1/drills/:id/run-now',
    ]);
    assert.equal(routes.length, declared.length);
  });

  test('viewers read; responders and admins manage; no token gets 401', async () => {
    await assertPermissionMatrix(t, auth, routes, { refusalNamesRole: false, everyRoleAbove: true });
  });

  test('every change a person makes to drills is audited under their name', async () => {
    const rows = await t.ctx.store.db.selectFrom('audit_log').select(['action', 'actor_label']).where('action', 'like', 'drill.%').execute();
    const actions = new Set(rows.map((r) => r.action));
    assert.deepEqual([...actions].sort(), ['drill.create', 'drill.run', 'drill.update']);
    assert.ok(rows.every((r) => r.actor_label.includes('@')), JSON.stringify(rows));
  });
});
