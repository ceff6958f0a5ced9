/**
 * Runbooks: the rot report over 500 runbooks (200 services, 5,000
 * change events, link checks, failed mitigations), the runbooks of one
 * incident (services and alert matchers), and the link check of 48 links
 * against a local peer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Store } from '../src/db/store.js';
import { createScratchDatabase, testPostgresUrl } from '../src/db/testing.js';
import { cliActor } from '../src/domains/auth/identity.js';
import { createService } from '../src/domains/catalog/service.js';
import { checkLinks } from '../src/domains/runbooks/link-check.js';
import { outboundPolicy } from '../src/http/outbound.js';
import { runbooksOfIncident } from '../src/domains/runbooks/linked.js';
import { rotReport } from '../src/domains/runbooks/service.js';
import { round, table } from './support.js';

const SERVICES = 200;
const RUNBOOKS = 500;
const CHANGES = 5_000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed(times: number, fn: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

async function run(label: string, store: Store): Promise<Array<Array<string | number>>> {
  const actor = cliActor();
  const services: string[] = [];
  for (let i = 0; i < SERVICES; i++) services.push((await createService(store, actor, { name: `svc-${i}` })).id);
  const now = Date.now();
  const iso = (msAgo: number) => new Date(now - msAgo).toISOString();
  await store.transaction(async (trx) => {
    for (let i = 0; i < RUNBOOKS; i++) {
      const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      await trx.insertInto('runbooks').values({
        id, title: `Runbook ${i}`, body: `# Runbook ${i}`, owner_user_id: null, owner_team_id: null,
        matchers: i % 2 ? JSON.stringify([{ name: 'alertname', op: '=~', value: `Rule${i % 50}|Other` }]) : '[]',
        created_by: null, created_at: iso(200 * 86_400_000), updated_by: null, updated_at: iso(200 * 86_400_000),
        last_tested_at: i % 3 ? iso((i % 120) * 86_400_000) : null, last_tested_by: null, last_tested_note: null,
      }).execute();
      await trx.insertInto('runbook_services').values([{ runbook_id: id, service_id: services[i % SERVICES]! }, { runbook_id: id, service_id: services[(i + 1) % SERVICES]! }]).execute();
      await trx.insertInto('runbook_link_checks').values({ runbook_id: id, url: `https://wiki.example/${i}`, status: i % 10 ? 200 : 404, ok: i % 10 ? 1 : 0, error: null, checked_at: iso(3_600_000) }).execute();
    }
    for (let i = 0; i < CHANGES; i += 500) {
      await trx.insertInto('change_events').values(Array.from({ length: 500 }, (_, k) => ({
        id: crypto.randomUUID(), service_id: services[(i + k) % SERVICES]!, source_id: null, origin: 'api' as const, external_key: null, kind: 'deploy' as const, summary: null, version: `v${i + k}`, author: 'ci', link: null,
        started_at: iso(((i + k) * 7919) % (150 * 86_400_000)), finished_at: null, rollback_command: null, rollback_link: null, recorded_at: iso(0),
      }))).execute();
    }
  });
  const report = await rotReport(store.db, new Date(), { maxUntestedDays: 90 });
  const reportMs = await timed(5, () => rotReport(store.db, new Date(), { maxUntestedDays: 90 }));
  const incidentMs = await timed(20, () => runbooksOfIncident(store.db, { id: 'none', services: services.slice(0, 3) }, new Date()));
  const shown = (await runbooksOfIncident(store.db, { id: 'none', services: services.slice(0, 3) }, new Date())).length;
  return [
    [label, `rot report, ${RUNBOOKS} runbooks (${report.runbooks.length} rotting), ${SERVICES} services, ${CHANGES} changes, median of 5`, `${round(reportMs, 1)} ms`],
    [label, `one incident's runbooks (3 services, ${shown} shown, with rot), median of 20`, `${round(incidentMs, 1)} ms`],
  ];
}

const rows: Array<Array<string | number>> = [];
const dir = mkdtempSync(path.join(tmpdir(), 'firebreak-runbooks-bench-'));
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
const peer = createServer((req, res) => res.writeHead(req.url?.startsWith('/missing') ? 404 : 200).end());
await new Promise<void>((resolve) => peer.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(peer.address() as AddressInfo).port}`;
const urls = Array.from({ length: 48 }, (_, i) => `${base}/${i % 6 ? 'ok' : 'missing'}/${i}`);
const linkMs = await timed(5, () => checkLinks(outboundPolicy('127.0.0.1'), urls, 5000, 16));
peer.close();
rows.push(['http', 'link check of 48 links (16 at a time) against a local peer, median of 5', `${round(linkMs, 1)} ms`]);
console.log(table('Runbooks and rot — `bench/runbooks.bench.ts`', ['store', 'measure', 'value'], rows));
