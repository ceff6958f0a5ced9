import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { assertPermissionMatrix, usersPerRole, type MatrixRoute, type RoleHeaders } from '../../app/permission-matrix-testing.js';

describeEachStore('chat permission matrix', (fixture) => {
  let t: TestApp;
  let auth: RoleHeaders;
  let routes: MatrixRoute[] = [];
  let privateRef = '';
  before(async () => {
    // Nothing listens on port 9: connecting reaches the vendor check and stops there (422).
    t = await createTestApp(fixture.store, { config: { secretKey: randomBytes(32).toString('base64'), slackApiUrl: 'http://127.0.0.1:9/api' } });
    ({ auth } = await usersPerRole(t));
    const lead = await t.user('responder');
    const open = (await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: lead.auth, payload: { title: 'Open', severity: 'SEV3' } })).json().ref as string;
    privateRef = (await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: lead.auth, payload: { title: 'Hidden', severity: 'SEV3', private: true } })).json().ref as string;
    const missing = randomUUID();
    routes = [
      { method: 'GET', url: '/api/v1/chat/workspaces', needs: 'admin' },
      { method: 'POST', url: '/api/v1/chat/workspaces', needs: 'admin', body: { provider: 'slack', name: 'matrix', botToken: 'xoxb-matrix-token', signingSecret: 'matrix-signing-secret' }, allowed: 422 },
      { method: 'GET', url: `/api/v1/chat/workspaces/${missing}`, needs: 'admin', allowed: 404 },
      { method: 'POST', url: `/api/v1/chat/workspaces/${missing}/test`, needs: 'admin', allowed: 404 },
      { method: 'PATCH', url: `/api/v1/chat/workspaces/${missing}`, needs: 'admin', body: { pageChannelId: 'C1' }, allowed: 404 },
      { method: 'DELETE', url: `/api/v1/chat/workspaces/${missing}`, needs: 'admin', allowed: 404 },
      { method: 'GET', url: '/api/v1/chat/slack/manifest', needs: 'admin' },
      { method: 'GET', url: `/api/v1/chat/incidents/${open}`, needs: 'viewer' },
    ];
  });
  after(async () => {
    await t.close();
  });

  test('every chat route is in the matrix; the inbound vendor routes are public and verify each request themselves', () => {
    const declared = t.app.routeAccess.filter((r) => r.url.startsWith('/api/v1/chat') || r.url.startsWith('/chat/')).filter((r) => r.method !== 'HEAD').map((r) => `${r.method} ${r.url} ${r.access}`).sort();
    assert.deepEqual(declared, [
      'DELETE /api/v1/chat/workspaces/:id admin',
      'GET /api/v1/chat/incidents/:id viewer',
      'GET /api/v1/chat/slack/manifest admin',
      'GET /api/v1/chat/workspaces admin',
      'GET /api/v1/chat/workspaces/:id admin',
      'PATCH /api/v1/chat/workspaces/:id admin',
      'POST /api/v1/chat/workspaces admin',
      'POST /api/v1/chat/workspaces/:id/test admin',
      'POST /chat/mattermost/actions public',
      'POST /chat/mattermost/commands public',
      'POST /chat/slack/commands public',
      'POST /chat/slack/events public',
      'POST /chat/slack/interactions public',
    ]);
  });

  test('every route refuses a request without a token (401) and a role below its own (403), and lets its role through', async () => {
    await assertPermissionMatrix(t, auth, routes);
  });

  test('a private incident’s channels are hidden from whoever cannot see the incident', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/chat/incidents/${privateRef}`, headers: auth.responder });
    assert.equal(res.statusCode, 404);
  });
});
