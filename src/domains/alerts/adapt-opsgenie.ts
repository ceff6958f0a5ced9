/**
 * Opsgenie Alert API v2 (`POST /v2/alerts`, `/v2/alerts/{identifier}/close`
 * and `/acknowledge`), so a sender wired to Opsgenie (Alertmanager's and
 * Grafana's opsgenie configs, Gatus, Uptime Kuma, Zabbix scripts) sends to
 * Firebreak by changing only the API URL and key. Field names stay Opsgenie's.
 * Pure: the dedup key generator is passed in.
 */
import { createHash } from 'node:crypto';
import { clip, isPlainObject, link, MAX_DEDUP_KEY, MAX_LABEL_VALUE, MAX_SUMMARY, normalizeSeverity, type AlertLink, type AlertSignal, type Severity } from './signal.js';

/** Opsgenie's priorities onto our severities; Opsgenie's default priority is P3. */
export const PRIORITY_SEVERITY: Record<string, Severity> = { P1: 'critical', P2: 'error', P3: 'warning', P4: 'info', P5: 'info' };
/** Opsgenie's own limits: longer values are cut, not refused. */
const MAX_ALIAS = 512;
const MAX_TAGS = 20;
const MAX_TAG = 50;
const MAX_DETAILS = 64;

export const RESPONDERS_NOTE = 'responders and visibleTo are ignored: Firebreak pages through the service\'s escalation policy';

export type OpsgenieCreate = { ok: true; signal: AlertSignal; notes: string[] } | { ok: false; errors: Record<string, string> };

/** The integration key from `Authorization: GenieKey <key>` (Opsgenie also accepts `?apiKey=`), or undefined. */
export function genieKeyOf(authorization: string | undefined, apiKeyParam?: string): string | undefined {
  const match = /^GenieKey\s+(\S{1,200})\s*$/i.exec(authorization ?? '');
  if (match) return match[1];
  return typeof apiKeyParam === 'string' && apiKeyParam.trim() !== '' && apiKeyParam.length <= 200 ? apiKeyParam.trim() : undefined;
}

/**
 * The dedup key for an alias: the alias itself, or (past our key length, up to
 * Opsgenie's 512) a digest of it, so a long alias still deduplicates.
 */
export function dedupKeyOfAlias(alias: string): string {
  return alias.length <= MAX_DEDUP_KEY ? alias : `sha256:${createHash('sha256').update(alias).digest('hex')}`;
}

function optionalString(body: Record<string, unknown>, field: string, errors: Record<string, string>): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    errors[field] = `${field} must be a string`;
    return undefined;
  }
  return value;
}

function severityOf(priority: string | undefined, details: Record<string, string>): Severity {
  if (priority !== undefined) return PRIORITY_SEVERITY[priority]!;
  // Alertmanager sends no priority unless configured, but passes the alert's labels as details.
  return details.severity !== undefined ? normalizeSeverity(details.severity) : 'warning';
}

/** A CreateAlertPayload → one trigger signal; errors keyed by field as Opsgenie's 422 answers them. */
export function adaptOpsgenieCreate(body: unknown, generateDedupKey: () => string): OpsgenieCreate {
  if (!isPlainObject(body)) return { ok: false, errors: { body: 'the body must be a JSON object' } };
  const errors: Record<string, string> = {};
  const message = optionalString(body, 'message', errors);
  if (message === undefined || message.trim() === '') errors.message ??= 'Message can not be empty.';
  const alias = optionalString(body, 'alias', errors);
  if (alias !== undefined && alias.length > MAX_ALIAS) errors.alias = `alias is longer than ${MAX_ALIAS} characters`;
  const priority = optionalString(body, 'priority', errors);
  if (priority !== undefined && !PRIORITY_SEVERITY[priority]) errors.priority = 'priority must be one of P1, P2, P3, P4, P5';
  const entity = optionalString(body, 'entity', errors);
  const source = optionalString(body, 'source', errors);
  optionalString(body, 'description', errors);
  optionalString(body, 'user', errors);
  optionalString(body, 'note', errors);

  const details: Record<string, string> = {};
  if (body.details !== undefined && body.details !== null) {
    if (!isPlainObject(body.details)) errors.details = 'details must be an object of strings';
    else {
      const entries = Object.entries(body.details);
      if (entries.length > MAX_DETAILS) errors.details = `details has ${entries.length} entries; at most ${MAX_DETAILS} are accepted`;
      for (const [name, value] of entries) {
        if (typeof value !== 'string') errors[`details.${name}`] = `details.${name} must be a string`;
        else details[name] = clip(value, MAX_LABEL_VALUE);
      }
    }
  }
  let tags: string[] = [];
  if (body.tags !== undefined && body.tags !== null) {
    if (!Array.isArray(body.tags) || body.tags.some((t) => typeof t !== 'string')) errors.tags = 'tags must be an array of strings';
    else tags = (body.tags as string[]).map((t) => clip(t.trim(), MAX_TAG)).filter((t) => t !== '').slice(0, MAX_TAGS);
  }
  for (const field of ['responders', 'visibleTo', 'actions'] as const) {
    if (body[field] !== undefined && body[field] !== null && !Array.isArray(body[field])) errors[field] = `${field} must be an array`;
  }
  if (Object.keys(errors).length) return { ok: false, errors };

  const labels: Record<string, string> = { ...details };
  if (entity) labels.entity = clip(entity, 255);
  if (source) labels.source = clip(source, 255);
  if (tags.length) labels.tags = tags.join(',');
  if (priority) labels.priority = priority;
  const links: AlertLink[] = [...link(source, 'source'), ...Object.entries(details).flatMap(([name, value]) => link(value, name))];
  const dedupKey = alias !== undefined && alias.trim() !== '' ? dedupKeyOfAlias(alias) : generateDedupKey();
  const notes = [((body.responders as unknown[] | undefined)?.length || (body.visibleTo as unknown[] | undefined)?.length) ? RESPONDERS_NOTE : undefined].filter((n): n is string => n !== undefined);
  return {
    ok: true,
    notes,
    signal: {
      dedupKey,
      action: 'trigger',
      severity: severityOf(priority, details),
      summary: clip(message!.trim(), MAX_SUMMARY),
      rule: details.alertname ?? (entity ? clip(entity, 200) : clip(message!.trim(), 200)),
      labels,
      links,
      startsAt: null,
      endsAt: null,
      payload: body,
    },
  };
}

/** A close or acknowledge of the alert under dedupKey: changes its state only (the body is AlertActionPayload: user, note, source). */
export function opsgenieActionSignal(action: 'resolve' | 'acknowledge', dedupKey: string, body: unknown): AlertSignal {
  return { dedupKey, action, severity: 'warning', summary: dedupKey, rule: null, labels: {}, links: [], startsAt: null, endsAt: null, payload: body ?? {}, contentless: true };
}

/** Checks an AlertActionPayload (every field optional, each a string when present). */
export function actionPayloadErrors(body: unknown): Record<string, string> {
  if (body === undefined || body === null) return {};
  if (!isPlainObject(body)) return { body: 'the body must be a JSON object' };
  const errors: Record<string, string> = {};
  for (const field of ['user', 'note', 'source']) optionalString(body, field, errors);
  return errors;
}
