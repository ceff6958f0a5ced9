/**
 * Status page management in a real browser against a real server: every
 * screen renders clean (no console errors, no serious or critical axe
 * violation, screenshots at 1366×768 and 375×812 into .tmp/screenshots/screens);
 * a component made and degraded in the screens shows degraded on the public
 * /status HTML; maintenance is scheduled and listed; templates are edited;
 * the subscriber count and public link are shown; the update channels are
 * saved and read back (a refusal shown beside its field); webhook subscribers
 * are added and removed in the page screen; a viewer or
 * responder sees no write controls.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { BROWSER_SKIP, deployWithBrowser, goWithinApp, newSignedInPage, screenshotDir, seriousViolations, type Deployment } from './harness.js';
import { until } from '../../src/testing/until.js';

const DIR = screenshotDir('screens');
const VIEWPORTS = [
  { name: 'desktop', width: 1366, height: 768, colorScheme: 'dark' },
  { name: 'phone', width: 375, height: 812, colorScheme: 'light' },
] as const;

let dep: Deployment;
let browser: Browser;
let pageId = '';
deployWithBrowser(async (d, b) => {
  dep = d;
  browser = b;
  const pages = (await dep.call('GET', '/api/v1/status-pages')).json as { pages: Array<{ id: string; isDefault: boolean }> };
  pageId = pages.pages.find((p) => p.isDefault)!.id;
});

/** Fetches the public page until it satisfies `ok` (the read model follows the database through the change bus). */
async function publicHtmlUntil(ok: (html: string) => boolean, timeoutMs = 10_000): Promise<string> {
  let html = '';
  return until('the public page to match', async () => {
    html = await (await fetch(`${dep.url}/status`)).text();
    return ok(html) && html;
  }, timeoutMs, 100).catch((err: Error) => {
    throw new Error(`${err.message}; last:\n${html.slice(0, 2000)}`);
  });
}

test('a component created and set to Degraded Performance in the screens shows degraded on the public /status page', { skip: BROWSER_SKIP }, async () => {
  const { context, page, errors } = await newSignedInPage(browser, dep.url, dep.people.admin);
  await goWithinApp(page, '/status-pages');
  await page.getByRole('table', { name: 'Status pages' }).getByRole('link').first().click();
  await page.getByRole('heading', { name: /^Status page: / }).waitFor();
  const publicLink = new URL((await page.getByTestId('public-link').getAttribute('href'))!);
  assert.equal(publicLink.pathname, '/status', 'the default page links to /status');
  assert.equal((await fetch(`${dep.url}${publicLink.pathname}`)).status, 200);

  const form = page.getByRole('form', { name: 'New component' });
  await form.getByLabel('Component name').fill('Core platform');
  await form.getByLabel('a group of components').check();
  await form.getByRole('button', { name: 'Add component' }).click();
  await page.locator('[data-component="Core platform"]').waitFor();
  await form.getByLabel('Component name').fill('Payments API');
  await form.getByLabel('a group of components').uncheck();
  await form.getByLabel('In group').selectOption({ label: 'Core platform' });
  await form.getByLabel('Linked service').selectOption({ label: 'checkout-api' });
  await form.getByRole('button', { name: 'Add component' }).click();
  const row = page.locator('[data-component="Payments API"]');
  await row.waitFor();
  assert.equal(await row.locator('td').nth(1).textContent(), 'checkout-api');

  await row.getByLabel('State of Payments API').selectOption('degraded_performance');
  const stored = async () => ((await dep.call('GET', `/api/v1/status-pages/${pageId}/components`)).json as { components: Array<{ name: string; status: string; serviceId: string | null; groupId: string | null }> }).components;
  await until('the state change to be stored', async () => (await stored()).find((c) => c.name === 'Payments API')?.status === 'degraded_performance', 10_000, 100);
  const payments = (await stored()).find((c) => c.name === 'Payments API')!;
  assert.equal(payments.serviceId, dep.serviceId);
  assert.ok(payments.groupId, 'in the group');

  const html = await publicHtmlUntil((h) => /<h3>Payments API<\/h3><span class="state"[^>]*>Degraded Performance</.test(h));
  assert.match(html, /<h3>Core platform<\/h3><span class="state"[^>]*>Degraded Performance</, 'the group shows its worst member');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a responder schedules maintenance in the form and sees it listed as upcoming, sets states but adds no components; the admin sees the subscriber count', { skip: BROWSER_SKIP }, async () => {
  const added = await dep.call('POST', `/api/v1/status-pages/${pageId}/subscribers`, { url: 'https://hooks.example.test/status' });
  assert.equal(added.status, 201, JSON.stringify(added.json));
  const { context, page, errors } = await newSignedInPage(browser, dep.url, dep.people.responder);
  await goWithinApp(page, `/status-pages/${pageId}`);
  const form = page.getByRole('form', { name: 'Schedule maintenance' });
  await form.getByLabel('Title').fill('Database upgrade');
  await form.getByLabel('What subscribers are told').fill('Payments may be slow for a few minutes.');
  await form.getByLabel('Payments API').check();
  await form.getByRole('button', { name: 'Schedule maintenance' }).click();
  const table = page.getByRole('table', { name: 'Upcoming and active maintenance' });
  await table.getByRole('row', { name: /Database upgrade/ }).waitFor();
  assert.match((await table.getByRole('row', { name: /Database upgrade/ }).textContent()) ?? '', /upcoming.*Payments API/);
  const listed = (await dep.call('GET', `/api/v1/status-pages/${pageId}/maintenances`)).json as { maintenances: Array<{ name: string; status: string; componentIds: string[] }> };
  assert.deepEqual(listed.maintenances.map((m) => [m.name, m.status, m.componentIds.length]), [['Database upgrade', 'scheduled', 1]]);
  assert.equal(await page.getByTestId('subscriber-count').count(), 0, 'subscribers are an admin matter');
  assert.equal(await page.getByRole('form', { name: 'New component' }).count(), 0, 'components are added by admins');
  assert.equal(await page.getByLabel('State of Payments API').count(), 1, 'a responder sets states');
  await context.close();

  const admin = await newSignedInPage(browser, dep.url, dep.people.admin);
  await goWithinApp(admin.page, `/status-pages/${pageId}`);
  await admin.page.getByTestId('subscriber-count').waitFor();
  assert.match((await admin.page.getByTestId('subscriber-count').textContent()) ?? '', /Subscribers: 1 confirmed \(0 by email, 1 webhooks\)/);
  assert.deepEqual([...errors, ...admin.errors], []);
  await admin.context.close();
});

