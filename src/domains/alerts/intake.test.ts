import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { alertmanagerFixtures, amBody, countRows, createIntegration, createService } from '../../testing/alerts.js';

/** The fields these tests read from the API's alert and group JSON. */
interface AlertJson {
  id: string;
  dedupKey: string;
  status: string;
  count: number;
  serviceId: string;
  severity: string;
  summary: string;
  resolvedBy: string | null;
  alertCount: number;
  occurrences: number;
  openCount: number;
  open: boolean;
  incidentId: string | null;
  incidentRef: string | null;
}

describeEachStore('Alertmanager intake', (fixture) => {
  let t: TestApp;
  let admin: { authorization: string };
  let key: string;
  const services: Record<string, string> = {};
  before(async () => {
    t = await createTestApp(fixture.store);
    admin = (await t.user('admin')).auth;
    for (const name of ['alertmanager-home', 'payments-db', 'checkout-api', 'search-api']) services[name] = (await createService(t, admin, name)).id;
    key = (await createIntegration(t, admin, services['alertmanager-home']!, 'alertmanager')).key;
  });
  after(async () => {
    await t.close();
  });

  const post = (body: unknown) => t.app.inject({ method: 'POST', url: `/intake/alertmanager/${key}`, payload: body as object });

  test('the captured fixtures, replayed in order with resends, give one alert per fingerprint with the right status and groups', async () => {
    const fixtures = alertmanagerFixtures();
    assert.equal(fixtures.length, 4);
    const [firingDown, firingErrors, resolvedErrors, resolvedDown] = fixtures.map((f) => f.body);
    // Alertmanager resends whole groups every group_interval: each firing webhook arrives twice.
    for (const body of [firingDown, firingErrors, firingDown, firingErrors]) {
      const res = await post(body);
      assert.equal(res.statusCode, 202, res.body);
    }
    let alerts = (await t.app.inject({ method: 'GET', url: '/api/v1/alerts', headers: admin })).json().alerts as Array<Record<string, unknown> & AlertJson>;
    assert.equal(alerts.length, 3);
    const byFp = new Map(alerts.map((a) => [a.dedupKey, a]));
    assert.deepEqual([...byFp.keys()].sort(), ['2af2b52e54a2bde6', 'd244637c1b3d3159', 'ff774b3b5a5e3c3e']);
    for (const a of alerts) {
      assert.equal(a.status, 'triggered');
      assert.equal(a.count, 2, 'a resend updates the alert and counts it');
    }
    assert.equal(byFp.get('2af2b52e54a2bde6')!.serviceId, services['payments-db'], 'routed by the service label');
    assert.equal(byFp.get('ff774b3b5a5e3c3e')!.serviceId, services['checkout-api']);
    assert.equal(byFp.get('d244637c1b3d3159')!.serviceId, services['search-api']);
    assert.equal(byFp.get('ff774b3b5a5e3c3e')!.severity, 'critical');
    assert.equal(byFp.get('d244637c1b3d3159')!.severity, 'warning');
    assert.equal(byFp.get('2af2b52e54a2bde6')!.summary, 'payments-db unreachable');

    let groups = (await t.app.inject({ method: 'GET', url: '/api/v1/alert-groups', headers: admin })).json().groups as Array<Record<string, unknown> & AlertJson>;
    assert.equal(groups.length, 3, 'one group per service in the window');
    assert.ok(groups.every((g) => g.status === 'triggered' && g.alertCount === 1 && g.occurrences === 2));

    const svc = (name: string): string => services[name]!;
    // Critical groups (SEV1 by the default mapping) declare an incident for their service; the warning group does not.
    const byService = new Map(groups.map((g) => [g.serviceId, g]));
    assert.ok(byService.get(svc('payments-db'))!.incidentRef);
    assert.ok(byService.get(svc('checkout-api'))!.incidentRef);
    assert.notEqual(byService.get(svc('payments-db'))!.incidentId, byService.get(svc('checkout-api'))!.incidentId);
    assert.equal(byService.get(svc('search-api'))!.incidentId, null);
    const incidents = await t.ctx.store.db.selectFrom('incidents').select(['id', 'severity', 'title']).execute();
    assert.equal(incidents.length, 2);
    assert.ok(incidents.every((i) => i.severity === 'SEV1'));
    const attached = await t.ctx.store.db.selectFrom('incident_events').select(['incident_id', 'kind', 'body', 'actor_label']).where('kind', '=', 'alert_attached').execute();
    assert.equal(attached.length, 2, 'one alert_attached per group, resends attach nothing more');
    const body = JSON.parse(attached.find((e) => e.incident_id === byService.get(svc('payments-db'))!.incidentId)!.body);
    assert.deepEqual(body, { alertGroupId: byService.get(svc('payments-db'))!.id, serviceId: svc('payments-db'), summary: 'payments-db unreachable', severity: 'critical', incidentSeverity: 'SEV1', source: 'alertmanager', alertCount: 1, rules: ['InstanceDown'], fingerprints: ['2af2b52e54a2bde6'] });
    assert.ok(attached.every((e) => e.actor_label.startsWith('integration:')));

    // The HighErrorRate resolution resolves its own two alerts only.
    assert.equal((await post(resolvedErrors)).statusCode, 202);
    alerts = (await t.app.inject({ method: 'GET', url: '/api/v1/alerts', headers: admin })).json().alerts;
    const status = new Map(alerts.map((a) => [a.dedupKey, a.status]));
    assert.equal(status.get('ff774b3b5a5e3c3e'), 'resolved');
    assert.equal(status.get('d244637c1b3d3159'), 'resolved');
    assert.equal(status.get('2af2b52e54a2bde6'), 'triggered');

    // Resending the resolution changes nothing but the counters.
    assert.equal((await post(resolvedErrors)).statusCode, 202);
    assert.equal((await post(resolvedDown)).statusCode, 202);
    alerts = (await t.app.inject({ method: 'GET', url: '/api/v1/alerts', headers: admin })).json().alerts;
    assert.equal(alerts.length, 3);
    assert.ok(alerts.every((a) => a.status === 'resolved' && a.resolvedBy!.startsWith('integration:')));
    groups = (await t.app.inject({ method: 'GET', url: '/api/v1/alert-groups', headers: admin })).json().groups;
    assert.equal(groups.length, 3);
    assert.ok(groups.every((g) => g.status === 'resolved' && g.openCount === 0 && !g.open));
    const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/alerts/${byFp.get('2af2b52e54a2bde6')!.id}`, headers: admin })).json();
    assert.deepEqual(detail.history.map((h: { from: string | null; to: string }) => [h.from, h.to]), [[null, 'triggered'], ['triggered', 'resolved']]);
    assert.equal(detail.payload.fingerprint, '2af2b52e54a2bde6');
  });

  test('the journal keeps the body as sent and the applier adapts it again; a body with an escaped NUL is kept with the NUL replaced', async () => {
    // Spacing and key order as a sender wrote them: the evidence is this text, not the body serialised again.
    const text = JSON.stringify(amBody([{ fingerprint: 'as-sent-1', labels: { team: 'db' }, summary: 'disk full on db-1' }]), null, 1);
    const res = await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${key}`, headers: { 'content-type': 'application/json' }, payload: text });
    assert.equal(res.statusCode, 202, res.body);
    assert.deepEqual(res.json(), { status: 'success', alerts: 1 });
    const [alert] = (await t.app.inject({ method: 'GET', url: '/api/v1/alerts?dedupKey=as-sent-1', headers: admin })).json().alerts;
    assert.equal(alert.summary, 'disk full on db-1');
    assert.equal(alert.labels.team, 'db');
    const kept = await t.ctx.store.db.selectFrom('alert_payloads').select('body').where('request_id', '=', String(res.headers['x-request-id'])).executeTakeFirstOrThrow();
    assert.equal(kept.body, text);

    // JSON.stringify writes the NUL escaped (\u0000), as a sender would.
    const nul = JSON.stringify(amBody([{ fingerprint: 'as-sent-2', labels: { team: 'a\u0000b' } }]));
    const withNul = await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${key}`, headers: { 'content-type': 'application/json' }, payload: nul });
    assert.equal(withNul.statusCode, 202, withNul.body);
    const [second] = (await t.app.inject({ method: 'GET', url: '/api/v1/alerts?dedupKey=as-sent-2', headers: admin })).json().alerts;
    assert.equal(second.labels.team, 'a\uFFFDb');
  });

  test('an alert that fires again after resolving opens a new group when its group has closed', async () => {
    const before = await countRows(t, 'alert_groups');
    assert.equal((await post(amBody([{ fingerprint: 'again-1', labels: { service: 'search-api' } }]))).statusCode, 202);
    assert.equal((await post(amBody([{ fingerprint: 'again-1', status: 'resolved', labels: { service: 'search-api' } }]))).statusCode, 202);
    assert.equal((await post(amBody([{ fingerprint: 'again-1', labels: { service: 'search-api' } }]))).statusCode, 202);
    const [alert] = (await t.app.inject({ method: 'GET', url: '/api/v1/alerts?dedupKey=again-1', headers: admin })).json().alerts;
    assert.equal(alert.status, 'triggered');
    assert.equal(alert.triggerCount, 2);
    assert.equal(alert.stateChanges, 3);
    assert.equal(await countRows(t, 'alert_groups'), before + 2);
  });
});
