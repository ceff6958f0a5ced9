/**
 * The silence form's matcher rows and the preview of what they would silence:
 * the same matching as the server's (src/domains/alerts/matchers.ts, pure and
 * shared), applied to the open alerts on screen.
 */
import { compileMatcher, MATCH_OPS, type CompiledMatcher, type MatchOp } from '../../../../src/domains/alerts/matchers.js';

export { MATCH_OPS };
export type { MatchOp };

export interface MatcherRow {
  name: string;
  op: MatchOp;
  value: string;
}

export interface PreviewAlert {
  id: string;
  serviceId: string;
  status: string;
  labels: Record<string, string>;
}

/** Rows to matchers: each filled row, compiled; a row's problem is reported by its index and field. */
export function compileRows(rows: readonly MatcherRow[]): { matchers: CompiledMatcher[] } | { row: number; field: 'name' | 'value'; error: string } {
  const matchers: CompiledMatcher[] = [];
  for (const [i, row] of rows.entries()) {
    if (!row.name.trim() && !row.value) continue;
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(row.name.trim())) return { row: i, field: 'name', error: 'a label name: letters, digits, _ . - (not starting with a digit)' };
    try {
      matchers.push(compileMatcher({ name: row.name.trim(), op: row.op, value: row.value }));
    } catch (err) {
      return { row: i, field: 'value', error: (err as Error).message };
    }
  }
  if (matchers.length === 0) return { row: 0, field: 'name', error: 'a silence needs at least one matcher' };
  return { matchers };
}

/** The open alerts (not resolved) the matchers would silence, within the service when one is chosen. */
export function previewSilence<A extends PreviewAlert>(matchers: readonly CompiledMatcher[], alerts: readonly A[], serviceId: string): A[] {
  return alerts.filter((a) => a.status !== 'resolved' && (!serviceId || a.serviceId === serviceId) && matchers.every((m) => m.test(a.labels)));
}

/** Rows to start from: the labels that define an alert group, as "=" matchers. */
export function rowsFromLabels(labels: Record<string, string>): MatcherRow[] {
  const rows = Object.entries(labels).map(([name, value]) => ({ name, op: '=' as MatchOp, value }));
  return rows.length > 0 ? rows : [{ name: '', op: '=', value: '' }];
}

/** The labels every alert shares (with the same value): what a group's alerts have in common when it has no group labels. */
export function commonLabels(alerts: ReadonlyArray<{ labels: Record<string, string> }>): Record<string, string> {
  const [first, ...rest] = alerts;
  if (!first) return {};
  return Object.fromEntries(Object.entries(first.labels).filter(([name, value]) => rest.every((a) => a.labels[name] === value)));
}
