import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { assertPermissionMatrix, usersPerRole, type MatrixRoute, type RoleHeaders } from '../../app/permission-matrix-testing.js';

describeEachStore('runbooks permission matrix', (fixture) => {
  let t: TestApp;
  let auth: RoleHeaders;
  let routes: MatrixRoute[] = [];
  before(async () => {
    t = await createTestApp(fixture.store);
    ({ auth } = await usersPerRole(t));
    const author = await t.user('responder');
    const create = async (title: string) => (await t.app.inject({ method: 'POST', url: '/api/v1/runbooks', headers: author.auth, payload: { title, body: `# ${title}` } })).json().id as string;
    const kept = await create('kept');
    const doomed = await create('doomed');
    routes = [
      { method: 'GET', url: '/api/v1/runbooks', needs: 'viewer' },
      { method: 'GET', url: '/api/v1/runbooks/template', needs: 'viewer' },
      { method: 'GET', url: '/api/v1/runbooks/rot', needs: 'viewer' },
      { method: 'GET', url: `/api/v1/runbooks/${kept}`, needs: 'viewer' },
      { method: 'POST', url: '/api/v1/runbooks', needs: 'responder', body: { title: 'matrix' } },
      { method: 'PATCH', url: `/api/v1/runbooks/${kept}`, needs: 'responder', body: { title: 'kept, edited' } },
      { method: 'POST', url: `/api/v1/runbooks/${kept}/tested`, needs: 'responder', body: { note: 'matrix' } },
      { method: 'DELETE', url: `/api/v1/runbooks/${doomed}`, needs: 'responder' },
    ];
  });
  after(async () => {
    await t.close();
  });

  test('every runbooks route is in the matrix (the incident’s runbooks are in the incidents matrix)', () => {
    const declared = t.app.routeAccess.filter((r) => r.url.startsWith('/api/v1/runbooks') && r.method !== 'HEAD').map((r) => `${r.method} ${r.url}`).sort();
    assert.deepEqual(declared, ['DELETE /api/v1/runbooks/:id', 'GET /api/v1/runbooks', 'GET /api/v1/runbooks/:id', 'GET /api/v1/runbooks/rot', 'GET /api/v1/runbooks/template', 'PATCH /api/v1/runbooks/:id', 'POST /api/v1/runbooks', 'POST /api/v1/runbooks/:id/tested']);
  });

  test('every route refuses a request without a token (401) and a role below its own (403), and lets its role through', async () => {
    await assertPermissionMatrix(t, auth, routes);
  });

  test('a viewer’s refused writes change nothing and write no audit entry', async () => {
    const before = await fixture.store.db.selectFrom('audit_log').select('id').where('action', 'like', 'runbook.%').execute();
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/runbooks', headers: auth.viewer, payload: { title: 'viewer wrote this' } });
    assert.equal(created.statusCode, 403);
    const titles = (await t.app.inject({ method: 'GET', url: '/api/v1/runbooks', headers: auth.viewer })).json().runbooks.map((r: { title: string }) => r.title);
    assert.ok(!titles.includes('viewer wrote this'));
    assert.equal((await fixture.store.db.selectFrom('audit_log').select('id').where('action', 'like', 'runbook.%').execute()).length, before.length);
  });

  test('a private incident’s runbooks are hidden from those outside it', async () => {
    const member = await t.user('responder');
    const incident = (await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: member.auth, payload: { title: 'secret', severity: 'SEV2', private: true } })).json();
    const url = `/api/v1/incidents/${incident.ref}/runbooks`;
    assert.equal((await t.app.inject({ method: 'GET', url, headers: auth.responder })).statusCode, 404);
    assert.equal((await t.app.inject({ method: 'GET', url, headers: member.auth })).statusCode, 200);
  });
});
