import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createScratchDatabase, testPostgresUrl, POSTGRES_SKIP_REASON, type ScratchDatabase } from '../../src/db/testing.js';
import { until } from '../../src/testing/until.js';
import { spawnFirebreak, type FirebreakProcess } from '../support/process.js';
import { seed } from './setup.js';

const SERVICES = 10;
const FINGERPRINTS = 500;
const REQUESTS = 100;
const BATCH = 100;

function body(r: number): string {
  const alerts = Array.from({ length: BATCH }, (_, i) => {
    const n = (r * BATCH + i * 7) % FINGERPRINTS;
    return {
      status: 'firing',
      labels: { alertname: `Twin${n % 3}`, service: `twin-${n % SERVICES}`, severity: n % SERVICES < 3 ? 'critical' : 'warning' },
      annotations: { summary: `twin ${n}` },
      startsAt: '2026-11-23T14:05:10Z',
      endsAt: '0001-01-01T00:00:00Z',
      fingerprint: `twin-${n}`,
    };
  });
  return JSON.stringify({ version: '4', status: 'firing', receiver: 'r', alerts });
}

describe('two processes on one PostgreSQL take one storm', { skip: testPostgresUrl() ? false : POSTGRES_SKIP_REASON }, () => {
  let scratch: ScratchDatabase | undefined;
  const servers: FirebreakProcess[] = [];
  after(async () => {
    for (const s of servers) await s.stop();
    await scratch?.drop();
  });

  test('they behave like one: one alert per fingerprint, one group per service, at most one incident per service, every alert counted', async () => {
    scratch = await createScratchDatabase('postgres');
    const { keys } = await seed(scratch, 'twin', SERVICES);
    const env = { FIREBREAK_DATA_DIR: scratch.dataDir, FIREBREAK_DATABASE_URL: scratch.databaseUrl, FIREBREAK_INTAKE_RATE_LIMIT_PER_SECOND: '100000', FIREBREAK_INTAKE_RATE_LIMIT_BURST: '100000' };
    servers.push(await spawnFirebreak({ env, readyTimeoutMs: 120_000 }), await spawnFirebreak({ env, readyTimeoutMs: 120_000 }));
    let next = 0;
    // Four senders per process, all sending overlapping batches of the same fingerprints at once.
    await Promise.all(
      servers.flatMap((server) =>
        Array.from({ length: 4 }, async () => {
          while (next < REQUESTS) {
            const r = next++;
            const res = await fetch(`${server.url}/intake/alertmanager/${keys.alertmanager}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(r) });
            assert.equal(res.status, 202, await res.text());
          }
        }),
      ),
    );
    const store = await scratch.open();
    try {
      // Every request was answered once journaled; the two processes' appliers finish behind the answers.
      await until('the journal is applied', async () => (await store.db.selectFrom('alert_journal').select('id').limit(1).execute()).length === 0, 120_000, 50);
      const totals = await store.db.selectFrom('alerts').select((eb) => [eb.fn.countAll<number>().as('alerts'), eb.fn.sum<number>('count').as('received'), sql<number>`count(distinct dedup_key)`.as('keys')]).executeTakeFirstOrThrow();
      assert.equal(Number(totals.alerts), FINGERPRINTS);
      assert.equal(Number(totals.keys), FINGERPRINTS);
      assert.equal(Number(totals.received), REQUESTS * BATCH);
      const groups = await store.db.selectFrom('alert_groups').select(['service_id', 'alert_count', 'incident_id']).execute();
      assert.equal(groups.length, SERVICES, 'one group per service');
      assert.equal(groups.reduce((n, g) => n + g.alert_count, 0), FINGERPRINTS);
      const perService = await store.db.selectFrom('incident_services').select(['service_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('service_id').execute();
      assert.equal(perService.length, 3, 'the three services with critical alerts have an incident');
      assert.ok(perService.every((s) => Number(s.n) === 1), 'and only one each');
    } finally {
      await store.close();
    }
  });
});
