/**
 * Label matchers run in linear time: a silence whose regular expression would
 * backtrack for minutes on a backtracking engine cannot stall intake, and a
 * pattern only a backtracking engine understands is refused naming the field.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../src/db/testing.js';
import { createTestApp, type TestApp } from '../../src/app/testing.js';
import { compileMatcher } from '../../src/domains/alerts/matchers.js';
import { amBody, createIntegration, createService } from '../../src/testing/alerts.js';

/** Patterns that take exponential (or high polynomial) time on a backtracking engine, with inputs that trigger it. */
const CATASTROPHIC: Array<[string, string]> = [
  ['(a+)+b', `${'a'.repeat(50_000)}!`],
  ['(a|aa)+b', `${'a'.repeat(50_000)}!`],
  ['(a|a?)+b', `${'a'.repeat(50_000)}!`],
  ['(.*a){25}', `${'a'.repeat(50_000)}!`],
  ['(\\w+\\s?)*$x', `${'word '.repeat(10_000)}!`],
  ['([a-zA-Z]+)*[0-9]', `${'Ab'.repeat(25_000)}!`],
  ['(x+x+)+y', 'x'.repeat(50_000)],
];

test('catastrophic patterns match long label values in linear time', () => {
  for (const [pattern, value] of CATASTROPHIC) {
    const matcher = compileMatcher({ name: 'alertname', op: '=~', value: pattern });
    const started = performance.now();
    assert.equal(matcher.test({ alertname: value }), false, pattern);
    const ms = performance.now() - started;
    // A backtracking engine takes longer than the age of the universe on these; linear time is milliseconds.
    assert.ok(ms < 1000, `${pattern} took ${ms} ms`);
  }
});

test('matchers keep Alertmanager semantics: anchored at both ends, a missing label is empty', () => {
  const m = (op: '=~' | '!~', value: string) => compileMatcher({ name: 'alertname', op, value });
  assert.equal(m('=~', 'Disk.*').test({ alertname: 'DiskFull' }), true);
  assert.equal(m('=~', 'Disk').test({ alertname: 'DiskFull' }), false);
  assert.equal(m('=~', 'a|b').test({ alertname: 'b' }), true);
  assert.equal(m('=~', '').test({}), true);
  assert.equal(m('!~', '.+').test({}), true);
  assert.equal(m('=~', '(?i)disk.*').test({ alertname: 'DISKFULL' }), true);
});

describeEachStore('regular expressions in matchers', (fixture) => {
  let t: TestApp;
  let responder: { authorization: string };
  let key: string;
  before(async () => {
    t = await createTestApp(fixture.store);
    responder = (await t.user('responder')).auth;
    const admin = (await t.user('admin')).auth;
    const service = await createService(t, admin, 'regex-checkout');
    key = (await createIntegration(t, admin, service.id, 'alertmanager')).key;
  });
  after(() => t.close());

  test('a silence of (a+)+b does not stall intake of an alert named a×31 + "!"', async () => {
    const silence = await t.app.inject({ method: 'POST', url: '/api/v1/silences', headers: responder, payload: { matchers: [{ name: 'alertname', op: '=~', value: '(a+)+b' }], endsAt: new Date(Date.now() + 3_600_000).toISOString(), comment: 'redos' } });
    assert.equal(silence.statusCode, 201, silence.body);
    for (const name of [`${'a'.repeat(31)}!`, `${'a'.repeat(1000)}!`]) {
      const started = performance.now();
      const res = await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${key}`, payload: amBody([{ fingerprint: `redos-${name.length}`, labels: { alertname: name } }]) });
      const ms = performance.now() - started;
      assert.ok(res.statusCode < 300, res.body);
      assert.ok(ms < 2000, `intake took ${ms} ms`);
    }
    const health = await t.app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(health.statusCode, 200);
  });

  for (const [pattern, why] of [['(?=a)b', 'lookahead'], ['(a)\\1', 'backreference'], ['(a', 'unbalanced']]) {
    test(`a silence and a runbook with a ${why} (${pattern}) are refused naming the field`, async () => {
      const silence = await t.app.inject({ method: 'POST', url: '/api/v1/silences', headers: responder, payload: { matchers: [{ name: 'job', op: '=', value: 'x' }, { name: 'alertname', op: '=~', value: pattern }], endsAt: new Date(Date.now() + 3_600_000).toISOString(), comment: 'bad' } });
      assert.equal(silence.statusCode, 400, silence.body);
      assert.match(silence.json().errors[0].field, /^matchers.1.value$/);
      assert.match(silence.json().errors[0].message, /not a valid regular expression \(RE2 syntax/);
      const runbook = await t.app.inject({ method: 'POST', url: '/api/v1/runbooks', headers: responder, payload: { title: `bad ${why}`, matchers: [{ name: 'alertname', op: '!~', value: pattern }] } });
      assert.equal(runbook.statusCode, 400, runbook.body);
      assert.equal(runbook.json().errors[0].field, 'matchers[0].value');
    });
  }
});
