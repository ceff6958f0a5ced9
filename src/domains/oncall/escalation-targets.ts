/** Who a step's targets are at an instant: people, the members of teams, whoever is on call on schedules. */
import type { Db } from '../../db/schema.js';
import { invalidField, isDomainError } from '../../errors.js';
import { getTeam } from '../auth/teams.js';
import { getUser } from '../auth/service.js';
import { getSchedule, onCallAt } from './schedule-service.js';
import type { EscalationTarget } from './escalation-policy.js';

/** The enabled people the targets name at `at`, each once, in target order. */
export async function resolveTargets(db: Db, targets: readonly EscalationTarget[], at: Date): Promise<string[]> {
  const out: string[] = [];
  const add = (id: string) => {
    if (!out.includes(id)) out.push(id);
  };
  for (const t of targets) {
    try {
      if (t.type === 'user') add(t.id);
      else if (t.type === 'team') for (const m of (await getTeam(db, t.id)).members ?? []) add(m.id);
      else for (const id of await onCallAt(db, t.id, at)) add(id);
    } catch (err) {
      // A target deleted after the policy was snapshotted pages nobody; the other targets still page.
      if (!isDomainError(err, 'not_found')) throw err;
    }
  }
  const enabled: string[] = [];
  for (const id of out) {
    const user = await getUser(db, id).catch((err: unknown) => (isDomainError(err, 'not_found') ? undefined : Promise.reject(err)));
    if (user && !user.disabled) enabled.push(id);
  }
  return enabled;
}

/** Checks that every target exists; throws invalid naming the field (`field/i/id`, or what `field` returns for a target). */
export async function checkTargetsExist(db: Db, targets: readonly EscalationTarget[], field: string | ((t: EscalationTarget, i: number) => string)): Promise<void> {
  for (const [i, t] of targets.entries()) {
    try {
      if (t.type === 'user') await getUser(db, t.id);
      else if (t.type === 'team') await getTeam(db, t.id);
      else await getSchedule(db, t.id);
    } catch (err) {
      if (isDomainError(err, 'not_found')) throw invalidField(typeof field === 'string' ? `${field}/${i}/id` : field(t, i), `no ${t.type} with id ${t.id}`);
      throw err;
    }
  }
}

/** A target's display name for messages and the timeline. */
export async function targetName(db: Db, t: EscalationTarget): Promise<string> {
  if (t.type === 'user') return (await getUser(db, t.id)).name;
  if (t.type === 'team') return `team ${(await getTeam(db, t.id)).name}`;
  return `schedule ${(await getSchedule(db, t.id)).name}`;
}
