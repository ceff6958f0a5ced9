import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { assertPermissionMatrix, usersPerRole, type MatrixRoute, type RoleHeaders } from '../../app/permission-matrix-testing.js';
import { amBody, createIntegration, createService } from '../../testing/alerts.js';

describeEachStore('catalog and alerts permission matrix', (fixture) => {
  let t: TestApp;
  let auth: RoleHeaders;
  let routes: MatrixRoute[] = [];
  before(async () => {
    t = await createTestApp(fixture.store);
    ({ auth } = await usersPerRole(t));
    const service = await createService(t, auth.admin, 'matrix-svc');
    const spare = await createService(t, auth.admin, 'matrix-spare');
    const integration = await createIntegration(t, auth.admin, service.id, 'alertmanager');
    await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${integration.key}`, payload: amBody([{ fingerprint: 'matrix-1' }, { fingerprint: 'matrix-2' }]) });
    const [alert] = (await t.app.inject({ method: 'GET', url: '/api/v1/alerts', headers: auth.viewer })).json().alerts;
    const silence = (await t.app.inject({ method: 'POST', url: '/api/v1/silences', headers: auth.responder, payload: { matchers: [{ name: 'a', op: '=', value: 'b' }], endsAt: new Date(Date.now() + 3_600_000).toISOString(), comment: 'c' } })).json();
    const window = (await t.app.inject({ method: 'POST', url: `/api/v1/services/${service.id}/maintenance`, headers: auth.responder, payload: { startsAt: new Date().toISOString(), endsAt: new Date(Date.now() + 60_000).toISOString(), reason: 'r' } })).json();
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
    await assertPermissionMatrix(t, auth, routes);
  });

  test('alert groups and alerts of a private incident are hidden from those who may not see the incident', async () => {
    // The matrix above leaves a silence matching everything in force: expire it so the alert pages.
    for (const silence of (await t.app.inject({ method: 'GET', url: '/api/v1/silences?active=true', headers: auth.viewer })).json().silences as Array<{ id: string }>) {
      await t.app.inject({ method: 'DELETE', url: `/api/v1/silences/${silence.id}`, headers: auth.responder });
    }
    const member = await t.user('responder');
    const outsider = await t.user('responder');
    const svc = await createService(t, auth.admin, 'matrix-private');
    const am = await createIntegration(t, auth.admin, svc.id, 'alertmanager');
    const incident = await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: member.auth, payload: { title: 'Secret acquisition fallout', severity: 'SEV1', private: true, services: [svc.id] } });
    assert.equal(incident.statusCode, 201, incident.body);
    const sent = await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${am.key}`, payload: amBody([{ fingerprint: 'private-1', labels: { severity: 'critical' }, summary: 'payroll export failing' }]) });
    assert.equal(sent.statusCode, 202, sent.body);
    const asAdmin = (await t.app.inject({ method: 'GET', url: `/api/v1/alerts?serviceId=${svc.id}`, headers: auth.admin })).json().alerts as Array<{ id: string; groupId: string }>;
    assert.equal(asAdmin.length, 1, JSON.stringify(asAdmin));
    assert.ok(asAdmin[0]!.groupId, JSON.stringify(asAdmin));
    const { id: alertId, groupId } = asAdmin[0]!;
    const groupRes = await t.app.inject({ method: 'GET', url: `/api/v1/alert-groups/${groupId}`, headers: member.auth });
    const group = groupRes.json();
    assert.equal(groupRes.statusCode, 200, groupRes.body);
    assert.equal(group.incidentId, incident.json().id, 'the group is linked to the private incident');

    const readers = { viewer: auth.viewer, outsider: outsider.auth, member: member.auth, admin: auth.admin };
    for (const [who, headers] of Object.entries(readers)) {
      const sees = who === 'member' || who === 'admin';
      const get = (url: string) => t.app.inject({ method: 'GET', url, headers });
      assert.equal((await get(`/api/v1/alert-groups/${groupId}`)).statusCode, sees ? 200 : 404, `${who}: the group`);
      assert.equal((await get(`/api/v1/alerts/${alertId}`)).statusCode, sees ? 200 : 404, `${who}: the alert`);
      const groups = (await get(`/api/v1/alert-groups?serviceId=${svc.id}`)).json().groups as unknown[];
      assert.equal(groups.length, sees ? 1 : 0, `${who}: the group list`);
      const alerts = (await get(`/api/v1/alerts?serviceId=${svc.id}`)).json().alerts as unknown[];
      assert.equal(alerts.length, sees ? 1 : 0, `${who}: the alert list`);
      const noise = (await get(`/api/v1/alerts/noise?serviceId=${svc.id}`)).json();
      assert.equal(noise.services.length, sees ? 1 : 0, `${who}: the noise report`);
      const everything = JSON.stringify([groups, alerts, noise]);
      if (!sees) assert.ok(!everything.includes('payroll') && !everything.includes(incident.json().ref), `${who} reads nothing of it`);
    }

    for (const url of [`/api/v1/alert-groups/${groupId}/acknowledge`, `/api/v1/alerts/${alertId}/acknowledge`, `/api/v1/alert-groups/${groupId}/resolve`]) {
      const refused = await t.app.inject({ method: 'POST', url, headers: outsider.auth });
      assert.equal(refused.statusCode, 404, `a non-member cannot act: ${url}`);
    }
    const untouched = (await t.app.inject({ method: 'GET', url: `/api/v1/alert-groups/${groupId}`, headers: member.auth })).json();
    assert.equal(untouched.status, 'triggered');
    const acked = await t.app.inject({ method: 'POST', url: `/api/v1/alert-groups/${groupId}/acknowledge`, headers: member.auth });
    assert.equal(acked.statusCode, 200, acked.body);
  });

  test('intake routes are public at the edge and authenticate by key alone', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/intake/alertmanager/not-a-key', payload: amBody([{ fingerprint: 'x' }]) });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().type, 'https://firebreak.dev/problems/unknown-integration-key');
  });
});
