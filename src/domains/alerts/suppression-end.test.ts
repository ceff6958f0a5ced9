import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { describeEachStore } from '../../db/testing.js';
import { dialectOf } from '../../db/dialect.js';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { findJob } from '../../jobs/store.js';
import { lockServicesForAlerts } from '../catalog/service.js';
import { amBody, createIntegration, createService } from '../../testing/alerts.js';
import { until } from '../../testing/until.js';
import { systemClock, TestClock, useClock } from '../../clock.js';

describeEachStore('when a silence or maintenance window ends, and acknowledging a group that is still growing', (fixture) => {
  let t: TestApp;
  let responder: { authorization: string };
  let admin: { authorization: string };
  let key: string;
  // Product time the test moves to the end of a silence instead of waiting for it.
  const clock = new TestClock();

  before(async () => {
    useClock(clock);
    // A mail server is configured so that people with only an account email can be paged (nothing is sent: none listens).
    t = await createTestApp(fixture.store, { clock, config: { smtpUrl: 'smtp://127.0.0.1:2525' } });
    await t.startWorker();
    responder = (await t.user('responder')).auth;
    admin = (await t.user('admin')).auth;
    key = (await createIntegration(t, admin, (await createService(t, admin, 'end-home')).id, 'alertmanager')).key;
  });
  after(async () => {
    await t.close();
    useClock(systemClock);
  });

  const send = async (alerts: Parameters<typeof amBody>[0]) => {
    const res = await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${key}`, payload: amBody(alerts) });
    assert.equal(res.statusCode, 202, res.body);
  };
  const alert = async (fingerprint: string) => (await t.app.inject({ method: 'GET', url: `/api/v1/alerts?dedupKey=${fingerprint}`, headers: responder })).json().alerts[0];
  const silence = async (matchers: Array<{ name: string; op: string; value: string }>, endsInMs: number) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/silences', headers: responder, payload: { matchers, endsAt: new Date(clock.now().getTime() + endsInMs).toISOString(), comment: 'test' } });
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as { id: string; endsAt: string };
  };

  test('a firing alert kept quiet by a silence joins a group and opens its incident when the silence ends, without a resend', async () => {
    const svc = await createService(t, admin, 'end-silenced');
    const s = await silence([{ name: 'alertname', op: '=', value: 'QueueStuck' }], 3_600_000);
    await send([{ fingerprint: 'end-1', labels: { alertname: 'QueueStuck', service: 'end-silenced', severity: 'critical' } }]);
    const quiet = await alert('end-1');
    assert.equal(quiet.suppressedBy, `silence:${s.id}`);
    assert.equal(quiet.groupId, null);
    clock.set(Date.parse(s.endsAt) + 1000);
    await until('the alert to be grouped after the silence', async () => (await alert('end-1')).groupId !== null);
    const released = await alert('end-1');
    assert.equal(released.suppressedBy, null);
    assert.equal(released.count, 1, 'no resend was needed');
    const group = (await t.app.inject({ method: 'GET', url: `/api/v1/alert-groups/${released.groupId}`, headers: responder })).json();
    assert.equal(group.serviceId, svc.id);
    assert.equal(group.alertCount, 1);
    assert.ok(group.incidentId, 'a critical alert opens its incident once it is no longer silenced');
    assert.equal((await findJob(t.ctx.store.db, `alerts.suppression-ended:silence:${s.id}:${s.endsAt}`))?.status, 'done');
  });

  test('a group released by an ended silence pages its service\'s on-call; nothing is paged while it is silenced', async () => {
    const onCall = await t.user('responder');
    const policy = await t.app.inject({ method: 'POST', url: '/api/v1/escalation-policies', headers: admin, payload: { name: 'end-paged policy', steps: [{ delaySeconds: 0, targets: [{ type: 'user', id: onCall.user.id }] }] } });
    assert.equal(policy.statusCode, 201, policy.body);
    const svc = await t.app.inject({ method: 'POST', url: '/api/v1/services', headers: admin, payload: { name: 'end-paged', escalationPolicyId: policy.json().id } });
    assert.equal(svc.statusCode, 201, svc.body);
    const s = await silence([{ name: 'service', op: '=', value: 'end-paged' }], 3_600_000);
    await send([{ fingerprint: 'paged-1', labels: { alertname: 'DiskFull', service: 'end-paged' } }]);
    const pagesOf = async () => t.ctx.store.db.selectFrom('pages').innerJoin('escalations', 'escalations.id', 'pages.escalation_id').select(['pages.user_id', 'escalations.alert_group_id']).where('escalations.service_id', '=', svc.json().id).execute();
    assert.equal((await alert('paged-1')).suppressedBy, `silence:${s.id}`);
    assert.deepEqual(await pagesOf(), [], 'a silenced alert pages nobody');
    assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/v1/silences/${s.id}`, headers: responder })).statusCode, 200);
    await until('the page after the silence ended', async () => (await pagesOf()).length > 0);
    const released = await alert('paged-1');
    assert.deepEqual(await pagesOf(), [{ user_id: onCall.user.id, alert_group_id: released.groupId }]);
  });

  test('expiring a silence early releases its alerts at once; one still matched by another silence stays quiet under that one', async () => {
    await createService(t, admin, 'end-early');
    const ending = await silence([{ name: 'service', op: '=', value: 'end-early' }], 3_600_000);
    const other = await silence([{ name: 'team', op: '=', value: 'storage' }], 3_600_000);
    await send([
      { fingerprint: 'early-1', labels: { service: 'end-early' } },
      { fingerprint: 'early-2', labels: { service: 'end-early', team: 'storage' } },
    ]);
    assert.equal((await alert('early-2')).suppressedBy, `silence:${ending.id}`, 'the first matching silence is recorded');
    const expired = await t.app.inject({ method: 'DELETE', url: `/api/v1/silences/${ending.id}`, headers: responder });
    assert.equal(expired.statusCode, 200);
    await until('the released alert to be grouped', async () => (await alert('early-1')).groupId !== null);
    const stillQuiet = await alert('early-2');
    assert.equal(stillQuiet.suppressedBy, `silence:${other.id}`);
    assert.equal(stillQuiet.groupId, null);
  });

  test('cancelling a maintenance window releases the alerts it kept quiet', async () => {
    const svc = await createService(t, admin, 'end-maint');
    const window = await t.app.inject({ method: 'POST', url: `/api/v1/services/${svc.id}/maintenance`, headers: responder, payload: { startsAt: new Date(clock.now().getTime() - 1000).toISOString(), endsAt: new Date(clock.now().getTime() + 3_600_000).toISOString(), reason: 'upgrade' } });
    assert.equal(window.statusCode, 201);
    await send([{ fingerprint: 'maint-end-1', labels: { service: 'end-maint' } }]);
    assert.equal((await alert('maint-end-1')).suppressedBy, `maintenance:${window.json().id}`);
    const cancelled = await t.app.inject({ method: 'DELETE', url: `/api/v1/services/${svc.id}/maintenance/${window.json().id}`, headers: responder });
    assert.equal(cancelled.statusCode, 204);
    await until('the released alert to be grouped', async () => (await alert('maint-end-1')).groupId !== null);
    assert.equal((await alert('maint-end-1')).suppressedBy, null);
  });

  test('acknowledging a group includes an alert that joined it while the acknowledgement waited', async () => {
    const svc = await createService(t, admin, 'end-ack');
    await send([{ fingerprint: 'ack-join-1', labels: { service: 'end-ack' } }]);
    const groupId = (await alert('ack-join-1')).groupId as string;
    // A second alert of the service, not yet in the group.
    await silence([{ name: 'alertname', op: '=', value: 'Joiner' }], 3_600_000);
    await send([{ fingerprint: 'ack-join-2', labels: { service: 'end-ack', alertname: 'Joiner' } }]);
    const joiner = await alert('ack-join-2');
    assert.equal(joiner.groupId, null);

    // A writer holds the service, as intake does, and moves the joiner into the group; the acknowledgement starts meanwhile.
    let letGo!: () => void;
    const held = new Promise<void>((resolve) => (letGo = resolve));
    let joined!: () => void;
    const inGroup = new Promise<void>((resolve) => (joined = resolve));
    const writer = t.ctx.store.transaction(async (trx) => {
      await lockServicesForAlerts(trx, [svc.id]);
      await trx.updateTable('alerts').set({ group_id: groupId, suppressed_by: null }).where('id', '=', joiner.id).execute();
      await trx
        .updateTable('alert_groups')
        .set((eb) => ({ alert_count: eb('alert_count', '+', 1), open_count: eb('open_count', '+', 1), unacked_count: eb('unacked_count', '+', 1) }))
        .where('id', '=', groupId)
        .execute();
      joined();
      await held;
    });
    await inGroup;
    const ack = t.app.inject({ method: 'POST', url: `/api/v1/alert-groups/${groupId}/acknowledge`, headers: responder });
    // On PostgreSQL the writer commits only once the acknowledgement is blocked on its locks (SQLite has one writer: any order holds).
    if (dialectOf(t.ctx.store.db) === 'postgres') {
      await until('the acknowledgement to wait for the writer', async () => {
        const waiting = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`.execute(t.ctx.store.db);
        return waiting.rows[0]!.n > 0;
      });
    }
    letGo();
    await writer;
    const acked = await ack;
    assert.equal(acked.statusCode, 200, acked.body);
    assert.equal(acked.json().status, 'acknowledged');
    assert.equal((await alert('ack-join-2')).status, 'acknowledged', 'the alert that joined is acknowledged too');
    assert.equal((await alert('ack-join-1')).status, 'acknowledged');
  });
});
