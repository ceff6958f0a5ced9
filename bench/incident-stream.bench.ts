/**
 * SSE fan-out: 1,000 clients stream one incident from a real `firebreak serve`
 * process; events are appended over HTTP one at a time and we measure, per
 * client, the time from just before the append request to receiving the event.
 * SQLite, and PostgreSQL when FIREBREAK_TEST_DATABASE_URL is set (there also
 * with the clients on a second process, so the event crosses LISTEN/NOTIFY).
 *
 *   node dist/bench/incident-stream.bench.js
 */
import { Agent } from 'node:http';
import { createScratchDatabase, testPostgresUrl, type ScratchDatabase } from '../src/db/testing.js';
import type { DialectName } from '../src/db/dialect.js';
import { cliActor } from '../src/domains/auth/identity.js';
import { createToken, createUser } from '../src/domains/auth/service.js';
import { openSse, type SseConnection } from '../src/domains/incidents/stream-testing.js';
import { spawnFirebreak, type FirebreakProcess } from '../test/support/process.js';
import { rssMiB, round, table } from './support.js';

const CLIENTS = Number(process.env.BENCH_STREAM_CLIENTS ?? 1000);
const EVENTS = Number(process.env.BENCH_STREAM_EVENTS ?? 30);
const GAP_MS = 100;

interface Result {
  setup: string;
  connectMs: number;
  p50: number;
  p99: number;
  max: number;
  lastP50: number;
  appendP50: number;
  serverRss: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function tokenFor(scratch: ScratchDatabase): Promise<string> {
  const store = await scratch.open();
  try {
    const user = await createUser(store, cliActor(), { email: 'bench@example.test', name: 'Bench', role: 'responder' });
    return (await createToken(store, cliActor(), { userId: user.id, name: 'bench' })).token;
  } finally {
    await store.close();
  }
}

async function run(dialect: DialectName, crossProcess: boolean): Promise<Result> {
  const scratch = await createScratchDatabase(dialect);
  const token = await tokenFor(scratch);
  const env = { FIREBREAK_DATABASE_URL: scratch.databaseUrl, FIREBREAK_DATA_DIR: scratch.dataDir, FIREBREAK_LOG_LEVEL: 'error' };
  const writer = await spawnFirebreak({ env });
  const reader: FirebreakProcess = crossProcess ? await spawnFirebreak({ env }) : writer;
  const auth = { authorization: `Bearer ${token}` };
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
  const streams: SseConnection[] = [];
  try {
    const declared = await fetch(`${writer.url}/api/v1/incidents`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Fan-out benchmark', severity: 'SEV4' }),
    });
    const incident = (await declared.json()) as { id: string };

    const c0 = performance.now();
    for (let i = 0; i < CLIENTS; i += 100) {
      const batch = Array.from({ length: Math.min(100, CLIENTS - i) }, () => openSse(`${reader.url}/api/v1/incidents/${incident.id}/stream`, auth, agent));
      streams.push(...(await Promise.all(batch)));
    }
    const connectMs = performance.now() - c0;
    await new Promise((r) => setTimeout(r, 500));

    const latencies: number[] = [];
    const lastArrivals: number[] = [];
    const appendTimes: number[] = [];
    for (let e = 0; e < EVENTS; e++) {
      const sentAt = performance.now();
      const res = await fetch(`${writer.url}/api/v1/incidents/${incident.id}/events`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'observation', body: { text: `fan-out sample ${e}` } }),
      });
      appendTimes.push(performance.now() - sentAt);
      const seq = String(((await res.json()) as { seq: number }).seq);
      await Promise.all(streams.map((s) => s.waitForMessages(e + 1, 10_000)));
      let last = 0;
      for (const stream of streams) {
        const message = stream.messages[e]!;
        if (message.id !== seq) throw new Error(`client got ${message.id}, expected ${seq}`);
        const latency = message.receivedAt - sentAt;
        latencies.push(latency);
        last = Math.max(last, latency);
      }
      lastArrivals.push(last);
      await new Promise((r) => setTimeout(r, GAP_MS));
    }
    latencies.sort((x, y) => x - y);
    lastArrivals.sort((x, y) => x - y);
    appendTimes.sort((x, y) => x - y);
    return {
      setup: `${dialect}${crossProcess ? ', append on A, clients on B' : ', one process'}`,
      connectMs,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      max: latencies[latencies.length - 1]!,
      lastP50: percentile(lastArrivals, 50),
      appendP50: percentile(appendTimes, 50),
      serverRss: rssMiB(reader.child.pid!),
    };
  } finally {
    for (const stream of streams) stream.close();
    agent.destroy();
    await writer.stop();
    if (reader !== writer) await reader.stop();
    await scratch.drop();
  }
}

const results: Result[] = [await run('sqlite', false)];
if (testPostgresUrl()) {
  results.push(await run('postgres', false));
  results.push(await run('postgres', true));
}

console.log(
  table(
    `SSE fan-out: ${CLIENTS} clients on one incident, ${EVENTS} appends (latency from append request to receipt, ms)`,
    ['setup', 'connect all (ms)', 'p50', 'p99', 'max', 'p50 until the last client has it', 'append request p50', 'serving process RSS (MiB)'],
    results.map((r) => [r.setup, round(r.connectMs), round(r.p50, 1), round(r.p99, 1), round(r.max, 1), round(r.lastP50, 1), round(r.appendP50, 1), r.serverRss]),
  ),
);
