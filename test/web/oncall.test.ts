/**
 * The on-call screens in a real browser against a real server with an SMTP
 * peer on loopback: every screen renders clean (no console errors, no serious
 * or critical axe violation, screenshots at 1366×768 and 375×812 into
 * .tmp/screenshots/screens); a schedule made in the form puts the right person
 * on call; the timeline marks overrides and gaps; a contact method is verified
 * with the code the SMTP peer captured; the calendar feed URL is shown once and
 * revoked; a viewer sees no write controls.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startSmtpPeer, type SmtpPeer } from '../../src/domains/notify/testing.js';
import { BROWSER_SKIP, deployWithBrowser, goWithinApp, newSignedInPage, screenshotDir, seriousViolations, type Deployment } from './harness.js';

const DIR = screenshotDir('screens');
const VIEWPORTS = [
  { name: 'desktop', width: 1366, height: 768, colorScheme: 'dark' },
  { name: 'phone', width: 375, height: 812, colorScheme: 'light' },
] as const;
const DAY = 86_400_000;

let dep: Deployment;
let smtp: SmtpPeer;
let browser: Browser;
const ids: Record<'admin' | 'rita' | 'sam' | 'vic', string> = { admin: '', rita: '', sam: '', vic: '' };
let businessHoursId = '';

deployWithBrowser(
  async (d, b) => {
    dep = d;
    browser = b;
    const users = (await dep.call('GET', '/api/v1/users')).json as { users: Array<{ id: string; email: string }> };
    const idOf = (email: string) => users.users.find((u) => u.email === email)!.id;
    ids.admin = idOf(dep.people.admin.email);
    ids.rita = idOf(dep.people.responder.email);
    ids.sam = idOf(dep.people.responder2.email);
    ids.vic = idOf(dep.people.viewer.email);
    // A weekday-only layer: the nights and weekends of the next 14 days are gaps.
    const made = await dep.call('POST', '/api/v1/oncall/schedules', {
      name: 'business-hours',
      timeZone: 'Europe/Berlin',
      layers: [{ name: 'office', start: '2026-01-05T09:00', length: { unit: 'days', count: 1 }, participants: [ids.sam, ids.rita], restrictions: [{ days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' }] }],
    });
    assert.equal(made.status, 201, JSON.stringify(made.json));
    businessHoursId = (made.json as { id: string }).id;
  },
  {
    env: async () => {
      smtp = await startSmtpPeer();
      return { FIREBREAK_SMTP_URL: smtp.url };
    },
  },
);

after(async () => {
  await smtp?.close();
});

/** Yesterday at 09:00 UTC as a local "YYYY-MM-DDTHH:mm" of a UTC schedule, and that instant. */
function yesterdayNine(): { local: string; at: number } {
  const at = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()) - DAY + 9 * 3_600_000;
  return { local: new Date(at).toISOString().slice(0, 16), at };
}

