import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createScratchDatabase, testPostgresUrl, POSTGRES_SKIP_REASON, type ScratchDatabase } from '../../src/db/testing.js';
import { until } from '../../src/testing/until.js';
import { spawnFirebreak, type FirebreakProcess } from '../support/process.js';
import { seed, seedPaging } from './setup.js';

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

    test('after a restart every alert that got a 2xx is stored once, nothing is applied twice, and each group paged once', async () => {
      scratch = await createScratchDatabase(dialect);
      const { keys, serviceIds } = await seed(scratch, 'sigkill', 4);
      await seedPaging(scratch, serviceIds, 'sigkill');
      const env = { FIREBREAK_DATA_DIR: scratch.dataDir, FIREBREAK_DATABASE_URL: scratch.databaseUrl, FIREBREAK_INTAKE_RATE_LIMIT_PER_SECOND: '100000', FIREBREAK_INTAKE_RATE_LIMIT_BURST: '100000', FIREBREAK_SMTP_URL: 'smtp://127.0.0.1:2525' };
      server = await spawnFirebreak({ env, readyTimeoutMs: 120_000 });
      const url = `${server.url}/intake/alertmanager/${keys.alertmanager}`;
      const acknowledged: string[] = [];
      const sent = new Set<string>();
      let next = 0;
      let killed = false;
      const senders = Array.from({ length: IN_FLIGHT }, async () => {
        while (!killed) {
          const { body, keys: keysSent } = batch(next++);
          for (const k of keysSent) sent.add(k);
          try {
            const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
            await res.text();
            if (res.status >= 200 && res.status < 300) acknowledged.push(...keysSent);
          } catch {
            // The connection died with the server: not acknowledged, so the sender would retry.
            if (killed) return;
          }
        }
      });
      // Kill once the storm is well under way, mid-request (the journal's applier is busy behind the answers).
      await until('the storm is under way', async () => acknowledged.length >= 20 * BATCH, 120_000, 20);
      killed = true;
      await server.kill();
      await Promise.all(senders);

      server = await spawnFirebreak({ env, readyTimeoutMs: 120_000 });
      const store = await scratch.open();
      try {
        // The restarted process applies what the killed one accepted but had not applied.
        await until('the journal is applied', async () => (await store.db.selectFrom('alert_journal').select('id').limit(1).execute()).length === 0, 120_000, 50);
        const stored = new Map<string, number>();
        for (let i = 0; i < acknowledged.length; i += 500) {
          const rows = await store.db.selectFrom('alerts').select(['dedup_key', 'count']).where('dedup_key', 'in', acknowledged.slice(i, i + 500)).execute();
          for (const r of rows) stored.set(r.dedup_key, Number(r.count));
        }
        const missing = acknowledged.filter((k) => !stored.has(k));
        assert.deepEqual(missing.slice(0, 10), [], `${missing.length} of ${acknowledged.length} acknowledged alerts are missing`);
        // Each key was sent once: a count above 1 means a journal entry was applied twice.
        const all = await store.db.selectFrom('alerts').select(['dedup_key', 'count']).execute();
        assert.deepEqual(all.filter((r) => Number(r.count) !== 1).slice(0, 5), [], 'every alert was applied exactly once');
        assert.ok(all.every((r) => sent.has(r.dedup_key)), 'only alerts that were sent are stored');

        const groups = await store.db.selectFrom('alert_groups').select('id').execute();
        assert.ok(groups.length > 0);
        const escalations = await sql<{ alert_group_id: string; n: string }>`select alert_group_id, count(*) as n from escalations group by alert_group_id`.execute(store.db);
        const perGroup = new Map(escalations.rows.map((r) => [r.alert_group_id, Number(r.n)]));
        assert.deepEqual(groups.filter((g) => perGroup.get(g.id) !== 1).map((g) => [g.id, perGroup.get(g.id) ?? 0]), [], 'each group started one escalation');
        const pages = await sql<{ escalation_id: string; n: string }>`select escalation_id, count(*) as n from pages where round = 0 and step = 0 group by escalation_id`.execute(store.db);
        assert.equal(pages.rows.length, groups.length, 'each group paged');
        assert.ok(pages.rows.every((p) => Number(p.n) === 1), 'each group paged once');
      } finally {
        await store.close();
      }
      // The restarted server takes alerts again.
      const again = await fetch(`${server.url}/intake/alertmanager/${keys.alertmanager}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: batch(1_000_000).body });
      assert.equal(again.status, 202);
    });
  });
}
