import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { assertPermissionMatrix, usersPerRole, type MatrixRoute, type RoleHeaders } from '../../app/permission-matrix-testing.js';
import { describeEachStore } from '../../db/testing.js';

describeEachStore('incident webhooks permission matrix', (fixture) => {
  let t: TestApp;
  let auth: RoleHeaders;
  let routes: MatrixRoute[] = [];

  before(async () => {
    t = await createTestApp(fixture.store, { config: { secretKey: randomBytes(32).toString('base64') } });
    ({ auth } = await usersPerRole(t));
    const hook = (await t.app.inject({ method: 'POST', url: '/api/v1/incident-webhooks', headers: auth.admin, payload: { name: 'perm-hook', url: 'https://automation.example.test/hook' } })).json();
    let n = 0;
    routes = [
      { method: 'GET', url: '/api/v1/incident-webhooks', needs: 'admin' },
      { method: 'POST', url: '/api/v1/incident-webhooks', needs: 'admin', body: () => ({ name: `matrix-${n++}`, url: 'https://automation.example.test/hook' }) },
      { method: 'GET', url: `/api/v1/incident-webhooks/${hook.id}`, needs: 'admin' },
      { method: 'PATCH', url: `/api/v1/incident-webhooks/${hook.id}`, needs: 'admin', body: () => ({ enabled: true }) },
      { method: 'GET', url: `/api/v1/incident-webhooks/${hook.id}/deliveries`, needs: 'admin' },
      { method: 'DELETE', url: `/api/v1/incident-webhooks/${hook.id}`, needs: 'admin' },
    ];
  });

  after(async () => {
    await t.close();
  });

  test('every incident webhook route is in the matrix', () => {
    const declared = t.app.routeAccess.filter((r) => r.url.startsWith('/api/v1/incident-webhooks') && r.method !== 'HEAD');
    assert.equal(routes.length, declared.length);
  });

  test('only admins see or change subscriptions (they hold a signing secret); no token gets 401', async () => {
    await assertPermissionMatrix(t, auth, routes);
  });

  test('every change is audited, and the secret never reaches the audit log', async () => {
    const rows = await t.ctx.store.db.selectFrom('audit_log').select(['action', 'detail']).where('action', 'like', 'incident_webhook.%').execute();
    assert.ok(rows.some((r) => r.action === 'incident_webhook.create'));
    assert.ok(rows.every((r) => !String(r.detail).includes('fbwh_')));
  });
});
