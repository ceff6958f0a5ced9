import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createScratchDatabase, type ScratchDatabase } from '../../src/db/testing.js';
import { until } from '../../src/testing/until.js';
import { spawnFirebreak, type FirebreakProcess } from '../support/process.js';
import { intakeRows, seed, type Seeded } from './setup.js';

const MAX_ALERTS = 50;
const BODY_LIMIT = 64 * 1024;

const alert = (over: Record<string, unknown> = {}) => ({
  status: 'firing',
  labels: { alertname: 'Bad', severity: 'critical' },
  annotations: { summary: 's' },
  startsAt: '2026-11-23T14:05:10Z',
  endsAt: '0001-01-01T00:00:00Z',
  fingerprint: 'abc123',
  ...over,
});
const am = (alerts: unknown, over: Record<string, unknown> = {}) => JSON.stringify({ version: '4', status: 'firing', receiver: 'r', alerts, ...over });
const pd = (key: string, over: Record<string, unknown>) => JSON.stringify({ routing_key: key, event_action: 'trigger', payload: { summary: 's', source: 'x', severity: 'critical' }, ...over });

interface Case {
  name: string;
  path: (s: Seeded) => string;
  body: (s: Seeded) => string;
  contentType?: string;
  status: number;
  mentions?: RegExp;
}

const AM = (s: Seeded) => `/intake/alertmanager/${s.keys.alertmanager}`;
const GRAFANA = (s: Seeded) => `/intake/grafana/${s.keys.grafana}`;
const GENERIC = (s: Seeded) => `/intake/generic/${s.keys.generic}`;
const PD = () => '/v2/enqueue';

const cases: Case[] = [
  { name: 'truncated JSON', path: AM, body: () => '{"alerts": [', status: 400, mentions: /not valid JSON/ },
  { name: 'empty body', path: AM, body: () => '', status: 400 },
  { name: 'a JSON array instead of an object', path: AM, body: () => '[]', status: 400, mentions: /object/ },
  { name: 'a JSON string', path: AM, body: () => '"alerts"', status: 400 },
  { name: 'JSON null', path: AM, body: () => 'null', status: 400 },
  { name: 'alerts missing', path: AM, body: () => JSON.stringify({ version: '4' }), status: 400, mentions: /alerts/ },
  { name: 'alerts is an object', path: AM, body: () => am({ a: 1 }), status: 400, mentions: /alerts/ },
  { name: 'alerts is a string', path: AM, body: () => am('many'), status: 400, mentions: /alerts/ },
  { name: 'an alert that is a number', path: AM, body: () => am([42]), status: 400, mentions: /alerts\[0\]/ },
  { name: 'alert status missing', path: AM, body: () => am([alert({ status: undefined })]), status: 400, mentions: /status/ },
  { name: 'alert status "pending"', path: AM, body: () => am([alert({ status: 'pending' })]), status: 400, mentions: /status/ },
  { name: 'fingerprint missing', path: AM, body: () => am([alert({ fingerprint: undefined })]), status: 400, mentions: /fingerprint/ },
  { name: 'fingerprint is a number', path: AM, body: () => am([alert({ fingerprint: 12345 })]), status: 400, mentions: /fingerprint/ },
  { name: 'fingerprint is empty', path: AM, body: () => am([alert({ fingerprint: '' })]), status: 400, mentions: /fingerprint/ },
  { name: 'fingerprint of 300 characters', path: AM, body: () => am([alert({ fingerprint: 'f'.repeat(300) })]), status: 400, mentions: /fingerprint/ },
  { name: 'labels is an array', path: AM, body: () => am([alert({ labels: ['a'] })]), status: 400, mentions: /labels/ },
  { name: 'a label value that is a number', path: AM, body: () => am([alert({ labels: { severity: 5 } })]), status: 400, mentions: /labels\.severity/ },
  { name: 'an annotation that is an object', path: AM, body: () => am([alert({ annotations: { summary: { x: 1 } } })]), status: 400, mentions: /annotations\.summary/ },
  { name: 'startsAt is not a time', path: AM, body: () => am([alert({ startsAt: 'yesterday' })]), status: 400, mentions: /startsAt/ },
  { name: 'endsAt is a number', path: AM, body: () => am([alert({ endsAt: 17 })]), status: 400, mentions: /endsAt/ },
  { name: 'webhook version 3', path: AM, body: () => am([alert()], { version: '3' }), status: 400, mentions: /version/ },
  { name: `more than ${MAX_ALERTS} alerts`, path: AM, body: () => am(Array.from({ length: MAX_ALERTS + 1 }, (_, i) => alert({ fingerprint: `f${i}` }))), status: 400, mentions: /at most/ },
  { name: 'one good alert and one bad alert (nothing of either is stored)', path: AM, body: () => am([alert({ fingerprint: 'good' }), alert({ fingerprint: null })]), status: 400, mentions: /alerts\[1\]\.fingerprint/ },
  { name: 'too many labels', path: AM, body: () => am([alert({ labels: Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`l${i}`, 'v'])) })]), status: 400, mentions: /at most 64/ },
  { name: 'a label value over 1024 characters', path: AM, body: () => am([alert({ labels: { big: 'x'.repeat(1025) } })]), status: 400, mentions: /longer/ },
  { name: 'a __proto__ key', path: AM, body: () => '{"alerts": [], "__proto__": {"polluted": true}}', status: 400 },
  { name: `a body over ${BODY_LIMIT} bytes`, path: AM, body: () => am([alert({ annotations: { summary: 'x'.repeat(BODY_LIMIT) } })]), status: 413 },
  { name: 'text/plain content that is not JSON (intake reads text/plain as JSON)', path: AM, body: () => 'alerts=1', contentType: 'text/plain', status: 400, mentions: /not valid JSON/ },
  { name: 'a body nested 4,200 levels deep', path: AM, body: () => `{"alerts":[${'['.repeat(4200)}${']'.repeat(4200)}]}`, status: 400, mentions: /deeper than 64/ },
  { name: 'form-encoded content', path: AM, body: () => 'alerts=1', contentType: 'application/x-www-form-urlencoded', status: 415 },
  { name: 'an unknown integration key', path: () => '/intake/alertmanager/fbi_unknown', body: () => am([alert()]), status: 404 },
  { name: 'a PagerDuty key on the Alertmanager endpoint', path: (s) => `/intake/alertmanager/${s.keys.pagerduty}`, body: () => am([alert()]), status: 404 },
  { name: 'a key of 500 characters', path: () => `/intake/alertmanager/${'k'.repeat(500)}`, body: () => am([alert()]), status: 400, mentions: /path\.key/ },
  { name: 'Grafana alert without fingerprint', path: GRAFANA, body: () => am([alert({ fingerprint: undefined })], { version: '1' }), status: 400, mentions: /fingerprint/ },
  { name: 'Grafana body that is a number', path: GRAFANA, body: () => '7', status: 400 },
  { name: 'generic body without the mapped dedup key', path: GENERIC, body: () => JSON.stringify({ title: 'x' }), status: 400, mentions: /dedup key/ },
  { name: 'generic body without the mapped summary', path: GENERIC, body: () => JSON.stringify({ id: 'x' }), status: 400, mentions: /summary/ },
  { name: 'generic array of numbers', path: GENERIC, body: () => '[1, 2]', status: 400, mentions: /must be an object/ },
  { name: 'generic labels that are a string', path: GENERIC, body: () => JSON.stringify({ id: 'x', title: 't', tags: 'a,b' }), status: 400, mentions: /labels/ },
  { name: 'PagerDuty routing_key that is a number', path: PD, body: () => JSON.stringify({ routing_key: 5, event_action: 'trigger' }), status: 400 },
  { name: 'PagerDuty payload that is a string', path: PD, body: (s) => pd(s.keys.pagerduty, { payload: 'oops' }), status: 400 },
  { name: 'PagerDuty dedup_key of 300 characters', path: PD, body: (s) => pd(s.keys.pagerduty, { dedup_key: 'd'.repeat(300) }), status: 400 },
  { name: 'PagerDuty timestamp that is not a time', path: PD, body: (s) => pd(s.keys.pagerduty, { payload: { summary: 's', source: 'x', severity: 'info', timestamp: 'soon' } }), status: 400 },
  { name: `PagerDuty body over ${BODY_LIMIT} bytes`, path: PD, body: (s) => pd(s.keys.pagerduty, { payload: { summary: 's', source: 'x', severity: 'info', custom_details: { blob: 'x'.repeat(BODY_LIMIT) } } }), status: 413 },
];

