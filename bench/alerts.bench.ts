/**
 * Alert intake throughput: sustained alerts/s through the whole pipeline over
 * real HTTP (a separate `firebreak serve` process, keep-alive connections),
 * Alertmanager-shaped batches of 100 alerts, 1 and 4 requests in flight, on
 * SQLite (synchronous=FULL) and PostgreSQL, against a bare Fastify endpoint
 * that parses the same body and answers 202. Prints a markdown table.
 *
 *   node dist/bench/alerts.bench.js [--seconds 8]
 *
 * PostgreSQL runs when FIREBREAK_TEST_DATABASE_URL (or CI) names a server.
 */
import http from 'node:http';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import { createScratchDatabase, testPostgresUrl, type ScratchDatabase } from '../src/db/testing.js';
import { cliActor } from '../src/domains/auth/identity.js';
import { createService } from '../src/domains/catalog/service.js';
import { createIntegration } from '../src/domains/alerts/integrations.js';
import { freePort, spawnFirebreak, type FirebreakProcess } from '../test/support/process.js';

const SECONDS = Number(process.argv[process.argv.indexOf('--seconds') + 1]) || 8;
const BATCH = 100;
const SERVICES = 20;
const FINGERPRINTS = 2000;

/** Runs as the bare comparison server when started with --bare <port>. */
async function bareServer(port: number): Promise<void> {
  const app = Fastify({ bodyLimit: 1024 * 1024 });
  app.post('/intake/alertmanager/:key', async (request, reply) => {
    const body = request.body as { alerts?: unknown[] };
    return reply.status(202).send({ status: 'success', alerts: body.alerts?.length ?? 0 });
  });
  await app.listen({ port, host: '127.0.0.1' });
}

function body(batch: number, unique: boolean): string {
  const alerts = [];
  for (let i = 0; i < BATCH; i++) {
    const n = unique ? batch * BATCH + i : (batch * BATCH + i) % FINGERPRINTS;
    const service = `svc-${String(n % SERVICES).padStart(2, '0')}`;
    alerts.push({
      status: 'firing',
      labels: { alertname: `Rule${n % 50}`, service, instance: `host-${n}:9100`, job: 'node', severity: n % 10 === 0 ? 'critical' : 'warning' },
      annotations: { summary: `Rule${n % 50} on host-${n}`, description: 'Synthetic load for the intake benchmark' },
      startsAt: '2026-11-23T14:05:10Z',
      endsAt: '0001-01-01T00:00:00Z',
      generatorURL: `http://prometheus:9090/graph?g0.expr=up&n=${n}`,
      fingerprint: `${unique ? 'u' : 'f'}${n.toString(16).padStart(15, '0')}`,
    });
  }
  return JSON.stringify({ receiver: 'firebreak', status: 'firing', alerts, groupLabels: {}, commonLabels: {}, commonAnnotations: {}, externalURL: 'http://am:9093', version: '4', groupKey: '{}:{}', truncatedAlerts: 0 });
}

function post(agent: http.Agent, url: URL, payload: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

interface Result {
  alertsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(url: string, inFlight: number, unique: boolean, seconds = SECONDS): Promise<Result> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: inFlight });
  const target = new URL(url);
  const bodies = Array.from({ length: unique ? 1 : FINGERPRINTS / BATCH }, (_, i) => body(i, false));
  let batch = 0;
  let ok = 0;
  let errors = 0;
  const latencies: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (performance.now() < deadline) {
        const n = batch++;
        const payload = unique ? body(n + 1_000_000 * inFlight, true) : bodies[n % bodies.length]!;
        const t0 = performance.now();
        const status = await post(agent, target, payload);
        latencies.push(performance.now() - t0);
        if (status >= 200 && status < 300) ok++;
        else errors++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  return { alertsPerSecond: (ok * BATCH) / elapsed, p50: pct(0.5), p99: pct(0.99), errors };
}

function rssMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

