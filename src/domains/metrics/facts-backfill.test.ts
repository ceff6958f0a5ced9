import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { incidentMetrics } from './service.js';
import { until } from '../../testing/until.js';

describeEachStore('metrics facts rows back-filled by the rebuild job migration 0017 schedules', (fixture) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(fixture.store);
  });
  after(async () => t.close());

  test('reverting and re-applying the migration rebuilds every facts row from the projections and logs: the same rows, the same metrics', async () => {
    const { auth } = await t.user('responder');
    const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: auth, payload });
    for (const [i, severity] of (['SEV1', 'SEV2', 'SEV3'] as const).entries()) {
      const ref = (await post('/api/v1/incidents', { title: `Backfill ${i}`, severity })).json().ref as string;
      const events = [
        { kind: 'impact_stated', body: { statement: 'Checkout slow', journeys: [{ journey: 'checkout', effect: 'slow' }], writesSafe: 'yes' } },
        { kind: 'update_posted', body: { audience: 'internal', text: 'Investigating', nextUpdateAt: new Date(Date.now() + (i + 1) * 1_800_000).toISOString() } },
        ...(i < 2 ? [{ kind: 'update_posted', body: { audience: 'internal', text: 'Still on it' } }] : []),
        ...(i < 2 ? [{ kind: 'resolved', body: { override: { reason: 'test' } } }] : []),
      ];
      for (const e of events) assert.equal((await post(`/api/v1/incidents/${ref}/events`, e)).statusCode, 201, e.kind);
    }
    const db = fixture.store.db;
    const rows = async () => db.selectFrom('incident_metric_facts').selectAll().orderBy('incident_id').execute();
    const window = { from: '2000-01-01T00:00:00.000Z', to: '2100-01-01T00:00:00.000Z', groupBy: 'severity' as const };
    const now = new Date(Date.now() + 86_400_000);
    const before = await rows();
    const metricsBefore = await incidentMetrics(db, window, now);
    assert.equal(before.length, 3);
    assert.ok(before.some((r) => r.commitments_met > 0) && before.some((r) => r.open_commitment_due_at_ms !== null), 'the history has kept and open commitments');

    for (;;) {
      const reverted = await fixture.store.migrateDown();
      assert.ok(reverted, 'migration 0017 is among the applied ones');
      if (reverted.startsWith('0017_')) break;
    }
    await fixture.store.migrate();
    // The migration schedules the rebuild; a worker runs it.
    await t.startWorker();
    await until('the facts rows rebuilt', async () => (await rows()).length === before.length);
    assert.deepEqual(await rows(), before);
    assert.deepEqual(await incidentMetrics(db, window, now), metricsBefore);
  });
});
