/** Which silence or maintenance window, if any, keeps an alert quiet right now. Pure. */
import { compileMatcher, matchesAll, type CompiledMatcher, type Matcher } from './matchers.js';

export interface ActiveSilence {
  id: string;
  serviceId: string | null;
  matchers: CompiledMatcher[];
}

export interface ActiveMaintenance {
  id: string;
  serviceId: string;
}

/** A matcher stored before regular expressions ran on RE2 may no longer compile: it matches nothing, so intake never fails on it. */
const MATCHES_NOTHING: CompiledMatcher = { name: '', op: '=', value: '', test: () => false };

export function compileSilence(row: { id: string; service_id: string | null; matchers: string }): ActiveSilence {
  const compileOrNothing = (m: Matcher): CompiledMatcher => {
    try {
      return compileMatcher(m);
    } catch {
      return MATCHES_NOTHING;
    }
  };
  return { id: row.id, serviceId: row.service_id, matchers: (JSON.parse(row.matchers) as Matcher[]).map(compileOrNothing) };
}

/** `maintenance:<id>` or `silence:<id>` when the alert is suppressed, else null. Maintenance wins: it is the broader reason. */
export function suppressionOf(
  labels: Record<string, string>,
  serviceId: string,
  silences: readonly ActiveSilence[],
  maintenance: readonly ActiveMaintenance[],
): string | null {
  const window = maintenance.find((m) => m.serviceId === serviceId);
  if (window) return `maintenance:${window.id}`;
  const silence = silences.find((s) => (s.serviceId === null || s.serviceId === serviceId) && matchesAll(s.matchers, labels));
  return silence ? `silence:${silence.id}` : null;
}
