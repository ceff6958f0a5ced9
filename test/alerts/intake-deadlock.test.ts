/**
 * Two processes on one PostgreSQL database take overlapping alert storms:
 * requests share fingerprints in different orders, name several services,
 * fire and resolve, and group commit packs several of them into each
 * transaction. No transaction may deadlock: PostgreSQL's own deadlock counter
 * for the database stays where it was, and neither process counts a replayed
 * batch or a retried request for a deadlock in /metrics.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createScratchDatabase, testPostgresUrl, POSTGRES_SKIP_REASON, type ScratchDatabase } from '../../src/db/testing.js';
import type { Store } from '../../src/db/store.js';
import { spawnFirebreak, type FirebreakProcess } from '../support/process.js';
import { seed } from './setup.js';

const SERVICES = 6;
const FINGERPRINTS = 120;
const REQUESTS = 400;
const PER_REQUEST = 40;
const SENDERS_PER_PROCESS = 8;

/** A deterministic shuffle, so every run sends the same storm. */
function shuffled(n: number, seed: number): number[] {
  const out = Array.from({ length: n }, (_, i) => i);
  let x = seed * 2654435761 + 1;
  for (let i = n - 1; i > 0; i--) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const j = x % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function body(r: number): string {
  const alerts = shuffled(FINGERPRINTS, r)
    .slice(0, PER_REQUEST)
    .map((n) => {
      const firing = (r + n) % 5 !== 0;
      return {
        status: firing ? 'firing' : 'resolved',
        labels: { alertname: `Storm${n % 4}`, service: `storm-${n % SERVICES}`, severity: n % SERVICES === 0 ? 'critical' : 'warning' },
        annotations: { summary: `storm ${n}` },
        startsAt: '2026-11-23T14:05:10Z',
        endsAt: firing ? '0001-01-01T00:00:00Z' : '2026-11-23T14:09:10Z',
        fingerprint: `storm-${n}`,
      };
    });
  return JSON.stringify({ version: '4', status: 'firing', receiver: 'r', alerts });
}

async function deadlocks(store: Store): Promise<number> {
  const row = await sql<{ n: string }>`select deadlocks as n from pg_stat_database where datname = current_database()`.execute(store.db);
  return Number(row.rows[0]!.n);
}

/** The intake retry counters a process exposes, by their labels. */
async function intakeRetries(server: FirebreakProcess): Promise<Map<string, number>> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const found = new Map<string, number>();
  for (const match of text.matchAll(/^firebreak_alert_intake_retries_total\{([^}]*)\} (\d+)/gm)) found.set(match[1]!, Number(match[2]));
  return found;
}

describe('two processes taking overlapping alert storms on PostgreSQL never deadlock', { skip: testPostgresUrl() ? false : POSTGRES_SKIP_REASON }, () => {
  let scratch: ScratchDatabase | undefined;
  const servers: FirebreakProcess[] = [];
  after(async () => {
    for (const s of servers) await s.stop();
    await scratch?.drop();
  });

  test('no deadlock in the database, no batch replayed and no request retried for one', async () => {
    scratch = await createScratchDatabase('postgres');
    const { keys } = await seed(scratch, 'storm', SERVICES);
    const store = await scratch.open();
    try {
      const deadlocksBefore = await deadlocks(store);
      const env = { FIREBREAK_DATA_DIR: scratch.dataDir, FIREBREAK_DATABASE_URL: scratch.databaseUrl!, FIREBREAK_INTAKE_RATE_LIMIT_PER_SECOND: '100000', FIREBREAK_INTAKE_RATE_LIMIT_BURST: '100000' };
      servers.push(await spawnFirebreak({ env }), await spawnFirebreak({ env }));
      let next = 0;
      await Promise.all(
        servers.flatMap((server) =>
          Array.from({ length: SENDERS_PER_PROCESS }, async () => {
            while (next < REQUESTS) {
              const r = next++;
              const res = await fetch(`${server.url}/intake/alertmanager/${keys.alertmanager}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(r) });
              assert.equal(res.status, 202, await res.text());
            }
          }),
        ),
      );
      const retries = await Promise.all(servers.map(intakeRetries));
      const deadlockRetries = retries.flatMap((m) => [...m].filter(([labels, n]) => labels.includes('reason="deadlock"') && n > 0));
      assert.deepEqual(deadlockRetries, [], 'no intake transaction was retried for a deadlock');
      // Stopping the processes ends their connections, which flushes their statistics.
      for (const s of servers.splice(0)) await s.stop();
      // Every fingerprint ever sent firing is one alert (one first seen resolved and never firing is not stored).
      const everFiring = new Set<number>();
      for (let r = 0; r < REQUESTS; r++) for (const n of shuffled(FINGERPRINTS, r).slice(0, PER_REQUEST)) if ((r + n) % 5 !== 0) everFiring.add(n);
      const alerts = await store.db.selectFrom('alerts').select('dedup_key').execute();
      assert.deepEqual(alerts.map((a) => a.dedup_key).sort(), [...everFiring].map((n) => `storm-${n}`).sort());
      assert.equal(await deadlocks(store), deadlocksBefore, 'PostgreSQL detected no deadlock');
    } finally {
      await store.close();
    }
  });
});
