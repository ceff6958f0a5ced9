/**
 * How a person is reached, as plain data: their verified contact methods and
 * rules ("immediately: push and email; after 3 min: SMS; after 6 min: voice")
 * become a plan of waves, and each delivery carries the methods to fall
 * through to when its channel fails.
 */
import type { ContactKind } from './paging-tables.js';

export interface PlanMethod {
  id: string;
  kind: ContactKind;
  address: string;
  secret: string | null;
}

export interface PlanRule {
  methodId: string;
  delaySeconds: number;
}

export interface Wave {
  delaySeconds: number;
  methods: PlanMethod[];
}

/** The account's own email, used when a person has set up nothing else. */
export function accountEmail(address: string): PlanMethod {
  return { id: 'account-email', kind: 'email', address, secret: null };
}

/**
 * The waves of notifications for one page. Only verified methods are used;
 * without rules every verified method is used at once; with nothing verified,
 * the account email.
 */
export function notificationPlan(verified: readonly PlanMethod[], rules: readonly PlanRule[], fallbackEmail: string): Wave[] {
  const byId = new Map(verified.map((m) => [m.id, m]));
  const usable = rules.filter((r) => byId.has(r.methodId));
  if (usable.length === 0) return [{ delaySeconds: 0, methods: verified.length ? [...verified] : [accountEmail(fallbackEmail)] }];
  const waves = new Map<number, PlanMethod[]>();
  for (const r of [...usable].sort((a, b) => a.delaySeconds - b.delaySeconds)) {
    const wave = waves.get(r.delaySeconds) ?? [];
    if (!wave.some((m) => m.id === r.methodId)) wave.push(byId.get(r.methodId)!);
    waves.set(r.delaySeconds, wave);
  }
  return [...waves].map(([delaySeconds, methods]) => ({ delaySeconds, methods }));
}

/**
 * The methods to try, in order, if `method` fails: the person's methods of
 * later waves (those of its own wave are being tried already), then the
 * account email if not among them.
 */
export function fallThrough(method: PlanMethod, plan: readonly Wave[], fallbackEmail: string): PlanMethod[] {
  const own = plan.find((w) => w.methods.some((m) => m.id === method.id));
  const sameWave = new Set((own?.methods ?? [method]).map((m) => m.id));
  const out: PlanMethod[] = [];
  for (const wave of plan) {
    if (own && wave.delaySeconds <= own.delaySeconds) continue;
    for (const m of wave.methods) if (!sameWave.has(m.id) && !out.some((o) => o.id === m.id)) out.push(m);
  }
  const emailTried = [...sameWave].some((id) => {
    const m = own?.methods.find((x) => x.id === id) ?? method;
    return m.kind === 'email' && m.address === fallbackEmail;
  });
  if (!emailTried && !out.some((m) => m.kind === 'email' && m.address === fallbackEmail)) out.push(accountEmail(fallbackEmail));
  return out;
}

/**
 * Why none of a person's plan (with the account email it falls through to) can
 * leave this process, or null when at least one method can. `gapOf` says why
 * one channel cannot send ("no SMTP server is configured").
 */
export function unreachableBecause(plan: readonly Wave[], fallbackEmail: string, gapOf: (kind: ContactKind) => string | null): string | null {
  const methods = [...plan.flatMap((w) => w.methods), accountEmail(fallbackEmail)];
  const gaps = methods.map((m) => gapOf(m.kind));
  if (gaps.some((g) => g === null)) return null;
  return [...new Set(gaps)].join('; ');
}
