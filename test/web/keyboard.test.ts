/**
 * The 3 a.m. path with the keyboard alone: sign in, take command of the
 * incident an alert opened, and bring the room to a shared picture, moving
 * only with Tab, "/" and typing; the page sees no mouse or pointer event at all.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { alertmanagerWebhook, BROWSER_SKIP, deployWithBrowser, PASSWORD, screenshotDir, watchConsole, type Deployment } from './harness.js';

let dep: Deployment;
let browser: Browser;
deployWithBrowser((d, b) => {
  dep = d;
  browser = b;
});

/** Presses Tab until `target` has the focus; fails after `max` presses (it is not reachable by keyboard). */
async function tabTo(page: Page, target: Locator, what: string, max = 60): Promise<number> {
  for (let presses = 0; presses <= max; presses++) {
    if (await target.evaluate((el) => el === (el.ownerDocument as unknown as { activeElement: unknown }).activeElement).catch(() => false)) return presses;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${what} is not reachable with Tab within ${max} presses`);
}

test('3 a.m. with the keyboard only: sign in, take command, and reach a shared picture without touching the mouse', { skip: BROWSER_SKIP }, async (t) => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, colorScheme: 'dark' });
  // Counts every mouse and pointer event the page sees, from the first script on.
  await context.addInitScript(() => {
    const w = globalThis as unknown as { pointerEvents: number; addEventListener(type: string, fn: () => void, capture: boolean): void };
    w.pointerEvents = 0;
    for (const type of ['mousedown', 'mouseup', 'pointerdown', 'pointerup', 'mousemove', 'pointermove']) w.addEventListener(type, () => w.pointerEvents++, true);
  });
  const page = await context.newPage();
  const errors = watchConsole(page);
  let presses = 0;

  await page.goto(`${dep.url}/incidents`);
  await page.getByRole('heading', { name: 'Sign in to Firebreak' }).waitFor();
  presses += await tabTo(page, page.getByLabel('Email'), 'the email field');
  await page.keyboard.type(dep.people.responder.email);
  presses += await tabTo(page, page.getByLabel('Password'), 'the password field');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Incidents' }).waitFor();
  await page.locator('.connection-live').waitFor();

  const res = await fetch(`${dep.url}/intake/alertmanager/${dep.alertmanagerKey}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(alertmanagerWebhook({ alertname: 'CheckoutErrorRate', severity: 'critical', summary: 'Checkout 5xx above 20%', fingerprint: 'k3yb0ard0000001' })),
  });
  assert.equal(res.status, 202);
  const row = page.locator('tr[data-ref]').first();
  await row.waitFor({ timeout: 10_000 });
  const ref = (await row.getAttribute('data-ref'))!;

  presses += await tabTo(page, page.getByRole('button', { name: `Take command of ${ref}` }), 'Take command');
  await page.keyboard.press('Enter');
  await page.locator('.part[data-part="commander"].present').waitFor();

  const entry = page.getByRole('combobox', { name: /Add to the timeline/ });
  // "/" anywhere in the war room starts an entry in the bar.
  await page.keyboard.press('/');
  await entry.and(page.locator(':focus')).waitFor();
  assert.equal(await entry.inputValue(), '/');
  // Tab completes a command: "/imp" + Tab is "/impact ".
  await page.keyboard.type('imp');
  await page.keyboard.press('Tab');
  assert.equal(await entry.inputValue(), '/impact ');
  const sent = async () => {
    await page.keyboard.press('Enter');
    // Recorded: the bar is empty again and takes typing (it keeps the focus meanwhile).
    await page.waitForFunction(() => {
      const input = (globalThis as unknown as { document: { querySelector(s: string): { value: string; readOnly: boolean } | null } }).document.querySelector('#entry');
      return input !== null && input.value === '' && !input.readOnly;
    });
  };
  await page.keyboard.type('checkout down: customers cannot pay by card');
  await sent();
  for (const text of [
    '/hyp the payment provider rotated its TLS certificate',
    '/unsafe none',
    '/next fail over to the backup provider owner me by 15m',
    '/update internal Card payments failing; checking the provider certificate. next 15m',
  ]) {
    await entry.and(page.locator(':focus')).waitFor();
    await page.keyboard.type(text);
    await sent();
  }
  await page.getByRole('heading', { name: 'Shared picture: agreed' }).waitFor({ timeout: 10_000 });

  const state = (await dep.call('GET', `/api/v1/incidents/${ref}`)).json as { sharedPicture: { has: boolean } };
  assert.equal(state.sharedPicture.has, true);
  const pointerEvents = async () => page.evaluate(() => (globalThis as unknown as { pointerEvents: number }).pointerEvents);
  assert.equal(await pointerEvents(), 0, 'no mouse or pointer event reached the page');
  await page.screenshot({ path: path.join(screenshotDir('keyboard'), 'shared-picture-1366x768.png') });

  // The bar is reachable with Tab alone too, from the top of a freshly loaded war room.
  await page.reload();
  await page.locator('.connection-live').waitFor();
  presses += await tabTo(page, entry, 'the entry bar', 80);
  assert.equal(await pointerEvents(), 0, 'still no mouse or pointer event');
  // Focus is visible where it lands: the focused element has an outline.
  const outline = await entry.evaluate((el) => (el.ownerDocument.defaultView as unknown as { getComputedStyle(e: unknown): { outlineStyle: string } }).getComputedStyle(el).outlineStyle);
  assert.notEqual(outline, 'none', 'the focused entry bar shows its focus');
  t.diagnostic(`keyboard-only 3 a.m. run: ${presses} Tab presses to move between the places that matter`);
  assert.deepEqual(errors, []);
  await context.close();
});
