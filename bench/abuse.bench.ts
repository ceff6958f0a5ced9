/**
 * What the abuse cases cost now: the bodies, patterns and Markdown that once
 * stalled a process for minutes, each timed (median of 5) against an
 * in-process server on SQLite with body limits raised, so validation itself
 * is measured rather than the body limit.
 */
import { createScratchDatabase } from '../src/db/testing.js';
import { createTestApp } from '../src/app/testing.js';
import { compileMatcher } from '../src/domains/alerts/matchers.js';
import { defuseMarkdown, renderRunbook } from '../src/domains/runbooks/render.js';
import { round, table } from './support.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed(times: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

const scratch = await createScratchDatabase('sqlite');
const store = await scratch.open();
const t = await createTestApp(store, { config: { bodyLimitBytes: 8 * 1024 * 1024, publicBodyLimitBytes: 1024 * 1024, subscribePerAddressPerHour: 100_000 } });
const responder = await t.user('responder');
const rows: Array<Array<string | number>> = [];
const json = { 'content-type': 'application/json' };

const subscribe = JSON.stringify({ email: 'a@b.example', components: new Array(64_000).fill(0) });
rows.push(['POST /status/subscribe, 64,000 bad components (192 KB)', '121 s', `${round(await timed(5, () => t.app.inject({ method: 'POST', url: '/status/subscribe', headers: json, payload: subscribe })), 1)} ms`]);
const fields: Record<string, string> = { email: 'a@b.example', password: 'x' };
for (let i = 0; i < 48_000; i++) fields[`f${i}`] = 'x';
const login = JSON.stringify(fields);
rows.push(['POST /api/v1/auth/login, 48,000 unknown fields', '9 s (6.9 MB answer)', `${round(await timed(5, () => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: json, payload: login })), 1)} ms`]);
const matchers = JSON.stringify({ title: 'x', matchers: new Array(100_000).fill({ name: 'alertname', op: '=~', value: 'x' }) });
rows.push(['POST /api/v1/runbooks, 100,000 matchers (4 MB)', '178 s', `${round(await timed(5, () => t.app.inject({ method: 'POST', url: '/api/v1/runbooks', headers: { ...json, ...responder.auth }, payload: matchers })), 1)} ms`]);

const redos = compileMatcher({ name: 'alertname', op: '=~', value: '(a+)+b' });
rows.push(['silence `(a+)+b` against "a"×31 + "!"', '164 s', `${round(await timed(5, () => redos.test({ alertname: `${'a'.repeat(31)}!` })), 3)} ms`]);
rows.push(['silence `(a+)+b` against "a"×50,000 + "!"', 'never ends', `${round(await timed(5, () => redos.test({ alertname: `${'a'.repeat(50_000)}!` })), 1)} ms`]);

const brackets = '!['.repeat(50_000);
rows.push(['runbook of 50,000 `![`: finding what to show as text', '—', `${round(await timed(5, () => defuseMarkdown(brackets).markdown), 1)} ms`]);
rows.push(['runbook of 50,000 `![`: first render', '3.2 s', `${round(await timed(1, () => renderRunbook(brackets)), 1)} ms`]);
rows.push(['runbook of 50,000 `![`: each later read (cached)', '1.7 s', `${round(await timed(5, () => renderRunbook(brackets)), 3)} ms`]);

await t.close();
await store.close();
await scratch.drop();
console.log(table('Abuse cases — `bench/abuse.bench.ts`', ['case', 'before', 'now (median)'], rows));