test('a schedule created in the form with two people: who-is-on-call shows the first one, until the hand-off, as the API says', { skip: BROWSER_SKIP }, async () => {
  const { context, page, errors } = await newSignedInPage(browser, dep.url, dep.people.admin);
  await goWithinApp(page, '/oncall/schedules/new');
  await page.getByRole('heading', { name: 'New schedule' }).waitFor();
  await page.getByLabel('Name', { exact: true }).fill('primary-web');
  await page.getByLabel('Time zone').selectOption('UTC');
  const start = yesterdayNine();
  await page.getByLabel("First hand-off (schedule's zone)").fill(start.local);
  await page.getByLabel('Participant 1', { exact: true }).selectOption({ label: 'Rita Responder' });
  await page.getByRole('button', { name: 'Add participant' }).click();
  await page.getByLabel('Participant 2', { exact: true }).selectOption({ label: 'Sam Second' });
  await page.getByRole('button', { name: 'Create schedule' }).click();
  await page.getByRole('heading', { name: 'Schedule: primary-web' }).waitFor();

  // The timeline: one layer row and the final row, Rita first, then Sam after a week.
  await page.locator('.tl-final .tl-bar.tl-shift').first().waitFor();
  assert.equal(await page.locator('.tl-final .tl-bar.tl-shift').first().getAttribute('data-users'), ids.rita);
  assert.equal(await page.locator('.tl-final .tl-bar.tl-shift').nth(1).getAttribute('data-users'), ids.sam);
  assert.equal(await page.locator('.tl-row:not(.tl-final):not(.tl-ticks):not(.tl-overrides)').count(), 1, 'one row per layer');

  await goWithinApp(page, '/oncall');
  const card = page.locator('[data-schedule="primary-web"]');
  await card.getByTestId('shift-end').waitFor();
  const api = (await dep.call('GET', '/api/v1/oncall/now?schedule=primary-web')).json as { onCall: Array<{ userIds: string[] }> };
  assert.deepEqual(api.onCall[0]!.userIds, [ids.rita], 'the API agrees: Rita holds the first week');
  assert.equal(await card.getByTestId('on-call-now').textContent(), 'Rita Responder');
  assert.equal(await card.getByTestId('shift-end').getAttribute('datetime'), new Date(start.at + 7 * DAY).toISOString(), 'until the hand-off a week after the first');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the timeline marks an override made in the form and highlights the gaps of a business-hours schedule', { skip: BROWSER_SKIP }, async () => {
  const { context, page, errors } = await newSignedInPage(browser, dep.url, dep.people.responder);
  await goWithinApp(page, '/oncall/schedules/primary-web');
  await page.getByRole('heading', { name: 'Schedule: primary-web' }).waitFor();
  assert.equal(await page.locator('.tl-override').count(), 0);
  await page.getByLabel('Person on call').selectOption({ label: 'Sam Second' });
  await page.getByLabel('Instead of').selectOption({ label: 'Rita Responder' });
  await page.getByRole('button', { name: 'Add override' }).click();
  await page.locator('.tl-override').first().waitFor();
  assert.equal(await page.locator('.tl-override').first().getAttribute('data-users'), ids.sam);
  assert.equal(await page.getByRole('table', { name: 'Overrides' }).locator('tbody tr').count(), 1);
  const stored = (await dep.call('GET', `/api/v1/oncall/schedules/primary-web/overrides?from=${new Date().toISOString()}&to=${new Date(Date.now() + 14 * DAY).toISOString()}`)).json as { overrides: Array<{ userId: string; replaces: string }> };
  assert.deepEqual(stored.overrides.map((o) => [o.userId, o.replaces]), [[ids.sam, ids.rita]]);

  await goWithinApp(page, `/oncall/schedules/${businessHoursId}`);
  await page.getByRole('heading', { name: 'Schedule: business-hours' }).waitFor();
  await page.locator('.tl-final .tl-gap').first().waitFor();
  assert.ok((await page.locator('.tl-final .tl-gap').count()) >= 9, 'every night and the weekend of the next 14 days is a gap');
  assert.match((await page.locator('.refusal[role=status]').textContent()) ?? '', /Nobody is on call/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a contact method is verified with the code mailed to it (captured by a real SMTP peer), and notification rules are saved', { skip: BROWSER_SKIP }, async () => {
  const { context, page, errors } = await newSignedInPage(browser, dep.url, dep.people.responder);
  await goWithinApp(page, '/oncall/contact-methods');
  await page.getByRole('heading', { name: 'My contact methods' }).waitFor();
  await page.getByLabel('Address').fill('rita.pager@example.test');
  await page.getByLabel('Label (optional)').fill('pager mail');
  await page.getByRole('button', { name: 'Add contact method' }).click();
  const item = page.locator('[data-address="rita.pager@example.test"]');
  await item.getByText('not verified').waitFor();

  const codeIn = (n: number) => {
    const mail = smtp.mails.filter((m) => m.to.includes('rita.pager@example.test'))[n];
    assert.ok(mail, 'the code went to the new address');
    const code = /verification code is (\d{6})/.exec(mail.text)?.[1];
    assert.ok(code, mail.text);
    return code;
  };
  const mailsTo = async (n: number) => {
    while (smtp.mails.filter((m) => m.to.includes('rita.pager@example.test')).length < n) await smtp.waitForMails(smtp.mails.length + 1, 30_000);
  };
  await mailsTo(1);
  const first = codeIn(0);
  await item.getByRole('button', { name: 'Send code' }).click();
  await item.getByRole('status').filter({ hasText: 'A new code is on its way.' }).waitFor();
  await mailsTo(2);
  const second = codeIn(1);
  if (first !== second) {
    await item.getByLabel('Verification code').fill(first);
    await item.getByRole('button', { name: 'Verify' }).click();
    await item.getByRole('alert').waitFor();
    assert.equal(await item.getByText('not verified').count(), 1, 'the replaced code no longer works');
  }
  await item.getByLabel('Verification code').fill(second);
  await item.getByRole('button', { name: 'Verify' }).click();
  await item.locator('.badge.ok', { hasText: 'verified' }).waitFor();

  await page.getByRole('button', { name: 'Add rule' }).click();
  await page.getByRole('button', { name: 'Add rule' }).click();
  await page.getByLabel('Rule 2: when').selectOption('later');
  await page.getByLabel('Minutes').fill('3');
  await page.getByRole('button', { name: 'Save rules' }).click();
  await page.getByRole('status').filter({ hasText: 'Rules saved.' }).waitFor();
  const rules = (await dep.call('GET', `/api/v1/users/${ids.rita}/notification-rules`)).json as { rules: Array<{ delaySeconds: number }> };
  assert.deepEqual(rules.rules.map((r) => r.delaySeconds).sort((a, b) => a - b), [0, 180]);

  await item.getByRole('button', { name: 'Remove pager mail' }).click();
  await item.waitFor({ state: 'detached' });
  const left = (await dep.call('GET', `/api/v1/users/${ids.rita}/contact-methods`)).json as { contactMethods: unknown[] };
  assert.equal(left.contactMethods.length, 0);
  assert.deepEqual(errors.filter((e) => !/status of 400/.test(e)), [], 'only the wrong code was refused');
  await context.close();
});

test('my shifts lists my upcoming shifts; the calendar feed URL is shown once, works, and stops working when revoked', { skip: BROWSER_SKIP }, async () => {
  const { context, page, errors } = await newSignedInPage(browser, dep.url, dep.people.responder);
  await goWithinApp(page, '/oncall/my-shifts');
  const shifts = page.getByRole('table', { name: 'My upcoming shifts' });
  await shifts.getByRole('link', { name: 'primary-web' }).first().waitFor();
  await page.getByRole('button', { name: 'Create calendar feed' }).click();
  const url = (await page.getByTestId('feed-url').textContent())!;
  const feed = await fetch(url);
  assert.equal(feed.status, 200);
  assert.match(await feed.text(), /BEGIN:VCALENDAR/);
  await page.reload();
  await page.getByRole('button', { name: 'Revoke feed' }).waitFor();
  assert.equal(await page.getByTestId('feed-url').count(), 0, 'the address is not shown again');
  await page.getByRole('button', { name: 'Revoke feed' }).click();
  await page.getByRole('button', { name: 'Create calendar feed' }).waitFor();
  assert.equal((await fetch(url)).status, 404, 'a revoked feed is gone');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the escalation policy editor saves steps with schedule and person targets, delays and a repeat count', { skip: BROWSER_SKIP }, async () => {
  const { context, page, errors } = await newSignedInPage(browser, dep.url, dep.people.admin);
  await goWithinApp(page, '/oncall/policies');
  await page.getByRole('button', { name: 'New policy' }).click();
  const form = page.getByRole('form', { name: 'Create policy' });
  await form.getByLabel('Policy name').fill('web-default');
  await form.getByLabel('Repeat the policy (extra passes)').fill('2');
  const step1 = form.locator('fieldset', { hasText: 'Step 1' });
  await step1.getByLabel('Target 1', { exact: true }).selectOption({ label: 'primary-web' });
  await form.getByRole('button', { name: 'Add step' }).click();
  const step2 = form.locator('fieldset', { hasText: 'Step 2' });
  await step2.getByLabel('Target 1', { exact: true }).selectOption({ label: 'Sam Second' });
  await step2.getByRole('button', { name: 'Add target' }).click();
  await step2.getByLabel('Target 2 kind').selectOption('team');
  await step2.getByRole('button', { name: 'Remove target 2 of step 2' }).click();
  await form.getByRole('button', { name: 'Create policy' }).click();
  const steps = page.getByRole('list', { name: 'Steps of web-default' });
  await steps.waitFor();
  assert.deepEqual(await steps.locator('li').allTextContents(), ['at once: schedule primary-web', 'after 5 min: Sam Second']);
  const stored = (await dep.call('GET', '/api/v1/escalation-policies/web-default')).json as { repeat: number; steps: Array<{ delaySeconds: number; targets: Array<{ type: string; id: string }> }> };
  assert.equal(stored.repeat, 2);
  assert.deepEqual(stored.steps.map((s) => [s.delaySeconds, s.targets.map((t) => t.type)]), [[0, ['schedule']], [300, ['user']]]);
  assert.deepEqual(stored.steps[1]!.targets[0]!.id, ids.sam);
  assert.deepEqual(errors, []);
  await context.close();
});

test('editing a schedule in the form replaces its layers: name and active days', { skip: BROWSER_SKIP }, async () => {
  const { context, page, errors } = await newSignedInPage(browser, dep.url, dep.people.responder);
  await goWithinApp(page, `/oncall/schedules/${businessHoursId}/edit`);
  const name = page.getByLabel('Layer name');
  await page.waitForFunction(() => (globalThis as unknown as { document: { querySelector(s: string): { value: string } | null } }).document.querySelector('fieldset.layer-box input')?.value === 'office');
  await name.fill('front desk');
  await page.getByLabel('Fri', { exact: true }).uncheck();
  await page.getByRole('button', { name: 'Save schedule' }).click();
  await page.getByRole('heading', { name: 'Schedule: business-hours' }).waitFor();
  const stored = (await dep.call('GET', `/api/v1/oncall/schedules/${businessHoursId}`)).json as { timeZone: string; layers: Array<{ name: string; participants: string[]; restrictions: Array<{ days: number[]; from: string; to: string }> }> };
  assert.equal(stored.timeZone, 'Europe/Berlin', 'unchanged fields kept');
  assert.deepEqual(stored.layers.map((l) => [l.name, l.participants, l.restrictions]), [['front desk', [ids.sam, ids.rita], [{ days: [1, 2, 3, 4], from: '09:00', to: '17:00' }]]]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the burden report lists every person, ranked', { skip: BROWSER_SKIP }, async () => {
  const { context, page, errors } = await newSignedInPage(browser, dep.url, dep.people.viewer);
  await goWithinApp(page, '/oncall/burden');
  const rows = page.getByRole('table', { name: 'On-call burden per person' }).locator('tbody tr');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 4);
  const ranks = (await rows.locator('td.rank').allTextContents()).map(Number);
  assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b), 'in rank order');
  assert.deepEqual(errors, []);
  await context.close();
});

