/**
 * Intake side by side with Alertmanager, in one run, with one client: the
 * same Alertmanager webhook batches of 100 alerts go to Firebreak's
 * /intake/alertmanager/<key> and, as the same alerts, to Alertmanager's
 * POST /api/v2/alerts (Debian's prometheus-alertmanager: in memory, a null
 * receiver, its own storage path in a temp dir, 127.0.0.1 on a free port).
 * New alerts and resends, 1 and 4 requests in flight; alerts/s, the ratio,
 * both processes' RSS. Firebreak answers once a request is journaled; the
 * table also shows how long its applier took to apply everything accepted.
 * Then two API processes on one PostgreSQL for one service against one.
 *
 *   node dist/bench/intake.bench.js [--seconds 6] [--only "new alerts/1"] [--dialect sqlite] [--rounds 2] [--cpu-limit 0.5]
 *
 * `--rounds` (default 2) sets how many turns of `--seconds` each target takes per row.
 * `--only` keeps one row (scenario/in flight, or `scale-out`);
 * `--dialect` keeps one dialect. `--cpu-limit 0.5` adds scale-out rows with
 * each API process capped at half a CPU (a cgroup: root on Linux), where a
 * second process has CPU of its own to add on a small machine.
 * PostgreSQL rows run when FIREBREAK_TEST_DATABASE_URL (or CI) names a server.
 */
import http from 'node:http';
import { parseArgs } from 'node:util';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createScratchDatabase, testPostgresUrl, type ScratchDatabase } from '../src/db/testing.js';
import { cliActor } from '../src/domains/auth/identity.js';
import { createService } from '../src/domains/catalog/service.js';
import { createIntegration } from '../src/domains/alerts/integrations.js';
import { freePort, spawnFirebreak, type FirebreakProcess } from '../test/support/process.js';
import { limitCpu } from './cpu-limit.js';

// strict: a mistyped option stops the run instead of being ignored.
const { values: options } = parseArgs({
  options: { seconds: { type: 'string' }, only: { type: 'string' }, dialect: { type: 'string' }, rounds: { type: 'string' }, 'cpu-limit': { type: 'string' } },
  strict: true,
});
const SECONDS = Number(options.seconds) || 6;
const ONLY = options.only;
const DIALECT = options.dialect;
const ROUNDS = Number(options.rounds) || 2;
const CPU_LIMIT = Number(options['cpu-limit']) || undefined;
const ALL_ROWS = ([['new alerts', true], ['resends', false]] as const).flatMap(([scenario, unique]) => [1, 4].map((inFlight) => ({ scenario, unique, inFlight })));
const ROWS = ALL_ROWS.filter((r) => !ONLY || `${r.scenario}/${r.inFlight}` === ONLY);
if (ONLY && ONLY !== 'scale-out' && ROWS.length === 0) throw new Error(`--only ${ONLY}: expected scale-out or one of ${ALL_ROWS.map((r) => `"${r.scenario}/${r.inFlight}"`).join(', ')}`);
if (DIALECT && DIALECT !== 'sqlite' && DIALECT !== 'postgres') throw new Error(`--dialect ${DIALECT}: expected sqlite or postgres`);
const BATCH = 100;
const SERVICES = 20;
const FINGERPRINTS = 2000;
const ALERTMANAGER = '/usr/bin/prometheus-alertmanager';

interface BenchAlert {
  status: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt: string;
  generatorURL: string;
  fingerprint: string;
}

