/**
 * Drills and changes in the browser, against a real `firebreak serve`: a
 * responder creates a drill from the form (naming an expected responder),
 * runs it now and reads its report;
 * the drill screens and the changes list have no console errors and no
 * serious or critical axe violations.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import type { Browser } from 'playwright-core';
import { BROWSER_SKIP, deployWithBrowser, goWithinApp, newSignedInPage, screenshotDir, seriousViolations, type Deployment } from './harness.js';

const DIR = screenshotDir('drills');
let dep: Deployment;
let browser: Browser;
deployWithBrowser(async (d, b) => {
  dep = d;
  browser = b;
  const source = await dep.call('POST', '/api/v1/change-sources', { name: 'ci', serviceId: dep.serviceId });
  const key = (source.json as { key: string }).key;
  for (const [kind, version] of [['deploy', 'v42'], ['config', 'pool=20']] as const) {
    const res = await fetch(`${dep.url}/intake/changes/${key}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind, version, author: 'ci', rollback: { command: 'deploy checkout v41' } }) });
    assert.equal(res.status, 202);
  }
});

test('a responder creates a drill, runs it now and reads its report; drill and change screens are clean', { skip: BROWSER_SKIP }, async () => {
  const { context, page, errors } = await newSignedInPage(browser, dep.url, dep.people.responder);
  const clean = async (name: string) => {
    assert.deepEqual(await seriousViolations(page), [], name);
    await page.screenshot({ path: path.join(DIR, `${name}.png`) });
  };

  await goWithinApp(page, '/drills');
  await page.getByRole('heading', { name: 'Drills' }).waitFor();
  await clean('drills-empty');
  await page.getByRole('link', { name: 'New drill' }).click();
  await page.getByRole('heading', { name: 'New drill' }).waitFor();
  await page.getByLabel('Name').fill('checkout-gameday');
  await page.getByLabel('Service').selectOption({ label: 'checkout-api' });
  await clean('drill-new');
  await page.getByRole('button', { name: 'Create drill' }).click();
  await page.getByRole('heading', { name: 'Drill: checkout-gameday' }).waitFor();
  await page.getByText(/weekly on tue at 10:00/).waitFor();
  await clean('drill');

  await page.getByRole('button', { name: 'Run now' }).click();
  await page.getByRole('heading', { name: 'Drill run: checkout-gameday' }).waitFor();
  const incident = page.getByRole('link', { name: /^INC-\d+$/ });
  await incident.waitFor();
  assert.equal(await page.getByRole('table', { name: 'Run times' }).getByRole('row').count(), 5);
  assert.equal(await page.locator('.badge.outcome-pending').count(), 3);
  await clean('drill-run');

  // The run's incident is a drill, not a real one.
  const ref = (await incident.textContent())!;
  const shown = await dep.call('GET', `/api/v1/incidents/${ref}`);
  assert.equal((shown.json as { drill: boolean }).drill, true);

  // On the alerts screen the drill's group says DRILL.
  await goWithinApp(page, '/alerts');
  await page.getByRole('table', { name: 'Alert groups' }).locator('tr', { hasText: 'Checkout 5xx above 5%' }).locator('.badge.drill', { hasText: 'DRILL' }).waitFor();
  await clean('alerts-with-drill');

  await goWithinApp(page, '/changes');
  await page.getByRole('table', { name: 'Changes' }).waitFor();
  assert.equal(await page.getByRole('table', { name: 'Changes' }).locator('tbody tr').count(), 2);
  await page.getByLabel('Kind').selectOption('config');
  await page.getByRole('table', { name: 'Changes' }).locator('tbody tr', { hasText: 'pool=20' }).waitFor();
  await page.waitForFunction(() => (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll('table[aria-label="Changes"] tbody tr').length === 1);
  await clean('changes');

  assert.deepEqual(errors, []);
  await context.close();
});

test('a drill created in the form with an expected responder has it in GET /api/v1/drills/:id and shows it by name', { skip: BROWSER_SKIP }, async () => {
  const { context, page, errors } = await newSignedInPage(browser, dep.url, dep.people.responder);
  await goWithinApp(page, '/drills/new');
  await page.getByRole('heading', { name: 'New drill' }).waitFor();
  await page.getByLabel('Name', { exact: true }).fill('responders-gameday');
  await page.getByLabel('Service').selectOption({ label: 'checkout-api' });
  await page.getByRole('group', { name: 'Expected responders' }).getByLabel(/sam@example\.test/).check();
  assert.deepEqual(await seriousViolations(page), []);
  await page.getByRole('button', { name: 'Create drill' }).click();
  await page.getByRole('heading', { name: 'Drill: responders-gameday' }).waitFor();
  const id = new URL(page.url()).pathname.split('/').pop()!;
  const users = (await dep.call('GET', '/api/v1/users')).json as { users: Array<{ id: string; email: string }> };
  const sam = users.users.find((u) => u.email === dep.people.responder2.email)!;
  const drill = await dep.call('GET', `/api/v1/drills/${id}`);
  assert.equal(drill.status, 200);
  assert.deepEqual((drill.json as { responders: string[] }).responders, [sam.id]);
  const shown = page.getByTestId('expected-responders');
  await shown.filter({ hasText: (users.users.find((u) => u.id === sam.id) as { name?: string }).name ?? sam.id }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
