import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';
import type { Role } from '../auth/identity.js';
import { amBody, createIntegration, createService } from './test-support.js';

interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  needs: Role;
  body?: Record<string, unknown>;
}

const BELOW: Record<Role, Role | undefined> = { viewer: undefined, responder: 'viewer', admin: 'responder' };

describeEachStore('catalog and alerts permission matrix', (fixture) => {
  let t: TestApp;
  const auth: Partial<Record<Role, { authorization: string }>> = {};
  let routes: Route[] = [];
  before(async () => {
    t = await createTestApp(fixture.store);
    for (const role of ['viewer', 'responder', 'admin'] as const) auth[role] = (await t.user(role)).auth;
    const service = await createService(t, auth.admin!, 'matrix-svc');
    const spare = await createService(t, auth.admin!, 'matrix-spare');
    const integration = await createIntegration(t, auth.admin!, service.id, 'alertmanager');
    await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${integration.key}`, payload: amBody([{ fingerprint: 'matrix-1' }, { fingerprint: 'matrix-2' }]) });
    const [alert] = (await t.app.inject({ method: 'GET', url: '/api/v1/alerts', headers: auth.viewer! })).json().alerts;
    const silence = (await t.app.inject({ method: 'POST', url: '/api/v1/silences', headers: auth.responder!, payload: { matchers: [{ name: 'a', op: '=', value: 'b' }], endsAt: new Date(Date.now() + 3_600_000).toISOString(), comment: 'c' } })).json();
    const window = (await t.app.inject({ method: 'POST', url: `/api/v1/services/${service.id}/maintenance`, headers: auth.responder!, payload: { startsAt: new Date().toISOString(), endsAt: new Date(Date.now() + 60_000).toISOString(), reason: 'r' } })).json();
    const future = new Date(Date.now() + 3_600_000).toISOString();
    routes = [
      { method: 'GET', url: '/api/v1/services', needs: 'viewer' },
      { method: 'POST', url: '/api/v1/services', needs: 'responder', body: { name: 'matrix-new' } },
      { method: 'GET', url: `/api/v1/services/${service.id}`, needs: 'viewer' },
      { method: 'PATCH', url: `/api/v1/services/${service.id}`, needs: 'responder', body: { tier: 2 } },
      { method: 'DELETE', url: `/api/v1/services/${spare.id}`, needs: 'admin' },
      { method: 'GET', url: `/api/v1/services/${service.id}/integrations`, needs: 'viewer' },
      { method: 'POST', url: `/api/v1/services/${service.id}/integrations`, needs: 'admin', body: { kind: 'grafana', name: 'g' } },
      { method: 'GET', url: `/api/v1/integrations/${integration.id}`, needs: 'viewer' },
      { method: 'PATCH', url: `/api/v1/integrations/${integration.id}`, needs: 'admin', body: { name: 'renamed' } },
      { method: 'GET', url: '/api/v1/alerts', needs: 'viewer' },
      { method: 'GET', url: '/api/v1/alerts/noise', needs: 'viewer' },
      { method: 'GET', url: `/api/v1/alerts/${alert.id}`, needs: 'viewer' },
      { method: 'POST', url: `/api/v1/alerts/${alert.id}/acknowledge`, needs: 'responder' },
      { method: 'POST', url: `/api/v1/alerts/${alert.id}/resolve`, needs: 'responder' },
      { method: 'POST', url: '/api/v1/alerts/test', needs: 'responder', body: { serviceId: service.id, summary: 'matrix test' } },
      { method: 'GET', url: '/api/v1/alert-groups', needs: 'viewer' },
      { method: 'GET', url: `/api/v1/alert-groups/${alert.groupId}`, needs: 'viewer' },
      { method: 'POST', url: `/api/v1/alert-groups/${alert.groupId}/acknowledge`, needs: 'responder' },
      { method: 'POST', url: `/api/v1/alert-groups/${alert.groupId}/resolve`, needs: 'responder' },
      { method: 'GET', url: '/api/v1/silences', needs: 'viewer' },
      { method: 'POST', url: '/api/v1/silences', needs: 'responder', body: { matchers: [{ name: 'x', op: '!=', value: 'y' }], endsAt: future, comment: 'matrix' } },
      { method: 'GET', url: `/api/v1/silences/${silence.id}`, needs: 'viewer' },
      { method: 'DELETE', url: `/api/v1/silences/${silence.id}`, needs: 'responder' },
      { method: 'GET', url: `/api/v1/services/${service.id}/maintenance`, needs: 'viewer' },
      { method: 'POST', url: `/api/v1/services/${service.id}/maintenance`, needs: 'responder', body: { startsAt: future, endsAt: new Date(Date.now() + 7_200_000).toISOString(), reason: 'matrix' } },
      { method: 'DELETE', url: `/api/v1/services/${service.id}/maintenance/${window.id}`, needs: 'responder' },
      { method: 'DELETE', url: `/api/v1/integrations/${integration.id}`, needs: 'admin' },
    ];
  });
  after(async () => {
    await t.close();
  });

  test('every route refuses a request without a token (401) and a role below its own (403), and lets its role through', async () => {
    assert.ok(routes.length >= 27);
    for (const r of routes) {
      const request = (headers: Record<string, string>) => t.app.inject({ method: r.method, url: r.url, headers, ...(r.body ? { payload: r.body } : {}) });
      const anonymous = await request({});
      assert.equal(anonymous.statusCode, 401, `${r.method} ${r.url} without a token`);
      const below = BELOW[r.needs];
      if (below) {
        const refused = await request(auth[below]!);
        assert.equal(refused.statusCode, 403, `${r.method} ${r.url} as ${below}`);
        assert.match(refused.json().detail, new RegExp(r.needs));
      }
      const allowed = await request(auth[r.needs]!);
      assert.ok(allowed.statusCode < 300, `${r.method} ${r.url} as ${r.needs}: ${allowed.statusCode} ${allowed.body}`);
    }
  });

  test('intake routes are public at the edge and authenticate by key alone', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/intake/alertmanager/not-a-key', payload: amBody([{ fingerprint: 'x' }]) });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().type, 'https://firebreak.dev/problems/unknown-integration-key');
  });
});
