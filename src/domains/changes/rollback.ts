/**
 * Revert first: which recent changes to an incident's services (and to what
 * they depend on) are the best candidates to roll back. Pure: no I/O.
 */
import type { DependencyEdge } from '../catalog/graph.js';
import type { ChangeKind } from './tables.js';

export interface CandidateChange {
  id: string;
  serviceId: string;
  kind: ChangeKind;
  summary: string | null;
  version: string | null;
  startedAt: string;
  finishedAt: string | null;
  rollbackCommand: string | null;
  rollbackLink: string | null;
}

export interface RankedChange<C extends CandidateChange = CandidateChange> {
  change: C;
  /** Hops from an incident service along "depends on" edges: 0 for the service itself. */
  distance: number;
  /** Minutes between the change taking effect and the anchor (first symptom or declaration). */
  minutesBefore: number;
  score: number;
}

/**
 * Hops from the incident's services to everything they depend on, directly or
 * not (breadth first, so each service gets its shortest distance). A change to
 * a dependency can break its dependents; a change to a dependent cannot break
 * the dependency, so only this direction is followed.
 */
export function dependencyDistances(edges: readonly DependencyEdge[], incidentServices: readonly string[]): Map<string, number> {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.serviceId, [...(next.get(e.serviceId) ?? []), e.dependsOnId]);
  const distance = new Map<string, number>(incidentServices.map((s) => [s, 0]));
  const queue = [...incidentServices];
  while (queue.length) {
    const at = queue.shift()!;
    for (const dep of next.get(at) ?? []) {
      if (distance.has(dep)) continue;
      distance.set(dep, distance.get(at)! + 1);
      queue.push(dep);
    }
  }
  return distance;
}

/** When a change took effect: when it finished, if that was before the anchor, else when it started. */
export function effectiveAt(change: Pick<CandidateChange, 'startedAt' | 'finishedAt'>, anchor: string): string {
  return change.finishedAt !== null && change.finishedAt <= anchor ? change.finishedAt : change.startedAt;
}

const TIME_WEIGHT = 0.6;
const GRAPH_WEIGHT = 0.4;
/** Time closeness halves every this many minutes. */
export const HALF_LIFE_MINUTES = 120;

/**
 * Ranks the changes that took effect within `windowMinutes` before the anchor
 * on a service at a known distance. Scoring (0..1, higher first):
 *
 *   time  = 0.5 ^ (minutesBefore / 120)   (1 at the anchor, 1/2 two hours before, 1/4 four hours before)
 *   graph = 1 / (1 + distance)            (1 for the incident's own services, 1/2 a direct dependency, 1/3 the next hop ...)
 *   score = 0.6 × time + 0.4 × graph
 *
 * Time weighs more and decays fast because "what changed just before it
 * broke" is the strongest single signal; the graph term keeps a change to the
 * service itself ahead of an equally recent one two hops away, and lets an
 * old change to the service itself still outrank an old change elsewhere.
 * Ties go to the more recent change, then to the id, so the order is stable.
 */
export function rankRollbackCandidates<C extends CandidateChange>(changes: readonly C[], distances: ReadonlyMap<string, number>, anchor: string, windowMinutes: number): Array<RankedChange<C>> {
  const anchorMs = Date.parse(anchor);
  const ranked: Array<RankedChange<C>> = [];
  for (const change of changes) {
    const distance = distances.get(change.serviceId);
    if (distance === undefined) continue;
    const minutesBefore = (anchorMs - Date.parse(effectiveAt(change, anchor))) / 60_000;
    if (minutesBefore < 0 || minutesBefore > windowMinutes) continue;
    const time = 0.5 ** (minutesBefore / HALF_LIFE_MINUTES);
    const graph = 1 / (1 + distance);
    ranked.push({ change, distance, minutesBefore: Math.round(minutesBefore), score: Math.round((TIME_WEIGHT * time + GRAPH_WEIGHT * graph) * 1000) / 1000 });
  }
  return ranked.sort((a, b) => b.score - a.score || a.minutesBefore - b.minutesBefore || (a.change.id < b.change.id ? -1 : 1));
}

export interface ChecklistItem {
  item: string;
  /** Why it matters for these candidates (the changes that raise it), or why it is always asked. */
  reason: string;
  flagged: boolean;
}

const SCHEMA_WORDS = /\b(schema|alter|drop|column|table|index|ddl)\b/i;

/**
 * What to check before rolling back (a rollback is not always safe: docs/practices.md#unsafe-actions):
 * data migrations, schema changes and feature flags are flagged when a
 * candidate raises them; the rest is always asked.
 */
export function rollbackSafetyChecklist(changes: readonly CandidateChange[]): ChecklistItem[] {
  const named = (list: readonly CandidateChange[]) => list.map((c) => c.version ?? c.summary ?? c.id).join(', ');
  const migrations = changes.filter((c) => c.kind === 'migration');
  const schema = changes.filter((c) => SCHEMA_WORDS.test(`${c.summary ?? ''} ${c.version ?? ''}`) || c.kind === 'migration');
  const flags = changes.filter((c) => c.kind === 'feature_flag');
  const noUndo = changes.filter((c) => c.rollbackCommand === null && c.rollbackLink === null);
  return [
    { item: 'Data migrations: will the old version read data the new one has already written?', reason: migrations.length ? `data migrations among the candidates: ${named(migrations)}` : 'no data migration among the candidates', flagged: migrations.length > 0 },
    { item: 'Schema changes: does the previous version still work with the current schema (dropped or renamed columns)?', reason: schema.length ? `schema changes among the candidates: ${named(schema)}` : 'no schema change among the candidates', flagged: schema.length > 0 },
    { item: 'Flag dependencies: does other code or another service rely on the flag state this change set?', reason: flags.length ? `flag changes among the candidates: ${named(flags)}` : 'no flag change among the candidates', flagged: flags.length > 0 },
    { item: 'Rollback path: is there a tested command or pipeline to roll back, and who runs it?', reason: noUndo.length ? `no rollback command or link recorded for: ${named(noUndo)}` : 'every candidate has a rollback command or link', flagged: noUndo.length > 0 },
    { item: 'Expected signal: which graph or check should recover, and by when, to call the rollback a success?', reason: 'always asked', flagged: false },
  ];
}
