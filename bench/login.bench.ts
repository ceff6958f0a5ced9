/**
 * Login timing for known and unknown emails: both run one
 * scrypt, so the answer time does not tell which emails have accounts. Also
 * the input-screening cost on a large intake body (NUL and depth walk).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Store } from '../src/db/store.js';
import { createTestApp } from '../src/app/testing.js';
import { cliActor } from '../src/domains/auth/identity.js';
import { createUser } from '../src/domains/auth/service.js';
import { screenJson } from '../src/http/input.js';
import { round, table } from './support.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const dataDir = mkdtempSync(path.join(tmpdir(), 'firebreak-bench-'));
const store = Store.open({ dataDir });
await store.migrate();
const t = await createTestApp(store);
for (let i = 0; i < ROUNDS; i++) await createUser(store, cliActor(), { email: `known${i}@example.test`, name: `K${i}`, role: 'viewer', password: 'the right password' });

/** One failed login; a fresh account and address each time keeps the throttle out of the measurement. */
async function failedLogin(email: string, i: number): Promise<number> {
  const t0 = performance.now();
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: `10.0.${Math.floor(i / 200)}.${i % 200}`, payload: { email, password: 'a wrong password' } });
  const ms = performance.now() - t0;
  if (res.statusCode !== 401) throw new Error(`login answered ${res.statusCode}`);
  return ms;
}

// Interleaved, so machine load falls on both alike.
const unknownTimes: number[] = [];
const knownTimes: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  unknownTimes.push(await failedLogin(`nobody${i}@example.test`, 2 * i));
  knownTimes.push(await failedLogin(`known${i}@example.test`, 2 * i + 1));
}
const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const unknown = mid(unknownTimes);
const known = mid(knownTimes);
await t.close();
await store.close();
rmSync(dataDir, { recursive: true, force: true });

const alerts = Array.from({ length: 1000 }, (_, i) => ({ status: 'firing', labels: { alertname: `A${i}`, instance: `host-${i}:9100`, severity: 'warning' }, annotations: { summary: 'x'.repeat(200) }, fingerprint: `f${i}` }));
const body = JSON.stringify({ version: '4', alerts });
const parseTimes: number[] = [];
const screenTimes: number[] = [];
for (let i = 0; i < 50; i++) {
  const t0 = performance.now();
  const parsed = JSON.parse(body) as unknown;
  const t1 = performance.now();
  screenJson(parsed, 'replace');
  screenTimes.push(performance.now() - t1);
  parseTimes.push(t1 - t0);
}

console.log(
  table('Login and input screening — `bench/login.bench.ts`', ['measure', 'value'], [
    [`failed login, unknown email (median of ${ROUNDS})`, `${round(unknown, 1)} ms`],
    [`failed login, known email (median of ${ROUNDS})`, `${round(known, 1)} ms`],
    [`JSON.parse of a ${Math.round(body.length / 1024)} KiB Alertmanager body (1,000 alerts)`, `${round(mid(parseTimes), 2)} ms`],
    ['NUL and depth screening of the same parsed body', `${round(mid(screenTimes), 2)} ms`],
  ]),
);
