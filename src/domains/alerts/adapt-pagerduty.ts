/**
 * PagerDuty Events API v2 (`POST /v2/enqueue`), so any tool that can send to
 * PagerDuty can send to Firebreak by changing only the URL. Field names stay
 * PagerDuty's. Pure: the dedup key generator is passed in.
 */
import { clip, isPlainObject, link, MAX_DEDUP_KEY, MAX_SUMMARY, type AlertLink, type AlertSignal, type Severity } from './signal.js';

const ACTIONS = { trigger: 'trigger', acknowledge: 'acknowledge', resolve: 'resolve' } as const;
const PD_SEVERITIES: readonly Severity[] = ['critical', 'error', 'warning', 'info'];

export type PagerDutyResult = { ok: true; signal: AlertSignal } | { ok: false; errors: string[] };

/** PagerDuty's body for a refused event. */
export function pagerDutyInvalid(errors: string[]): { status: string; message: string; errors: string[] } {
  return { status: 'invalid event', message: 'Event object is invalid', errors };
}

/** The routing key, or undefined when it is missing or blank. */
export function routingKeyOf(body: unknown): string | undefined {
  if (!isPlainObject(body)) return undefined;
  const key = body.routing_key;
  return typeof key === 'string' && key.trim() !== '' && key.length <= 200 ? key : undefined;
}

function blank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

/** A PagerDuty event → one signal. A trigger without dedup_key gets a generated one (returned to the sender). */
export function adaptPagerDuty(body: unknown, generateDedupKey: () => string): PagerDutyResult {
  if (!isPlainObject(body)) return { ok: false, errors: ['Event object must be a JSON object'] };
  const errors: string[] = [];
  if (routingKeyOf(body) === undefined) errors.push("'routing_key' is missing or blank");
  const action = typeof body.event_action === 'string' ? ACTIONS[body.event_action as keyof typeof ACTIONS] : undefined;
  if (!action) errors.push("'event_action' is invalid (must be one of trigger, acknowledge, resolve)");
  if (body.dedup_key !== undefined && (typeof body.dedup_key !== 'string' || body.dedup_key.length > MAX_DEDUP_KEY)) {
    errors.push(`'dedup_key' must be a string of at most ${MAX_DEDUP_KEY} characters`);
  }
  if (action && action !== 'trigger' && blank(body.dedup_key)) errors.push(`'dedup_key' is required for ${action} events`);

  const payload = body.payload;
  let severity: Severity = 'warning';
  let summary = '';
  const labels: Record<string, string> = {};
  if (action === 'trigger' || payload !== undefined) {
    if (!isPlainObject(payload)) {
      if (action === 'trigger') errors.push("'payload' is missing or not an object");
    } else {
      if (blank(payload.summary)) errors.push("'payload.summary' is missing or blank");
      else if ((payload.summary as string).length > MAX_SUMMARY) errors.push(`'payload.summary' is longer than ${MAX_SUMMARY} characters`);
      else summary = payload.summary as string;
      if (blank(payload.source)) errors.push("'payload.source' is missing or blank");
      else labels.source = clip(payload.source as string, 255);
      if (!PD_SEVERITIES.includes(payload.severity as Severity)) errors.push("'payload.severity' is invalid (must be one of critical, error, warning, info)");
      else severity = payload.severity as Severity;
      if (payload.timestamp !== undefined && (typeof payload.timestamp !== 'string' || Number.isNaN(Date.parse(payload.timestamp)))) {
        errors.push("'payload.timestamp' is not a valid ISO 8601 timestamp");
      }
      for (const field of ['component', 'group', 'class'] as const) {
        const value = payload[field];
        if (value === undefined) continue;
        if (typeof value !== 'string') errors.push(`'payload.${field}' must be a string`);
        else labels[field] = clip(value, 255);
      }
    }
  }
  if (body.links !== undefined && !Array.isArray(body.links)) errors.push("'links' must be an array");
  if (body.images !== undefined && !Array.isArray(body.images)) errors.push("'images' must be an array");
  if (errors.length) return { ok: false, errors };

  const links: AlertLink[] = [];
  for (const l of (body.links as unknown[] | undefined) ?? []) {
    if (isPlainObject(l)) links.push(...link(l.href, typeof l.text === 'string' ? clip(l.text, 200) : 'link'));
  }
  links.push(...link(body.client_url, typeof body.client === 'string' ? clip(body.client, 200) : 'client'));
  const dedupKey = blank(body.dedup_key) ? generateDedupKey() : (body.dedup_key as string);
  const timestamp = isPlainObject(payload) && typeof payload.timestamp === 'string' ? new Date(payload.timestamp).toISOString() : null;
  return {
    ok: true,
    signal: {
      dedupKey,
      action: action!,
      severity,
      summary: clip(summary || dedupKey, MAX_SUMMARY),
      rule: labels.class ?? (summary ? clip(summary, 200) : null),
      labels,
      links,
      startsAt: timestamp,
      endsAt: null,
      // The routing key is the integration's secret: never kept with the evidence.
      payload: { ...body, routing_key: undefined },
      ...(isPlainObject(payload) ? {} : { contentless: true }),
    },
  };
}
