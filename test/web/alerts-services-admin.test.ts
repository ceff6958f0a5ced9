/**
 * Alerts, services and admin as people use them: a group's alerts one by one,
 * a silence built matcher by matcher with its preview (and the API's refusal
 * beside the row it names), the dependency graph, teams and their members,
 * revoking a token, filtering the audit log, and editing the incident policy.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import type { Browser } from 'playwright-core';
import { alertmanagerWebhook, BROWSER_SKIP, deployWithBrowser, goWithinApp, newSignedInPage, screenshotDir, seriousViolations, type Deployment } from './harness.js';

const DIR = screenshotDir('alerts-services-admin');
let dep: Deployment;
let browser: Browser;
deployWithBrowser((d, b) => {
  dep = d;
  browser = b;
});

test('a responder acknowledges one alert of a group, and silences the group with a previewed matcher set', { skip: BROWSER_SKIP }, async () => {
  const hook = alertmanagerWebhook({ alertname: 'CheckoutLatency', severity: 'warning', summary: 'Checkout p99 above 2 s', fingerprint: 'aaaa000000000001' });
  hook.alerts.push({ ...hook.alerts[0]!, fingerprint: 'aaaa000000000002', labels: { ...hook.alerts[0]!.labels, instance: 'checkout-2:9090' }, annotations: { summary: 'Checkout p99 above 2 s on checkout-2' } });
  const res = await fetch(`${dep.url}/intake/alertmanager/${dep.alertmanagerKey}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(hook) });
  assert.equal(res.status, 202);

  const { page, errors } = await newSignedInPage(browser, dep.url, dep.people.responder);
  await goWithinApp(page, '/alerts');
  await page.getByRole('button', { name: /^Alerts of .*: 2 \(2 open\)/ }).click();
  const nested = page.getByRole('table', { name: 'Alerts of the group' });
  await nested.locator('tbody tr').nth(1).waitFor();
  await page.getByRole('button', { name: 'Acknowledge alert Checkout p99 above 2 s on checkout-2' }).click();
  await nested.locator('tr[data-alert="aaaa000000000002"]').getByText('acknowledged').waitFor();
  await nested.locator('tr[data-alert="aaaa000000000001"]').getByText('triggered').waitFor();
  await page.screenshot({ path: path.join(DIR, 'alerts-group-open-1366x768.png') });

  await page.getByRole('link', { name: 'Silence…' }).first().click();
  await page.getByRole('heading', { name: 'New silence' }).waitFor();
  await page.getByRole('heading', { name: 'Would silence 2 open alerts' }).waitFor();
  // A second row narrows it: only checkout-2.
  await page.getByRole('button', { name: 'Add matcher' }).click();
  const second = page.getByRole('group', { name: /^Matcher \d$/ }).last();
  await second.getByLabel('Label', { exact: true }).fill('instance');
  await second.getByLabel('Match', { exact: true }).selectOption('=~');
  await second.getByLabel('Value', { exact: true }).fill('checkout-2.*');
  await page.getByRole('heading', { name: 'Would silence 1 open alert' }).waitFor();
  // The API refuses a value past 1,024 characters: the message stands beside that row.
  await second.getByLabel('Value', { exact: true }).fill(`checkout-2${'.?'.repeat(520)}`);
  await page.getByLabel('Why (shown with the silence)').fill('checkout-2 is being replaced');
  await page.getByRole('button', { name: 'Silence', exact: true }).click();
  await second.locator('.field-error').waitFor();
  assert.match(await second.locator('.field-error').innerText(), /1024/);
  assert.deepEqual(await seriousViolations(page), []);
  await page.screenshot({ path: path.join(DIR, 'silence-builder-error-1366x768.png') });
  await second.getByLabel('Value', { exact: true }).fill('checkout-2.*');
  await page.getByRole('button', { name: 'Silence', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Silenced until' }).waitFor();
  const silences = (await dep.call('GET', '/api/v1/silences?active=true')).json as { silences: Array<{ matchers: Array<{ name: string; op: string; value: string }> }> };
  assert.equal(silences.silences.length, 1);
  const stored = silences.silences[0]!.matchers.map((m) => `${m.name}${m.op}${m.value}`);
  assert.ok(stored.includes('instance=~checkout-2.*'), stored.join(', '));
  assert.ok(stored.length >= 2, 'the group’s own labels came along');
  await page.getByRole('button', { name: 'Expire silence checkout-2 is being replaced' }).click();
  await page.getByText('No silence in force.').waitFor();

  await goWithinApp(page, '/alerts/noise');
  await page.getByRole('table', { name: 'Noisiest alerts' }).locator('svg[role="img"]').first().waitFor();
  assert.match((await page.locator('table[aria-label="Noisiest alerts"] svg[role="img"]').first().getAttribute('aria-label')) ?? '', /fired \d+ times .* never acted on \d+%/);
  assert.deepEqual(errors.filter((e) => !/status of 4\d\d/.test(e)), []);
});

test('an admin sees the dependency graph, manages a team, revokes a token, filters the audit log and edits the policy', { skip: BROWSER_SKIP }, async () => {
  const make = async (name: string, dependsOn: string[]) => ((await dep.call('POST', '/api/v1/services', { name, dependsOn })).json as { id: string }).id;
  const db = await make('orders-db', []);
  const orders = await make('orders-api', [db]);
  await make('storefront', [orders, dep.serviceId]);

  const { page, errors } = await newSignedInPage(browser, dep.url, dep.people.admin);
  await goWithinApp(page, '/services');
  const graph = page.getByRole('group', { name: 'Service dependency graph' });
  await graph.locator('[data-service="storefront"]').waitFor();
  assert.equal(await graph.locator('path[data-edge="storefront->orders-api"]').count(), 1);
  assert.equal(await graph.locator('path[data-edge="orders-api->orders-db"]').count(), 1);
  assert.match((await graph.locator('[data-service="orders-api"]').getAttribute('aria-label')) ?? '', /depends on orders-db; used by storefront/);
  const x = async (name: string) => (await graph.locator(`[data-service="${name}"]`).boundingBox())!.x;
  assert.ok((await x('orders-db')) < (await x('orders-api')) && (await x('orders-api')) < (await x('storefront')), 'dependencies stand to the left');
  await page.screenshot({ path: path.join(DIR, 'services-graph-1366x768.png') });

  await goWithinApp(page, '/admin/teams');
  await page.getByLabel('Team name').fill('payments');
  await page.getByRole('button', { name: 'Create team' }).click();
  const team = page.locator('tr[data-team="payments"]');
  await team.getByLabel('Add to payments').selectOption({ label: `Rita Responder (${dep.people.responder.email})` });
  await team.getByRole('button', { name: 'Add member' }).click();
  await team.getByRole('button', { name: 'Remove Rita Responder from payments' }).waitFor();

  await goWithinApp(page, '/admin/tokens');
  await page.getByLabel('Token name').fill('ci-deployer');
  await page.getByRole('button', { name: 'Create token' }).click();
  await page.getByText('Copy the token now').waitFor();
  await page.getByRole('button', { name: 'Revoke token ci-deployer' }).click();
  await page.locator('tr[data-token="ci-deployer"]').getByRole('button').waitFor({ state: 'detached' });
  const tokens = (await dep.call('GET', '/api/v1/tokens?all=true')).json as { tokens: Array<{ name: string; revokedAt: string | null }> };
  assert.ok(tokens.tokens.find((t) => t.name === 'ci-deployer')?.revokedAt, 'the token is revoked');

  await goWithinApp(page, '/admin/audit');
  const log = page.getByRole('table', { name: 'Audit log' });
  await log.locator('tbody tr').first().waitFor();
  await page.getByLabel('Action', { exact: true }).fill('token.revoke');
  await log.locator('tbody tr[data-action="token.revoke"]').first().waitFor();
  assert.deepEqual([...new Set(await log.locator('tbody tr').evaluateAll((rows) => rows.map((r) => (r as unknown as { dataset: { action: string } }).dataset.action)))], ['token.revoke']);
  await page.getByLabel('Action', { exact: true }).fill('');
  await page.getByLabel('Who', { exact: true }).selectOption({ label: 'Rita Responder' });
  await log.locator('tbody tr').first().waitFor();
  assert.ok((await log.locator('tbody tr').allInnerTexts()).every((r) => r.includes(dep.people.responder.email)), 'only Rita’s entries');
  await page.getByLabel('Who', { exact: true }).selectOption({ label: 'anyone' });
  await page.getByLabel('From', { exact: true }).fill('2099-01-01T00:00');
  await page.getByText('No entries match.').waitFor();
  await page.getByLabel('From', { exact: true }).fill('');
  await page.getByLabel('To', { exact: true }).fill('2000-01-01T00:00');
  await page.getByText('No entries match.').waitFor();
  await page.screenshot({ path: path.join(DIR, 'audit-filters-1366x768.png') });

  await goWithinApp(page, '/admin/policy');
  const cadence = page.getByLabel('SEV1 update cadence (minutes)');
  await cadence.fill('0');
  await page.getByRole('button', { name: 'Save policy' }).click();
  const cadenceError = page.locator('.field').filter({ has: cadence }).locator('.field-error');
  await cadenceError.waitFor();
  assert.match(await cadenceError.innerText(), />= 1|at least 1|minimum/i);
  assert.deepEqual(await seriousViolations(page), []);
  await cadence.fill('20');
  await page.getByLabel('SEV1 definition').fill('Customers cannot pay, or data is at risk');
  await page.getByRole('button', { name: 'Save policy' }).click();
  await page.getByRole('status').filter({ hasText: 'Policy saved' }).waitFor();
  const policy = (await dep.call('GET', '/api/v1/settings/incident-policy')).json as { severities: { SEV1: { updateCadenceMinutes: number; definition: string } } };
  assert.equal(policy.severities.SEV1.updateCadenceMinutes, 20);
  assert.equal(policy.severities.SEV1.definition, 'Customers cannot pay, or data is at risk');
  await page.screenshot({ path: path.join(DIR, 'policy-1366x768.png'), fullPage: true });
  assert.deepEqual(errors.filter((e) => !/status of 4\d\d/.test(e)), []);
});
