/**
 * The normalized alert signal every intake adapter produces (ARCHITECTURE.md, "Alerts"), and
 * the small vocabularies around it. Pure: no I/O.
 */

export const SEVERITIES = ['critical', 'error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type IncidentSeverity = 'SEV1' | 'SEV2' | 'SEV3' | 'SEV4';

/** What the source says about an alert: it fires, someone acknowledged it there, or it cleared. */
export type SignalAction = 'trigger' | 'acknowledge' | 'resolve';

export interface AlertLink {
  href: string;
  text: string;
}

export interface AlertSignal {
  /** Alertmanager's `fingerprint`, PagerDuty's `dedup_key`, a mapped field for generic JSON. */
  dedupKey: string;
  action: SignalAction;
  severity: Severity;
  summary: string;
  /** The alerting rule (Alertmanager's alertname), for the noise report; null when the source has none. */
  rule: string | null;
  labels: Record<string, string>;
  links: AlertLink[];
  startsAt: string | null;
  endsAt: string | null;
  /** This alert's part of the request body, kept as evidence. */
  payload: unknown;
  /** The signal only changes state (a PagerDuty acknowledge without payload): keep the alert's summary and labels. */
  contentless?: boolean;
}

/** An adapter's verdict on a request body: signals, or the problems that refuse it. */
export type AdapterResult = { ok: true; signals: AlertSignal[] } | { ok: false; errors: string[] };

export const MAX_DEDUP_KEY = 255;
export const MAX_SUMMARY = 1024;
export const MAX_LABELS = 64;
export const MAX_LABEL_VALUE = 1024;

const SEVERITY_WORDS: Record<string, Severity> = {
  critical: 'critical', crit: 'critical', page: 'critical', p1: 'critical', sev1: 'critical', fatal: 'critical', emergency: 'critical', disaster: 'critical',
  error: 'error', err: 'error', high: 'error', major: 'error', p2: 'error', sev2: 'error',
  warning: 'warning', warn: 'warning', medium: 'warning', minor: 'warning', p3: 'warning', sev3: 'warning', average: 'warning',
  info: 'info', informational: 'info', low: 'info', none: 'info', ok: 'info', p4: 'info', p5: 'info', sev4: 'info', debug: 'info',
};

/** Maps a source's severity word onto ours; unknown or missing words count as warning (no page). */
export function normalizeSeverity(word: unknown): Severity {
  return (typeof word === 'string' && SEVERITY_WORDS[word.trim().toLowerCase()]) || 'warning';
}

/** Lower rank is more severe. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

export function moreSevere(a: Severity, b: Severity): Severity {
  return severityRank(a) <= severityRank(b) ? a : b;
}

export type SeverityMap = Record<Severity, IncidentSeverity>;

/** Parses `critical=SEV1,error=SEV2,...` (validated by the config schema); unlisted severities get SEV4. */
export function parseSeverityMap(text: string): SeverityMap {
  const map: SeverityMap = { critical: 'SEV4', error: 'SEV4', warning: 'SEV4', info: 'SEV4' };
  for (const pair of text.split(',')) {
    const [from, to] = pair.split('=') as [Severity, IncidentSeverity];
    map[from] = to;
  }
  return map;
}

/** True when alerts of this severity should open or join an incident (SEV1 and SEV2 do). */
export function opensIncident(map: SeverityMap, severity: Severity): boolean {
  return map[severity] === 'SEV1' || map[severity] === 'SEV2';
}

/** Bounded text: anything longer is cut with an ellipsis, so one field cannot bloat a row. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a label set, naming what is wrong with it (`alerts[2].labels.severity must be a string`). */
export function readLabels(value: unknown, where: string, errors: string[]): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (!isPlainObject(value)) {
    errors.push(`${where} must be an object of strings`);
    return {};
  }
  const entries = Object.entries(value);
  if (entries.length > MAX_LABELS) errors.push(`${where} has ${entries.length} entries; at most ${MAX_LABELS} are accepted`);
  const labels: Record<string, string> = {};
  for (const [name, v] of entries) {
    if (typeof v !== 'string') errors.push(`${where}.${name} must be a string`);
    else if (v.length > MAX_LABEL_VALUE) errors.push(`${where}.${name} is longer than ${MAX_LABEL_VALUE} characters`);
    else labels[name] = v;
  }
  return labels;
}

/** A timestamp from the source, or null for absent and Go's zero time ("0001-01-01T00:00:00Z"). */
export function readTime(value: unknown, where: string, errors: string[]): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') {
    errors.push(`${where} must be an RFC 3339 timestamp string`);
    return null;
  }
  if (value.startsWith('0001-01-01')) return null;
  const known = parsedTimes.get(value);
  if (known) return known;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    errors.push(`${where} is not a valid timestamp: "${clip(value, 40)}"`);
    return null;
  }
  const iso = new Date(ms).toISOString();
  // The alerts of a storm share a handful of start times: remember recent ones rather than parse each again.
  if (parsedTimes.size >= 4096) parsedTimes.clear();
  parsedTimes.set(value, iso);
  return iso;
}

const parsedTimes = new Map<string, string>();

export function readDedupKey(value: unknown, where: string, errors: string[]): string {
  if (typeof value !== 'string' || value.trim() === '') {
    errors.push(`${where} is required and must be a non-empty string`);
    return '';
  }
  if (value.length > MAX_DEDUP_KEY) {
    errors.push(`${where} is longer than ${MAX_DEDUP_KEY} characters`);
    return '';
  }
  return value;
}

/** A link when the value is an http(s) URL, else nothing. */
export function link(href: unknown, text: string): AlertLink[] {
  return typeof href === 'string' && /^https?:\/\//.test(href) && href.length <= 2000 ? [{ href, text }] : [];
}
