/**
 * The postmortem screen shows where each action item lives in the team's
 * tracker: the issue link and "open in GitHub", then "closed in GitHub" once
 * GitHub's signed webhook closed it, and a pending sync while GitHub is down.
 * Against the GitHub stand-in that checks requests against GitHub's published
 * description; axe clean.
 */
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { until } from '../../src/testing/until.js';
import { GithubStandIn } from '../support/trackers/github-standin.js';
import { BROWSER_SKIP, deployWithBrowser, goWithinApp, newSignedInPage, seriousViolations, type Deployment } from './harness.js';

let dep: Deployment;
let browser: Browser;
let ref: string;
let secret: string;
const github = new GithubStandIn('acme', 'checkout');
type Item = { id: string; title: string; tracker: { sync: string } | null };

deployWithBrowser(
  async (d, b) => {
    dep = d;
    browser = b;
    const connected = await dep.call('PUT', '/api/v1/tracker/github', { repository: 'acme/checkout', token: github.token, apiUrl: github.url });
    assert.equal(connected.status, 200, JSON.stringify(connected.json));
    secret = (connected.json as { webhookSecret: string }).webhookSecret;
    const declared = await dep.call('POST', '/api/v1/incidents', { title: 'Checkout timeouts', severity: 'SEV3', services: [dep.serviceId] });
    ref = (declared.json as { ref: string }).ref;
    assert.equal((await dep.call('POST', `/api/v1/incidents/${ref}/postmortem`)).status, 201);
    assert.equal((await dep.call('POST', `/api/v1/incidents/${ref}/postmortem/action-items`, { title: 'Alert when checkout p99 exceeds 2 s for 10 minutes', type: 'detect' })).status, 201);
    await until('the issue in GitHub', async () => ((await dep.call('GET', `/api/v1/incidents/${ref}/postmortem`)).json as { actionItems: Item[] }).actionItems[0]?.tracker?.sync === 'created', 20_000);
  },
  {
    env: async () => {
      await github.start();
      return { FIREBREAK_SECRET_KEY: randomBytes(32).toString('base64') };
    },
  },
);
after(async () => github.close());

test('the postmortem screen shows the issue link and its state in GitHub, and a pending sync', { skip: BROWSER_SKIP }, async () => {
  const { context, page, errors } = await newSignedInPage(browser, dep.url, dep.people.admin);
  await goWithinApp(page, `/postmortems/${ref}`);
  const items = page.getByRole('table', { name: 'Action items' });
  await items.getByText('open in GitHub').waitFor();
  assert.equal(await items.getByRole('link', { name: 'acme/checkout#1' }).getAttribute('href'), 'https://github.com/acme/checkout/issues/1');
  assert.deepEqual(await seriousViolations(page), [], 'postmortem with a tracker link');

  github.setState(1, 'closed');
  const { body, problems } = github.issuesWebhook(1, 'closed');
  assert.deepEqual(problems, []);
  const delivered = await fetch(`${dep.url}/api/v1/tracker/webhooks/github`, { method: 'POST', headers: await github.deliveryHeaders(secret, body, randomUUID()), body });
  assert.equal(delivered.status, 200);
  await page.reload();
  await items.getByText('closed in GitHub').waitFor();

  // GitHub down: the next item shows its pending sync with the last answer.
  github.server.inject((r) => r.method === 'POST', { status: 503, body: { message: 'Service Unavailable', documentation_url: 'https://docs.github.com/rest' } }, 1000);
  assert.equal((await dep.call('POST', `/api/v1/incidents/${ref}/postmortem/action-items`, { title: 'Add a canary stage for checkout config pushes', type: 'prevent' })).status, 201);
  await until('a failed try', async () => ((await dep.call('GET', `/api/v1/incidents/${ref}/postmortem`)).json as { actionItems: Array<Item & { tracker: { attempts: number } }> }).actionItems.some((i) => i.tracker.attempts > 0 && i.tracker.sync === 'pending'), 20_000);
  await page.reload();
  await items.getByText(/GitHub issue pending \(\d+ tr(y|ies), last: HTTP 503/).waitFor();
  assert.deepEqual(github.violations, []);
  assert.deepEqual(errors, []);
  await context.close();
});
