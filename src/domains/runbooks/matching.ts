/**
 * Which runbooks apply to a target: those linked to one of its services, and
 * those whose alert matchers all match one of its alerts' labels.
 */
import type { Db } from '../../db/schema.js';
import { fromJson } from '../../db/dialect.js';
import { compileMatcher, matchesAll, type CompiledMatcher, type Matcher } from '../alerts/matchers.js';
import * as store from './store.js';

export type LinkedVia = 'service' | 'alert';

export interface RunbookTarget {
  serviceIds: readonly string[];
  /** Each alert's labels as stored (JSON text). */
  alertLabels: readonly string[];
}

function compiled(matchersJson: string): CompiledMatcher[] | null {
  const matchers = fromJson<Matcher[]>(matchersJson) ?? [];
  if (matchers.length === 0) return null;
  try {
    return matchers.map(compileMatcher);
  } catch {
    // Matchers are checked when written; one that no longer compiles matches nothing.
    return null;
  }
}

/** The runbooks that apply to a target, each with how it was linked. */
export async function runbooksLinkedTo(db: Db, target: RunbookTarget): Promise<Map<string, LinkedVia[]>> {
  const out = new Map<string, LinkedVia[]>();
  for (const id of await store.runbookIdsOfServices(db, target.serviceIds)) out.set(id, ['service']);
  if (target.alertLabels.length === 0) return out;
  const labelSets = target.alertLabels.map((l) => fromJson<Record<string, string>>(l) ?? {});
  for (const row of await store.runbooksWithMatchers(db)) {
    const matchers = compiled(row.matchers);
    if (matchers && labelSets.some((labels) => matchesAll(matchers, labels))) out.set(row.id, [...(out.get(row.id) ?? []), 'alert']);
  }
  return out;
}
