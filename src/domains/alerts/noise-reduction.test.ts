import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { amBody, countRows, createIntegration, createService } from '../../testing/alerts.js';

describeEachStore('silences, maintenance, grouping rules, flapping and the noise report', (fixture) => {
  let t: TestApp;
  let responder: { authorization: string };
  let admin: { authorization: string };
  let key: string;
  let serviceId: string;
  before(async () => {
    t = await createTestApp(fixture.store, { config: { alertFlapChanges: 4, alertFlapWindowMinutes: 10 } });
    responder = (await t.user('responder')).auth;
    admin = (await t.user('admin')).auth;
    serviceId = (await createService(t, admin, 'noise-home')).id;
    key = (await createIntegration(t, admin, serviceId, 'alertmanager')).key;
  });
  after(async () => {
    await t.close();
  });

  const send = async (alerts: Parameters<typeof amBody>[0]) => {
    const res = await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${key}`, payload: amBody(alerts) });
    assert.equal(res.statusCode, 202, res.body);
  };
  const alert = async (fingerprint: string) => (await t.app.inject({ method: 'GET', url: `/api/v1/alerts?dedupKey=${fingerprint}`, headers: responder })).json().alerts[0];
  const future = (ms: number) => new Date(Date.now() + ms).toISOString();

  test('a silenced alert is stored but joins no group and opens no incident; after the silence it groups', async () => {
    const svc = await createService(t, admin, 'silenced-svc');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/silences',
      headers: responder,
      payload: { matchers: [{ name: 'alertname', op: '=~', value: 'Disk.*' }, { name: 'env', op: '!=', value: 'staging' }], endsAt: future(3_600_000), comment: 'disk migration' },
    });
    assert.equal(created.statusCode, 201, created.body);
    const silence = created.json();
    assert.equal(silence.active, true);
    await send([{ fingerprint: 'sil-1', labels: { alertname: 'DiskFull', env: 'prod', service: 'silenced-svc', severity: 'critical' } }]);
    await send([{ fingerprint: 'sil-2', labels: { alertname: 'DiskFull', env: 'staging', service: 'silenced-svc', severity: 'critical' } }]);
    const silenced = await alert('sil-1');
    assert.equal(silenced.suppressedBy, `silence:${silence.id}`);
    assert.equal(silenced.groupId, null);
    assert.equal((await alert('sil-2')).suppressedBy, null, 'the != matcher spares staging');
    const groups = (await t.app.inject({ method: 'GET', url: `/api/v1/alert-groups?serviceId=${svc.id}`, headers: responder })).json().groups;
    assert.equal(groups.length, 1);
    assert.equal(groups[0].alertCount, 1);

    const expired = await t.app.inject({ method: 'DELETE', url: `/api/v1/silences/${silence.id}`, headers: responder });
    assert.equal(expired.statusCode, 200);
    assert.equal(expired.json().active, false);
    await send([{ fingerprint: 'sil-1', labels: { alertname: 'DiskFull', env: 'prod', service: 'silenced-svc', severity: 'critical' } }]);
    const after = await alert('sil-1');
    assert.equal(after.suppressedBy, null);
    assert.equal(after.groupId, groups[0].id, 'once unsilenced, a resend joins the open group');
  });

  test('a silence with an invalid regular expression or an end in the past is refused naming the field', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/silences', headers: responder, payload: { matchers: [{ name: 'a', op: '=~', value: '(' }], endsAt: future(60_000), comment: 'x' } });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().errors[0].field, 'matchers.0.value');
    const past = await t.app.inject({ method: 'POST', url: '/api/v1/silences', headers: responder, payload: { matchers: [{ name: 'a', op: '=', value: 'b' }], endsAt: new Date(Date.now() - 1000).toISOString(), comment: 'x' } });
    assert.equal(past.statusCode, 400);
    assert.equal(past.json().errors[0].field, 'endsAt');
  });

  test('alerts of a service in maintenance are stored and suppressed', async () => {
    const svc = await createService(t, admin, 'maint-svc');
    const window = await t.app.inject({ method: 'POST', url: `/api/v1/services/${svc.id}/maintenance`, headers: responder, payload: { startsAt: new Date(Date.now() - 1000).toISOString(), endsAt: future(3_600_000), reason: 'db upgrade' } });
    assert.equal(window.statusCode, 201);
    const incidentsBefore = await t.ctx.store.db.selectFrom('incidents').select('id').execute();
    await send([{ fingerprint: 'maint-1', labels: { service: 'maint-svc', severity: 'critical' } }]);
    const stored = await alert('maint-1');
    assert.equal(stored.suppressedBy, `maintenance:${window.json().id}`);
    assert.equal(stored.groupId, null);
    assert.equal((await t.ctx.store.db.selectFrom('incidents').select('id').execute()).length, incidentsBefore.length);
    const listed = (await t.app.inject({ method: 'GET', url: `/api/v1/services/${svc.id}/maintenance`, headers: responder })).json().windows;
    assert.equal(listed.length, 1);
  });

  test('group-by labels split a service’s alerts into groups per label value', async () => {
    const svc = await createService(t, admin, 'grouped-svc', { groupBy: ['alertname'] });
    await send([
      { fingerprint: 'gb-1', labels: { service: 'grouped-svc', alertname: 'Latency' } },
      { fingerprint: 'gb-2', labels: { service: 'grouped-svc', alertname: 'Latency' } },
      { fingerprint: 'gb-3', labels: { service: 'grouped-svc', alertname: 'Errors' } },
    ]);
    const groups = (await t.app.inject({ method: 'GET', url: `/api/v1/alert-groups?serviceId=${svc.id}`, headers: responder })).json().groups as Array<{ groupLabels: Record<string, string>; alertCount: number }>;
    assert.deepEqual(groups.map((g) => [g.groupLabels.alertname, g.alertCount]).sort(), [['Errors', 1], ['Latency', 2]]);
  });

  test('acknowledging and resolving a group moves all its open alerts, and the group follows', async () => {
    const svc = await createService(t, admin, 'ack-svc');
    await send([{ fingerprint: 'ack-1', labels: { service: 'ack-svc' } }, { fingerprint: 'ack-2', labels: { service: 'ack-svc' } }]);
    const groupId = (await alert('ack-1')).groupId;
    const acked = await t.app.inject({ method: 'POST', url: `/api/v1/alert-groups/${groupId}/acknowledge`, headers: responder });
    assert.equal(acked.statusCode, 200);
    assert.equal(acked.json().status, 'acknowledged');
    assert.equal((await alert('ack-2')).status, 'acknowledged');
    const one = await t.app.inject({ method: 'POST', url: `/api/v1/alerts/${(await alert('ack-1')).id}/resolve`, headers: responder });
    assert.equal(one.json().status, 'resolved');
    assert.equal(one.json().resolvedBy.includes('@'), true, 'resolved by a person');
    const group = (await t.app.inject({ method: 'GET', url: `/api/v1/alert-groups/${groupId}`, headers: responder })).json();
    assert.equal(group.status, 'acknowledged');
    assert.equal(group.openCount, 1);
    const resolved = await t.app.inject({ method: 'POST', url: `/api/v1/alert-groups/${groupId}/resolve`, headers: responder });
    assert.equal(resolved.json().status, 'resolved');
    const refused = await t.app.inject({ method: 'POST', url: `/api/v1/alerts/${(await alert('ack-2')).id}/acknowledge`, headers: responder });
    assert.equal(refused.statusCode, 409);
    // The alerts were routed by their service label: the group and both alerts are the service's.
    assert.equal(group.serviceId, svc.id);
    assert.deepEqual([(await alert('ack-1')).serviceId, (await alert('ack-2')).serviceId], [svc.id, svc.id]);
    assert.deepEqual([(await alert('ack-1')).status, (await alert('ack-2')).status], ['resolved', 'resolved'], 'resolving the group resolved its other alert');
  });

  test('an alert flapping between firing and resolved is marked flapping, every change is recorded, and it opens no new groups', async () => {
    const svc = await createService(t, admin, 'flap-svc');
    const groupsBefore = await countRows(t, 'alert_groups');
    for (let i = 0; i < 3; i++) {
      await send([{ fingerprint: 'flap-1', labels: { service: 'flap-svc' } }]);
      await send([{ fingerprint: 'flap-1', status: 'resolved', labels: { service: 'flap-svc' } }]);
    }
    await send([{ fingerprint: 'flap-1', labels: { service: 'flap-svc' } }]);
    const flapping = await alert('flap-1');
    assert.equal(flapping.flapping, true);
    assert.equal(flapping.stateChanges, 7);
    assert.equal(flapping.status, 'triggered');
    const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/alerts/${flapping.id}`, headers: responder })).json();
    assert.equal(detail.history.length, 7);
    assert.ok(detail.history.at(-1).flapping);
    // Before flapping set in (4 changes), a re-trigger after the group resolved opened a new group; after it, none.
    const groups = (await t.app.inject({ method: 'GET', url: `/api/v1/alert-groups?serviceId=${svc.id}`, headers: responder })).json().groups;
    assert.equal(groups.length, (await countRows(t, 'alert_groups')) - groupsBefore);
    assert.equal(groups.length, 2);
    const listed = (await t.app.inject({ method: 'GET', url: '/api/v1/alerts?flapping=true', headers: responder })).json().alerts;
    assert.deepEqual(listed.map((a: { dedupKey: string }) => a.dedupKey), ['flap-1']);
  });

  test('the noise report ranks rules by how often they fired and how often anyone acted', async () => {
    await createService(t, admin, 'noisy-svc');
    for (let i = 0; i < 5; i++) {
      await send([{ fingerprint: 'noisy-1', labels: { service: 'noisy-svc', alertname: 'NoisyCpu' } }]);
      await send([{ fingerprint: 'noisy-1', status: 'resolved', labels: { service: 'noisy-svc', alertname: 'NoisyCpu' } }]);
    }
    await send([{ fingerprint: 'useful-1', labels: { service: 'noisy-svc', alertname: 'UsefulDown' } }]);
    await t.app.inject({ method: 'POST', url: `/api/v1/alerts/${(await alert('useful-1')).id}/acknowledge`, headers: responder });
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/alerts/noise?from=${encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString())}`, headers: responder });
    assert.equal(res.statusCode, 200, res.body);
    const report = res.json();
    assert.match(report.advice, /actionable/);
    const noisy = report.rules.find((r: { rule: string }) => r.rule === 'NoisyCpu');
    const useful = report.rules.find((r: { rule: string }) => r.rule === 'UsefulDown');
    assert.equal(noisy.fired, 5);
    assert.equal(noisy.neverActedOnShare, 1);
    assert.equal(useful.acknowledgedShare, 1);
    assert.equal(useful.neverActedOnShare, 0);
    assert.ok(report.rules.indexOf(noisy) < report.rules.indexOf(useful), 'ranked by fired count');
    assert.ok(report.services.length >= 1);
    const empty = (await t.app.inject({ method: 'GET', url: `/api/v1/alerts/noise?to=${encodeURIComponent('2000-01-01T00:00:00Z')}`, headers: responder })).json();
    assert.deepEqual(empty.rules, []);
  });
});
