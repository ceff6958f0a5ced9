import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { until } from '../../testing/until.js';
import { amBody, countRows, createIntegration, createService } from '../../testing/alerts.js';
import { analysisDue } from './planner-statistics.js';

test('the alerts table is analyzed after its first thousand new alerts, then each time it grows by half', () => {
  assert.equal(analysisDue(999, 0), false);
  assert.equal(analysisDue(1_000, 0), true);
  assert.equal(analysisDue(1_000, 10_000), false);
  assert.equal(analysisDue(4_999, 10_000), false);
  assert.equal(analysisDue(5_000, 10_000), true);
});

describeEachStore('a storm into a new installation', (fixture) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(fixture.store);
  });
  after(async () => {
    await t.close();
  });

  const statistics = async () => {
    const { rows } = await sql<{ tuples: number; analyzed: Date | null }>`
      select c.reltuples::float8 as tuples, s.last_analyze as analyzed
      from pg_class c join pg_stat_user_tables s on s.relid = c.oid where c.oid = 'alerts'::regclass`.execute(t.ctx.store.db);
    return rows[0]!;
  };

  test('leaves PostgreSQL with statistics of the alerts it created, without waiting for autovacuum', async () => {
    const admin = (await t.user('admin')).auth;
    const service = await createService(t, admin, 'storm-home');
    const { key } = await createIntegration(t, admin, service.id, 'alertmanager');
    // Never analyzed yet: PostgreSQL would guess how many alerts an integration has (reltuples -1).
    assert.equal((await statistics()).analyzed, null);
    // Only the applier may analyze it here (autovacuum's next round could come at any moment).
    await sql`alter table alerts set (autovacuum_enabled = false)`.execute(t.ctx.store.db);
    for (let batch = 0; batch < 11; batch++) {
      const alerts = Array.from({ length: 100 }, (_, i) => ({ fingerprint: `storm-${batch}-${i}` }));
      const res = await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${key}`, payload: amBody(alerts) });
      assert.equal(res.statusCode, 202, res.body);
    }
    assert.equal(await countRows(t, 'alerts'), 1_100);
    const analyzed = await until('the applier analyzed the alerts table', async () => {
      const s = await statistics();
      return s.analyzed !== null && s;
    });
    assert.ok(analyzed.tuples >= 1_000, `reltuples ${analyzed.tuples}`);
  });
}, ['postgres']);
