/**
 * Escalation policies as other domains name them: by id or by name. Kept apart
 * from escalation-service.ts (which imports alerts and incidents) so the catalog
 * can check a service's policy without an import cycle.
 */
import type { Db } from '../../db/schema.js';
import { invalidField } from '../../errors.js';
import * as store from './escalation-store.js';

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
