/**
 * Failed-login throttling: a fixed window per key (an account, a source
 * address). Once a key has failed `limit` times in the window, further
 * attempts are refused until the window ends, without checking the password,
 * so guessing costs the attacker time and us no scrypt work. Kept in memory
 * per process: a restart forgets it, and N processes allow N times the limit,
 * which still bounds guessing to a few attempts a minute per account.
 */
export interface ThrottleRule {
  limit: number;
  windowMs: number;
}

interface Window {
  failures: number;
  endsAt: number;
}

/** Keys remembered at most; the oldest windows are forgotten first, so memory stays bounded under a spray. */
const MAX_KEYS = 50_000;

export class LoginThrottle {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly rules: { account: ThrottleRule; address: ThrottleRule } = {
      account: { limit: 5, windowMs: 15 * 60_000 },
      address: { limit: 50, windowMs: 15 * 60_000 },
    },
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until `account` from `address` may try again; 0 when it may now. */
  retryAfter(account: string, address: string): number {
    const now = this.now();
    let wait = 0;
    for (const [key, rule] of this.keys(account, address)) {
      const window = this.windows.get(key);
      if (!window) continue;
      if (window.endsAt <= now) this.windows.delete(key);
      else if (window.failures >= rule.limit) wait = Math.max(wait, Math.ceil((window.endsAt - now) / 1000));
    }
    return wait;
  }

  failed(account: string, address: string): void {
    const now = this.now();
    for (const [key, rule] of this.keys(account, address)) {
      const window = this.windows.get(key);
      if (window && window.endsAt > now) window.failures += 1;
      else {
        this.windows.delete(key);
        this.windows.set(key, { failures: 1, endsAt: now + rule.windowMs });
        if (this.windows.size > MAX_KEYS) this.windows.delete(this.windows.keys().next().value!);
      }
    }
  }

  /** A correct password clears the account's failures (not the address's: one success must not unlock a spray). */
  succeeded(account: string): void {
    this.windows.delete(`account:${account}`);
  }

  private keys(account: string, address: string): Array<[string, ThrottleRule]> {
    return [
      [`account:${account}`, this.rules.account],
      [`address:${address}`, this.rules.address],
    ];
  }
}
