import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { intakeSettled } from './service.js';
import { amBody, createIntegration, createService } from '../../testing/alerts.js';

const ALERTS = 100_000;
const FINGERPRINTS = 2_000;
const SERVICES = 20;
const BATCH = 100;
/** Services 0–9 get some critical alerts (services 0, 3, 6, 9 from their first alert; the others only later, so their group escalates). */
const critical = (n: number): boolean => n % SERVICES < 10 && n % 3 === 0;

describeEachStore('an alert storm', (fixture) => {
  let t: TestApp;
  let admin: { authorization: string };
  let key: string;
  const serviceIds: string[] = [];
  before(async () => {
    t = await createTestApp(fixture.store, { config: { intakeRateLimitPerSecond: 1_000_000, intakeRateLimitBurst: 1_000_000 } });
    admin = (await t.user('admin')).auth;
    for (let i = 0; i < SERVICES; i++) serviceIds.push((await createService(t, admin, `storm-${i}`)).id);
    key = (await createIntegration(t, admin, serviceIds[0]!, 'alertmanager')).key;
  });
  after(async () => {
    await t.close();
  });

  test('100,000 alerts from 2,000 fingerprints across 20 services become 2,000 alerts, one group per service and at most one incident per service', async () => {
    const requests = ALERTS / BATCH;
    for (let r = 0; r < requests; r++) {
      const alerts = Array.from({ length: BATCH }, (_, i) => {
        const n = (r * BATCH + i) % FINGERPRINTS;
        return { fingerprint: `storm-${n}`, labels: { service: `storm-${n % SERVICES}`, alertname: `Rule${n % 7}`, severity: critical(n) ? 'critical' : 'warning' } };
      });
      const res = await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${key}`, payload: amBody(alerts) });
      assert.equal(res.statusCode, 202, res.body);
    }
    // Read-your-writes: the journal is applied up to the last answered request before reading the tables.
    await intakeSettled(t.ctx);
    const db = t.ctx.store.db;
    const totals = await db
      .selectFrom('alerts')
      .select((eb) => [eb.fn.countAll<number>().as('alerts'), eb.fn.sum<number>('count').as('received'), sql<number>`count(distinct dedup_key)`.as('keys')])
      .executeTakeFirstOrThrow();
    assert.equal(Number(totals.alerts), FINGERPRINTS);
    assert.equal(Number(totals.keys), FINGERPRINTS);
    assert.equal(Number(totals.received), ALERTS, 'every received alert is counted once');
    const perAlert = await db.selectFrom('alerts').select('count').groupBy('count').execute();
    assert.deepEqual(perAlert.map((r) => Number(r.count)), [ALERTS / FINGERPRINTS]);

    const groups = await db.selectFrom('alert_groups').select(['id', 'service_id', 'alert_count', 'incident_id', 'severity']).execute();
    assert.equal(groups.length, SERVICES, 'one group per service in the window');
    assert.deepEqual(new Set(groups.map((g) => g.service_id)), new Set(serviceIds));
    assert.ok(groups.every((g) => g.alert_count === FINGERPRINTS / SERVICES));
    const grouped = await db.selectFrom('alerts').select('group_id').where('group_id', 'is', null).execute();
    assert.equal(grouped.length, 0, 'every alert is in a group');

    const incidents = await db.selectFrom('incident_services').select(['service_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('service_id').execute();
    assert.ok(incidents.every((i) => Number(i.n) <= 1), 'at most one incident per service');
    // Groups that are or become critical (SEV1) open incidents; warning-only groups do not.
    const withIncident = groups.filter((g) => g.incident_id !== null);
    assert.equal(withIncident.length, SERVICES / 2);
    assert.ok(withIncident.every((g) => g.severity === 'critical'));
    const attached = await db.selectFrom('incident_events').select((eb) => eb.fn.countAll<number>().as('n')).where('kind', '=', 'alert_attached').executeTakeFirstOrThrow();
    assert.equal(Number(attached.n), SERVICES / 2);
  });
});
