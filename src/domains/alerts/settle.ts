/**
 * Shared by intake and by people acting on alerts: turns a set of alert
 * changes into the new state of the groups they touch, and writes alerts,
 * their history and their groups in a few batched statements.
 */
import type { Db } from '../../db/schema.js';
import { toJson } from '../../db/dialect.js';
import { groupStatus, tallyDelta, type GroupTally } from './grouping.js';
import type { AlertState, Transition } from './lifecycle.js';
import * as store from './store.js';

/** One alert's change within a transaction. */
export interface AlertChange {
  prev: store.AlertRow | undefined;
  next: store.AlertRow;
  transitions: Array<Transition & { flapping: boolean }>;
  /** Signals received for it in this request (0 for changes made by people). */
  occurrences: number;
  actor: string;
}

export function stateOf(row: store.AlertRow): AlertState {
  return {
    status: row.status,
    severity: row.severity,
    count: row.count,
    triggerCount: row.trigger_count,
    ackCount: row.ack_count,
    actedCount: row.acted_count,
    stateChanges: row.state_changes,
    recentChanges: JSON.parse(row.recent_changes) as string[],
    flapping: row.flapping === 1,
    acknowledgedAt: row.acknowledged_at,
    acknowledgedBy: row.acknowledged_by,
    resolvedAt: row.resolved_at,
    resolvedBy: row.resolved_by,
  };
}

/** The columns an AlertState owns. */
export function stateColumns(state: AlertState): Pick<store.AlertRow, 'status' | 'severity' | 'count' | 'trigger_count' | 'ack_count' | 'acted_count' | 'state_changes' | 'recent_changes' | 'flapping' | 'acknowledged_at' | 'acknowledged_by' | 'resolved_at' | 'resolved_by'> {
  return {
    status: state.status,
    severity: state.severity,
    count: state.count,
    trigger_count: state.triggerCount,
    ack_count: state.ackCount,
    acted_count: state.actedCount,
    state_changes: state.stateChanges,
    recent_changes: toJson(state.recentChanges),
    flapping: state.flapping ? 1 : 0,
    acknowledged_at: state.acknowledgedAt,
    acknowledged_by: state.acknowledgedBy,
    resolved_at: state.resolvedAt,
    resolved_by: state.resolvedBy,
  };
}

/** True when the change moves the alert between groups or statuses (what a group's tallies count). */
function movesTally(c: AlertChange): boolean {
  return !c.prev || c.prev.group_id !== c.next.group_id || c.prev.status !== c.next.status || (c.next.group_id !== null && c.prev.severity !== c.next.severity);
}

/** Locks every group whose tallies the changes move and returns them with their new tallies and status (not yet written). */
export async function settleGroups(trx: Db, allChanges: readonly AlertChange[], now: string): Promise<{ groups: store.GroupRow[]; statusChanged: string[] }> {
  const changes = allChanges.filter(movesTally);
  const ids = new Set<string>();
  for (const c of changes) {
    if (c.prev?.group_id) ids.add(c.prev.group_id);
    if (c.next.group_id) ids.add(c.next.group_id);
  }
  const rows = await store.findGroupsForUpdate(trx, [...ids]);
  const tallies = new Map<string, GroupTally>(
    rows.map((g) => [g.id, { alertCount: g.alert_count, openCount: g.open_count, unackedCount: g.unacked_count, severity: g.severity }]),
  );
  for (const c of changes) {
    tallyDelta(tallies, c.prev ? { groupId: c.prev.group_id, status: c.prev.status } : undefined, { groupId: c.next.group_id, status: c.next.status, severity: c.next.severity });
  }
  const statusChanged: string[] = [];
  const groups = rows.map((g) => {
    const t = tallies.get(g.id)!;
    const status = groupStatus(t);
    if (status !== g.status) statusChanged.push(g.id);
    return {
      ...g,
      status,
      severity: t.severity,
      alert_count: t.alertCount,
      open_count: t.openCount,
      unacked_count: t.unackedCount,
      acknowledged_at: status === 'acknowledged' && g.status !== 'acknowledged' ? now : g.acknowledged_at,
      resolved_at: status === 'resolved' ? (g.resolved_at ?? now) : null,
      // A resolved group takes no new alerts: the next alert opens a new group.
      open_slot: status === 'resolved' ? null : g.open_slot,
      updated_at: now,
    };
  });
  return { groups, statusChanged };
}

const TOUCH_EXEMPT = new Set<keyof store.AlertRow>(['last_seen_at', 'count']);

/** True when the change only moves last_seen_at and count (a plain resend). */
function onlyTouched(c: AlertChange): boolean {
  if (!c.prev || c.transitions.length > 0) return false;
  const prev = c.prev as unknown as Record<string, unknown>;
  const next = c.next as unknown as Record<string, unknown>;
  for (const column of Object.keys(next)) {
    if (!TOUCH_EXEMPT.has(column as keyof store.AlertRow) && next[column] !== prev[column]) return false;
  }
  return true;
}

/** Writes changed existing alerts (plain resends with one narrow update) and the history of every state change. */
export async function writeChanges(trx: Db, changes: readonly AlertChange[], now: string): Promise<void> {
  const touched = new Map<number, string[]>();
  const rewritten: store.AlertRow[] = [];
  for (const c of changes) {
    if (!c.prev) continue;
    if (onlyTouched(c) && c.next.last_seen_at === now) {
      const delta = c.next.count - c.prev.count;
      if (touched.has(delta)) touched.get(delta)!.push(c.next.id);
      else touched.set(delta, [c.next.id]);
    } else {
      rewritten.push(c.next);
    }
  }
  for (const [delta, ids] of touched) await store.touchAlerts(trx, ids, now, delta);
  await store.writeAlerts(trx, rewritten);
  const events = changes.flatMap((c) =>
    c.transitions.map((t) => ({ alert_id: c.next.id, at: now, from_status: t.from, to_status: t.to, actor: c.actor, flapping: t.flapping ? 1 : 0 })),
  );
  await store.insertAlertEvents(trx, events);
}
