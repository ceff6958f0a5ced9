import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { nowIso } from '../../clock.js';
import { amBody, createIntegration, createService } from '../../testing/alerts.js';
import { MAX_ENTRY_ATTEMPTS } from './journal-applier.js';
import * as journal from './store-journal.js';

/** A metric's value in the /metrics text (0 when absent). */
function metric(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.split(' ').pop()) : 0;
}

interface SetAsideJson {
  id: number;
  serviceId: string;
  integrationId: string;
  requestId: string | null;
  attempts: number;
  lastError: string | null;
  signals: number;
}

describeEachStore('an intake journal entry that always fails', (fixture) => {
  let t: TestApp;
  let admin: { authorization: string };
  let serviceId = '';
  let integrationId = '';
  let key = '';
  before(async () => {
    t = await createTestApp(fixture.store);
    admin = (await t.user('admin')).auth;
    serviceId = (await createService(t, admin, 'poisoned')).id;
    const integration = await createIntegration(t, admin, serviceId, 'alertmanager');
    key = integration.key;
    integrationId = integration.id;
  });
  after(async () => {
    await t.close();
  });

  const scrape = async () => (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
  const alertKeys = async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/alerts?serviceId=${serviceId}`, headers: admin });
    assert.equal(res.statusCode, 200, res.body);
    return (res.json() as { alerts: { dedupKey: string }[] }).alerts.map((a) => a.dedupKey).sort();
  };

  test('is set aside after a bounded number of attempts, counted and listed; the service\'s later requests are applied; a replay applies it once fixed', async () => {
    const setAsideBefore = metric(await scrape(), 'firebreak_alert_journal_set_aside_total');
    // An entry the pipeline cannot read (its signals are not JSON), ahead of a good request for the same service.
    const [poisonId] = await journal.appendEntries(t.ctx.store.db, [
      { partition_key: serviceId, integration_id: integrationId, received_at: nowIso(), request_id: 'poison-1', ip: null, signals: 'not json', evidence: null },
    ]);
    const depth = await scrape();
    assert.ok(metric(depth, 'firebreak_alert_journal_depth{state="pending"}') >= 1, 'the pending entry shows in the depth gauge');
    assert.ok(metric(depth, 'firebreak_alert_journal_oldest_seconds') >= 0);

    const res = await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${key}`, payload: amBody([{ fingerprint: 'after-poison' }]) });
    assert.equal(res.statusCode, 202, res.body);
    // Alert reads wait for the journal (read-your-writes): the later request is applied once the poison is set aside.
    assert.deepEqual(await alertKeys(), ['after-poison']);

    const text = await scrape();
    assert.equal(metric(text, 'firebreak_alert_journal_set_aside_total'), setAsideBefore + 1);
    assert.equal(metric(text, 'firebreak_alert_journal_depth{state="set_aside"}'), 1);
    assert.equal(metric(text, 'firebreak_alert_journal_depth{state="pending"}'), 0);

    const viewer = (await t.user('viewer')).auth;
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/alerts/journal/set-aside', headers: viewer })).statusCode, 403, 'only administrators see set-aside requests');
    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/alerts/journal/set-aside', headers: admin });
    assert.equal(listed.statusCode, 200, listed.body);
    const entries = (listed.json() as { entries: SetAsideJson[] }).entries;
    assert.equal(entries.length, 1);
    assert.deepEqual(
      { id: entries[0]!.id, serviceId: entries[0]!.serviceId, integrationId: entries[0]!.integrationId, requestId: entries[0]!.requestId, attempts: entries[0]!.attempts, signals: entries[0]!.signals },
      { id: poisonId, serviceId, integrationId, requestId: 'poison-1', attempts: MAX_ENTRY_ATTEMPTS, signals: 0 },
    );
    assert.match(entries[0]!.lastError ?? '', /JSON/);

    assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/alerts/journal/set-aside/${poisonId! + 1000}/replay`, headers: admin })).statusCode, 404);
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/alerts/journal/set-aside/${poisonId}/replay`, headers: viewer })).statusCode, 403);

    // The cause is fixed (here: the entry made readable); a replay applies it, once.
    const fixed = JSON.stringify([{ dedupKey: 'replayed', action: 'trigger', summary: 'replayed', severity: 'warning', labels: { alertname: 'Replayed' }, links: [], payload: { replayed: true }, contentless: false, startsAt: null, endsAt: null, rule: 'Replayed' }]);
    await t.ctx.store.db.updateTable('alert_journal').set({ signals: fixed }).where('id', '=', poisonId!).execute();
    const replay = await t.app.inject({ method: 'POST', url: `/api/v1/alerts/journal/set-aside/${poisonId}/replay`, headers: admin });
    assert.equal(replay.statusCode, 204, replay.body);
    assert.deepEqual(await alertKeys(), ['after-poison', 'replayed']);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/alerts/journal/set-aside', headers: admin })).json().entries.length, 0);
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/alerts/journal/set-aside/${poisonId}/replay`, headers: admin })).statusCode, 404, 'an applied entry is gone');
    const audit = await t.ctx.store.db.selectFrom('audit_log').select(['action', 'target_id']).where('action', '=', 'alert_journal.replay').execute();
    assert.deepEqual(audit.map((a) => a.target_id), [String(poisonId)]);
  });
});
