import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { assertPermissionMatrix, usersPerRole, type MatrixRoute, type RoleHeaders } from '../../app/permission-matrix-testing.js';
import { describeEachStore } from '../../db/testing.js';

const GITHUB = { repository: 'acme/reliability', token: 'github_pat_matrix', apiUrl: 'https://github.example.test/api/v3' };
const JIRA = { siteUrl: 'https://acme.atlassian.example.test', email: 'bot@acme.example', token: 'jira-token', projectKey: 'OPS' };

describeEachStore('tracker permission matrix', (fixture) => {
  let t: TestApp;
  let auth: RoleHeaders;
  const missing = '00000000-0000-4000-8000-000000000000';
  const routes: MatrixRoute[] = [
    { method: 'PUT', url: '/api/v1/tracker/jira', needs: 'admin', body: JIRA },
    { method: 'PUT', url: '/api/v1/tracker/github', needs: 'admin', body: GITHUB },
    { method: 'GET', url: '/api/v1/tracker', needs: 'admin' },
    { method: 'GET', url: `/api/v1/tracker/issues/${missing}`, needs: 'admin', allowed: 404 },
    { method: 'POST', url: `/api/v1/tracker/issues/${missing}/retry`, needs: 'admin', allowed: 404 },
    { method: 'DELETE', url: '/api/v1/tracker', needs: 'admin' },
  ];

  before(async () => {
    t = await createTestApp(fixture.store, { config: { secretKey: randomBytes(32).toString('base64') } });
    ({ auth } = await usersPerRole(t));
  });
  after(async () => {
    await t.close();
  });

  test('every tracker route is in the matrix; the two webhook routes are public and verified by signature', () => {
    const declared = t.app.routeAccess.filter((r) => r.url.startsWith('/api/v1/tracker') && r.method !== 'HEAD');
    assert.deepEqual(declared.filter((r) => r.access === 'public').map((r) => r.url).sort(), ['/api/v1/tracker/webhooks/github', '/api/v1/tracker/webhooks/jira']);
    assert.equal(declared.filter((r) => r.access !== 'public').length, routes.length);
  });

  test('only admins see or change the tracker; no token gets 401', async () => {
    await assertPermissionMatrix(t, auth, routes);
  });

  test('changes are audited without the token', async () => {
    const rows = await t.ctx.store.db.selectFrom('audit_log').select(['action', 'detail']).where('action', 'like', 'tracker.%').execute();
    assert.ok(rows.some((r) => r.action === 'tracker.configure'));
    assert.ok(rows.every((r) => !String(r.detail).includes('github_pat_matrix') && !String(r.detail).includes('jira-token')));
  });

  test('a webhook when no tracker is configured is refused with 401', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/tracker/webhooks/github', headers: { 'content-type': 'application/json', 'x-hub-signature-256': 'sha256=00' }, payload: '{}' });
    assert.equal(res.statusCode, 401);
  });
});

describeEachStore('without FIREBREAK_SECRET_KEY', (fixture) => {
  let t: TestApp;
  let auth: RoleHeaders;
  before(async () => {
    t = await createTestApp(fixture.store);
    ({ auth } = await usersPerRole(t));
  });
  after(async () => {
    await t.close();
  });

  test('a tracker and an outgoing incident webhook are refused (their secrets could not be sealed), and nothing is stored', async () => {
    const tracker = await t.app.inject({ method: 'PUT', url: '/api/v1/tracker/github', headers: auth.admin, payload: GITHUB });
    assert.equal(tracker.statusCode, 422, tracker.body);
    assert.match(tracker.body, /FIREBREAK_SECRET_KEY/);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/tracker', headers: auth.admin })).statusCode, 404);
    const hook = await t.app.inject({ method: 'POST', url: '/api/v1/incident-webhooks', headers: auth.admin, payload: { name: 'no-key', url: 'https://automation.example.test/hook' } });
    assert.equal(hook.statusCode, 422, hook.body);
    assert.match(hook.body, /FIREBREAK_SECRET_KEY/);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/incident-webhooks', headers: auth.admin })).json().webhooks.length, 0);
  });
});
