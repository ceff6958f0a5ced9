/**
 * The public status page under load, side by side in one run with Debian's
 * nginx serving a static copy of the same bytes: summary.json and
 * the HTML page, autocannon with 50 connections. Firebreak serves from its
 * in-memory read model (one process, SQLite, all roles).
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { Store } from '../src/db/store.js';
import { createChangeBus } from '../src/db/changes.js';
import { JobQueue } from '../src/jobs/queue.js';
import { cliActor } from '../src/domains/auth/identity.js';
import { appendEvent, declareIncident } from '../src/domains/incidents/service.js';
import { createComponent, listPages } from '../src/domains/statuspage/service.js';
import { loadConfig } from '../src/config.js';
import { freePort, spawnFirebreak } from '../test/support/process.js';
import { round, table } from './support.js';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const NGINX = '/usr/sbin/nginx';

/** A page as a real one looks: 3 groups of 4 components, an active incident with updates, 10 resolved ones. */
async function seed(dataDir: string): Promise<void> {
  const store = Store.open({ dataDir });
  await store.migrate();
  const bus = createChangeBus(store);
  const deps = { bus, jobs: new JobQueue(bus, 8), config: loadConfig({}) };
  const actor = cliActor();
  const page = (await listPages(store.db, deps.config))[0]!;
  const components: string[] = [];
  for (const group of ['API', 'Dashboard', 'Notifications']) {
    const g = await createComponent(store, deps, actor, page.id, { name: group, group: true });
    for (const part of ['EU', 'US', 'APAC', 'Webhooks']) components.push((await createComponent(store, deps, actor, page.id, { name: `${group} ${part}`, groupId: g.id, description: `${group} in ${part}` })).id);
  }
  const publicUpdate = async (ref: string, text: string, extra: Record<string, unknown>) => appendEvent(store, deps, actor, ref, { kind: 'update_posted', body: { audience: 'public', text, ...extra } });
  for (let i = 0; i < 10; i++) {
    const incident = await declareIncident(store, deps, actor, { title: `Past incident ${i}`, severity: 'SEV3' });
    await publicUpdate(incident.ref, 'We are investigating elevated error rates.', { publicTitle: `Elevated errors ${i}`, components: [{ componentId: components[i]!, status: 'partial_outage' }] });
    await publicUpdate(incident.ref, 'A fix has been deployed and we are monitoring.', { publicStatus: 'monitoring' });
    await publicUpdate(incident.ref, 'This incident has been resolved.', { publicStatus: 'resolved' });
  }
  const active = await declareIncident(store, deps, actor, { title: 'Checkout latency', severity: 'SEV2' });
  await publicUpdate(active.ref, 'We are investigating slow responses from the API in the EU.', { publicTitle: 'Slow API responses in the EU', components: [{ componentId: components[0]!, status: 'degraded_performance' }] });
  await publicUpdate(active.ref, 'The cause has been identified and a fix is being rolled out.', { publicStatus: 'identified' });
  await bus.close();
  await store.close();
}

async function startNginx(root: string, workers: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const conf = path.join(root, `nginx-${workers}.conf`);
  // Debian's defaults where they matter (sendfile, keepalive); workers: 'auto' (Debian's, one per core) or 1 (like Firebreak's one process).
  writeFileSync(conf, `worker_processes ${workers};
pid ${root}/nginx-${workers}.pid;
error_log ${root}/error.log;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 65;
  client_body_temp_path ${root}/body; proxy_temp_path ${root}/proxy; fastcgi_temp_path ${root}/fastcgi; uwsgi_temp_path ${root}/uwsgi; scgi_temp_path ${root}/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${root}/www;
    location = /status { default_type text/html; try_files /status.html =404; }
    location /status/api/v2/ { default_type application/json; }
  }
}
`);
  const child = spawn(NGINX, ['-c', conf, '-p', root, '-g', 'daemon off;'], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${url}/status`)).ok) break;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url, stop: async () => void child.kill('SIGQUIT') };
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'firebreak-bench-status-'));
const staticRoot = mkdtempSync(path.join(tmpdir(), 'firebreak-bench-nginx-'));
await seed(dataDir);
const fb = await spawnFirebreak({ env: { FIREBREAK_DATA_DIR: dataDir, FIREBREAK_LOG_LEVEL: 'warn' } });

// The static copy: exactly the bytes Firebreak serves.
mkdirSync(path.join(staticRoot, 'www/status/api/v2'), { recursive: true });
const html = await (await fetch(`${fb.url}/status`)).text();
const summary = await (await fetch(`${fb.url}/status/api/v2/summary.json`)).text();
writeFileSync(path.join(staticRoot, 'www/status.html'), html);
writeFileSync(path.join(staticRoot, 'www/status/api/v2/summary.json'), summary);
// nginx's workers run as an unprivileged user: let them read the copy.
for (const dir of [staticRoot, path.join(staticRoot, 'www'), path.join(staticRoot, 'www/status'), path.join(staticRoot, 'www/status/api'), path.join(staticRoot, 'www/status/api/v2')]) chmodSync(dir, 0o755);
if (!existsSync(NGINX)) throw new Error('nginx is not installed (apt-get install -y nginx)');
const nginxOne = await startNginx(staticRoot, '1');
const nginxAuto = await startNginx(staticRoot, 'auto');

const rows: Array<Array<string | number>> = [];
const results: Record<string, autocannon.Result> = {};
for (const [label, pathName] of [['HTML /status', '/status'], ['summary.json', '/status/api/v2/summary.json']] as const) {
  for (const [server, base] of [['firebreak', fb.url], ['nginx 1 worker', nginxOne.url], ['nginx auto workers', nginxAuto.url]] as const) {
    await autocannon({ url: `${base}${pathName}`, connections: 50, duration: 2 });
    const result = await autocannon({ url: `${base}${pathName}`, connections: 50, pipelining: 1, duration: DURATION });
    results[`${server} ${label}`] = result;
    rows.push([label, server, round(result.requests.average), `${result.latency.p50} / ${result.latency.p99} ms`, `${round(result.throughput.average / 1024 / 1024, 1)} MiB/s`, result.non2xx]);
  }
}
{
  const healthz = await autocannon({ url: `${fb.url}/healthz`, connections: 50, pipelining: 1, duration: DURATION });
  rows.push(['/healthz (reference)', 'firebreak', round(healthz.requests.average), `${healthz.latency.p50} / ${healthz.latency.p99} ms`, '', healthz.non2xx]);
}
for (const label of ['HTML /status', 'summary.json']) {
  for (const nginx of ['nginx 1 worker', 'nginx auto workers']) {
    const ratio = results[`firebreak ${label}`]!.requests.average / results[`${nginx} ${label}`]!.requests.average;
    rows.push([label, `firebreak ÷ ${nginx}`, `${round(ratio * 100)} %`, '', '', '']);
  }
}
await nginxOne.stop();
await nginxAuto.stop();
await fb.stop();
rmSync(dataDir, { recursive: true, force: true });
rmSync(staticRoot, { recursive: true, force: true });

console.log(
  table(`Status page vs nginx static copy (autocannon, 50 connections, ${DURATION} s; HTML ${Buffer.byteLength(html)} B, summary.json ${Buffer.byteLength(summary)} B)`, ['resource', 'server', 'req/s', 'latency p50 / p99', 'throughput', 'non-2xx'], rows),
);
