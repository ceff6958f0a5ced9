/**
 * Two `firebreak serve` processes on one PostgreSQL, both running workers:
 * drills due at one instant each fire exactly once, each through intake into
 * its own drill incident, and each schedules nothing more.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { loadConfig } from '../../src/config.js';
import { createChangeBus } from '../../src/db/changes.js';
import { createScratchDatabase, POSTGRES_SKIP_REASON, testPostgresUrl, type ScratchDatabase } from '../../src/db/testing.js';
import { JobQueue } from '../../src/jobs/queue.js';
import { amBody } from '../../src/testing/alerts.js';
import { cliActor } from '../../src/domains/auth/identity.js';
import { createDrill } from '../../src/domains/drills/service.js';
import { spawnFirebreak, type FirebreakProcess } from '../support/process.js';
import { seed } from '../alerts/setup.js';
import { until } from '../../src/testing/until.js';

const DRILLS = 12;

describe('two processes on one PostgreSQL fire scheduled drills', { skip: testPostgresUrl() ? false : POSTGRES_SKIP_REASON }, () => {
  let scratch: ScratchDatabase | undefined;
  const servers: FirebreakProcess[] = [];
  after(async () => {
    for (const s of servers) await s.stop();
    await scratch?.drop();
  });

  test('each drill due at the same instant fires exactly once, into its own drill incident', async () => {
    scratch = await createScratchDatabase('postgres');
    const { serviceIds } = await seed(scratch, 'twin-drills');
    const env = { FIREBREAK_DATA_DIR: scratch.dataDir, FIREBREAK_DATABASE_URL: scratch.databaseUrl };
    servers.push(await spawnFirebreak({ env }), await spawnFirebreak({ env }));

    const store = await scratch.open();
    const bus = createChangeBus(store);
    try {
      const deps = { store, bus, jobs: new JobQueue(bus, 5), config: loadConfig({}) };
      // Due a moment from now, created as of a minute before (injected clock) so creation cannot overtake the instant.
      const at = new Date(Date.now() + 1000).toISOString();
      const ids: string[] = [];
      for (let i = 0; i < DRILLS; i++) {
        const drill = await createDrill(store, deps, cliActor(), {
          name: `twin-${i}`,
          serviceId: serviceIds[0]!,
          alert: { format: 'alertmanager', payload: amBody([{ fingerprint: `twin-${i}`, labels: { severity: 'critical' }, summary: `twin drill ${i}` }]) },
          goals: [{ kind: 'acknowledged', minutes: 5 }],
          schedule: { kind: 'once', at },
        }, new Date(Date.parse(at) - 60_000));
        ids.push(drill.id);
      }
      await until(`${DRILLS} drill runs and no open drill job`, async () => {
        const open = await store.db.selectFrom('jobs').select('id').where('kind', '=', 'drills.due').where('status', 'in', ['queued', 'running']).execute();
        const runs = await store.db.selectFrom('drill_runs').select('id').execute();
        return open.length === 0 && runs.length >= DRILLS;
      }, 60_000, 50);
      const runs = await store.db.selectFrom('drill_runs').select(['scenario_id', 'incident_id', 'occurrence', 'fired_at']).execute();
      assert.deepEqual(runs.map((r) => r.scenario_id).sort(), [...ids].sort(), 'one run per drill');
      assert.ok(runs.every((r) => r.occurrence === at && Date.parse(r.fired_at) >= Date.parse(at)), 'each fired at (not before) its instant');
      const incidents = await store.db.selectFrom('incidents').select(['id', 'is_drill']).where('id', 'in', runs.map((r) => r.incident_id!)).execute();
      assert.equal(incidents.length, DRILLS, 'one drill incident per run');
      assert.ok(incidents.every((i) => i.is_drill === 1));
      const scenarios = await store.db.selectFrom('drill_scenarios').select('next_fire_at').execute();
      assert.ok(scenarios.every((s) => s.next_fire_at === null));
      const done = await store.db.selectFrom('jobs').select('status').where('kind', '=', 'drills.due').execute();
      assert.deepEqual(done.map((j) => j.status), Array(DRILLS).fill('done'));
    } finally {
      await bus.close();
      await store.close();
    }
  });
});
