/**
 * Escalation policies as other domains see them: named by id or by name, and
 * whether they reach anyone. Kept apart from escalation-service.ts (which
 * imports alerts and incidents) so the catalog can use them without an import cycle.
 */
import type { Db } from '../../db/schema.js';
import { invalidField } from '../../errors.js';
import { getUser } from '../auth/service.js';
import { channelGap, type ChannelSettings } from '../notify/capabilities.js';
import { notificationPlan, unreachableBecause } from './contact-plan.js';
import { reachOf } from './contact-service.js';
import type { EscalationStep } from './escalation-policy.js';
import * as store from './escalation-store.js';
import { resolveTargets } from './escalation-targets.js';

/** The id of the escalation policy `idOrName` names; refuses an unknown one naming `field`. */
export async function resolvePolicyRef(db: Db, idOrName: string, field: string): Promise<string> {
  const row = await store.findPolicy(db, idOrName);
  if (!row) throw invalidField(field, `no escalation policy with this id or name: "${idOrName}"`);
  return row.id;
}

/** Names of the policies with these ids (a missing one is left out). */
export async function policyNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  return new Map((await store.findPoliciesByIds(db, [...new Set(ids)])).map((p) => [p.id, p.name]));
}

/**
 * Why an alert on a service with this escalation policy would page nobody right
 * now, or null when its steps reach someone who can be sent a page: no policy,
 * nobody on call (an empty schedule, disabled people), or nobody with a channel
 * this process can send on (no SMTP server and no usable verified method).
 */
export async function policyReachGap(db: Db, channels: ChannelSettings, policyId: string | null, at: Date): Promise<string | null> {
  if (!policyId) return 'no escalation policy: its alerts page nobody';
  const policy = await store.findPolicy(db, policyId);
  if (!policy) return 'its escalation policy no longer exists: its alerts page nobody';
  const steps = JSON.parse(policy.steps) as EscalationStep[];
  const people = [...new Set((await Promise.all(steps.map((s) => resolveTargets(db, s.targets, at)))).flat())];
  if (people.length === 0) return `nobody is on call for escalation policy ${policy.name} now (empty schedule or disabled people)`;
  const reach = await reachOf(db, people);
  const gaps: string[] = [];
  for (const id of people) {
    const user = await getUser(db, id);
    const r = reach.get(id)!;
    const gap = unreachableBecause(notificationPlan(r.methods, r.rules, user.email), user.email, (kind) => channelGap(channels, kind));
    if (gap === null) return null;
    gaps.push(gap);
  }
  return `nobody on escalation policy ${policy.name} can be paged: ${[...new Set(gaps)].join('; ')}`;
}