async function prepare(scratch: ScratchDatabase): Promise<string> {
  const store = await scratch.open();
  try {
    const services = [];
    for (let i = 0; i < SERVICES; i++) services.push(await createService(store, cliActor(), { name: `svc-${String(i).padStart(2, '0')}` }));
    const { key } = await createIntegration(store, cliActor(), services[0]!.id, { kind: 'alertmanager', name: 'bench' });
    return key;
  } finally {
    await store.close();
  }
}

async function startBare(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--bare', String(port)], { stdio: ['ignore', 'inherit', 'inherit'] });
  for (;;) {
    try {
      await fetch(`http://127.0.0.1:${port}/`);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return { url: `http://127.0.0.1:${port}/intake/alertmanager/bare`, child };
}

async function main(): Promise<void> {
  const rows: string[] = [];
  const bare = await startBare();
  const bareRate: Record<number, number> = {};
  for (const inFlight of [1, 4]) {
    await load(bare.url, inFlight, false, 1);
    const r = await load(bare.url, inFlight, false);
    bareRate[inFlight] = r.alertsPerSecond;
    const mem = rssMb(bare.child.pid!);
    rows.push(`| bare Fastify (parse + 202) | resends | ${inFlight} | ${Math.round(r.alertsPerSecond).toLocaleString('en')} | 1.00 | ${r.p50.toFixed(1)} / ${r.p99.toFixed(1)} | ${mem.rss} / ${mem.peak} | ${r.errors} |`);
  }
  bare.child.kill('SIGTERM');
  await once(bare.child, 'exit');

  const dialects = (['sqlite', 'postgres'] as const).filter((d) => d === 'sqlite' || testPostgresUrl());
  for (const dialect of dialects) {
    const scratch = await createScratchDatabase(dialect);
    let server: FirebreakProcess | undefined;
    try {
      const key = await prepare(scratch);
      server = await spawnFirebreak({
        env: {
          FIREBREAK_DATA_DIR: scratch.dataDir,
          FIREBREAK_DATABASE_URL: scratch.databaseUrl,
          FIREBREAK_INTAKE_RATE_LIMIT_PER_SECOND: '1000000',
          FIREBREAK_INTAKE_RATE_LIMIT_BURST: '1000000',
          FIREBREAK_LOG_LEVEL: 'warn',
        },
      });
      const url = `${server.url}/intake/alertmanager/${key}`;
      await load(url, 4, false, 1);
      for (const [scenario, unique] of [['resends', false], ['new alerts', true]] as const) {
        for (const inFlight of [1, 4]) {
          const r = await load(url, inFlight, unique);
          const mem = rssMb(server.child.pid!);
          const ratio = r.alertsPerSecond / bareRate[inFlight]!;
          rows.push(`| Firebreak on ${dialect} | ${scenario} | ${inFlight} | ${Math.round(r.alertsPerSecond).toLocaleString('en')} | ${ratio.toFixed(2)} | ${r.p50.toFixed(1)} / ${r.p99.toFixed(1)} | ${mem.rss} / ${mem.peak} | ${r.errors} |`);
        }
      }
    } finally {
      await server?.stop();
      await scratch.drop();
    }
  }
  process.stdout.write(
    [
      `Alert intake, Alertmanager webhook batches of ${BATCH} alerts over HTTP keep-alive, ${SECONDS} s per row.`,
      `"resends": ${FINGERPRINTS.toLocaleString('en')} fingerprints across ${SERVICES} services sent round-robin (dedupe updates); "new alerts": every fingerprint new (inserts).`,
      '',
      '| target | scenario | in flight | alerts/s | ratio to bare | latency p50 / p99 ms | server RSS now / peak MB | errors |',
      '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows,
      '',
    ].join('\n'),
  );
}

const bareIndex = process.argv.indexOf('--bare');
if (bareIndex >= 0) await bareServer(Number(process.argv[bareIndex + 1]));
else await main();
