/**
 * Two responders in one war room see each other's entries within a second;
 * when the server dies the screen says "reconnecting", and after the restart
 * it catches up with every event exactly once.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { BROWSER_SKIP, deployWithBrowser, newSignedInPage, type Deployment } from './harness.js';

let dep: Deployment;
let browser: Browser;
deployWithBrowser((d, b) => {
  dep = d;
  browser = b;
});

async function shownSeqs(page: Page): Promise<number[]> {
  return page.locator('.timeline-list li[data-seq]').evaluateAll((nodes) => nodes.map((n) => Number((n as unknown as { dataset: { seq: string } }).dataset.seq)));
}

test('an entry made in one browser appears in another within 1 s; a server restart shows "reconnecting", then every event exactly once', { skip: BROWSER_SKIP }, async () => {
  const declared = await dep.call('POST', '/api/v1/incidents', { title: 'Search latency', severity: 'SEV2' });
  assert.equal(declared.status, 201);
  const ref = (declared.json as { ref: string }).ref;

  const a = await newSignedInPage(browser, dep.url, dep.people.responder);
  const b = await newSignedInPage(browser, dep.url, dep.people.responder2);
  for (const p of [a.page, b.page]) {
    await p.goto(`${dep.url}/incidents/${ref}`);
    await p.locator('.connection-live').waitFor({ timeout: 30_000 });
  }

  // Timed by the system, not by the test driver: from A's request leaving the page to the row appearing in B (one clock: same machine).
  await b.page.evaluate(() => {
    const w = globalThis as unknown as { seen: Record<string, number>; document: { querySelector(s: string): unknown }; MutationObserver: new (cb: () => void) => { observe(n: unknown, o: unknown): void } };
    w.seen = {};
    const list = w.document.querySelector('.timeline-list') as { querySelectorAll(s: string): Array<{ textContent: string | null }> };
    new w.MutationObserver(() => {
      for (const li of list.querySelectorAll('li')) {
        const m = /p99 latency (\d+) ms/.exec(li.textContent ?? '');
        if (m && !(m[1]! in w.seen)) w.seen[m[1]!] = Date.now();
      }
    }).observe(list, { childList: true, subtree: true, characterData: true });
  });
  for (let i = 1; i <= 3; i++) {
    const text = `p99 latency ${i * 100} ms on search`;
    const sent = a.page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith(`/incidents/${ref}/events`)).then(() => Date.now());
    const entry = a.page.getByRole('combobox', { name: /Add to the timeline/ });
    await entry.fill(`/obs ${text}`);
    await entry.press('Enter');
    const sentAt = await sent;
    const handle = await b.page.waitForFunction((n) => (globalThis as unknown as { seen: Record<string, number> }).seen[String(n)] ?? null, i * 100, { timeout: 10_000 });
    const shownAt = (await handle.jsonValue()) as number;
    assert.ok(shownAt - sentAt <= 1000, `entry ${i} reached the other browser in ${shownAt - sentAt} ms (at most 1,000)`);
  }

  await dep.stop();
  for (const p of [a.page, b.page]) await p.locator('.connection-reconnecting').waitFor({ timeout: 30_000 });
  await dep.start();
  // Written while the browsers are still away: they must catch up on these.
  for (let i = 1; i <= 5; i++) {
    const res = await dep.call('POST', `/api/v1/incidents/${ref}/events`, { kind: 'observation', body: { text: `after restart ${i}` } });
    assert.equal(res.status, 201);
  }
  const state = await dep.call('GET', `/api/v1/incidents/${ref}`);
  const lastSeq = (state.json as { lastSeq: number }).lastSeq;
  for (const p of [a.page, b.page]) {
    await p.locator('.connection-live').waitFor({ timeout: 30_000 });
    await p.locator('.timeline-list li', { hasText: 'after restart 5' }).waitFor({ timeout: 15_000 });
    const seqs = (await shownSeqs(p)).sort((x, y) => x - y);
    assert.deepEqual(seqs, Array.from({ length: lastSeq }, (_, i) => i + 1), 'every event once, none missing, none doubled');
  }
  assert.deepEqual(a.errors.filter((e) => !/Failed to load resource|ERR_CONNECTION_REFUSED|network/i.test(e)), [], 'no console errors beyond the refused connections while the server was down');
});
