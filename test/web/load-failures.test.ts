/**
 * Every screen shows its failures: with the API failing (503, as when the
 * database is unreachable), each screen that loads data says so, with a
 * Retry; once the API answers again, Retry brings the screen back. Runs in
 * Chromium against a real server; the failures are made by intercepting the
 * page's requests (the session lookup is left alone, or the login would show).
 * The app retries a failed load twice (after 1 s, then 2 s) before it says so;
 * the test moves the page's clock past those waits instead of sleeping them.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Browser, Route } from 'playwright-core';
import { BROWSER_SKIP, deployWithBrowser, goWithinApp, newSignedInPage, type Deployment } from './harness.js';

let dep: Deployment;
let browser: Browser;
let ref = '';
deployWithBrowser(async (d, b) => {
  dep = d;
  browser = b;
  const declared = await dep.call('POST', '/api/v1/incidents', { title: 'Checkout latency', severity: 'SEV2', services: [dep.serviceId] });
  ref = (declared.json as { ref: string }).ref;
});

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
/** Every screen of the app that loads data; entity screens point at one that exists where the retry is checked. */
const SCREENS: Array<{ path: () => string; retry: boolean }> = [
  { path: () => '/incidents', retry: true },
  { path: () => '/incidents/new', retry: true },
  { path: () => `/incidents/${ref}`, retry: true },
  { path: () => `/incidents/${ref}/handoff`, retry: true },
  { path: () => '/alerts', retry: true },
  { path: () => '/alerts/noise', retry: true },
  { path: () => '/alerts/silences', retry: true },
  { path: () => '/services', retry: true },
  { path: () => '/changes', retry: true },
  { path: () => '/metrics', retry: true },
  { path: () => '/runbooks', retry: true },
  { path: () => `/runbooks/${UNKNOWN}`, retry: false },
  { path: () => '/postmortems', retry: true },
  { path: () => '/postmortems/INC-999', retry: false },
  { path: () => '/drills', retry: true },
  { path: () => '/drills/new', retry: true },
  { path: () => `/drills/${UNKNOWN}`, retry: false },
  { path: () => `/drills/${UNKNOWN}/runs/${UNKNOWN}`, retry: false },
  { path: () => '/oncall', retry: true },
  { path: () => '/oncall/burden', retry: true },
  { path: () => '/oncall/contact-methods', retry: true },
  { path: () => '/oncall/my-shifts', retry: true },
  { path: () => '/oncall/policies', retry: true },
  { path: () => '/oncall/schedules/new', retry: true },
  { path: () => `/oncall/schedules/${UNKNOWN}`, retry: false },
  { path: () => `/oncall/schedules/${UNKNOWN}/edit`, retry: false },
  { path: () => '/status-pages', retry: true },
  { path: () => '/status-pages/channels', retry: true },
  { path: () => '/status-pages/templates', retry: true },
  { path: () => `/status-pages/${UNKNOWN}`, retry: false },
  { path: () => '/admin/users', retry: true },
  { path: () => '/admin/teams', retry: true },
  { path: () => '/admin/tokens', retry: true },
  { path: () => '/admin/audit', retry: true },
  { path: () => '/admin/policy', retry: true },
  { path: () => '/profile', retry: true },
];

test('every screen that loads data shows a failed load with a Retry, and Retry brings it back', { skip: BROWSER_SKIP }, async (t) => {
  const { context, page } = await newSignedInPage(browser, dep.url, dep.people.admin);
  let failing = false;
  let failed = 0;
  await page.route('**/api/v1/**', async (route: Route) => {
    const url = new URL(route.request().url());
    if (!failing || url.pathname === '/api/v1/users/me') return route.continue();
    failed++;
    return route.fulfill({ status: 503, contentType: 'application/problem+json', headers: { 'retry-after': '1' }, body: JSON.stringify({ type: 'about:blank', title: 'Service Unavailable', status: 503, detail: 'the database is unreachable' }) });
  });
  const banner = page.locator('.load-failure[role=alert]');
  // Each screen starts with a new document (page.goto), which gets the clock the context installs.
  await context.clock.install();
  /** Moves the page's clock on a second at a time, up to 30 s of its time, until the banner shows. */
  const bannerShows = async (): Promise<boolean> => {
    for (let pageMs = 0; pageMs <= 30_000; pageMs += 1000) {
      // A retry's request is answered in real time: give it a moment before the next step.
      if (await banner.waitFor({ timeout: 200 }).then(() => true, () => false)) return true;
      await page.clock.runFor(1000);
    }
    return false;
  };
  const silent: string[] = [];
  for (const screen of SCREENS) {
    const to = screen.path();
    // Start afresh (nothing cached) on a screen that asks for nothing, so every request of the next one is its own.
    await page.goto(`${dep.url}/nowhere`);
    await page.getByRole('heading', { name: 'Not found' }).waitFor();
    failing = true;
    failed = 0;
    await goWithinApp(page, to);
    if (!(await bannerShows())) {
      if (failed > 0) silent.push(to);
      else t.diagnostic(`${to}: loads no data`);
      failing = false;
      continue;
    }
    assert.match((await banner.innerText()).replace(/\s+/g, ' '), /did not load: the database is unreachable/i, to);
    failing = false;
    if (screen.retry) {
      await banner.getByRole('button', { name: 'Retry' }).click();
      await banner.waitFor({ state: 'detached', timeout: 15_000 }).catch(() => assert.fail(`${to}: Retry did not bring the screen back`));
    }
  }
  assert.deepEqual(silent, [], 'screens whose failed load showed nothing');
  await context.close();
});