test('the update templates are edited and saved; a page is added with its slug, host and zone', { skip: BROWSER_SKIP }, async () => {
  const { context, page, errors } = await newSignedInPage(browser, dep.url, dep.people.admin);
  await goWithinApp(page, '/status-pages/templates');
  const declaration = page.getByLabel('Declaration (internal)');
  await declaration.waitFor();
  const text = `${await declaration.inputValue()}\nRunbook: https://runbooks.example.test`;
  await declaration.fill(text);
  await page.getByRole('button', { name: 'Save templates' }).click();
  await page.getByRole('status').filter({ hasText: 'Templates saved.' }).waitFor();
  assert.equal(((await dep.call('GET', '/api/v1/settings/update-templates')).json as { declaration: string }).declaration, text);

  await goWithinApp(page, '/status-pages');
  const form = page.getByRole('form', { name: 'New status page' });
  await form.getByLabel('Name').fill('Internal status');
  await form.getByLabel('Slug').fill('internal');
  await form.getByLabel('Host (optional)').fill('status.internal.example.test');
  await form.getByLabel('Time zone').selectOption('Europe/Berlin');
  await form.getByLabel('Visibility').selectOption('internal');
  await form.getByRole('button', { name: 'Add status page' }).click();
  await page.getByRole('link', { name: 'Internal status' }).waitFor();
  const pages = (await dep.call('GET', '/api/v1/status-pages')).json as { pages: Array<{ slug: string; host: string | null; timeZone: string; visibility: string }> };
  const made = pages.pages.find((p) => p.slug === 'internal');
  assert.deepEqual(made && [made.host, made.timeZone, made.visibility], ['status.internal.example.test', 'Europe/Berlin', 'internal']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the update channels are added, removed and saved in the screen and read back through the API; a bad bridge URL shows the API error beside the field', { skip: BROWSER_SKIP }, async () => {
  const { context, page, errors } = await newSignedInPage(browser, dep.url, dep.people.admin);
  await goWithinApp(page, '/status-pages/templates');
  await page.getByRole('link', { name: 'Update channels' }).click();
  const form = page.getByRole('form', { name: 'Update channels' });
  await form.waitFor();
  for (const email of ['oncall@example.test', 'leads@example.test']) {
    await form.getByLabel('New e-mail address').fill(email);
    await form.getByRole('region', { name: 'E-mail addresses' }).getByRole('button', { name: 'Add' }).click();
  }
  await form.getByLabel('New slack-compatible webhook URL').fill('https://hooks.slack.example.test/T1/B2');
  await form.getByLabel('New slack-compatible webhook URL').press('Enter');
  await form.getByRole('button', { name: 'Remove leads@example.test' }).click();

  await form.getByLabel('Bridge URL').fill('not a url');
  await form.getByRole('button', { name: 'Save channels' }).click();
  const bridgeError = form.locator('.field', { has: page.getByLabel('Bridge URL') }).locator('.field-error');
  await bridgeError.waitFor();
  assert.ok(((await bridgeError.textContent()) ?? '').length > 0, 'the API says what is wrong');
  assert.equal(await form.getByLabel('Bridge URL').getAttribute('aria-invalid'), 'true');
  assert.deepEqual((await dep.call('GET', '/api/v1/settings/update-channels')).json, { emails: [], slackWebhookUrls: [] }, 'nothing saved on a refusal');

  await form.getByLabel('Bridge URL').fill('https://meet.example.test/incident-bridge');
  await form.getByRole('button', { name: 'Save channels' }).click();
  await page.getByRole('status').filter({ hasText: 'Channels saved.' }).waitFor();
  assert.equal(await bridgeError.count(), 0, 'the error is gone once saved');
  assert.deepEqual((await dep.call('GET', '/api/v1/settings/update-channels')).json, {
    emails: ['oncall@example.test'],
    slackWebhookUrls: ['https://hooks.slack.example.test/T1/B2'],
    bridgeUrl: 'https://meet.example.test/incident-bridge',
  });

  await page.reload();
  await form.getByRole('button', { name: 'Remove oncall@example.test' }).waitFor();
  assert.equal(await form.getByLabel('Bridge URL').inputValue(), 'https://meet.example.test/incident-bridge', 'read back after a reload');
  assert.deepEqual(errors.map((e) => /status of 400/.test(e)), [true], 'the one refused save is the only console error');
  await context.close();
});

test('the page settings set a logo and a brand colour, which the public page shows; a bad colour is refused beside its field', { skip: BROWSER_SKIP }, async () => {
  const { context, page, errors } = await newSignedInPage(browser, dep.url, dep.people.admin);
  await goWithinApp(page, `/status-pages/${pageId}`);
  const form = page.getByRole('form', { name: 'Page settings' });
  await form.waitFor();
  await form.getByLabel('Logo URL (optional)').fill('https://cdn.example.test/logo.png');
  await form.getByLabel('Brand colour (optional, #rrggbb)').fill('orange');
  await form.getByRole('button', { name: 'Save page' }).click();
  const colourError = form.locator('.field', { has: page.getByLabel('Brand colour (optional, #rrggbb)') }).locator('.field-error');
  await colourError.waitFor();
  assert.equal(await form.getByLabel('Brand colour (optional, #rrggbb)').getAttribute('aria-invalid'), 'true');
  const stored = async () => (await dep.call('GET', `/api/v1/status-pages/${pageId}`)).json as { logoUrl: string | null; brandColor: string | null };
  assert.deepEqual(await stored().then((p) => [p.logoUrl, p.brandColor]), [null, null], 'nothing saved on a refusal');

  await form.getByLabel('Brand colour (optional, #rrggbb)').fill('#0a7cff');
  await form.getByRole('button', { name: 'Save page' }).click();
  await form.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  assert.deepEqual(await stored().then((p) => [p.logoUrl, p.brandColor]), ['https://cdn.example.test/logo.png', '#0a7cff']);
  const html = await publicHtmlUntil((h) => h.includes('--brand:#0a7cff'));
  assert.match(html, /<img src="https:\/\/cdn\.example\.test\/logo\.png" alt="">/);
  assert.deepEqual(errors.map((e) => /status of 400/.test(e)), [true], 'the one refused save is the only console error');
  await context.close();
});

test('a responder sees no write controls on the admin-only update channels screen', { skip: BROWSER_SKIP }, async () => {
  const { context, page, errors } = await newSignedInPage(browser, dep.url, dep.people.responder);
  await goWithinApp(page, '/status-pages/channels');
  await page.getByText('Only admins see and set the update channels.').waitFor();
  assert.equal(await page.locator('#main').getByRole('button').count(), 0, 'no buttons');
  assert.equal(await page.locator('#main form, #main select, #main textarea, #main input').count(), 0, 'no form controls');
  assert.deepEqual(await seriousViolations(page), []);
  assert.deepEqual(errors, [], 'the screen does not even ask the admin-only API');
  await context.close();
});

test('an admin adds a webhook subscriber in the page screen (a bad URL refused beside its field), sees it listed and removes it', { skip: BROWSER_SKIP }, async () => {
  const listed = async () => ((await dep.call('GET', `/api/v1/status-pages/${pageId}/subscribers`)).json as { subscribers: Array<{ kind: string; address: string }> }).subscribers.filter((s) => s.kind === 'webhook').map((s) => s.address).sort();
  const before = await listed();
  const { context, page, errors } = await newSignedInPage(browser, dep.url, dep.people.admin);
  await goWithinApp(page, `/status-pages/${pageId}`);
  const form = page.getByRole('form', { name: 'New webhook subscriber' });
  await form.getByLabel('Webhook URL').fill('ftp://hooks.example.test/nope');
  await form.getByRole('button', { name: 'Add webhook' }).click();
  await form.locator('.field', { has: page.getByLabel('Webhook URL') }).locator('.field-error').waitFor();
  assert.deepEqual(await listed(), before, 'nothing stored on a refusal');

  await form.getByLabel('Webhook URL').fill('https://hooks.example.test/from-the-screen');
  await form.getByLabel(/Signing secret/).fill('a-signing-secret-of-some-length');
  await form.getByRole('button', { name: 'Add webhook' }).click();
  const table = page.getByRole('table', { name: 'Webhook subscribers' });
  await table.getByRole('row', { name: /from-the-screen/ }).waitFor();
  assert.deepEqual(await listed(), [...before, 'https://hooks.example.test/from-the-screen'].sort());

  await table.getByRole('button', { name: 'Remove https://hooks.example.test/from-the-screen' }).click();
  await table.getByRole('row', { name: /from-the-screen/ }).waitFor({ state: 'detached' });
  assert.deepEqual(await listed(), before, 'removed through the API');
  assert.deepEqual(errors.map((e) => /status of 400/.test(e)), [true], 'the one refused URL is the only console error');
  await context.close();
});

interface Screen {
  name: string;
  path: () => string;
  ready: (page: Page) => Promise<unknown>;
}

const SCREENS: Screen[] = [
  { name: 'status-pages', path: () => '/status-pages', ready: (p) => p.getByRole('table', { name: 'Status pages' }).waitFor() },
  { name: 'status-page-detail', path: () => `/status-pages/${pageId}`, ready: (p) => p.getByRole('heading', { name: 'Scheduled maintenance' }).waitFor() },
  { name: 'status-channels', path: () => '/status-pages/channels', ready: (p) => p.getByRole('heading', { name: 'Update channels' }).waitFor() },
  { name: 'status-templates', path: () => '/status-pages/templates', ready: (p) => p.getByText('Public resolution (status page)').first().waitFor() },
];

for (const vp of VIEWPORTS) {
  test(`every status page screen as an admin at ${vp.width}×${vp.height} (${vp.colorScheme}): no console errors, no serious or critical axe violations`, { skip: BROWSER_SKIP }, async () => {
    const { context, page, errors } = await newSignedInPage(browser, dep.url, dep.people.admin, { width: vp.width, height: vp.height }, vp.colorScheme);
    for (const screen of SCREENS) {
      await goWithinApp(page, screen.path());
      await screen.ready(page);
      const violations = await seriousViolations(page);
      assert.deepEqual(violations, [], `${screen.name} at ${vp.name}: ${JSON.stringify(violations, null, 1)}`);
      await page.screenshot({ path: path.join(DIR, `${screen.name}-${vp.width}x${vp.height}.png`), fullPage: true });
    }
    assert.deepEqual(errors, [], `console errors at ${vp.name}`);
    await context.close();
  });
}

test('a viewer sees no write controls on the status page screens', { skip: BROWSER_SKIP }, async () => {
  const { context, page, errors } = await newSignedInPage(browser, dep.url, dep.people.viewer);
  for (const screen of SCREENS) {
    await goWithinApp(page, screen.path());
    await screen.ready(page);
    assert.equal(await page.locator('#main').getByRole('button').count(), 0, `${screen.name}: no buttons`);
    assert.equal(await page.locator('#main form, #main select, #main textarea, #main input').count(), 0, `${screen.name}: no form controls`);
    assert.deepEqual(await seriousViolations(page), [], screen.name);
  }
  await page.screenshot({ path: path.join(DIR, 'status-page-detail-viewer-1366x768.png') });
  assert.deepEqual(errors, []);
  await context.close();
});
