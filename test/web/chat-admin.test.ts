/** The admin's Chat tab in a real browser: connecting Slack names what is missing, then connects, tests and disconnects against the Slack stand-in. */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { after, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { SlackStandIn } from '../support/chat/slack-standin.js';
import { BROWSER_SKIP, deployWithBrowser, goWithinApp, newSignedInPage, screenshotDir, seriousViolations, type Deployment } from './harness.js';

const DIR = screenshotDir('chat-admin');
const slack = new SlackStandIn();
let dep: Deployment;
let browser: Browser;
deployWithBrowser(
  (d, b) => {
    dep = d;
    browser = b;
  },
  {
    env: async () => {
      await slack.start();
      return { FIREBREAK_SECRET_KEY: randomBytes(32).toString('base64'), FIREBREAK_SLACK_API_URL: slack.url };
    },
  },
);
after(async () => {
  await slack.close();
});

test('an admin connects Slack from the Chat tab: the missing signing secret is named, then it connects, tests and disconnects', { skip: BROWSER_SKIP }, async () => {
  const { page, errors } = await newSignedInPage(browser, dep.url, dep.people.admin);
  await goWithinApp(page, '/admin/chat');
  await page.getByText('No chat workspace is connected.').waitFor();
  const form = page.getByRole('form', { name: 'Connect a chat workspace' });
  await form.getByLabel('Name').fill('Acme Slack');
  await form.getByLabel('Bot token').fill(slack.token);
  await form.getByRole('button', { name: 'Connect' }).click();
  await form.locator('.field-error').filter({ hasText: /signing secret/ }).waitFor();
  assert.deepEqual(await seriousViolations(page), []);
  await form.getByLabel('Signing secret').fill(slack.signingSecret);
  await form.getByRole('button', { name: 'Connect' }).click();
  const card = page.getByRole('region', { name: 'Chat workspace Acme Slack' });
  await card.getByText(`team ${slack.teamId}`).waitFor();
  await card.getByRole('list', { name: 'What Acme Slack is missing' }).getByText(/no team channel for pages/).waitFor();
  await card.getByRole('button', { name: 'Test' }).click();
  await card.getByText(/connected to Stand-in/).waitFor();
  assert.deepEqual(await seriousViolations(page), []);
  await page.screenshot({ path: path.join(DIR, 'chat-tab-1366x768.png') });
  await card.getByRole('button', { name: 'Disconnect Acme Slack' }).click();
  await page.getByText('No chat workspace is connected.').waitFor();
  assert.deepEqual(errors.filter((e) => !/status of 400/.test(e)), [], 'no console errors but the refused first connect');
  assert.deepEqual(slack.violations, []);
});
