import assert from 'node:assert/strict';
import { test } from 'node:test';
import { adaptAlertmanager, adaptGrafana } from './adapt-alertmanager.js';
import { adaptGeneric, checkMappings } from './adapt-generic.js';
import { adaptPagerDuty } from './adapt-pagerduty.js';
import { normalizeSeverity, parseSeverityMap, opensIncident } from './signal.js';
import { alertmanagerFixtures } from '../../testing/alerts.js';

test('each captured Alertmanager webhook becomes one signal per alert, keyed by fingerprint', () => {
  const results = alertmanagerFixtures().map((f) => adaptAlertmanager(f.body, 1000));
  const [down, errors, resolvedErrors, resolvedDown] = results.map((r) => {
    assert.ok(r.ok);
    return r;
  }) as Array<Extract<(typeof results)[number], { ok: true }>>;
  assert.ok(down && errors && resolvedErrors && resolvedDown);
  assert.deepEqual(
    down.signals.map((s) => ({ key: s.dedupKey, action: s.action, severity: s.severity, summary: s.summary, rule: s.rule, startsAt: s.startsAt, endsAt: s.endsAt })),
    [{ key: '2af2b52e54a2bde6', action: 'trigger', severity: 'critical', summary: 'payments-db unreachable', rule: 'InstanceDown', startsAt: '2026-11-23T14:05:10.000Z', endsAt: null }],
  );
  assert.deepEqual(down.signals[0]!.labels, { alertname: 'InstanceDown', service: 'payments-db', severity: 'critical' });
  assert.deepEqual(down.signals[0]!.links, [{ href: 'http://127.0.0.1:19090/graph?g0.expr=up', text: 'source' }]);
  assert.deepEqual(errors.signals.map((s) => [s.dedupKey, s.severity, s.labels.service]), [
    ['ff774b3b5a5e3c3e', 'critical', 'checkout-api'],
    ['d244637c1b3d3159', 'warning', 'search-api'],
  ]);
  assert.deepEqual(resolvedErrors.signals.map((s) => [s.dedupKey, s.action, s.endsAt]), [
    ['ff774b3b5a5e3c3e', 'resolve', '2026-11-23T14:06:13.000Z'],
    ['d244637c1b3d3159', 'resolve', '2026-11-23T14:06:13.000Z'],
  ]);
  assert.equal(resolvedDown.signals[0]!.action, 'resolve');
});

test('an Alertmanager body is refused as a whole when any alert is invalid, naming each problem', () => {
  const body = { version: '4', alerts: [{ status: 'firing', fingerprint: 'a' }, { status: 'weird', labels: { x: 1 } }] };
  const result = adaptAlertmanager(body, 1000);
  assert.equal(result.ok, false);
  assert.deepEqual(!result.ok && result.errors, [
    'alerts[1].status must be "firing" or "resolved", got "weird"',
    'alerts[1].fingerprint is required and must be a non-empty string',
    'alerts[1].labels.x must be a string',
  ]);
  assert.deepEqual(adaptAlertmanager({ alerts: new Array(3).fill({}) }, 2), { ok: false, errors: ['alerts has 3 entries; at most 2 are accepted per request'] });
});

test('a Grafana unified alerting webhook adds dashboard and panel links', () => {
  const body = {
    receiver: 'firebreak', status: 'firing', orgId: 1, title: '[FIRING:1] HighLatency', state: 'alerting', message: 'latency', version: '1',
    alerts: [{
      status: 'firing', labels: { alertname: 'HighLatency', grafana_folder: 'api', severity: 'error' }, annotations: { summary: 'p99 over 2s' },
      startsAt: '2026-11-23T14:00:00Z', endsAt: '0001-01-01T00:00:00Z', generatorURL: 'https://grafana.example/alerting/grafana/abc/view',
      fingerprint: '9a1b2c3d4e5f6a7b', silenceURL: 'https://grafana.example/alerting/silence/new', dashboardURL: 'https://grafana.example/d/api', panelURL: 'https://grafana.example/d/api?viewPanel=2', values: { B: 2.4 },
    }],
  };
  const result = adaptGrafana(body, 1000);
  assert.ok(result.ok);
  const [signal] = result.signals;
  assert.equal(signal!.dedupKey, '9a1b2c3d4e5f6a7b');
  assert.equal(signal!.severity, 'error');
  assert.deepEqual(signal!.links.map((l) => l.text), ['source', 'dashboard', 'panel', 'silence']);
});

