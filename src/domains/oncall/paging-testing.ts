/** Helpers of the paging tests: waiting on a condition, and the path of a link in a page's text. */
import assert from 'node:assert/strict';

/** Polls `probe` until it returns a value (tests wait on conditions, never on fixed sleeps). */
export async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The path of the link labelled `label` ("Acknowledge", "Escalate now") in a page sent with the public URL http://firebreak.test. */
export function linkIn(text: string, label: string): string {
  const match = new RegExp(`${label}: (http://firebreak\\.test/p/[A-Za-z0-9_-]+)`).exec(text);
  assert.ok(match, `no ${label} link in:\n${text}`);
  return new URL(match[1]!).pathname;
}
