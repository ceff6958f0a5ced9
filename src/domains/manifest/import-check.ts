/**
 * Checks a translation before anyone relies on it: for each schedule whose
 * final schedule the vendor rendered (PagerDuty's `final_schedule`, Opsgenie's
 * final timeline, for the import's days), the people Firebreak's schedule
 * engine puts on call at every hour (over all the schedules it became), with
 * the imported layers and overrides, against who the vendor said. Pure:
 * the on-call domain's schedule computation is pure and takes emails as ids.
 */
import { compileSchedule, onCallAtInstant } from '../oncall/schedule.js';
import type { ManifestSchedule } from './document.js';

const HOUR_MS = 3_600_000;

export interface VendorFinalSchedule {
  /** The vendor's schedule, and the Firebreak schedule it became (unless `schedules` names several). */
  schedule: string;
  /** The Firebreak schedules the vendor's became, on call together (an Opsgenie schedule's rotations). */
  schedules?: string[];
  /** Who the vendor puts on call, by email; gaps left out; overlapping entries are on call together. */
  entries: Array<{ start: number; end: number; email: string }>;
}

export interface OnCallCheck {
  schedule: string;
  hours: number;
  /** Several people can be on call at once (an Opsgenie schedule's rotations): compared as sets. */
  together: boolean;
  /** `2026-10-25T01:00:00.000Z: PagerDuty ana@…, Firebreak ben@…` */
  differences: string[];
}

export function checkOnCall(schedules: readonly ManifestSchedule[], overrides: ReadonlyArray<{ schedule: string; email: string; start: string; end: string }>, finals: readonly VendorFinalSchedule[], since: number, until: number, vendor: string): OnCallCheck[] {
  const out: OnCallCheck[] = [];
  for (const final of finals) {
    const names = final.schedules ?? [final.schedule];
    const compiled = schedules
      .filter((x) => names.includes(x.name))
      .map((s) =>
        compileSchedule({
          zone: s.timeZone,
          layers: s.layers.map((l, i) => ({ id: String(i), name: l.name, start: l.start, length: l.length, participants: l.participants, restrictions: l.restrictions ?? [] })),
          overrides: overrides
            .filter((o) => o.schedule === s.name)
            .map((o, i) => ({ id: String(i), kind: 'replace' as const, start: Date.parse(o.start), end: Date.parse(o.end), userId: o.email, replaces: null })),
        }),
      );
    if (compiled.length === 0) continue;
    const check: OnCallCheck = { schedule: final.schedule, hours: 0, together: final.schedules !== undefined, differences: [] };
    for (let t = since; t < until; t += HOUR_MS) {
      check.hours++;
      const want = [...new Set(final.entries.filter((e) => e.start <= t && t < e.end).map((e) => e.email))].sort().join(', ') || '(nobody)';
      const got = [...new Set(compiled.flatMap((c) => onCallAtInstant(c, t)))].sort().join(', ') || '(nobody)';
      if (want !== got) check.differences.push(`${new Date(t).toISOString()}: ${vendor} ${want}, Firebreak ${got}`);
    }
    out.push(check);
  }
  return out;
}

/** The check as lines for the import's output. */
export function describeChecks(checks: readonly OnCallCheck[], vendor: string): string[] {
  return checks.map((c) =>
    c.differences.length === 0
      ? `on-call check: ${c.schedule}: the same ${c.together ? 'people' : 'person'} as ${vendor}'s ${c.together ? 'final timeline' : 'final schedule'} in all ${c.hours} hours`
      : `on-call check: ${c.schedule}: ${c.differences.length} of ${c.hours} hours differ from ${vendor}'s ${c.together ? 'final timeline' : 'final schedule'}:\n${c.differences.map((d) => `  ${d}`).join('\n')}`,
  );
}
