/**
 * Rebuilding stored projections from the log: after the
 * reducer changes (a migration) or when an operator suspects drift
 * (`firebreak incident rebuild`). Each incident is replayed under its row
 * lock and the stored row is replaced only when it differs; the answer says
 * which parts of the state differed.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { fromJson, toJson } from '../../db/dialect.js';
import type { IncidentEvent } from './events.js';
import type { IncidentState } from './model.js';
import { reduce } from './reduce.js';

export interface RebuildResult {
  ref: string;
  /** Top-level fields of the state that differed from the replay (empty when the stored row was right). */
  differences: string[];
}

const PAGE = 2000;

/** Replays one incident's log, reading it in pages. */
export async function replayIncident(db: Kysely<Database>, incidentId: string): Promise<IncidentState | undefined> {
  let state: IncidentState | undefined;
  let after = 0;
  for (;;) {
    const page = await db.selectFrom('incident_events').selectAll().where('incident_id', '=', incidentId).where('seq', '>', after).orderBy('seq').limit(PAGE).execute();
    for (const row of page) {
      const event = {
        kind: row.kind,
        incidentId: row.incident_id,
        seq: row.seq,
        actorId: row.actor_id,
        actorLabel: row.actor_label,
        occurredAt: row.occurred_at,
        recordedAt: row.recorded_at,
        body: fromJson(row.body),
      } as IncidentEvent;
      state = reduce(state, event);
    }
    if (page.length < PAGE) return state;
    after = page[page.length - 1]!.seq;
  }
}

/** The top-level fields where two states differ. */
export function stateDifferences(stored: unknown, replayed: IncidentState): string[] {
  const before = (stored ?? {}) as Record<string, unknown>;
  const after = replayed as unknown as Record<string, unknown>;
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => !isDeepStrictEqual(before[k], after[k])).sort();
}

/** Replays one incident in `trx` (which should hold its row lock) and stores the projection if it differs. */
export async function rebuildIncident(trx: Kysely<Database>, incidentId: string): Promise<RebuildResult | undefined> {
  const row = await trx.selectFrom('incidents').selectAll().where('id', '=', incidentId).executeTakeFirst();
  if (!row) return undefined;
  const state = await replayIncident(trx, incidentId);
  if (!state) return { ref: row.ref, differences: [] };
  const differences = stateDifferences(fromJson(row.state), state);
  if (differences.length > 0) {
    await trx
      .updateTable('incidents')
      .set({
        title: state.title,
        severity: state.severity,
        status: state.status,
        commander_id: state.roles.find((r) => r.role === 'commander')?.userId ?? null,
        resolved_at: state.keyTimes.resolvedAt,
        last_seq: state.lastSeq,
        state: toJson(state),
      })
      .where('id', '=', incidentId)
      .execute();
  }
  return { ref: row.ref, differences };
}