interface Screen {
  name: string;
  path: () => string;
  ready: (page: Page) => Promise<unknown>;
}

const SCREENS: Screen[] = [
  { name: 'oncall-now', path: () => '/oncall', ready: (p) => p.locator('[data-schedule="business-hours"]').waitFor() },
  { name: 'oncall-schedule', path: () => `/oncall/schedules/${businessHoursId}`, ready: (p) => p.locator('.tl-final .tl-bar').first().waitFor() },
  { name: 'oncall-schedule-edit', path: () => `/oncall/schedules/${businessHoursId}/edit`, ready: (p) => p.getByLabel('Layer name').waitFor() },
  { name: 'oncall-my-shifts', path: () => '/oncall/my-shifts', ready: (p) => p.getByRole('heading', { name: 'Calendar feed' }).waitFor() },
  { name: 'oncall-contact-methods', path: () => '/oncall/contact-methods', ready: (p) => p.getByRole('heading', { name: 'Notification rules' }).waitFor() },
  { name: 'oncall-policies', path: () => '/oncall/policies', ready: (p) => p.getByRole('heading', { name: 'Escalation policies' }).waitFor() },
  { name: 'oncall-burden', path: () => '/oncall/burden', ready: (p) => p.getByRole('table', { name: 'On-call burden per person' }).waitFor() },
];

