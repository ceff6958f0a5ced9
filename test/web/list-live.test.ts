/**
 * The incident list is live without polling: new and changed incidents arrive
 * over the list stream alone (list requests are refused by the browser after
 * the first load), a private incident never reaches someone outside it, and a
 * server restart shows "reconnecting…" before the list catches up.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Browser } from 'playwright-core';
import { BROWSER_SKIP, deployWithBrowser, newSignedInPage, type Deployment } from './harness.js';

let dep: Deployment;
let browser: Browser;
deployWithBrowser((d, b) => {
  dep = d;
  browser = b;
});

const LIST_REQUEST = /\/api\/v1\/incidents(\?|$)/;

test('the open list follows the server from its stream, never shows a private incident to an outsider, and says "reconnecting…" while the server is away', { skip: BROWSER_SKIP }, async () => {
  const { page, errors } = await newSignedInPage(browser, dep.url, dep.people.responder);
  await page.locator('.connection-live').waitFor();
  await page.getByText('No incidents match').waitFor();

  // From here on the list may not ask the server again: everything must come from the stream.
  let refused = 0;
  await page.route(LIST_REQUEST, async (route) => {
    if (route.request().method() !== 'GET') return route.continue();
    refused++;
    return route.abort();
  });

  // A private incident declared by an admin who does not add Rita: it must never reach her list.
  const secret = await dep.call('POST', '/api/v1/incidents', { title: 'Secret: payroll export leaked', severity: 'SEV1', private: true });
  assert.equal(secret.status, 201);
  const secretRef = (secret.json as { ref: string }).ref;
  const open = await dep.call('POST', '/api/v1/incidents', { title: 'Search latency above 2 s', severity: 'SEV3', services: [dep.serviceId] });
  const ref = (open.json as { ref: string }).ref;
  const row = page.locator(`tr[data-ref="${ref}"]`);
  await row.waitFor({ timeout: 10_000 });
  assert.match(await row.innerText(), /Search latency above 2 s/);

  // A change to it arrives the same way.
  const changed = await dep.call('POST', `/api/v1/incidents/${ref}/events`, { kind: 'status_changed', body: { status: 'mitigating', reason: 'rolling back the index change' } });
  assert.equal(changed.status, 201, JSON.stringify(changed.json));
  await row.locator('.status-mitigating').waitFor({ timeout: 10_000 });
  assert.equal(refused, 0, 'the list never asked the server again');
  assert.equal(await page.locator(`tr[data-ref="${secretRef}"]`).count(), 0, 'the private incident is not on the outsider’s list');
  assert.doesNotMatch(await page.locator('main').innerText(), /payroll/);
  await page.unroute(LIST_REQUEST);

  await dep.stop();
  await page.locator('.connection-reconnecting').waitFor({ timeout: 30_000 });
  await dep.start();
  const during = await dep.call('POST', '/api/v1/incidents', { title: 'Card payments failing after the restart', severity: 'SEV2' });
  const duringRef = (during.json as { ref: string }).ref;
  await page.locator('.connection-live').waitFor({ timeout: 30_000 });
  await page.locator(`tr[data-ref="${duringRef}"]`).waitFor({ timeout: 15_000 });
  assert.equal(await page.locator(`tr[data-ref="${ref}"]`).count(), 1, 'caught up without doubling a row');
  assert.equal(await page.locator(`tr[data-ref="${secretRef}"]`).count(), 0);
  assert.deepEqual(errors.filter((e) => !/Failed to load resource|ERR_CONNECTION_REFUSED|ERR_FAILED|network/i.test(e)), []);
});
