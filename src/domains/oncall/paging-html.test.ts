import assert from 'node:assert/strict';
import { test } from 'node:test';
import { confirmationPage } from './paging-html.js';

const preview = (escalationStatus: 'active' | 'exhausted' | 'acknowledged', offersCommand = false) => ({ purpose: 'acknowledge' as const, title: 'Checkout 5xx', recipient: 'oncall@example.test', escalationStatus, usable: true, why: null, offersCommand });

test('a single-step policy that has paged everyone says the alert is still unacknowledged, not that the escalation stopped', () => {
  const page = confirmationPage(preview('exhausted'));
  assert.match(page, /nobody has acknowledged yet: the alert is still unacknowledged/);
  assert.doesNotMatch(page, /already stopped/);
  assert.match(page, /<form method="post"><button type="submit">Acknowledge<\/button>/);
});

test('an acknowledged escalation says it has stopped; an active one says nothing of its state', () => {
  assert.match(confirmationPage(preview('acknowledged')), /already stopped \(acknowledged\)/);
  assert.doesNotMatch(confirmationPage(preview('active')), /stopped|unacknowledged/);
});

test('a page for an incident nobody commands offers "Acknowledge and take command" as one button beside the plain acknowledgement', () => {
  const offered = confirmationPage(preview('active', true));
  assert.match(offered, /<form method="post"><button type="submit">Acknowledge<\/button><\/form>/);
  assert.match(offered, /<form method="post" action="\?take=command"><button type="submit">Acknowledge and take command<\/button><\/form>/);
  assert.match(offered, /Nobody commands this incident yet/);
  assert.doesNotMatch(confirmationPage(preview('active', false)), /take command/);
});
