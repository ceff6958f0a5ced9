/**
 * Fixed-window counters for actions that send something to someone: a
 * confirmation mail for a status page subscription, a verification code to a
 * phone. Each key (a source address, a recipient, a user, a contact method)
 * may act `limit` times per window; beyond it the caller is told when to try
 * again (429 + Retry-After). Kept in memory per process, like the login
 * throttle: N processes allow N times the limit, which still turns thirty
 * mails to a victim into a handful.
 */
import { rateLimited } from '../errors.js';

/** Keys remembered at most; the oldest windows are forgotten first, so memory stays bounded under a spray. */
const MAX_KEYS = 50_000;

export interface WindowRule {
  /** What is limited, for the refusal: "confirmation mails to this address". */
  what: string;
  limit: number;
  windowMs: number;
}

export class WindowLimits {
  private readonly windows = new Map<string, { count: number; endsAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Counts one action under every rule, or throws 429 (naming the first rule
   * it would pass) without counting any; `problemType` is the stable slug.
   */
  take(problemType: string, checks: ReadonlyArray<{ key: string; rule: WindowRule }>): void {
    const now = this.now();
    for (const { key, rule } of checks) {
      const window = this.windows.get(key);
      if (window && window.endsAt > now && window.count >= rule.limit) {
        throw rateLimited(problemType, `too many ${rule.what}: at most ${rule.limit} per ${Math.round(rule.windowMs / 60_000)} minutes; try again later`, Math.max(1, Math.ceil((window.endsAt - now) / 1000)));
      }
    }
    for (const { key, rule } of checks) {
      const window = this.windows.get(key);
      if (window && window.endsAt > now) window.count += 1;
      else {
        this.windows.delete(key);
        this.windows.set(key, { count: 1, endsAt: now + rule.windowMs });
        if (this.windows.size > MAX_KEYS) this.windows.delete(this.windows.keys().next().value!);
      }
    }
  }
}

export const HOUR_MS = 3_600_000;
