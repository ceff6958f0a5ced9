/**
 * The runbooks screens in a real browser: the list with rot badges, a runbook
 * rendered without its hostile Markdown, "Mark tested" by someone other than
 * the author, and the incident's runbooks in the war room without making the
 * page scroll at 1366×768. No console errors, no serious axe violations.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Browser } from 'playwright-core';
import { BROWSER_SKIP, deployWithBrowser, goWithinApp, newSignedInPage, seriousViolations, type Deployment } from './harness.js';

let dep: Deployment;
let browser: Browser;
let runbookId = '';
let ref = '';

deployWithBrowser(async (d, b) => {
  dep = d;
  browser = b;
  const body = '# Checkout first page\n\n## Mitigation options\n\nRoll back the last deploy.\n\n<script>window.__pwned = true</script>\n\n[dashboard](https://grafana.example.com/d/x) [evil](javascript:window.__pwned=true)';
  const created = await dep.call('POST', '/api/v1/runbooks', { title: 'Checkout first page', body, serviceIds: [dep.serviceId] });
  assert.equal(created.status, 201);
  runbookId = (created.json as { id: string }).id;
  ref = ((await dep.call('POST', '/api/v1/incidents', { title: 'Checkout errors', severity: 'SEV2', services: [dep.serviceId] })).json as { ref: string }).ref;
});

test('runbooks: list with rot badges, the rendered runbook without script or javascript: link, mark tested, and the war room link', { skip: BROWSER_SKIP }, async () => {
  const { context, page, errors } = await newSignedInPage(browser, dep.url, dep.people.responder);
  await goWithinApp(page, '/runbooks');
  const row = page.locator(`tr[data-runbook="${runbookId}"]`);
  await row.waitFor();
  assert.match(await row.innerText(), /never/);
  assert.deepEqual(await seriousViolations(page), [], 'runbook list');

  await row.getByRole('link', { name: 'Checkout first page' }).click();
  await page.getByRole('heading', { name: 'Mitigation options' }).waitFor();
  const article = page.locator('article.markdown-body');
  assert.equal(await article.locator('script').count(), 0);
  assert.deepEqual(await article.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))), ['https://grafana.example.com/d/x']);
  assert.equal(await page.evaluate(() => (globalThis as { __pwned?: boolean }).__pwned ?? false), false);
  assert.deepEqual(await seriousViolations(page), [], 'runbook page');

  await page.getByLabel('What you tested').fill('walked through it in staging');
  await page.getByRole('button', { name: 'Mark tested' }).click();
  await page.getByRole('status').filter({ hasText: 'Test recorded' }).waitFor();
  await page.getByText('walked through it in staging').waitFor();

  await goWithinApp(page, `/incidents/${ref}`);
  const links = page.getByRole('navigation', { name: 'Runbooks' });
  await links.getByRole('link', { name: 'Checkout first page' }).waitFor();
  await page.locator('.connection-live').waitFor();
  const overflow = await page.evaluate(() => {
    const el = (globalThis as unknown as { document: { documentElement: { scrollHeight: number; clientHeight: number } } }).document.documentElement;
    return el.scrollHeight - el.clientHeight;
  });
  assert.ok(overflow <= 0, `the war room scrolls the page by ${overflow}px at 1366×768`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a viewer on a phone reads a runbook with no write controls, and the page is axe clean', { skip: BROWSER_SKIP }, async () => {
  const { context, page, errors } = await newSignedInPage(browser, dep.url, dep.people.viewer, { width: 375, height: 812 }, 'light');
  await goWithinApp(page, `/runbooks/${runbookId}`);
  await page.getByRole('heading', { name: 'Mitigation options' }).waitFor();
  assert.equal(await page.getByRole('button', { name: /Mark tested|Edit Markdown/ }).count(), 0);
  assert.deepEqual(await seriousViolations(page), [], 'runbook page, phone, light');
  await goWithinApp(page, '/runbooks');
  await page.locator(`tr[data-runbook="${runbookId}"]`).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Create runbook' }).count(), 0);
  assert.deepEqual(await seriousViolations(page), [], 'runbook list, phone, light');
  assert.deepEqual(errors, []);
  await context.close();
});
