/**
 * The web app in a real browser against a real `firebreak serve` (SQLite):
 * first-screen JS+CSS (gzipped, as served), the war room of a 5,000-event
 * incident from navigation to interactive, and an event posted through the
 * API until it is on screen (p99 over 100, timed in the browser).
 * Budgets: 150 KB, 1 s, 300 ms; the run fails when one is missed.
 */
import type { Page } from 'playwright-core';
import { deploy, launch, newSignedInPage } from '../test/web/harness.js';
import { round, table } from './support.js';

const EVENTS = 5000;
const LATENCY_SAMPLES = 100;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const dep = await deploy();
const browser = await launch();
const failures: string[] = [];
try {
  // 1. First screen: every script and stylesheet the incident list needs, in bytes on the wire (gzip).
  const { context, page } = await newSignedInPage(browser, dep.url, dep.people.responder);
  await context.close();
  const fresh = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const first = await fresh.newPage();
  const wire = new Map<string, number>();
  const measuring: Array<Promise<void>> = [];
  first.on('response', (res) => {
    const type = res.request().resourceType();
    if (type !== 'script' && type !== 'stylesheet') return;
    measuring.push(res.allHeaders().then((headers) => void wire.set(res.url(), Number(headers['content-length'] ?? 0))));
  });
  await first.goto(`${dep.url}/incidents`);
  await first.getByRole('heading', { name: 'Sign in to Firebreak' }).waitFor();
  await first.getByLabel('Email').fill(dep.people.responder.email);
  await first.getByLabel('Password').fill('correct horse battery staple');
  await first.getByRole('button', { name: 'Sign in' }).click();
  await first.getByRole('heading', { name: 'Incidents' }).waitFor();
  // The list holds its live stream open, so the network never idles: the screen is complete once the stream is live.
  await first.locator('.connection-live').waitFor();
  await Promise.all(measuring);
  const firstScreenKB = round([...wire.values()].reduce((a, b) => a + b, 0) / 1024, 1);
  if (firstScreenKB > 150) failures.push(`first screen ${firstScreenKB} KB > 150 KB`);
  await fresh.close();
  void page;

  // 2. A 5,000-event incident: navigation to interactive (summary, live stream and the whole timeline loaded).
  const declared = await dep.call('POST', '/api/v1/incidents', { title: 'Long-running storage incident', severity: 'SEV2' });
  const ref = (declared.json as { ref: string }).ref;
  const writers = 4;
  let next = 0;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (next < EVENTS - 1) {
        const i = ++next;
        const res = await dep.call('POST', `/api/v1/incidents/${ref}/events`, { kind: 'observation', body: { text: `replica lag sample ${i}: ${(i * 37) % 900} ms` } });
        if (res.status !== 201) throw new Error(`event ${i}: ${res.status}`);
      }
    }),
  );
  const state = await dep.call('GET', `/api/v1/incidents/${ref}`);
  const eventCount = (state.json as { lastSeq: number }).lastSeq;
  const room = await newSignedInPage(browser, dep.url, dep.people.responder);
  const loads: number[] = [];
  const interactive: number[] = [];
  for (let run = 0; run < 3; run++) {
    await room.page.goto(`${dep.url}/incidents`);
    await room.page.getByRole('heading', { name: 'Incidents' }).waitFor();
    const t0 = Date.now();
    await room.page.evaluate((to) => {
      const w = globalThis as unknown as { history: { pushState(a: null, b: string, c: string): void }; dispatchEvent(e: unknown): void; PopStateEvent: new (t: string) => unknown };
      w.history.pushState(null, '', to);
      w.dispatchEvent(new w.PopStateEvent('popstate'));
    }, `/incidents/${ref}`);
    // Interactive: the summary is on screen and the entry bar takes input.
    await room.page.locator('#card-picture').waitFor();
    await room.page.getByRole('combobox', { name: /Add to the timeline/ }).waitFor();
    interactive.push(Date.now() - t0);
    await room.page.locator('.connection-live').waitFor();
    await room.page.getByText(`(${eventCount} events)`).waitFor();
    loads.push(Date.now() - t0);
  }
  const warRoomMs = interactive.sort((a, b) => a - b)[1]!;
  const fullMs = loads.sort((a, b) => a - b)[1]!;
  if (warRoomMs > 1000) failures.push(`war room of ${eventCount} events interactive in ${warRoomMs} ms > 1000 ms`);

  // 3. API → screen latency, timed with the browser's clock (same machine, same clock as ours).
  await room.page.evaluate(() => {
    const w = globalThis as unknown as { seen: Record<string, number>; document: { querySelector(s: string): unknown }; MutationObserver: new (cb: () => void) => { observe(n: unknown, o: unknown): void } };
    w.seen = {};
    const list = w.document.querySelector('.timeline-list') as { querySelectorAll(s: string): Array<{ textContent: string | null }> };
    new w.MutationObserver(() => {
      for (const li of list.querySelectorAll('li')) {
        const m = /latency probe (\d+)/.exec(li.textContent ?? '');
        if (m && !(m[1]! in w.seen)) w.seen[m[1]!] = Date.now();
      }
    }).observe(list, { childList: true, subtree: true, characterData: true });
  });
  const latencies: number[] = [];
  for (let i = 0; i < LATENCY_SAMPLES; i++) {
    const sent = Date.now();
    const res = await dep.call('POST', `/api/v1/incidents/${ref}/events`, { kind: 'observation', body: { text: `latency probe ${i}` } });
    if (res.status !== 201) throw new Error(`probe ${i}: ${res.status}`);
    const shownAt = await waitForProbe(room.page, i);
    latencies.push(shownAt - sent);
  }
  latencies.sort((a, b) => a - b);
  const p50 = percentile(latencies, 50);
  const p99 = percentile(latencies, 99);
  if (p99 > 300) failures.push(`API → screen p99 ${p99} ms > 300 ms`);

  console.log(
    table('Web app (Chromium, firebreak serve on SQLite) — bench/web.bench.ts', ['measure', 'value', 'budget'], [
      ['first screen (incident list) JS + CSS, gzipped as served', `${firstScreenKB} KB`, '≤ 150 KB'],
      [`war room of a ${eventCount}-event incident, navigation → interactive: summary shown, entry bar ready (median of 3)`, `${warRoomMs} ms`, '≤ 1,000 ms'],
      [`… → all ${eventCount} events in the timeline and the stream live (median of 3)`, `${fullMs} ms`, '—'],
      [`event posted through the API → on screen, p50 / p99 / max over ${LATENCY_SAMPLES}`, `${p50} / ${p99} / ${latencies.at(-1)} ms`, 'p99 ≤ 300 ms'],
    ]),
  );
} finally {
  await browser.close();
  await dep.stop();
}
if (failures.length) {
  console.error(`budget missed: ${failures.join('; ')}`);
  process.exit(1);
}

async function waitForProbe(page: Page, i: number): Promise<number> {
  const handle = await page.waitForFunction((n) => (globalThis as unknown as { seen: Record<string, number> }).seen[String(n)] ?? null, i, { timeout: 10_000, polling: 'raf' });
  return (await handle.jsonValue()) as number;
}
