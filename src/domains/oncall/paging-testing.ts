/** Helpers of the paging tests: waiting on a condition, and the path of a link in a page's text. */
import assert from 'node:assert/strict';

export { until } from '../../testing/until.js';

/** The path of the link labelled `label` ("Acknowledge", "Escalate now") in a page sent with the public URL http://firebreak.test. */
export function linkIn(text: string, label: string): string {
  const match = new RegExp(`${label}: (http://firebreak\\.test/p/[A-Za-z0-9_-]+)`).exec(text);
  assert.ok(match, `no ${label} link in:\n${text}`);
  return new URL(match[1]!).pathname;
}
