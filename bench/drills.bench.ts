/**
 * Drills: firing a drill now (intake adapter, pipeline, drill
 * group and incident, escalation, run row, audit: one transaction), how late
 * a crowd of drills due at one instant fires with two workers, and a trend
 * over 50 runs.
 */
import { performance } from 'node:perf_hooks';
import { createTestApp, type TestApp } from '../src/app/testing.js';
import { createScratchDatabase, testPostgresUrl } from '../src/db/testing.js';
import type { DialectName } from '../src/db/dialect.js';
import { cliActor } from '../src/domains/auth/identity.js';
import { amBody } from '../src/testing/alerts.js';
import { createDrill, getTrend, runDrillNow } from '../src/domains/drills/service.js';
import { round, table } from './support.js';

const FIRES = 100;
const CROWD = 50;

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;

async function until(probe: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function run(dialect: DialectName): Promise<Array<Array<string | number>>> {
  const scratch = await createScratchDatabase(dialect);
  const store = await scratch.open();
  const t: TestApp = await createTestApp(store);
  const admin = (await t.user('admin')).auth;
  const service = (await t.app.inject({ method: 'POST', url: '/api/v1/services', headers: admin, payload: { name: 'bench-drills' } })).json() as { id: string };
  await t.app.inject({ method: 'POST', url: `/api/v1/services/${service.id}/integrations`, headers: admin, payload: { kind: 'alertmanager', name: 'prometheus' } });
  const body = (name: string, at: string) => ({
    name,
    serviceId: service.id,
    alert: { format: 'alertmanager' as const, payload: amBody([{ fingerprint: name, labels: { severity: 'critical' }, summary: `bench ${name}` }]) },
    goals: [{ kind: 'acknowledged' as const, minutes: 5 }, { kind: 'mitigated' as const, minutes: 30 }],
    schedule: { kind: 'once' as const, at },
  });
  const actor = cliActor();
  const later = new Date(Date.now() + 86_400_000).toISOString();
  const drill = await createDrill(store, t.ctx, actor, body('fire-now', later));
  const fireTimes: number[] = [];
  for (let i = 0; i < FIRES; i++) {
    const t0 = performance.now();
    await runDrillNow(store, t.ctx, actor, drill.id);
    fireTimes.push(performance.now() - t0);
  }
  const trendTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await getTrend(store.db, drill.id, new Date(), 50);
    trendTimes.push(performance.now() - t0);
  }

  // Workers first, and an instant far enough ahead that every drill is created before it.
  await t.startWorker();
  await t.startWorker();
  const at = new Date(Date.now() + 8000).toISOString();
  const ids: string[] = [];
  for (let i = 0; i < CROWD; i++) ids.push((await createDrill(store, t.ctx, actor, body(`crowd-${i}`, at))).id);
  if (Date.now() > Date.parse(at)) throw new Error('creating the drills took longer than the lead time');
  await until(async () => (await store.db.selectFrom('drill_runs').select('id').where('scenario_id', 'in', ids).execute()).length === CROWD);
  const fired = await store.db.selectFrom('drill_runs').select('fired_at').where('scenario_id', 'in', ids).execute();
  const late = fired.map((r) => Date.parse(r.fired_at) - Date.parse(at));
  await t.close();
  await store.close();
  await scratch.drop();
  return [
    [dialect, `run now (intake, drill group and incident, escalation, run, audit), median / p90 of ${FIRES}`, `${round(percentile(fireTimes, 50), 1)} / ${round(percentile(fireTimes, 90), 1)} ms`],
    [dialect, `${CROWD} drills due at one instant, two workers: lateness p50 / max`, `${round(percentile(late, 50))} / ${round(Math.max(...late))} ms`],
    [dialect, `trend over 50 runs (3 goals), median of 5`, `${round(percentile(trendTimes, 50), 1)} ms`],
  ];
}

const rows: Array<Array<string | number>> = [];
rows.push(...(await run('sqlite')));
if (testPostgresUrl()) rows.push(...(await run('postgres')));
console.log(table('Drills — `bench/drills.bench.ts`', ['store', 'measure', 'value'], rows));
