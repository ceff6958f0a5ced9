/**
 * The difference between a manifest and the server: what apply would create,
 * update, or (with --prune) delete, matched by name. Pure.
 */
import { compact } from './compact.js';
import { canonicalStatusPage } from './status-pages.js';
import { canonicalDrill, canonicalRunbook } from './runbooks-drills.js';
import type { Manifest, ManifestIntegration, ManifestPolicy, ManifestSchedule, ManifestService } from './document.js';

export type EntityKind = 'incident policy' | 'schedule' | 'escalation policy' | 'service' | 'integration' | 'status page' | 'runbook' | 'drill';

export interface PlannedChange {
  action: 'create' | 'update' | 'delete';
  kind: EntityKind;
  /** The name (`service/name` for integrations). */
  name: string;
  /** For updates: the fields that differ. */
  fields: string[];
}

export interface Plan {
  changes: PlannedChange[];
  /** On the server but not in the file, kept because --prune was not given. */
  unmanaged: Array<{ kind: EntityKind; name: string }>;
}

/** One canonical form per entity, so the file's omissions and the server's defaults compare equal. */
export function canonicalService(s: ManifestService): ManifestService {
  return compact({ ...s, groupBy: s.groupBy?.length ? s.groupBy : undefined, dependsOn: s.dependsOn?.length ? [...s.dependsOn].sort() : undefined });
}
export function canonicalIntegration(i: ManifestIntegration): ManifestIntegration {
  return compact({ ...i, enabled: i.enabled === false ? false : undefined, groupBy: i.groupBy?.length ? i.groupBy : undefined });
}
export function canonicalSchedule(s: ManifestSchedule): ManifestSchedule {
  return compact({ ...s, layers: s.layers.map((l) => compact({ ...l, restrictions: l.restrictions?.length ? l.restrictions : undefined })) });
}
export function canonicalPolicy(p: ManifestPolicy): ManifestPolicy {
  return compact({ ...p, repeat: p.repeat ?? 0, repeatDelaySeconds: p.repeatDelaySeconds ?? 300 });
}

function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v));
}

function differing(a: object, b: object): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => stable((a as Record<string, unknown>)[k]) !== stable((b as Record<string, unknown>)[k])).sort();
}

function diff<T extends object>(kind: EntityKind, desired: readonly T[], current: readonly T[], keyOf: (t: T) => string, canonical: (t: T) => T, prune: boolean, plan: Plan): void {
  const have = new Map(current.map((c) => [keyOf(c), canonical(c)]));
  const want = new Map(desired.map((d) => [keyOf(d), canonical(d)]));
  for (const [name, d] of want) {
    const c = have.get(name);
    if (!c) plan.changes.push({ action: 'create', kind, name, fields: [] });
    else {
      const fields = differing(d, c);
      if (fields.length) plan.changes.push({ action: 'update', kind, name, fields });
    }
  }
  for (const name of have.keys()) {
    if (want.has(name)) continue;
    if (prune) plan.changes.push({ action: 'delete', kind, name, fields: [] });
    else plan.unmanaged.push({ kind, name });
  }
}

/** What applying `desired` to a server whose configuration is `current` changes. */
export function planChanges(desired: Manifest, current: Manifest, prune: boolean): Plan {
  const plan: Plan = { changes: [], unmanaged: [] };
  // One incident policy per server: updated when the file has one that differs, never deleted.
  if (desired.incidentPolicy && current.incidentPolicy) {
    const fields = differing(desired.incidentPolicy, current.incidentPolicy);
    if (fields.length) plan.changes.push({ action: 'update', kind: 'incident policy', name: 'incident policy', fields });
  }
  diff('schedule', desired.schedules ?? [], current.schedules ?? [], (s) => s.name, canonicalSchedule, prune, plan);
  diff('escalation policy', desired.escalationPolicies ?? [], current.escalationPolicies ?? [], (p) => p.name, canonicalPolicy, prune, plan);
  diff('service', desired.services ?? [], current.services ?? [], (s) => s.name, canonicalService, prune, plan);
  diff('integration', desired.integrations ?? [], current.integrations ?? [], (i) => `${i.service}/${i.name}`, canonicalIntegration, prune, plan);
  diff('status page', desired.statusPages ?? [], current.statusPages ?? [], (p) => p.slug, canonicalStatusPage, prune, plan);
  diff('runbook', desired.runbooks ?? [], current.runbooks ?? [], (r) => r.title, canonicalRunbook, prune, plan);
  // Drills have no delete (their runs stay measured): never pruned, only disabled through the file.
  diff('drill', desired.drills ?? [], current.drills ?? [], (d) => d.name, canonicalDrill, false, plan);
  return plan;
}

/** The plan as text: `+ create`, `~ update (fields)`, `- delete`, and what --prune would remove. */
export function describePlan(plan: Plan): string {
  const sign = { create: '+', update: '~', delete: '-' } as const;
  const lines = plan.changes.map((c) => `${sign[c.action]} ${c.kind} ${c.name}${c.fields.length ? ` (${c.fields.join(', ')})` : ''}`);
  for (const u of plan.unmanaged) lines.push(`  ${u.kind} ${u.name}: not in the file; kept (--prune deletes it)`);
  if (plan.changes.length === 0) lines.unshift('no changes');
  return `${lines.join('\n')}\n`;
}
