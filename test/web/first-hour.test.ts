/**
 * The first hour on a fresh install, in Chromium against a real server and a
 * real Alertmanager (Debian's prometheus-alertmanager, on loopback, with its
 * own temporary storage): the empty home screen shows the checklist; the
 * admin creates an Alertmanager key and gets the receiver snippet; that
 * snippet, pasted into alertmanager.yml, makes Alertmanager post an alert to
 * Firebreak, and the step ticks itself off. A schedule and a policy tick
 * theirs; the contact method stays to do until one is verified.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { until } from '../../src/testing/until.js';
import { BROWSER_SKIP, deployWithBrowser, newSignedInPage, type Deployment } from './harness.js';
import { freePort } from '../support/process.js';

const ALERTMANAGER = '/usr/bin/prometheus-alertmanager';
const SKIP = BROWSER_SKIP || (existsSync(ALERTMANAGER) || process.env.CI === 'true' ? false : `${ALERTMANAGER} is missing (apt-get install prometheus-alertmanager)`);

let dep: Deployment;
let browser: Browser;
let alertmanager: ChildProcess | undefined;
deployWithBrowser((d, b) => {
  dep = d;
  browser = b;
});
after(() => {
  alertmanager?.kill('SIGTERM');
});

test('the empty home screen lists the first hour; the Alertmanager snippet it shows makes a real Alertmanager post, and the steps tick themselves off', { skip: SKIP }, async () => {
  const { context, page, errors } = await newSignedInPage(browser, dep.url, dep.people.admin);
  const checklist = page.getByRole('region', { name: 'The first hour: what to do next' });
  await checklist.waitFor();
  const step = (id: string) => checklist.locator(`[data-step="${id}"]`);
  for (const id of ['source', 'contact', 'schedule', 'policy']) assert.equal(await step(id).getAttribute('data-done'), 'false', id);

  await checklist.getByLabel('Sender').selectOption('alertmanager');
  await checklist.getByLabel('Service').fill('payments');
  await checklist.getByRole('button', { name: 'Create a key' }).click();
  const snippet = (await checklist.getByTestId('sender-snippet').textContent())!;
  assert.match(snippet, new RegExp(`url: '${dep.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/intake/alertmanager/[A-Za-z0-9_-]+'`), 'this server\'s URL and a new key');
  assert.match(snippet, /receivers:\n {2}- name: firebreak\n {4}webhook_configs:/);

  // The snippet as shown, with the timings a test cannot wait 30 s for.
  const dir = mkdtempSync(path.join(tmpdir(), 'firebreak-am-'));
  writeFileSync(path.join(dir, 'alertmanager.yml'), snippet.replace('  receiver: firebreak', '  receiver: firebreak\n  group_wait: 1s\n  group_interval: 1s\n  repeat_interval: 1h') + '\n');
  const port = await freePort();
  alertmanager = spawn(ALERTMANAGER, [`--config.file=${path.join(dir, 'alertmanager.yml')}`, `--storage.path=${path.join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--cluster.listen-address='], { stdio: ['ignore', 'pipe', 'pipe'] });
  let amLog = '';
  alertmanager.stderr!.on('data', (d: Buffer) => (amLog += d.toString()));
  const am = `http://127.0.0.1:${port}`;
  await until('Alertmanager is ready', async () => (await fetch(`${am}/-/ready`).catch(() => null))?.ok, 30_000).catch(() => assert.fail(`Alertmanager did not start:\n${amLog}`));
  // A warning: recorded as an alert, no incident, so the home screen stays empty and keeps its checklist.
  const posted = await fetch(`${am}/api/v2/alerts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify([{ labels: { alertname: 'PaymentsDiskFilling', severity: 'warning', service: 'payments' }, annotations: { summary: 'payments disk 90% full' } }]),
  });
  assert.equal(posted.status, 200, await posted.text());

  await step('source').and(page.locator('[data-done="true"]')).waitFor({ timeout: 30_000 }).catch(() => assert.fail(`the alert source did not tick off; Alertmanager said:\n${amLog}`));
  const alerts = (await dep.call('GET', '/api/v1/alerts?limit=5')).json as { alerts: Array<{ source: string; summary: string }> };
  assert.ok(alerts.alerts.some((a) => a.source === 'alertmanager' && a.summary === 'payments disk 90% full'), JSON.stringify(alerts));

  const users = (await dep.call('GET', '/api/v1/users')).json as { users: Array<{ id: string; email: string }> };
  const me = users.users.find((u) => u.email === dep.people.admin.email)!.id;
  const schedule = await dep.call('POST', '/api/v1/oncall/schedules', { name: 'primary', timeZone: 'UTC', layers: [{ name: 'week', start: '2026-01-05T09:00', length: { unit: 'weeks', count: 1 }, participants: [me] }] });
  assert.equal(schedule.status, 201, JSON.stringify(schedule.json));
  await step('schedule').and(page.locator('[data-done="true"]')).waitFor({ timeout: 20_000 });
  const policy = await dep.call('POST', '/api/v1/escalation-policies', { name: 'payments-primary', steps: [{ delaySeconds: 0, targets: [{ type: 'schedule', id: (schedule.json as { id: string }).id }] }] });
  assert.equal(policy.status, 201, JSON.stringify(policy.json));
  await step('policy').and(page.locator('[data-done="true"]')).waitFor({ timeout: 20_000 });
  assert.equal(await step('contact').getAttribute('data-done'), 'false', 'no verified contact method yet');
  assert.deepEqual(errors, []);
  await context.close();
});
