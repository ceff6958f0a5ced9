import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { describeEachStore } from '../../db/testing.js';
import type { Role } from '../auth/identity.js';
import { createIntegration, createService } from '../alerts/test-support.js';
import { drillBody } from './test-support.js';

interface Route {
  method: 'GET' | 'POST' | 'PATCH';
  url: string;
  needs: Role;
  body?: () => Record<string, unknown>;
}

const BELOW: Record<Role, Role | undefined> = { viewer: undefined, responder: 'viewer', admin: 'responder' };

describeEachStore('drills permission matrix', (fixture) => {
  let t: TestApp;
  const auth: Partial<Record<Role, { authorization: string }>> = {};
  let routes: Route[] = [];

  before(async () => {
    t = await createTestApp(fixture.store);
    for (const role of ['viewer', 'responder', 'admin'] as const) auth[role] = (await t.user(role)).auth;
    const service = await createService(t, auth.admin!, 'perm-drills');
    await createIntegration(t, auth.admin!, service.id, 'alertmanager');
    const later = { kind: 'once', at: new Date(Date.now() + 86_400_000).toISOString() };
    const drill = (await t.app.inject({ method: 'POST', url: '/api/v1/drills', headers: auth.admin!, payload: drillBody('perm-drill', service.id, later) })).json();
    const run = (await t.app.inject({ method: 'POST', url: `/api/v1/drills/${drill.id}/run-now`, headers: auth.admin! })).json();
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
    for (const r of routes) {
      const request = (headers: Record<string, string>) => t.app.inject({ method: r.method, url: r.url, headers, ...(r.body ? { payload: r.body() } : {}) });
      assert.equal((await request({})).statusCode, 401, `${r.method} ${r.url} without a token`);
      const below = BELOW[r.needs];
      if (below) {
        const refused = await request(auth[below]!);
        assert.equal(refused.statusCode, 403, `${r.method} ${r.url} as ${below}`);
      }
      for (const role of ['viewer', 'responder', 'admin'] as const) {
        if (role === 'viewer' && r.needs !== 'viewer') continue;
        const allowed = await request(auth[role]!);
        assert.ok(allowed.statusCode < 300, `${r.method} ${r.url} as ${role}: ${allowed.statusCode} ${allowed.body}`);
      }
    }
  });

  test('every change a person makes to drills is audited under their name', async () => {
    const rows = await t.ctx.store.db.selectFrom('audit_log').select(['action', 'actor_label']).where('action', 'like', 'drill.%').execute();
    const actions = new Set(rows.map((r) => r.action));
    assert.deepEqual([...actions].sort(), ['drill.create', 'drill.run', 'drill.update']);
    assert.ok(rows.every((r) => r.actor_label.includes('@')), JSON.stringify(rows));
  });
});
