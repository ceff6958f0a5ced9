/**
 * Generic JSON webhooks: each integration maps fields of its sender's body
 * onto a signal with JSONPath expressions (jsonpath-plus, script evaluation
 * off). Paths are checked when the integration is saved. Pure.
 */
import { JSONPath } from 'jsonpath-plus';
import { clip, isPlainObject, MAX_SUMMARY, normalizeSeverity, readDedupKey, readTime, type AdapterResult, type AlertSignal, type SignalAction } from './signal.js';

export interface FieldMappings {
  /** Where the alerts are: a path to an array (each element is one alert), or absent for the whole body. */
  alerts?: string;
  dedupKey: string;
  summary: string;
  severity?: string;
  status?: string;
  labels?: string;
  rule?: string;
  startsAt?: string;
}

export const MAPPING_FIELDS: ReadonlyArray<keyof FieldMappings> = ['alerts', 'dedupKey', 'summary', 'severity', 'status', 'labels', 'rule', 'startsAt'];

// Dotted names, quoted names, indexes, wildcards and recursive descent; no filters or scripts.
const SEGMENT = String.raw`(?:\.[A-Za-z0-9_$@-]+|\.\*|\.\.[A-Za-z0-9_$@-]+|\[\d+\]|\[\*\]|\['[^'\\]{1,100}'\]|\["[^"\\]{1,100}"\])`;
const PATH = new RegExp(`^\\$${SEGMENT}*$`);

/** Problems with a set of mappings, one per field (`mappings.summary: ...`); empty when they are usable. */
export function checkMappings(mappings: Record<string, unknown>): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = [];
  for (const [name, path] of Object.entries(mappings)) {
    const field = `mappings.${name}`;
    if (!(MAPPING_FIELDS as readonly string[]).includes(name)) problems.push({ field, message: 'is not a known field' });
    else if (typeof path !== 'string' || path.length > 300 || !PATH.test(path)) {
      problems.push({ field, message: 'must be a JSONPath such as $.alert.id or $.labels[\'team\'] (filters and scripts are not allowed)' });
    } else {
      try {
        JSONPath({ path, json: {}, eval: false, wrap: true });
      } catch (err) {
        problems.push({ field, message: `is not a usable JSONPath: ${(err as Error).message}` });
      }
    }
  }
  for (const required of ['dedupKey', 'summary'] as const) {
    if (mappings[required] === undefined) problems.push({ field: `mappings.${required}`, message: 'is required' });
  }
  return problems;
}

function first(path: string | undefined, json: unknown): unknown {
  if (!path) return undefined;
  const found = JSONPath({ path, json: json as object, eval: false, wrap: true }) as unknown[];
  return found[0];
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

const RESOLVED = new Set(['resolved', 'ok', 'closed', 'recovered', 'inactive', 'normal', 'cleared', 'up']);
const ACKNOWLEDGED = new Set(['acknowledged', 'ack', 'acked']);

function actionOf(status: unknown): SignalAction {
  const word = text(status)?.trim().toLowerCase() ?? '';
  if (RESOLVED.has(word)) return 'resolve';
  if (ACKNOWLEDGED.has(word)) return 'acknowledge';
  return 'trigger';
}

/** A generic body → signals, read through the integration's mappings. */
export function adaptGeneric(body: unknown, mappings: FieldMappings, maxAlerts: number): AdapterResult {
  if (!isPlainObject(body) && !Array.isArray(body)) return { ok: false, errors: ['the body must be a JSON object or an array of objects'] };
  let items: unknown[];
  if (mappings.alerts) {
    const found = first(mappings.alerts, body);
    if (!Array.isArray(found)) return { ok: false, errors: [`mappings.alerts (${mappings.alerts}) does not point at an array in the body`] };
    items = found;
  } else {
    items = Array.isArray(body) ? body : [body];
  }
  if (items.length === 0) return { ok: false, errors: ['the body holds no alerts'] };
  if (items.length > maxAlerts) return { ok: false, errors: [`the body holds ${items.length} alerts; at most ${maxAlerts} are accepted per request`] };
  const errors: string[] = [];
  const signals: AlertSignal[] = [];
  items.forEach((item, i) => {
    const where = items.length > 1 || mappings.alerts ? `alerts[${i}]` : 'body';
    if (!isPlainObject(item)) {
      errors.push(`${where} must be an object`);
      return;
    }
    const dedupKey = readDedupKey(text(first(mappings.dedupKey, item)), `${where}: dedup key (${mappings.dedupKey})`, errors);
    const summary = text(first(mappings.summary, item));
    if (!summary?.trim()) errors.push(`${where}: summary (${mappings.summary}) is missing or not text`);
    const rawLabels = first(mappings.labels, item);
    const labels: Record<string, string> = {};
    if (rawLabels !== undefined) {
      if (!isPlainObject(rawLabels)) errors.push(`${where}: labels (${mappings.labels}) must be an object`);
      else for (const [k, v] of Object.entries(rawLabels).slice(0, 64)) if (text(v) !== undefined) labels[k] = clip(text(v)!, 1024);
    }
    const startsAt = readTime(first(mappings.startsAt, item), `${where}: startsAt (${mappings.startsAt})`, errors);
    if (errors.length) return;
    const rule = text(first(mappings.rule, item));
    signals.push({
      dedupKey,
      action: actionOf(first(mappings.status, item)),
      severity: normalizeSeverity(text(first(mappings.severity, item))),
      summary: clip(summary!, MAX_SUMMARY),
      rule: rule ? clip(rule, 200) : null,
      labels,
      links: [],
      startsAt,
      endsAt: null,
      payload: item,
    });
  });
  return errors.length ? { ok: false, errors } : { ok: true, signals };
}
