import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintActionItem, lintBlame } from './lint.js';

/** [action item, concrete?] */
const ACTION_ITEMS: Array<[string, boolean]> = [
  ['Improve observability', false],
  ['Be more careful', false],
  ['Investigate further', false],
  ['Be more careful when deploying config', false],
  ['Look into the timeout issue', false],
  ['Improve monitoring', false],
  ['More testing', false],
  ['Better alerting for payments', false],
  ['Add more monitoring to checkout', false],
  ['Review the deploy process', false],
  ['Ensure this does not happen again', false],
  ['Consider adding retries', false],
  ['Fix it', false],
  ['Communicate better during incidents', false],
  ['Double-check config before pushing', false],
  ['Keep an eye on the retry queue', false],
  ['Follow up on the database', false],
  ['Harden the payment client', false],
  ['Training', false],
  ['Think about capacity', false],
  ['Alert when checkout 5xx exceeds 2% for 5 minutes, paging payments on-call', true],
  ['Add a canary stage that blocks config pushes when EU error rate rises above 1%', true],
  ['Set the payment client timeout to 3s and add retries with jittered backoff', true],
  ['Require a second reviewer on changes to config/payments.yaml in CODEOWNERS', true],
  ['Write a runbook for failing EU traffic over to eu-central, linked from the checkout alert', true],
  ['Reduce config cache TTL from 1 hour to 60 seconds', true],
  ['Make the deploy tool reject config pushes without a linked change ticket', true],
  ['Page the database specialist automatically when replica lag is over 5 minutes', true],
  ['Add a dashboard panel for retry queue depth per region', true],
  ['Migrate payment client config into the versioned service manifest', true],
  ['Improve checkout p99 latency to under 800 ms by caching tax rates', true],
  ['Delete the stale config cache on every config rollback via the rollback script', true],
  ['Run a failover drill to eu-central every quarter with the payments team', true],
];

/** [sentence, blameless?] */
const SENTENCES: Array<[string, boolean]> = [
  ['Human error', false],
  ['The outage was caused by human error during the deploy', false],
  ['Dave forgot to run the migration before deploying', false],
  ['Priya didn\'t check the dashboard', false],
  ['The engineer should have been more careful', false],
  ['Operators should have known the config was wrong', false],
  ['A careless config push broke checkout', false],
  ['Someone forgot to renew the certificate', false],
  ['The on-call ignored the alert', false],
  ['It was the fault of the payments team', false],
  ['Bob deployed the change on a Friday without telling anyone', false],
  ['Operator error in the failover procedure', false],
  ['Alice made a mistake in the rollout', false],
  ['The deploy tool applied config without review or a canary', true],
  ['The payment client timeout was shorter than the provider p99 latency', true],
  ['Config changes bypassed the canary stage because they were not classed as deploys', true],
  ['The alert for EU checkout errors paged nobody because its route was missing', true],
  ['Two pods kept a cached copy of the old config for an hour', true],
  ['The runbook described a failover that eu-central could not serve', true],
  ['Replica lag made a database restart unsafe', true],
  ['Kubernetes restarted the pods before the readiness probe passed', true],
  ['No test covered the payment client with the production timeout', true],
];

test(`action item lint: ${ACTION_ITEMS.length} items, each with its verdict`, () => {
  assert.ok(ACTION_ITEMS.length >= 30 && ACTION_ITEMS.some(([, ok]) => ok) && ACTION_ITEMS.some(([, ok]) => !ok));
  for (const [item, concrete] of ACTION_ITEMS) {
    const result = lintActionItem(item);
    assert.equal(result.ok, concrete, `${item}: ${JSON.stringify(result.findings)}`);
    if (!concrete) assert.ok(result.findings.every((f) => f.reason && f.suggestion));
  }
});

test(`blame lint: ${SENTENCES.length} sentences, each with its verdict and a suggestion when flagged`, () => {
  assert.ok(SENTENCES.length >= 20);
  for (const [sentence, blameless] of SENTENCES) {
    const result = lintBlame(sentence);
    assert.equal(result.ok, blameless, `${sentence}: ${JSON.stringify(result.findings)}`);
    if (!blameless) assert.match(result.findings[0]!.suggestion, /system condition/);
  }
});

test('blame lint: names of known responders are flagged even without a blame verb', () => {
  assert.equal(lintBlame('The rollback by carol took 20 minutes', ['Carol']).ok, false);
  assert.equal(lintBlame('The rollback took 20 minutes', ['Carol']).ok, true);
});
