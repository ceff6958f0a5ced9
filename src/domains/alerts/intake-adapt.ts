/**
 * One body in an intake format → signals, by the adapter that format's HTTP
 * route uses. Drills send their stored payloads through here, so a drill
 * exercises the same parsing as a real sender.
 */
import { randomUUID } from 'node:crypto';
import { adaptAlertmanager, adaptGrafana } from './adapt-alertmanager.js';
import { adaptGeneric } from './adapt-generic.js';
import { adaptPagerDuty } from './adapt-pagerduty.js';
import type { IntakeTarget } from './integrations.js';
import type { AdapterResult } from './signal.js';

export type WebhookFormat = 'alertmanager' | 'grafana' | 'generic';

/** Adapts a webhook body (Alertmanager, Grafana, generic JSON with the integration's mappings). */
export function adaptWebhook(kind: WebhookFormat, body: unknown, target: Pick<IntakeTarget, 'mappings'>, maxAlerts: number): AdapterResult {
  if (kind === 'alertmanager') return adaptAlertmanager(body, maxAlerts);
  if (kind === 'grafana') return adaptGrafana(body, maxAlerts);
  if (!target.mappings) return { ok: false, errors: ['the generic integration has no field mappings'] };
  return adaptGeneric(body, target.mappings, maxAlerts);
}

/** Adapts a body in any intake format; a PagerDuty event becomes one signal. */
export function adaptIntakeBody(kind: WebhookFormat | 'pagerduty', body: unknown, target: Pick<IntakeTarget, 'mappings'>, maxAlerts: number): AdapterResult {
  if (kind !== 'pagerduty') return adaptWebhook(kind, body, target, maxAlerts);
  const result = adaptPagerDuty(body, () => randomUUID().replace(/-/g, ''));
  return result.ok ? { ok: true, signals: [result.signal] } : { ok: false, errors: result.errors };
}
