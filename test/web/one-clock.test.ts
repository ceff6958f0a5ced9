/**
 * One clock and plain refusals on every screen, in a browser whose own zone
 * (America/Los_Angeles) differs from the person's profile (Asia/Kolkata):
 * the alerts list, the postmortems list and the status page's maintenance
 * show profile-zone times on the one 24-hour clock, each screen names the
 * zone once, and refusals read as sentences (no field paths, no JSON, no ids).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { until } from '../../src/testing/until.js';
import { alertmanagerWebhook, BROWSER_SKIP, deployWithBrowser, goWithinApp, signIn, watchConsole, type Deployment } from './harness.js';

const PROFILE_ZONE = 'Asia/Kolkata';
const BROWSER_ZONE = 'America/Los_Angeles';

let dep: Deployment;
let browser: Browser;
let pageId = '';
let ref = '';

deployWithBrowser(async (d, b) => {
  dep = d;
  browser = b;
  const users = (await dep.call('GET', '/api/v1/users')).json as { users: Array<{ id: string; email: string }> };
  const responder = users.users.find((u) => u.email === dep.people.responder.email)!;
  const zone = await dep.call('PATCH', `/api/v1/users/${responder.id}`, { timeZone: PROFILE_ZONE });
  assert.equal(zone.status, 200, JSON.stringify(zone.json));
  const pages = (await dep.call('GET', '/api/v1/status-pages')).json as { pages: Array<{ id: string; isDefault: boolean }> };
  pageId = pages.pages.find((p) => p.isDefault)!.id;
  const declared = await dep.call('POST', '/api/v1/incidents', { title: 'Ledger writes time out', severity: 'SEV2', services: [dep.serviceId] });
  ref = (declared.json as { ref: string }).ref;
  assert.equal((await dep.call('POST', `/api/v1/incidents/${ref}/events`, { kind: 'resolved', body: { override: { reason: 'browser test' } } })).status, 201);
});

/** The web app's one format ("24 Dec, 09:00"), in a zone. */
const shown = (iso: string, timeZone: string) => new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

async function mainText(page: Page): Promise<string> {
  return page.locator('#main').innerText();
}

async function assertOneClock(page: Page, screen: string, iso: string): Promise<void> {
  const text = await mainText(page);
  assert.ok(text.includes(shown(iso, PROFILE_ZONE)), `${screen}: ${iso} shown in ${PROFILE_ZONE} (${shown(iso, PROFILE_ZONE)}):\n${text}`);
  assert.ok(!text.includes(shown(iso, BROWSER_ZONE)), `${screen}: not in the browser's zone (${shown(iso, BROWSER_ZONE)})`);
  assert.doesNotMatch(text, /\b\d{1,2}:\d{2}(:\d{2})?\s?(AM|PM)\b/i, `${screen}: one 24-hour clock`);
  const body = await page.locator('body').innerText();
  assert.equal(body.match(/times in /g)?.length, 1, `${screen}: the zone is named once`);
  assert.match(body, new RegExp(`times in ${PROFILE_ZONE}`), `${screen}: the profile's zone is named`);
}

