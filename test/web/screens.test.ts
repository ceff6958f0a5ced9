/**
 * Every screen, as each role meets it: no console errors, no serious or
 * critical axe-core violation, the war-room summary without page scroll at
 * 1366×768, and screenshots at 1366×768 and 375×812 for review (in
 * .tmp/screenshots/screens). A viewer sees no write controls, and the API
 * refuses the viewer's forced write.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { alertmanagerWebhook, BROWSER_SKIP, deployWithBrowser, goWithinApp, newSignedInPage, PASSWORD, screenshotDir, seriousViolations, watchConsole, type Deployment } from './harness.js';

const DIR = screenshotDir('screens');
const VIEWPORTS = [
  { name: 'desktop', width: 1366, height: 768, colorScheme: 'dark' },
  { name: 'phone', width: 375, height: 812, colorScheme: 'light' },
] as const;

let dep: Deployment;
let browser: Browser;
let ref: string;
deployWithBrowser(async (d, b) => {
  dep = d;
  browser = b;
  await fetch(`${dep.url}/intake/alertmanager/${dep.alertmanagerKey}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(alertmanagerWebhook({ alertname: 'CheckoutLatency', severity: 'warning', summary: 'Checkout p99 above 2 s', fingerprint: '0f1e2d3c4b5a6978' })),
  });
  const declared = await dep.call('POST', '/api/v1/incidents', { title: 'Card payments failing in the EU', severity: 'SEV1', services: [dep.serviceId] });
  ref = (declared.json as { ref: string }).ref;
  const post = (kind: string, body: unknown, occurredAt?: string) => dep.call('POST', `/api/v1/incidents/${ref}/events`, { kind, body, ...(occurredAt ? { occurredAt } : {}) });
  const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
  await post('marker', { marker: 'first_symptom' }, minutesAgo(25));
  await post('observation', { text: 'card authorisations failing with TLS handshake errors' }, minutesAgo(20));
  await post('impact_stated', { statement: 'EU customers cannot pay by card', journeys: [{ journey: 'checkout', effect: 'down' }], writesSafe: 'yes' });
  await post('hypothesis_proposed', { text: 'the payment provider rotated its certificate' });
  await post('unsafe_action_noted', { action: 'do not restart the payment gateway', reason: 'it drops in-flight authorisations' });
  await post('mitigation_started', { action: 'route EU cards to the backup provider', expectedSignal: 'authorisation success above 95%', deadline: new Date(Date.now() + 15 * 60_000).toISOString() });
  await post('amended', { targetSeq: 3, correction: 'errors started at 02:58, not 03:02' });
});

interface Screen {
  name: string;
  path: () => string;
  ready: (page: Page) => Promise<unknown>;
}

const SCREENS: Screen[] = [
  { name: 'incidents', path: () => '/incidents', ready: (p) => p.locator('tr[data-ref]').first().waitFor() },
  { name: 'declare', path: () => '/incidents/new', ready: (p) => p.getByRole('heading', { name: 'Declare an incident' }).waitFor() },
  { name: 'war-room', path: () => `/incidents/${ref}`, ready: (p) => p.locator('.connection-live').waitFor() },
  { name: 'handoff', path: () => `/incidents/${ref}/handoff`, ready: (p) => p.locator('pre.markdown', { hasText: ref }).waitFor() },
  { name: 'alerts', path: () => '/alerts', ready: (p) => p.getByRole('table', { name: 'Alert groups' }).waitFor() },
  { name: 'silences', path: () => '/alerts/silences', ready: (p) => p.getByRole('heading', { name: 'New silence' }).waitFor() },
  { name: 'noise', path: () => '/alerts/noise', ready: (p) => p.getByRole('heading', { name: 'Noise report' }).waitFor() },
  { name: 'services', path: () => '/services', ready: (p) => p.getByRole('table', { name: 'Services' }).waitFor() },
  { name: 'admin-users', path: () => '/admin/users', ready: (p) => p.getByRole('table', { name: 'Users' }).locator('tbody tr').first().waitFor() },
  { name: 'admin-teams', path: () => '/admin/teams', ready: (p) => p.getByRole('table', { name: 'Teams' }).waitFor() },
  { name: 'admin-tokens', path: () => '/admin/tokens', ready: (p) => p.getByRole('table', { name: 'API tokens' }).locator('tbody tr').first().waitFor() },
  { name: 'admin-audit', path: () => '/admin/audit', ready: (p) => p.getByRole('table', { name: 'Audit log' }).locator('tbody tr').first().waitFor() },
  { name: 'admin-policy', path: () => '/admin/policy', ready: (p) => p.getByRole('table', { name: 'Severity definitions' }).waitFor() },
  { name: 'profile', path: () => '/profile', ready: (p) => p.getByRole('heading', { name: 'My profile' }).waitFor() },
];

test('login and first-run screens have no console errors or serious accessibility violations', { skip: BROWSER_SKIP }, async () => {
  for (const vp of VIEWPORTS) {
    const context = await browser.newContext({ viewport: { width: vp.width, height: vp.height }, colorScheme: vp.colorScheme });
    const page = await context.newPage();
    const errors = watchConsole(page);
    for (const [name, url, heading] of [['login', '/login', 'Sign in to Firebreak'], ['setup', '/setup', 'First run: set the admin password']] as const) {
      await page.goto(`${dep.url}${url}`);
      await page.getByRole('heading', { name: heading }).waitFor();
      assert.deepEqual(await seriousViolations(page), [], `${name} at ${vp.name}`);
      await page.screenshot({ path: path.join(DIR, `${name}-${vp.width}x${vp.height}.png`) });
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
});

for (const vp of VIEWPORTS) {
  test(`every screen, as an admin at ${vp.width}×${vp.height} (${vp.colorScheme}): no console errors, no serious or critical axe violations${vp.name === 'desktop' ? '; the war-room summary does not scroll the page' : ''}`, { skip: BROWSER_SKIP }, async () => {
    const { context, page, errors } = await newSignedInPage(browser, dep.url, dep.people.admin, { width: vp.width, height: vp.height }, vp.colorScheme);
    for (const screen of SCREENS) {
      await goWithinApp(page, screen.path());
      await screen.ready(page);
      const violations = await seriousViolations(page);
      assert.deepEqual(violations, [], `${screen.name} at ${vp.name}: ${JSON.stringify(violations, null, 1)}`);
      if (screen.name === 'war-room' && vp.name === 'desktop') {
        const overflow = await page.evaluate(() => {
          const el = (globalThis as unknown as { document: { documentElement: { scrollHeight: number; clientHeight: number } } }).document.documentElement;
          return el.scrollHeight - el.clientHeight;
        });
        assert.ok(overflow <= 0, `the war room scrolls the page by ${overflow}px at 1366×768`);
      }
      await page.screenshot({ path: path.join(DIR, `${screen.name}-${vp.width}x${vp.height}.png`) });
    }
    assert.deepEqual(errors, [], `console errors at ${vp.name}`);
    await context.close();
  });
}

test('a viewer sees no write controls, and the API refuses the viewer’s forced write', { skip: BROWSER_SKIP }, async () => {
  const { context, page, errors } = await newSignedInPage(browser, dep.url, dep.people.viewer);
  await page.locator('tr[data-ref]').first().waitFor();
  assert.equal(await page.getByRole('link', { name: 'Declare incident' }).count(), 0);
  assert.equal(await page.getByRole('button', { name: /take command/i }).count(), 0);
  await page.goto(`${dep.url}/incidents/${ref}`);
  await page.locator('.connection-live').waitFor();
  assert.equal(await page.getByRole('combobox', { name: /Add to the timeline/ }).count(), 0, 'no entry bar');
  assert.equal(await page.getByRole('button', { name: /take command|Resolve|Reopen/i }).count(), 0, 'no command buttons');
  await page.screenshot({ path: path.join(DIR, `war-room-viewer-1366x768.png`) });
  const forced = await page.evaluate(async (incident) => {
    const doc = (globalThis as unknown as { document: { cookie: string } }).document;
    const csrf = decodeURIComponent(doc.cookie.split('; ').find((c) => c.startsWith('firebreak_csrf='))?.split('=')[1] ?? '');
    const res = await fetch(`/api/v1/incidents/${incident}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify({ kind: 'observation', body: { text: 'a viewer writing' } }),
    });
    return res.status;
  }, ref);
  assert.equal(forced, 403, 'the API refuses a viewer');
  assert.deepEqual(errors.filter((e) => !/403/.test(e)), []);
  await context.close();
});

test('my profile changes my password only with the current one, and my other sessions are signed out', { skip: BROWSER_SKIP }, async () => {
  const person = dep.people.responder2;
  const elsewhere = await newSignedInPage(browser, dep.url, person);
  const { context, page, errors } = await newSignedInPage(browser, dep.url, person);
  await goWithinApp(page, '/profile');
  await page.getByRole('heading', { name: 'Change password' }).waitFor();
  await page.getByLabel('Current password').fill('not my password');
  await page.getByLabel(/^New password/).fill('a brand new password 42');
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.locator('#main [role=alert]').first().waitFor();
  assert.equal(await page.getByRole('status').filter({ hasText: 'Password changed' }).count(), 0, 'a wrong current password changes nothing');

  await page.getByLabel('Current password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.getByRole('status').filter({ hasText: 'Password changed' }).waitFor();
  const otherSession = await elsewhere.page.evaluate(async () => (await fetch('/api/v1/users/me')).status);
  assert.equal(otherSession, 401, 'the other session was ended');
  const stillMine = await page.evaluate(async () => (await fetch('/api/v1/users/me')).status);
  assert.equal(stillMine, 200, 'the session that changed it stays');
  assert.deepEqual(errors.filter((e) => !/40[13]/.test(e)), []);
  await elsewhere.context.close();
  await context.close();
});
