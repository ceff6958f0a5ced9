/**
 * Two responders in one war room see each other's entries within a second;
 * when the server dies the screen says "reconnecting", and after the restart
 * it catches up with every event exactly once.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { BROWSER_SKIP, deploy, launch, newSignedInPage, type Deployment } from './harness.js';

let dep: Deployment;
let browser: Browser;
before(async () => {
  if (BROWSER_SKIP) return;
  dep = await deploy();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await dep?.stop();
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
    await p.locator('.connection-live').waitFor({ timeout: 10_000 });
  }

  for (let i = 1; i <= 3; i++) {
    const text = `p99 latency ${i * 100} ms on search`;
    const seen = b.page.locator('.timeline-list li', { hasText: text }).waitFor({ timeout: 1000 });
    const entry = a.page.getByRole('combobox', { name: /Add to the timeline/ });
    await entry.fill(`/obs ${text}`);
    await entry.press('Enter');
    await seen;
  }

  await dep.stop();
  for (const p of [a.page, b.page]) await p.locator('.connection-reconnecting').waitFor({ timeout: 10_000 });
  await dep.start();
  // Written while the browsers are still away: they must catch up on these.
  for (let i = 1; i <= 5; i++) {
    const res = await dep.call('POST', `/api/v1/incidents/${ref}/events`, { kind: 'observation', body: { text: `after restart ${i}` } });
    assert.equal(res.status, 201);
  }
  const state = await dep.call('GET', `/api/v1/incidents/${ref}`);
  const lastSeq = (state.json as { lastSeq: number }).lastSeq;
  for (const p of [a.page, b.page]) {
    await p.locator('.connection-live').waitFor({ timeout: 15_000 });
    await p.locator('.timeline-list li', { hasText: 'after restart 5' }).waitFor({ timeout: 5000 });
    const seqs = (await shownSeqs(p)).sort((x, y) => x - y);
    assert.deepEqual(seqs, Array.from({ length: lastSeq }, (_, i) => i + 1), 'every event once, none missing, none doubled');
  }
  assert.deepEqual(a.errors.filter((e) => !/Failed to load resource|ERR_CONNECTION_REFUSED|network/i.test(e)), [], 'no console errors beyond the refused connections while the server was down');
});