/** One batch of alerts: `n` numbers them; new alerts get numbers never used before. `oneService` drops the routing label. */
function alerts(batch: number, unique: boolean, oneService: boolean): BenchAlert[] {
  const out: BenchAlert[] = [];
  for (let i = 0; i < BATCH; i++) {
    const n = unique ? batch * BATCH + i : (batch * BATCH + i) % FINGERPRINTS;
    const labels: Record<string, string> = { alertname: `Rule${n % 50}`, instance: `host-${n}:9100`, job: 'node', severity: n % 10 === 0 ? 'critical' : 'warning' };
    if (!oneService) labels.service = `svc-${String(n % SERVICES).padStart(2, '0')}`;
    out.push({
      status: 'firing',
      labels,
      annotations: { summary: `Rule${n % 50} on host-${n}`, description: 'Synthetic load for the intake benchmark' },
      startsAt: '2026-11-23T14:05:10Z',
      endsAt: '0001-01-01T00:00:00Z',
      generatorURL: `http://prometheus:9090/graph?g0.expr=up&n=${n}`,
      fingerprint: `${unique ? 'u' : 'f'}${n.toString(16).padStart(15, '0')}`,
    });
  }
  return out;
}

/** Firebreak gets the webhook as Alertmanager sends it; Alertmanager gets the same alerts as its API takes them. */
function webhookBody(list: BenchAlert[]): string {
  return JSON.stringify({ receiver: 'firebreak', status: 'firing', alerts: list, groupLabels: {}, commonLabels: {}, commonAnnotations: {}, externalURL: 'http://am:9093', version: '4', groupKey: '{}:{}', truncatedAlerts: 0 });
}
function apiBody(list: BenchAlert[]): string {
  return JSON.stringify(list.map((a) => ({ labels: a.labels, annotations: a.annotations, startsAt: a.startsAt, generatorURL: a.generatorURL })));
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

type Shape = (list: BenchAlert[]) => string;
let uniqueBase = 0;

/** Sends batches from `inFlight` senders for `seconds`; returns accepted alerts/s and errors. */
async function load(urls: string[], shape: Shape, inFlight: number, unique: boolean, seconds = SECONDS, oneService = false): Promise<{ rate: number; errors: number; accepted: number; seconds: number }> {
  const base = (uniqueBase += 1_000_000);
  const resends = Array.from({ length: FINGERPRINTS / BATCH }, (_, i) => shape(alerts(i, false, oneService)));
  let batch = 0;
  let ok = 0;
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    urls.map(async (url) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: inFlight });
      const target = new URL(url);
      await Promise.all(
        Array.from({ length: inFlight }, async () => {
          while (performance.now() < deadline) {
            const n = batch++;
            const status = await post(agent, target, unique ? shape(alerts(base / BATCH + n, true, oneService)) : resends[n % resends.length]!);
            if (status >= 200 && status < 300) ok++;
            else errors++;
          }
        }),
      );
      agent.destroy();
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return { rate: (ok * BATCH) / elapsed, errors, accepted: ok * BATCH, seconds: elapsed };
}

/** CPU time a process has used, in clock ticks (utime + stime). */
function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** Waits until a process has been all but idle for 200 ms (under 2 ticks of CPU), at most 30 s. */
async function quiet(pid: number): Promise<void> {
  const started = performance.now();
  let last = cpuTicks(pid);
  while (performance.now() - started < 30_000) {
    await new Promise((r) => setTimeout(r, 200));
    const now = cpuTicks(pid);
    if (now - last < 2) break;
    last = now;
  }
}

