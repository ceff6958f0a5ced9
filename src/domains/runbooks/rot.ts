/**
 * Runbook rot (docs/practices.md#runbooks): a runbook is rotting when nobody has tested it for
 * longer than the policy, when a service it covers changed since it was last
 * tested (a change event or a catalog edit), when a link in it failed its
 * check, or when an incident that showed it had a mitigation fail. Changes and
 * failures count from the last test (or, never tested, from its creation):
 * testing it again clears them. Pure.
 */

export const DAY_MS = 86_400_000;

export type RotCause =
  | { kind: 'untested'; since: string; days: number; neverTested: boolean }
  | { kind: 'service_changed'; serviceId: string; serviceName: string; via: 'change_event' | 'catalog_edit'; at: string; detail: string }
  | { kind: 'link_failed'; url: string; status: number | null; error: string | null; checkedAt: string }
  /** incidentId and incidentRef are null when the reader may not see the (private) incident. */
  | { kind: 'mitigation_failed'; incidentId: string | null; incidentRef: string | null; at: string };

export type RotKind = RotCause['kind'];

export interface RotFacts {
  createdAt: string;
  lastTestedAt: string | null;
  serviceChanges: Array<{ serviceId: string; serviceName: string; via: 'change_event' | 'catalog_edit'; at: string; detail: string }>;
  linkChecks: Array<{ url: string; ok: boolean; status: number | null; error: string | null; checkedAt: string }>;
  failedMitigations: Array<{ incidentId: string; incidentRef: string; at: string }>;
}

export interface RotAssessment {
  rotting: boolean;
  causes: RotCause[];
  /** Days since the last test, or since creation when never tested. */
  daysSinceTested: number;
}

/** Judges one runbook as of `now` under a policy of `maxUntestedDays`. */
export function assessRot(facts: RotFacts, now: Date, policy: { maxUntestedDays: number }): RotAssessment {
  const baseline = facts.lastTestedAt ?? facts.createdAt;
  const baselineMs = Date.parse(baseline);
  const daysSinceTested = Math.floor((now.getTime() - baselineMs) / DAY_MS);
  const causes: RotCause[] = [];
  if (now.getTime() - baselineMs > policy.maxUntestedDays * DAY_MS) {
    causes.push({ kind: 'untested', since: baseline, days: daysSinceTested, neverTested: facts.lastTestedAt === null });
  }
  const after = (at: string) => Date.parse(at) > baselineMs;
  // The latest change per service and way is enough to act on.
  const latest = new Map<string, RotFacts['serviceChanges'][number]>();
  for (const c of facts.serviceChanges.filter((c) => after(c.at))) {
    const key = `${c.serviceId}:${c.via}`;
    if (!latest.has(key) || Date.parse(latest.get(key)!.at) < Date.parse(c.at)) latest.set(key, c);
  }
  for (const c of [...latest.values()].sort((a, b) => Date.parse(b.at) - Date.parse(a.at))) causes.push({ kind: 'service_changed', ...c });
  for (const l of facts.linkChecks.filter((l) => !l.ok)) causes.push({ kind: 'link_failed', url: l.url, status: l.status, error: l.error, checkedAt: l.checkedAt });
  for (const m of facts.failedMitigations.filter((m) => after(m.at))) causes.push({ kind: 'mitigation_failed', ...m });
  return { rotting: causes.length > 0, causes, daysSinceTested };
}

/** How bad the rot is, for ranking: a failed mitigation outweighs a changed service, which outweighs a dead link or age. */
const WEIGHT: Record<RotKind, number> = { mitigation_failed: 8, service_changed: 4, link_failed: 2, untested: 1 };

/**
 * Ranks rotting runbooks, worst first: by the weight of their distinct kinds of
 * rot, then by how long they have gone untested, then by title.
 */
export function rankRot<T extends { title: string; rot: RotAssessment }>(items: readonly T[]): T[] {
  const weight = (r: RotAssessment) => [...new Set(r.causes.map((c) => c.kind))].reduce((sum, k) => sum + WEIGHT[k], 0);
  return items
    .filter((i) => i.rot.rotting)
    .sort((a, b) => weight(b.rot) - weight(a.rot) || b.rot.daysSinceTested - a.rot.daysSinceTested || a.title.localeCompare(b.title));
}

/** One line per cause, for reminders and the CLI. */
export function describeCause(c: RotCause): string {
  switch (c.kind) {
    case 'untested':
      return c.neverTested ? `never tested in the ${c.days} days since it was written` : `last tested ${c.days} days ago (${c.since})`;
    case 'service_changed':
      return `${c.serviceName} changed since the last test: ${c.detail} at ${c.at}`;
    case 'link_failed':
      return `link ${c.url} failed its check (${c.status !== null ? `HTTP ${c.status}` : (c.error ?? 'no answer')}) at ${c.checkedAt}`;
    case 'mitigation_failed':
      return c.incidentRef === null ? `a mitigation failed in a private incident at ${c.at}, an incident that showed this runbook` : `a mitigation failed in ${c.incidentRef} at ${c.at}, an incident that showed this runbook`;
  }
}
