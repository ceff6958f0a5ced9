import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { assertPermissionMatrix, usersPerRole, type MatrixRoute, type RoleHeaders } from '../../app/permission-matrix-testing.js';

describeEachStore('changes permission matrix', (fixture) => {
  let t: TestApp;
  let auth: RoleHeaders;
  let routes: MatrixRoute[] = [];
  let key = '';
  let serviceId = '';
  let changeId = '';
  before(async () => {
    t = await createTestApp(fixture.store);
    ({ auth } = await usersPerRole(t));
    serviceId = (await t.app.inject({ method: 'POST', url: '/api/v1/services', headers: auth.admin, payload: { name: 'perm-svc' } })).json().id;
    const created = (await t.app.inject({ method: 'POST', url: '/api/v1/change-sources', headers: auth.admin, payload: { name: 'ci', serviceId } })).json();
    key = created.key;
    const spare = (await t.app.inject({ method: 'POST', url: '/api/v1/change-sources', headers: auth.admin, payload: { name: 'spare' } })).json();
    // No service in the payload: the source's default service takes it.
    const sent = await t.app.inject({ method: 'POST', url: `/intake/changes/${key}`, payload: { kind: 'deploy', version: 'v1', startedAt: new Date(Date.now() - 60_000).toISOString() } });
    assert.equal(sent.statusCode, 202, sent.body);
    changeId = sent.json().changeId;
    const incident = (await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: auth.responder, payload: { title: 'perm', severity: 'SEV3', services: [serviceId] } })).json();
    routes = [
      { method: 'GET', url: '/api/v1/changes', needs: 'viewer' },
      { method: 'GET', url: '/api/v1/change-sources', needs: 'viewer' },
      { method: 'POST', url: '/api/v1/change-sources', needs: 'admin', body: { name: 'matrix' } },
      { method: 'PATCH', url: `/api/v1/change-sources/${spare.source.id}`, needs: 'admin', body: { enabled: false } },
      { method: 'GET', url: `/api/v1/incidents/${incident.ref}/suggested-rollbacks`, needs: 'viewer' },
      { method: 'POST', url: `/api/v1/incidents/${incident.ref}/suggested-rollbacks/${changeId}/rolled-back`, needs: 'responder' },
    ];
  });
  after(async () => {
    await t.close();
  });

  test('every changes route is in the matrix, and the intake routes are public', () => {
    const declared = t.app.routeAccess.filter((r) => /change|suggested-rollbacks/.test(r.url) && r.method !== 'HEAD');
    const apiRoutes = declared.filter((r) => !r.url.startsWith('/intake/'));
    assert.equal(apiRoutes.length, 6, JSON.stringify(apiRoutes));
    assert.deepEqual(declared.filter((r) => r.url.startsWith('/intake/')).map((r) => r.access), ['public', 'public', 'public']);
  });

  test('every route refuses a request without a token (401) and a role below its own (403), and lets its role through', async () => {
    await assertPermissionMatrix(t, auth, routes);
  });

  test('a private incident’s suggested rollbacks are hidden from those outside it, who cannot record a rollback either', async () => {
    const member = await t.user('responder');
    const outsider = await t.user('responder');
    const incident = (await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: member.auth, payload: { title: 'secret', severity: 'SEV2', private: true, services: [serviceId] } })).json();
    const url = `/api/v1/incidents/${incident.ref}/suggested-rollbacks`;
    assert.equal((await t.app.inject({ method: 'GET', url, headers: outsider.auth })).statusCode, 404);
    assert.equal((await t.app.inject({ method: 'GET', url, headers: auth.viewer })).statusCode, 404);
    assert.equal((await t.app.inject({ method: 'GET', url, headers: member.auth })).json().suggestions.length, 1);
    assert.equal((await t.app.inject({ method: 'POST', url: `${url}/${changeId}/rolled-back`, headers: outsider.auth })).statusCode, 404);
    const events = (await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${incident.ref}/events`, headers: member.auth })).json().events as Array<{ kind: string }>;
    assert.ok(!events.some((e) => e.kind === 'mitigation_started'));
  });

  test('a disabled change source gets 403 at intake and stores nothing; enabled again, it records', async () => {
    const source = (await t.app.inject({ method: 'POST', url: '/api/v1/change-sources', headers: auth.admin, payload: { name: 'toggled', serviceId } })).json();
    const send = () => t.app.inject({ method: 'POST', url: `/intake/changes/${source.key}`, payload: { kind: 'config', version: 'toggled' } });
    const off = await t.app.inject({ method: 'PATCH', url: `/api/v1/change-sources/${source.source.id}`, headers: auth.admin, payload: { enabled: false } });
    assert.equal(off.json().enabled, false);
    assert.equal((await send()).statusCode, 403);
    const versions = async () => ((await t.app.inject({ method: 'GET', url: '/api/v1/changes', headers: auth.viewer })).json().changes as Array<{ version: string }>).map((c) => c.version);
    assert.ok(!(await versions()).includes('toggled'));
    await t.app.inject({ method: 'PATCH', url: `/api/v1/change-sources/${source.source.id}`, headers: auth.admin, payload: { enabled: true } });
    assert.equal((await send()).statusCode, 202);
    assert.ok((await versions()).includes('toggled'));
  });

  test('change source keys are stored hashed and shown once', async () => {
    const sources = (await t.app.inject({ method: 'GET', url: '/api/v1/change-sources', headers: auth.viewer })).json();
    assert.ok(!JSON.stringify(sources).includes(key));
    const row = await fixture.store.db.selectFrom('change_sources').selectAll().where('key_prefix', '=', key.slice(0, 10)).executeTakeFirstOrThrow();
    assert.notEqual(row.key_hash, key);
    assert.match(row.key_hash, /^[0-9a-f]{64}$/);
  });
});