test('PagerDuty events map onto signals with PagerDuty’s rules', () => {
  const trigger = adaptPagerDuty({ routing_key: 'k', event_action: 'trigger', payload: { summary: 'Disk full', source: 'db-1', severity: 'error', class: 'disk' } }, () => 'generated');
  assert.ok(trigger.ok);
  assert.equal(trigger.signal.dedupKey, 'generated');
  assert.equal(trigger.signal.rule, 'disk');
  assert.equal((trigger.signal.payload as { routing_key?: string }).routing_key, undefined);
  const ack = adaptPagerDuty({ routing_key: 'k', event_action: 'acknowledge', dedup_key: 'd' }, () => 'unused');
  assert.ok(ack.ok && ack.signal.contentless && ack.signal.action === 'acknowledge' && ack.signal.dedupKey === 'd');
  const bad = adaptPagerDuty({ event_action: 'trigger', payload: { summary: '', source: 'x', severity: 'bad' } }, () => 'x');
  assert.deepEqual(!bad.ok && bad.errors, ["'routing_key' is missing or blank", "'payload.summary' is missing or blank", "'payload.severity' is invalid (must be one of critical, error, warning, info)"]);
});

test('generic mappings read alerts out of any JSON, one or many per body', () => {
  const mappings = { alerts: '$.items', dedupKey: '$.id', summary: '$.title', severity: '$.level', status: '$.state', labels: '$.tags', rule: "$['check name']" };
  const result = adaptGeneric({ items: [{ id: 7, title: 'Down', level: 'P1', state: 'open', tags: { env: 'prod', n: 3 }, 'check name': 'ping' }, { id: 'b', title: 'Up', state: 'OK' }] }, mappings, 100);
  assert.ok(result.ok);
  assert.deepEqual(result.signals.map((s) => [s.dedupKey, s.action, s.severity, s.rule]), [['7', 'trigger', 'critical', 'ping'], ['b', 'resolve', 'warning', null]]);
  assert.deepEqual(result.signals[0]!.labels, { env: 'prod', n: '3' });
  const missing = adaptGeneric({ title: 'no id' }, { dedupKey: '$.id', summary: '$.title' }, 100);
  assert.deepEqual(!missing.ok && missing.errors, ['body: dedup key ($.id) is required and must be a non-empty string']);
});

test('mapping paths are checked when saved: filters, scripts and unknown fields are refused', () => {
  assert.deepEqual(checkMappings({ dedupKey: '$.id', summary: "$.a['b c'][0]", labels: '$..tags' }), []);
  assert.deepEqual(checkMappings({ dedupKey: '$.items[?(@.x)]', summary: '$.a', colour: '$.c' }).map((p) => p.field), ['mappings.dedupKey', 'mappings.colour']);
  assert.deepEqual(checkMappings({ summary: 'title' }).map((p) => p.field), ['mappings.summary', 'mappings.dedupKey']);
});

test('severity words from many tools map onto four severities, and the incident mapping is configurable', () => {
  assert.deepEqual(['CRITICAL', 'page', 'high', 'warn', 'informational', 'banana', undefined].map(normalizeSeverity), ['critical', 'critical', 'error', 'warning', 'info', 'warning', 'warning']);
  const map = parseSeverityMap('critical=SEV1,error=SEV3');
  assert.deepEqual(map, { critical: 'SEV1', error: 'SEV3', warning: 'SEV4', info: 'SEV4' });
  assert.equal(opensIncident(map, 'critical'), true);
  assert.equal(opensIncident(map, 'error'), false);
});
