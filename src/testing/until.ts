/** Waiting in tests: on a condition, never a fixed sleep. */

/**
 * The one polling helper of the suite (argument order: what, probe, timeout).
 * Polls `probe` every `everyMs` until it returns a truthy value and returns it;
 * fails naming `what` after `timeoutMs`. Heavy probes (counting thousands of
 * rows) poll less often.
 */
export async function until<T>(what: string, probe: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeoutMs = 20_000, everyMs = 25): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