for (const vp of VIEWPORTS) {
  test(`every on-call screen as an admin at ${vp.width}×${vp.height} (${vp.colorScheme}): no console errors, no serious or critical axe violations`, { skip: BROWSER_SKIP }, async () => {
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

test('a viewer sees no write controls on the on-call screens (only their own calendar feed, which the API lets anyone make)', { skip: BROWSER_SKIP }, async () => {
  const { context, page, errors } = await newSignedInPage(browser, dep.url, dep.people.viewer);
  const writeButton = /New|Add|Edit|Save|Delete|Remove|Verify|Send code|Create|Revoke|Cancel/;
  for (const screen of SCREENS.filter((s) => s.name !== 'oncall-schedule-edit')) {
    await goWithinApp(page, screen.path());
    await screen.ready(page);
    const buttons = await page.locator('#main').getByRole('button').allTextContents();
    const allowed = screen.name === 'oncall-my-shifts' ? ['Create calendar feed'] : [];
    assert.deepEqual(buttons.filter((b) => writeButton.test(b) && !allowed.includes(b)), [], `${screen.name}: ${buttons.join(', ')}`);
    assert.equal(await page.locator('#main a', { hasText: /New schedule|Edit schedule/ }).count(), 0, screen.name);
    assert.equal(await page.locator('#main select[aria-label^="State"], #main input[type=datetime-local]').count(), 0, screen.name);
    assert.deepEqual(await seriousViolations(page), [], screen.name);
  }
  await goWithinApp(page, `/oncall/schedules/${businessHoursId}/edit`);
  await page.getByRole('heading', { name: 'Not allowed' }).waitFor();
  await page.screenshot({ path: path.join(DIR, 'oncall-viewer-1366x768.png') });
  assert.deepEqual(errors, []);
  await context.close();
});