function rss(pid: number): { now: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { now: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

async function startAlertmanager(): Promise<{ url: string; child: ChildProcess; dir: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'firebreak-am-'));
  writeFileSync(path.join(dir, 'alertmanager.yml'), "route:\n  receiver: 'null'\nreceivers:\n  - name: 'null'\n");
  const port = await freePort();
  const child = spawn(ALERTMANAGER, [`--config.file=${path.join(dir, 'alertmanager.yml')}`, `--storage.path=${path.join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--cluster.listen-address=', '--log.level=warn'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 60_000; ; ) {
    try {
      if ((await fetch(`${url}/-/ready`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error('Alertmanager did not start');
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url: `${url}/api/v2/alerts`, child, dir };
}

async function prepare(scratch: ScratchDatabase): Promise<string> {
  const store = await scratch.open();
  try {
    const services = [];
    for (let i = 0; i < SERVICES; i++) services.push(await createService(store, cliActor(), { name: `svc-${String(i).padStart(2, '0')}` }));
    return (await createIntegration(store, cliActor(), services[0]!.id, { kind: 'alertmanager', name: 'bench' })).key;
  } finally {
    await store.close();
  }
}

/** Waits until the journal is empty; returns the seconds it took. */
async function drained(scratch: ScratchDatabase): Promise<number> {
  const store = await scratch.open();
  const started = performance.now();
  try {
    while ((await store.db.selectFrom('alert_journal').select('id').limit(1).execute()).length > 0) await new Promise((r) => setTimeout(r, 20));
  } finally {
    await store.close();
  }
  return (performance.now() - started) / 1000;
}

function env(scratch: ScratchDatabase): Record<string, string | undefined> {
  return { FIREBREAK_DATA_DIR: scratch.dataDir, FIREBREAK_DATABASE_URL: scratch.databaseUrl, FIREBREAK_INTAKE_RATE_LIMIT_PER_SECOND: '1000000', FIREBREAK_INTAKE_RATE_LIMIT_BURST: '1000000', FIREBREAK_LOG_LEVEL: 'warn' };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en');

interface Tally {
  alerts: number;
  seconds: number;
  errors: number;
  /** Seconds the applier needed after each of its turns until the journal was empty. */
  behind: number;
}

const rate = (t: Tally) => t.alerts / t.seconds;

interface Target {
  url: string;
  pid: number;
}

/**
 * One row: ROUNDS turns of SECONDS each, Alertmanager and Firebreak
 * alternating. Before the other's turn, Firebreak's journal is drained and
 * each process is left to go quiet (Alertmanager's collector can keep
 * marking gigabytes of heap after its turn), so neither works during the
 * other's turn. Both see the same stretch of the machine's time, so a drift
 * in its speed moves both figures alike. A turn outlasts the applier's burst
 * window (journal-rest.ts, BURST_MS), as a real flood would.
 */
async function interleaved(am: Target, fb: Target, scratch: ScratchDatabase, unique: boolean, inFlight: number): Promise<{ am: Tally; fb: Tally }> {
  const tallies = { am: { alerts: 0, seconds: 0, errors: 0, behind: 0 }, fb: { alerts: 0, seconds: 0, errors: 0, behind: 0 } };
  for (let round = 0; round < ROUNDS; round++) {
    for (const [tally, target, shape] of [[tallies.am, am, apiBody], [tallies.fb, fb, webhookBody]] as const) {
      const r = await load([target.url], shape, inFlight, unique, SECONDS);
      tally.alerts += r.accepted;
      tally.seconds += r.seconds;
      tally.errors += r.errors;
      if (target === fb) tally.behind += await drained(scratch);
      await quiet(target.pid);
    }
  }
  return tallies;
}

async function sideBySide(): Promise<void> {
  if (!existsSync(ALERTMANAGER)) throw new Error(`${ALERTMANAGER} is missing: apt-get install prometheus-alertmanager`);
  const rows: string[] = [];
  const dialects = (['sqlite', 'postgres'] as const).filter((d) => (d === 'sqlite' || testPostgresUrl()) && (!DIALECT || d === DIALECT));
  // Each dialect meets a fresh Alertmanager: both start empty and are sent the same alerts, warm-up included.
  for (const dialect of dialects) {
    const am = await startAlertmanager();
    const scratch = await createScratchDatabase(dialect);
    let server: FirebreakProcess | undefined;
    try {
      const key = await prepare(scratch);
      server = await spawnFirebreak({ env: env(scratch), readyTimeoutMs: 120_000 });
      const url = `${server.url}/intake/alertmanager/${key}`;
      for (const unique of [true, false]) {
        await load([am.url], apiBody, 4, unique, 1);
        await load([url], webhookBody, 4, unique, 1);
      }
      await drained(scratch);
      for (const { scenario, unique, inFlight } of ROWS) {
        const r = await interleaved({ url: am.url, pid: am.child.pid! }, { url, pid: server.child.pid! }, scratch, unique, inFlight);
        const amMem = rss(am.child.pid!);
        const mem = rss(server.child.pid!);
        rows.push(`| Alertmanager 0.25 (memory), beside ${dialect} | ${scenario} | ${inFlight} | ${fmt(rate(r.am))} | 1.00 | – | ${amMem.now} / ${amMem.peak} | ${r.am.errors} |`);
        const applied = r.fb.alerts / (r.fb.seconds + r.fb.behind);
        rows.push(`| Firebreak on ${dialect} (journal) | ${scenario} | ${inFlight} | ${fmt(rate(r.fb))} | **${(rate(r.fb) / rate(r.am)).toFixed(2)}** | ${r.fb.behind.toFixed(1)} s → ${fmt(applied)}/s | ${mem.now} / ${mem.peak} | ${r.fb.errors} |`);
      }
    } finally {
      await server?.stop();
      await scratch.drop();
      am.child.kill('SIGTERM');
      await once(am.child, 'exit');
      rmSync(am.dir, { recursive: true, force: true });
    }
  }
  process.stdout.write(
    [
      `Intake side by side, Alertmanager webhook batches of ${BATCH} alerts (the same alerts to Alertmanager's /api/v2/alerts), HTTP keep-alive, ${ROUNDS} turns of ${SECONDS} s per row and target, Alertmanager and Firebreak alternating; a fresh Alertmanager for each dialect.`,
      `"new alerts": every alert new; "resends": ${FINGERPRINTS.toLocaleString('en')} alerts across ${SERVICES} services sent round-robin. Ratio = Firebreak / Alertmanager for the same scenario and in-flight count, over the same turns.`,
      '"applied after" = how long the applier needed after its turns until the journal was empty (summed), and accepted alerts / (load time + that).',
      '',
      '| target | scenario | in flight | accepted alerts/s | ratio to Alertmanager | applied after → applied alerts/s | RSS now / peak MB | errors |',
      '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows,
      '',
    ].join('\n'),
  );
}

/**
 * Two API processes on one PostgreSQL for one service against one process,
 * with the same number of requests in flight; with `--cpu-limit`, also with
 * each process capped at that many CPUs (bench/cpu-limit.ts).
 */
async function scaleOut(): Promise<void> {
  const rows: string[] = [];
  for (const limit of CPU_LIMIT ? [undefined, CPU_LIMIT] : [undefined]) {
    for (const processes of [1, 2]) {
      const scratch = await createScratchDatabase('postgres');
      const servers: FirebreakProcess[] = [];
      const undo: Array<() => void> = [];
      try {
        const key = await prepare(scratch);
        for (let i = 0; i < processes; i++) servers.push(await spawnFirebreak({ env: env(scratch), readyTimeoutMs: 120_000 }));
        if (limit) for (const s of servers) undo.push(limitCpu(s.child.pid!, limit));
        const urls = servers.map((s) => `${s.url}/intake/alertmanager/${key}`);
        await load(urls, webhookBody, 1, false, 1, true);
        const r = await load(urls, webhookBody, 8 / processes, true, SECONDS, true);
        const behind = await drained(scratch);
        rows.push(`| ${limit ?? 'no limit'} | ${processes} | ${8 / processes} | ${fmt(r.rate)} | ${behind.toFixed(1)} s → ${fmt(r.accepted / (SECONDS + behind))}/s | ${servers.map((s) => rss(s.child.pid!).peak).join(' + ')} | ${r.errors} |`);
      } finally {
        for (const s of servers) await s.stop();
        for (const u of undo) u();
        await scratch.drop();
      }
    }
  }
  process.stdout.write(
    [
      `One service on PostgreSQL, new alerts, 8 requests in flight in all, ${SECONDS} s.`,
      '',
      '| CPUs per process | API processes | in flight each | accepted alerts/s | applied after → applied alerts/s | peak RSS MB | errors |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows,
      '',
    ].join('\n'),
  );
}

if (ONLY !== 'scale-out') await sideBySide();
if (testPostgresUrl() && (!ONLY || ONLY === 'scale-out') && DIALECT !== 'sqlite') await scaleOut();
