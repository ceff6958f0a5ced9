/**
 * Grouping rules: alerts of one service that arrive within the group window
 * (5 minutes by default) form one alert group, optionally split by the values
 * of some labels (the service's or the integration's `groupBy`). Pure.
 */
import { moreSevere, severityRank, type Severity } from './signal.js';
import type { AlertStatus } from './lifecycle.js';

/** The label values an alert is grouped by, and a stable key for them. */
export function groupKeyOf(labels: Record<string, string>, groupBy: readonly string[]): { key: string; labels: Record<string, string> } {
  if (groupBy.length === 0) return { key: '', labels: {} };
  const picked: Record<string, string> = {};
  for (const name of [...groupBy].sort()) picked[name] = labels[name] ?? '';
  return { key: JSON.stringify(picked), labels: picked };
}

/** The integration's rule wins over the service's; none means one group per service and window. */
export function effectiveGroupBy(integrationGroupBy: readonly string[] | null, serviceGroupBy: readonly string[]): readonly string[] {
  return integrationGroupBy && integrationGroupBy.length > 0 ? integrationGroupBy : serviceGroupBy;
}

/** True while a group opened at `openedAt` still takes new alerts. */
export function windowOpen(openedAt: string, now: string, windowSeconds: number): boolean {
  return Date.parse(now) - Date.parse(openedAt) < windowSeconds * 1000;
}

/** Counters a group keeps about its alerts; its status follows from them. */
export interface GroupTally {
  alertCount: number;
  /** Alerts not resolved. */
  openCount: number;
  /** Alerts triggered and not acknowledged. */
  unackedCount: number;
  severity: Severity;
}

export function groupStatus(tally: GroupTally): AlertStatus {
  if (tally.openCount <= 0) return 'resolved';
  return tally.unackedCount <= 0 ? 'acknowledged' : 'triggered';
}

/** How one alert's move from (status, group) to (status', group') changes the tallies. */
export function tallyDelta(
  tallies: Map<string, GroupTally>,
  before: { groupId: string | null; status: AlertStatus } | undefined,
  after: { groupId: string | null; status: AlertStatus; severity: Severity },
): void {
  const adjust = (groupId: string | null, status: AlertStatus, sign: 1 | -1): void => {
    if (!groupId) return;
    const t = tallies.get(groupId);
    if (!t) return;
    t.alertCount += sign;
    if (status !== 'resolved') t.openCount += sign;
    if (status === 'triggered') t.unackedCount += sign;
  };
  if (before) adjust(before.groupId, before.status, -1);
  adjust(after.groupId, after.status, 1);
  if (after.groupId) {
    const t = tallies.get(after.groupId);
    if (t && after.status !== 'resolved') t.severity = moreSevere(t.severity, after.severity);
  }
}

export { severityRank };
