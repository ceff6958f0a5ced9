/**
 * The first-hour checklist's other steps, proven end to end in Chromium: the
 * contact-method step ticks itself off when the person adds an email address
 * and verifies it with the code from the mail a real SMTP peer received; the
 * Grafana and PagerDuty Events v2 snippets the checklist shows work when a
 * sender posts to exactly the URL and key they name.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { startSmtpPeer, type SmtpPeer } from '../../src/domains/notify/testing.js';
import { amBody } from '../../src/testing/alerts.js';
import { until } from '../../src/testing/until.js';
import { BROWSER_SKIP, deployWithBrowser, goWithinApp, newSignedInPage, type Deployment } from './harness.js';

let dep: Deployment;
let browser: Browser;
let smtp: SmtpPeer;

deployWithBrowser(
  (d, b) => {
    dep = d;
    browser = b;
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

interface AlertRow { source: string; summary: string; serviceId: string }

test('first hour: the contact step ticks once an added email is verified with the mailed code; the Grafana and PagerDuty snippets shown work as given', { skip: BROWSER_SKIP }, async () => {
  const { context, page, errors } = await newSignedInPage(browser, dep.url, dep.people.admin);
  const checklist = page.getByRole('region', { name: 'The first hour: what to do next' });
  await checklist.waitFor();
  const step = (id: string) => checklist.locator(`[data-step="${id}"]`);
  for (const id of ['source', 'contact']) assert.equal(await step(id).getAttribute('data-done'), 'false', id);

  // Both snippets first: the sender form leaves once the step is done.
  const snippetFor = async (sender: 'grafana' | 'pagerduty', service: string) => {
    await checklist.getByLabel('Sender').selectOption(sender);
    await checklist.getByLabel('Service').fill(service);
    await checklist.getByRole('button', { name: 'Create a key' }).click();
    return (await checklist.getByTestId('sender-snippet').textContent())!;
  };
  const grafana = await snippetFor('grafana', 'ledger');
  const grafanaUrl = /^Contact point → Webhook → URL: (\S+) \(method POST\)$/.exec(grafana)?.[1];
  assert.ok(grafanaUrl?.startsWith(`${dep.url}/intake/grafana/`), grafana);
  const pagerduty = await snippetFor('pagerduty', 'billing');
  const events = /^Events API v2 URL: (\S+)$/m.exec(pagerduty)?.[1];
  const routingKey = /^routing_key: (\S+)$/m.exec(pagerduty)?.[1];
  assert.equal(events, `${dep.url}/v2/enqueue`, pagerduty);
  assert.ok(routingKey, pagerduty);

  // A PagerDuty Events v2 sender, configured from the snippet: the step ticks itself off.
  const pd = await fetch(events, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ routing_key: routingKey, event_action: 'trigger', dedup_key: 'billing-queue', payload: { summary: 'billing queue backing up', source: 'billing-worker-1', severity: 'warning' } }) });
  assert.equal(pd.status, 202, await pd.text());
  await step('source').and(page.locator('[data-done="true"]')).waitFor({ timeout: 30_000 });

  // Grafana's webhook contact point, pointed at the snippet's URL: its alert is recorded from that key (the step is already done).
  const body = { ...amBody([{ fingerprint: 'ledger-latency', labels: { alertname: 'LedgerLatency', severity: 'warning' }, summary: 'ledger p99 above 2s' }]), version: '1', orgId: 1, title: '[FIRING:1] LedgerLatency', state: 'alerting', message: 'ledger p99 above 2s' };
  const gf = await fetch(grafanaUrl!, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  assert.equal(gf.status, 202, await gf.text());
  const alerts = await until('both senders\' alerts', async () => {
    const rows = ((await dep.call('GET', '/api/v1/alerts?limit=20')).json as { alerts: AlertRow[] }).alerts;
    return rows.some((a) => a.source === 'grafana') && rows.some((a) => a.source === 'pagerduty') ? rows : undefined;
  });
  const services = ((await dep.call('GET', '/api/v1/services')).json as { services: Array<{ id: string; name: string }> }).services;
  const serviceOf = (source: string) => services.find((s) => s.id === alerts.find((a) => a.source === source)!.serviceId)?.name;
  assert.equal(serviceOf('grafana'), 'ledger', 'the Grafana alert came in on the key created for ledger');
  assert.equal(serviceOf('pagerduty'), 'billing', 'the PagerDuty event came in on the routing key created for billing');

  // The contact step: add an email address, verify it with the code the mail carries.
  assert.equal(await step('contact').getAttribute('data-done'), 'false');
  await goWithinApp(page, '/oncall/contact-methods');
  const add = page.getByRole('form', { name: 'New contact method' });
  await add.getByLabel('Kind').selectOption('email');
  await add.getByLabel('Address').fill('ada.pager@example.test');
  const mailsBefore = smtp.mails.length;
  await add.getByRole('button', { name: 'Add contact method' }).click();
  const mail = await until('the verification mail', async () => smtp.mails.slice(mailsBefore).find((m) => m.to.includes('ada.pager@example.test')), 20_000);
  const code = /\b(\d{6})\b/.exec(mail.text)?.[1];
  assert.ok(code, mail.text);
  const verify = page.getByRole('form', { name: 'Verify contact method' });
  await verify.getByLabel('Verification code').fill(code);
  await verify.getByRole('button', { name: 'Verify' }).click();
  await verify.waitFor({ state: 'detached' });
  await goWithinApp(page, '/incidents');
  await step('contact').and(page.locator('[data-done="true"]')).waitFor({ timeout: 20_000 });

  assert.deepEqual(errors, [], 'no console errors');
  await context.close();
});
