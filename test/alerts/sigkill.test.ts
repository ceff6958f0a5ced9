import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { createScratchDatabase, testPostgresUrl, POSTGRES_SKIP_REASON, type ScratchDatabase } from '../../src/db/testing.js';
import { spawnFirebreak, type FirebreakProcess } from '../support/process.js';
import { seed } from './setup.js';
import { until } from '../../src/testing/until.js';

const BATCH = 100;
const IN_FLIGHT = 4;

function batch(n: number): { body: string; keys: string[] } {
  const keys = Array.from({ length: BATCH }, (_, i) => `kill-${n}-${i}`);
  const alerts = keys.map((fingerprint, i) => ({
    status: 'firing',
    labels: { alertname: `Storm${i % 5}`, service: `sigkill-${i % 4}`, severity: 'warning' },
    annotations: { summary: `storm alert ${fingerprint}` },
    startsAt: '2026-11-23T14:05:10Z',
    endsAt: '0001-01-01T00:00:00Z',
    fingerprint,
  }));
  return { body: JSON.stringify({ version: '4', status: 'firing', receiver: 'r', alerts }), keys };
}

for (const dialect of ['sqlite', 'postgres'] as const) {
  const skip = dialect === 'postgres' && !testPostgresUrl() ? POSTGRES_SKIP_REASON : false;
  describe(`SIGKILL during an alert storm [${dialect}]`, { skip }, () => {
    let scratch: ScratchDatabase | undefined;
    let server: FirebreakProcess | undefined;
    after(async () => {
      await server?.kill();
      await scratch?.drop();
    });

    test('after a restart every alert that got a 2xx is stored', async () => {
      scratch = await createScratchDatabase(dialect);
      const { keys } = await seed(scratch, 'sigkill', 4);
      const env = { FIREBREAK_DATA_DIR: scratch.dataDir, FIREBREAK_DATABASE_URL: scratch.databaseUrl, FIREBREAK_INTAKE_RATE_LIMIT_PER_SECOND: '100000', FIREBREAK_INTAKE_RATE_LIMIT_BURST: '100000' };
      server = await spawnFirebreak({ env });
      const url = `${server.url}/intake/alertmanager/${keys.alertmanager}`;
      const acknowledged: string[] = [];
      let next = 0;
      let killed = false;
      const senders = Array.from({ length: IN_FLIGHT }, async () => {
        while (!killed) {
          const { body, keys: sent } = batch(next++);
          try {
            const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
            await res.text();
            if (res.status >= 200 && res.status < 300) acknowledged.push(...sent);
          } catch {
            // The connection died with the server: not acknowledged, so the sender would retry.
            if (killed) return;
          }
        }
      });
      // Kill once the storm is well under way, mid-request.
      await until('the storm to be well under way', () => acknowledged.length >= 20 * BATCH, 60_000, 20);
      killed = true;
      await server.kill();
      await Promise.all(senders);
      assert.ok(acknowledged.length >= 20 * BATCH);

      server = await spawnFirebreak({ env });
      const store = await scratch.open();
      try {
        const stored = new Set<string>();
        for (let i = 0; i < acknowledged.length; i += 500) {
          const rows = await store.db.selectFrom('alerts').select('dedup_key').where('dedup_key', 'in', acknowledged.slice(i, i + 500)).execute();
          for (const r of rows) stored.add(r.dedup_key);
        }
        const missing = acknowledged.filter((k) => !stored.has(k));
        assert.deepEqual(missing.slice(0, 10), [], `${missing.length} of ${acknowledged.length} acknowledged alerts are missing`);
      } finally {
        await store.close();
      }
      // The restarted server takes alerts again.
      const again = await fetch(`${server.url}/intake/alertmanager/${keys.alertmanager}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: batch(1_000_000).body });
      assert.equal(again.status, 202);
    });
  });
}
