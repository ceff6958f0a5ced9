/**
 * HTTP baseline and process footprint of `firebreak serve` on the embedded
 * store: start-to-ready time, idle RSS, and /healthz requests per second.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { spawnFirebreak } from '../test/support/process.js';
import { round, rssMiB, table } from './support.js';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);

const starts: number[] = [];
for (let i = 0; i < 3; i++) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'firebreak-bench-'));
  const t0 = performance.now();
  const fb = await spawnFirebreak({ env: { FIREBREAK_DATA_DIR: dataDir, FIREBREAK_LOG_LEVEL: 'warn' } });
  starts.push(performance.now() - t0);
  await fb.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'firebreak-bench-'));
const fb = await spawnFirebreak({ env: { FIREBREAK_DATA_DIR: dataDir, FIREBREAK_LOG_LEVEL: 'warn' } });
await new Promise((r) => setTimeout(r, 3000));
const idleRss = rssMiB(fb.child.pid!);
const result = await autocannon({ url: `${fb.url}/healthz`, connections: 50, pipelining: 1, duration: DURATION });
const loadedRss = rssMiB(fb.child.pid!);
await fb.stop();
rmSync(dataDir, { recursive: true, force: true });

console.log(
  table('firebreak serve (SQLite, all roles)', ['measure', 'value'], [
    ['start to /healthz 200, empty data dir (median of 3)', `${round(starts.sort((a, b) => a - b)[1]!)} ms`],
    ['idle RSS after start', `${idleRss} MiB`],
    [`/healthz req/s (autocannon, 50 connections, ${DURATION} s)`, round(result.requests.average)],
    ['/healthz latency p50 / p99', `${result.latency.p50} ms / ${result.latency.p99} ms`],
    ['RSS after the load', `${loadedRss} MiB`],
    ['non-2xx responses', result.non2xx],
  ]),
);
