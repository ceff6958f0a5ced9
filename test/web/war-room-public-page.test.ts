/**
 * In a browser: the war room's public page panel publishes a title, a status and
 * component states, and shows what the page says now; a "/update public" that did
 * not reach the page says why; the services and alerts screens say when paging
 * reaches nobody.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import type { Browser } from 'playwright-core';
import { alertmanagerWebhook, BROWSER_SKIP, deployWithBrowser, newSignedInPage, screenshotDir, type Deployment } from './harness.js';

const DIR = screenshotDir('war-room-public-page');
let dep: Deployment;
let browser: Browser;
deployWithBrowser((d, b) => {
  dep = d;
  browser = b;
});

test('the public page panel publishes title, status and components, and an unpublished "/update public" says why', { skip: BROWSER_SKIP }, async () => {
  const pages = (await dep.call('GET', '/api/v1/status-pages')).json as { pages: Array<{ id: string; isDefault: boolean }> };
  const pageId = pages.pages.find((p) => p.isDefault)!.id;
  assert.equal((await dep.call('POST', `/api/v1/status-pages/${pageId}/components`, { name: 'Checkout' })).status, 201);
  const ref = ((await dep.call('POST', '/api/v1/incidents', { title: 'Checkout errors', severity: 'SEV2' })).json as { ref: string }).ref;

  const { page, errors } = await newSignedInPage(browser, dep.url, dep.people.responder);
  await page.goto(`${dep.url}/incidents/${ref}`);
  await page.locator('.connection-live').waitFor();
  const panel = page.locator('details.public-face');
  await panel.getByText('nothing published').waitFor();
  assert.equal(await panel.getAttribute('open'), null, 'collapsed by default: the war room stays on one screen');

  const entry = page.getByRole('combobox', { name: /Add to the timeline/ });
  await entry.fill('/update public We are looking into checkout errors. next 15m');
  await entry.press('Enter');
  await panel.getByRole('alert').filter({ hasText: /recorded but not published: the incident is not on the status page yet; give it a public title/ }).waitFor();

  await panel.locator('summary').click();
  await panel.getByLabel('Public title').fill('Checkout problems');
  await panel.getByLabel('Public status').selectOption('identified');
  await panel.getByLabel('Checkout', { exact: true }).selectOption('partial_outage');
  await panel.getByLabel('Message').fill('Some customers cannot pay; a fix is rolling out.');
  await page.screenshot({ path: path.join(DIR, 'panel-open.png') });
  await panel.getByRole('button', { name: 'Publish' }).click();
  await panel.locator('summary').getByText('Checkout problems: identified').waitFor();
  const now = panel.getByRole('region', { name: 'What the public page says now' });
  await now.getByText('Checkout: partial outage').waitFor();
  await now.getByText(/Some customers cannot pay/).waitFor();
  assert.equal(await panel.getByRole('alert').count(), 0, 'the not-published notice is gone once something was published');

  const summary = (await (await fetch(`${dep.url}/status/api/v2/summary.json`)).json()) as { incidents: Array<{ name: string; status: string }>; components: Array<{ name: string; status: string }> };
  assert.deepEqual(summary.incidents.map((i) => [i.name, i.status]), [['Checkout problems', 'identified']]);
  assert.equal(summary.components.find((c) => c.name === 'Checkout')!.status, 'partial_outage');
  assert.deepEqual(errors, []);
});

test('a service whose alerts page nobody is flagged on the services and alerts screens', { skip: BROWSER_SKIP }, async () => {
  const { page, errors } = await newSignedInPage(browser, dep.url, dep.people.responder);
  await page.goto(`${dep.url}/services`);
  const row = page.locator('tr[data-service]').first();
  await row.locator('.badge.pages-nobody').filter({ hasText: /no escalation policy/ }).waitFor();

  const res = await fetch(`${dep.url}/intake/alertmanager/${dep.alertmanagerKey}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(alertmanagerWebhook({ alertname: 'DiskFull', severity: 'warning', summary: 'Disk 95% full on db-1', fingerprint: 'pagenobody00001' })),
  });
  assert.equal(res.status, 202);
  await page.goto(`${dep.url}/alerts`);
  await page.locator('.paged-nobody').filter({ hasText: 'paged nobody: the service has no escalation policy' }).first().waitFor();
  await page.screenshot({ path: path.join(DIR, 'alerts-paged-nobody.png') });
  assert.deepEqual(errors, []);
});
