/**
 * Prometheus Alertmanager webhook (version 4) and Grafana unified alerting
 * webhooks, which share its alert shape. Each alert in `alerts` is its own
 * signal, deduplicated on its `fingerprint`: Alertmanager resends whole groups
 * every group_interval, and a resend must update, not duplicate. Pure.
 */
import {
  clip,
  isPlainObject,
  link,
  MAX_SUMMARY,
  normalizeSeverity,
  readDedupKey,
  readLabels,
  readTime,
  type AdapterResult,
  type AlertLink,
  type AlertSignal,
} from './signal.js';

type Flavour = 'alertmanager' | 'grafana';

function summaryOf(annotations: Record<string, string>, labels: Record<string, string>, fingerprint: string): string {
  const first = [annotations.summary, annotations.description, annotations.message, labels.alertname].find((text) => text !== undefined && text.trim() !== '');
  return clip(first?.trim() ?? fingerprint, MAX_SUMMARY);
}

function linksOf(alert: Record<string, unknown>, annotations: Record<string, string>, flavour: Flavour): AlertLink[] {
  const links = [...link(alert.generatorURL, 'source'), ...link(annotations.runbook_url, 'runbook')];
  if (flavour === 'grafana') links.push(...link(alert.dashboardURL, 'dashboard'), ...link(alert.panelURL, 'panel'), ...link(alert.silenceURL, 'silence'));
  return links;
}

function adapt(body: unknown, maxAlerts: number, flavour: Flavour): AdapterResult {
  if (!isPlainObject(body)) return { ok: false, errors: ['the body must be a JSON object with an "alerts" array'] };
  const errors: string[] = [];
  if (flavour === 'alertmanager' && body.version !== undefined && body.version !== '4') {
    errors.push(`version must be "4" (Alertmanager webhook v4), got ${JSON.stringify(body.version)}`);
  }
  if (!Array.isArray(body.alerts)) return { ok: false, errors: [...errors, 'alerts is required and must be an array'] };
  if (body.alerts.length > maxAlerts) return { ok: false, errors: [`alerts has ${body.alerts.length} entries; at most ${maxAlerts} are accepted per request`] };
  const signals: AlertSignal[] = [];
  body.alerts.forEach((alert: unknown, i: number) => {
    const where = `alerts[${i}]`;
    if (!isPlainObject(alert)) {
      errors.push(`${where} must be an object`);
      return;
    }
    if (alert.status !== 'firing' && alert.status !== 'resolved') {
      errors.push(`${where}.status must be "firing" or "resolved", got ${clip(JSON.stringify(alert.status) ?? 'nothing', 40)}`);
    }
    const fingerprint = readDedupKey(alert.fingerprint, `${where}.fingerprint`, errors);
    const labels = readLabels(alert.labels, `${where}.labels`, errors);
    const annotations = readLabels(alert.annotations, `${where}.annotations`, errors);
    const startsAt = readTime(alert.startsAt, `${where}.startsAt`, errors);
    const endsAt = readTime(alert.endsAt, `${where}.endsAt`, errors);
    if (errors.length) return;
    signals.push({
      dedupKey: fingerprint,
      action: alert.status === 'resolved' ? 'resolve' : 'trigger',
      severity: normalizeSeverity(labels.severity),
      summary: summaryOf(annotations, labels, fingerprint),
      rule: labels.alertname ?? null,
      labels,
      links: linksOf(alert, annotations, flavour),
      startsAt,
      endsAt,
      payload: alert,
    });
  });
  return errors.length ? { ok: false, errors } : { ok: true, signals };
}

/** Alertmanager webhook v4 body → one signal per alert. */
export function adaptAlertmanager(body: unknown, maxAlerts: number): AdapterResult {
  return adapt(body, maxAlerts, 'alertmanager');
}

/** Grafana alerting webhook body (Alertmanager's alert shape plus dashboard and panel links) → one signal per alert. */
export function adaptGrafana(body: unknown, maxAlerts: number): AdapterResult {
  return adapt(body, maxAlerts, 'grafana');
}