describe('malformed, oversized and wrong-type intake payloads', () => {
  let scratch: ScratchDatabase;
  let seeded: Seeded;
  let server: FirebreakProcess;
  before(async () => {
    scratch = await createScratchDatabase('sqlite');
    seeded = await seed(scratch, 'malformed');
    server = await spawnFirebreak({
      env: { FIREBREAK_DATA_DIR: scratch.dataDir, FIREBREAK_INTAKE_MAX_ALERTS_PER_REQUEST: String(MAX_ALERTS), FIREBREAK_INTAKE_BODY_LIMIT_BYTES: String(BODY_LIMIT) },
    });
  });
  after(async () => {
    await server?.stop();
    await scratch?.drop();
  });

  test(`each of ${cases.length} bad requests gets a 4xx naming the problem, nothing is written and the server keeps running`, async () => {
    assert.ok(cases.length >= 30);
    for (const c of cases) {
      const res = await fetch(`${server.url}${c.path(seeded)}`, { method: 'POST', headers: { 'content-type': c.contentType ?? 'application/json' }, body: c.body(seeded) });
      const text = await res.text();
      assert.equal(res.status, c.status, `${c.name}: ${text}`);
      if (c.mentions) assert.match(text, c.mentions, c.name);
      assert.equal(server.child.exitCode, null, `${c.name}: the server is still running`);
    }
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
    assert.deepEqual(await intakeRows(scratch), { alerts: 0, payloads: 0, groups: 0 });
    // And the same endpoints still take a good request.
    const ok = await fetch(`${server.url}${AM(seeded)}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: am([alert({ fingerprint: 'fine' })]) });
    assert.equal(ok.status, 202);
    await until('the good request applied', async () => (await intakeRows(scratch)).alerts === 1);
  });
});
