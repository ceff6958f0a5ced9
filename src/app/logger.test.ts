import assert from 'node:assert/strict';
import { test } from 'node:test';
import { redactText, redactUrl } from './logger.js';

const TOKEN = 'fbk_Qm9vdHN0cmFwVG9rZW5Gb3JUZXN0aW5nT25seUFiY2RlZmc';
const KEY = 'fbi_SW50ZWdyYXRpb25LZXlGb3JUZXN0aW5nT25seUFiY2RlZmc';

test('secrets are redacted by their shape anywhere in a logged URL, not by path prefix', () => {
  const cases = [
    `/intake/alertmanager/${KEY}`,
    `//intake/alertmanager/${KEY}`,
    `/INTAKE/ALERTMANAGER/${KEY}`,
    `/intake//grafana//${KEY}?x=1`,
    `/api/v1/alerts?api_key=${KEY}`,
    `/api/v1/incidents?access_token=${TOKEN}`,
    `/api/v1/incidents?limit=5&token=${TOKEN}`,
    `/api/v1/anything/${TOKEN}`,
    `/api/v1/anything/${TOKEN.toUpperCase()}`,
    `/api/v1/x?q=%66bk_${TOKEN.slice(4)}`,
    `/v2/enqueue?routing_key=${KEY}`,
  ];
  for (const url of cases) {
    const logged = redactUrl(url);
    assert.ok(!logged.includes(KEY.slice(4)) && !logged.toLowerCase().includes(TOKEN.slice(4).toLowerCase()), `${url} → ${logged}`);
    assert.match(logged, /\[redacted\]/, url);
  }
  assert.equal(redactUrl('/api/v1/incidents?limit=5'), '/api/v1/incidents?limit=5', 'ordinary URLs are left alone');
  assert.equal(redactUrl('/intake/alertmanager/short'), '/intake/alertmanager/[redacted]');
});

test('page links, calendar feeds and Slack webhook paths are redacted, and a scrubbed JSON line stays JSON', () => {
  assert.equal(redactUrl('/p/AbC123_-xyz'), '/p/[redacted]');
  assert.equal(redactUrl('//p//AbC123?x=1'), '//p//[redacted]?x=1');
  assert.equal(redactUrl('/api/v1/oncall/ical/fbcal_abcdefghijklmnop.ics'), '/api/v1/oncall/ical/[redacted]');
  assert.equal(redactText('POST https://hooks.slack.com/services/T0001/B0002/secretpart failed'), 'POST https://hooks.slack.com/services/T0001/B0002/[redacted] failed');
  for (const value of ['/p/abc"def', '/x?token=abc"}', '/p/abc\\', '/api/v1/oncall/ical/a"b.ics?key=1\\"']) {
    const line = JSON.stringify({ msg: 'request', url: value, n: 1 });
    const scrubbed = redactText(line);
    assert.doesNotThrow(() => JSON.parse(scrubbed), scrubbed);
    assert.match(scrubbed, /\[redacted\]/, value);
  }
});
