/**
 * Change events: recording changes one per transaction through the
 * service (as intake does), and answering an incident's suggested rollbacks
 * over a catalog of 200 services and 10,000 changes in the last day.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Store } from '../src/db/store.js';
import { createChangeBus } from '../src/db/changes.js';
import { JobQueue } from '../src/jobs/queue.js';
import { loadConfig } from '../src/config.js';
import { cliActor } from '../src/domains/auth/identity.js';
import { createService } from '../src/domains/catalog/service.js';
import { declareIncident } from '../src/domains/incidents/service.js';
import { recordChange } from '../src/domains/changes/service.js';
import { suggestRollbacks } from '../src/domains/changes/revert.js';
import { rankRollbackCandidates, type CandidateChange } from '../src/domains/changes/rollback.js';
import { CHANGE_KINDS } from '../src/domains/changes/tables.js';
import { testPostgresUrl, createScratchDatabase } from '../src/db/testing.js';
import { round, table } from './support.js';

const SERVICES = 200;
const CHANGES = 10_000;
const RECORDED = 1_000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function run(label: string, store: Store): Promise<Array<Array<string | number>>> {
  const actor = cliActor();
  const ids: string[] = [];
  // Each service depends on the two before it: a deep, wide graph.
  for (let i = 0; i < SERVICES; i++) ids.push((await createService(store, actor, { name: `svc-${i}`, dependsOn: ids.slice(Math.max(0, i - 2)) })).id);
  const now = Date.now();
  const change = (i: number) => ({
    service: ids[i % SERVICES]!, kind: CHANGE_KINDS[i % CHANGE_KINDS.length]!, summary: null, version: `v${i}`, author: 'ci', link: null,
    startedAt: new Date(now - ((i * 7919) % (24 * 3_600_000))).toISOString(), finishedAt: null, rollbackCommand: `undo v${i}`, rollbackLink: null, externalKey: null,
  });
  let t0 = performance.now();
  for (let i = 0; i < RECORDED; i++) await recordChange(store, actor, 'api', change(i));
  const recordPerSecond = RECORDED / ((performance.now() - t0) / 1000);
  await store.transaction(async (trx) => {
    for (let i = RECORDED; i < CHANGES; i += 500) {
      await trx.insertInto('change_events').values(Array.from({ length: Math.min(500, CHANGES - i) }, (_, k) => {
        const c = change(i + k);
        return { id: crypto.randomUUID(), service_id: c.service, source_id: null, origin: 'api' as const, external_key: null, kind: c.kind, summary: null, version: c.version, author: 'ci', link: null, started_at: c.startedAt, finished_at: null, rollback_command: c.rollbackCommand, rollback_link: null, recorded_at: c.startedAt };
      })).execute();
    }
  });
  const bus = createChangeBus(store);
  const incident = await declareIncident(store, { bus, jobs: new JobQueue(bus, 8), config: loadConfig({}) }, actor, { title: 'bench', severity: 'SEV2', services: [ids[SERVICES - 1]!] });
  await bus.close();
  const times: number[] = [];
  let count = 0;
  for (let i = 0; i < 20; i++) {
    t0 = performance.now();
    count = (await suggestRollbacks(store.db, actor, incident.ref, 12)).suggestions.length;
    times.push(performance.now() - t0);
  }
  return [
    [label, `record a change (one transaction each), ${RECORDED}`, `${round(recordPerSecond)} /s`],
    [label, `suggested rollbacks, ${SERVICES} services, ${CHANGES} changes in 24 h (${count} candidates), median of 20`, `${round(median(times), 1)} ms`],
  ];
}

const rows: Array<Array<string | number>> = [];
const dir = mkdtempSync(path.join(tmpdir(), 'firebreak-changes-bench-'));
const sqlite = Store.open({ dataDir: dir });
await sqlite.migrate();
rows.push(...(await run('sqlite', sqlite)));
await sqlite.close();
rmSync(dir, { recursive: true, force: true });
if (testPostgresUrl()) {
  const scratch = await createScratchDatabase('postgres');
  const pg = await scratch.open();
  rows.push(...(await run('postgres', pg)));
  await pg.close();
  await scratch.drop();
}
const candidates: CandidateChange[] = Array.from({ length: 2000 }, (_, i) => ({ id: `c${i}`, serviceId: `s${i % 50}`, kind: 'deploy', summary: null, version: null, startedAt: new Date(Date.parse('2026-11-30T12:00:00Z') - i * 20_000).toISOString(), finishedAt: null, rollbackCommand: null, rollbackLink: null }));
const distances = new Map(Array.from({ length: 50 }, (_, i) => [`s${i}`, i % 4] as [string, number]));
const t0 = performance.now();
for (let i = 0; i < 100; i++) rankRollbackCandidates(candidates, distances, '2026-11-30T12:00:00Z', 720);
rows.push(['pure', 'rank 2,000 candidates (mean of 100)', `${round((performance.now() - t0) / 100, 2)} ms`]);
console.log(table('Change events and revert first — `bench/changes.bench.ts`', ['store', 'measure', 'value'], rows));