test(`every screen shows times in the profile's zone (${PROFILE_ZONE}) on one 24-hour clock, whatever the browser's zone (${BROWSER_ZONE}); refusals read as sentences`, { skip: BROWSER_SKIP }, async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, timezoneId: BROWSER_ZONE, locale: 'en-US' });
  const page = await context.newPage();
  const errors = watchConsole(page);
  await signIn(page, dep.url, dep.people.responder);
  assert.equal(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone), BROWSER_ZONE, 'the browser runs in another zone');

  // Incidents list: the zone named once.
  const list = await page.locator('body').innerText();
  assert.equal(list.match(/times in /g)?.length, 1, 'incidents list: the zone is named once');

  // Alerts: when the group opened.
  const res = await fetch(`${dep.url}/intake/alertmanager/${dep.alertmanagerKey}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(alertmanagerWebhook({ alertname: 'LedgerLatency', severity: 'warning', summary: 'Ledger p99 above 2s', fingerprint: 'c0ffee0000000001' })) });
  assert.equal(res.status, 202, await res.text());
  const group = await until('the alert group', async () => ((await dep.call('GET', '/api/v1/alert-groups')).json as { groups: Array<{ summary: string; openedAt: string }> }).groups.find((g) => /Ledger p99/.test(g.summary)));
  await goWithinApp(page, '/alerts');
  await page.getByText('Ledger p99 above 2s').first().waitFor();
  await assertOneClock(page, 'alerts', group.openedAt);

  // Postmortems: when the postmortem is due.
  const postmortem = await until('the postmortem', async () => {
    const r = await dep.call('GET', `/api/v1/incidents/${ref}/postmortem`);
    return r.status === 200 ? (r.json as { dueAt: string }) : undefined;
  }, 20_000);
  await goWithinApp(page, '/postmortems');
  await page.getByText('Ledger writes time out').first().waitFor();
  await assertOneClock(page, 'postmortems', postmortem.dueAt);

  // Status page admin: a maintenance window.
  const scheduledFor = '2027-12-24T03:30:00.000Z';
  const made = await dep.call('POST', `/api/v1/status-pages/${pageId}/maintenances`, { name: 'Ledger migration', body: 'Writes pause for ten minutes.', componentIds: [], scheduledFor, scheduledUntil: '2027-12-24T05:30:00.000Z' });
  assert.equal(made.status, 201, JSON.stringify(made.json));
  await goWithinApp(page, `/status-pages/${pageId}`);
  await page.getByText('Ledger migration').first().waitFor();
  await assertOneClock(page, 'status page admin', scheduledFor);

  // A refusal there: the window ends before it starts. Said with the form's words.
  const form = page.getByRole('form', { name: 'Schedule maintenance' });
  await form.getByLabel('Title').fill('Backwards window');
  await form.getByLabel('Starts').fill('2027-12-25T10:00');
  await form.getByLabel('Ends').fill('2027-12-25T09:00');
  await form.getByLabel('What subscribers are told').fill('Nothing happens.');
  await form.getByRole('button', { name: 'Schedule maintenance' }).click();
  await form.getByRole('alert').first().waitFor();
  const refusal = (await form.getByRole('alert').allInnerTexts()).join('\n');
  assert.match(refusal, /(The end m|M)ust be after the start\./, refusal);
  assertPlain(refusal, 'maintenance refusal');

  // A refusal in the war room's entry bar (the server's rule on a field of the event).
  const open = await dep.call('POST', '/api/v1/incidents', { title: 'Card payments declined', severity: 'SEV2', services: [dep.serviceId] });
  const openRef = (open.json as { ref: string }).ref;
  await goWithinApp(page, `/incidents/${openRef}`);
  await page.locator('.wr-head h1').waitFor();
  const entry = page.getByRole('form', { name: 'Add to the timeline' }).getByRole('combobox');
  await entry.fill(`/note ${'x'.repeat(10_001)}`);
  await entry.press('Enter');
  const entryError = await page.getByRole('form', { name: 'Add to the timeline' }).getByRole('alert').innerText();
  assert.match(entryError, /text/i, entryError);
  assertPlain(entryError, 'war room entry refusal');

  assert.deepEqual(errors.filter((e) => !/status of 4\d\d/.test(e)), [], 'no console errors beyond the refused requests');
  await context.close();
});

function assertPlain(text: string, what: string): void {
  assert.doesNotMatch(text, /\/body\/|\bbody\.|\boverride\.reason\b|[{}]|"|\b[0-9a-f]{8}-[0-9a-f]{4}-/, `${what}: no field paths, JSON or ids: ${text}`);
  assert.doesNotMatch(text, /\b[a-z]+[A-Z][a-zA-Z]*\b/, `${what}: no camelCase field names: ${text}`);
  assert.doesNotMatch(text, /\d{4}-\d{2}-\d{2}T/, `${what}: no ISO times: ${text}`);
}
