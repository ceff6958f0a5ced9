import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../db/testing.js';
import { createTestApp, type TestApp } from '../app/testing.js';
import { amBody, countRows, createIntegration, createService } from '../testing/alerts.js';

const NUL = '\u0000';

/** `depth` nested objects around a value: {"a":{"a":…}}. */
function nested(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

describeEachStore('input screened at the edge', (fixture) => {
  let t: TestApp;
  let admin: { authorization: string };
  let responder: { authorization: string };
  let key: string;
  let incidentId: string;
  before(async () => {
    t = await createTestApp(fixture.store);
    admin = (await t.user('admin')).auth;
    responder = (await t.user('responder')).auth;
    const service = await createService(t, admin, 'edge-svc');
    key = (await createIntegration(t, admin, service.id, 'alertmanager')).key;
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: responder, payload: { title: 'edge', severity: 'SEV3' } });
    assert.equal(created.statusCode, 201, created.body);
    incidentId = created.json().id;
  });
  after(async () => {
    await t.close();
  });

  const noErrorLogs = () => assert.deepEqual(t.logs.filter((l) => (JSON.parse(l) as { level: number }).level >= 50), []);

  test('a NUL in the unauthenticated login email is refused with 400 naming the field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: `a${NUL}@example.test`, password: 'whatever-long-enough' } });
    assert.equal(res.statusCode, 400, res.body);
    assert.deepEqual(res.json().errors, [{ field: 'email', message: 'contains a NUL character (U+0000)' }]);
  });

  test('a NUL anywhere in an API body, key or query is refused naming where it is', async () => {
    const title = await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: responder, payload: { title: `bad${NUL}title`, severity: 'SEV3' } });
    assert.equal(title.statusCode, 400, title.body);
    assert.equal(title.json().errors[0].field, 'title');
    const deep = await t.app.inject({ method: 'POST', url: '/api/v1/silences', headers: responder, payload: { matchers: [{ name: 'a', op: '=', value: `b${NUL}` }], endsAt: new Date(Date.now() + 60_000).toISOString(), comment: 'c' } });
    assert.equal(deep.statusCode, 400, deep.body);
    assert.equal(deep.json().errors[0].field, 'matchers[0].value');
    const query = await t.app.inject({ method: 'GET', url: '/api/v1/alerts?rule=a%00b', headers: responder });
    assert.equal(query.statusCode, 400, query.body);
    assert.match(query.json().errors[0].field, /^query\./);
    const path = await t.app.inject({ method: 'GET', url: '/api/v1/incidents/INC-1%00', headers: responder });
    assert.equal(path.statusCode, 400, path.body);
    assert.equal(path.json().errors[0].field, 'path.id');
    noErrorLogs();
  });

  test('a NUL in an intake payload is replaced, and the alert is stored', async () => {
    const before = await countRows(t, 'alerts');
    const body = amBody([{ fingerprint: 'nul-1', labels: { team: `pay${NUL}ments` }, summary: `disk${NUL}full` }]);
    const res = await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${key}`, payload: body });
    assert.equal(res.statusCode, 202, res.body);
    assert.equal(await countRows(t, 'alerts'), before + 1);
    const [alert] = (await t.app.inject({ method: 'GET', url: '/api/v1/alerts?limit=500', headers: responder })).json().alerts.filter((a: { summary: string }) => a.summary.startsWith('disk'));
    assert.equal(alert.summary, 'disk\uFFFDfull');
    noErrorLogs();
  });

  test('keys that could alter object prototypes are refused with 400 naming the field; a label merely named constructor is stored', async () => {
    const before = await countRows(t, 'alerts');
    const poisoned = JSON.stringify(amBody([{ fingerprint: 'proto-1' }])).replace('"labels":{', '"labels":{"__proto__":{"polluted":"yes"},');
    const intake = await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${key}`, headers: { 'content-type': 'application/json' }, payload: poisoned });
    assert.equal(intake.statusCode, 400, intake.body);
    assert.deepEqual(intake.json().errors, [{ field: 'alerts[0].labels.__proto__', message: 'is not an accepted key' }]);
    const api = await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: { ...responder, 'content-type': 'application/json' }, payload: '{"title":"t","severity":"SEV3","constructor":{"prototype":{"polluted":true}}}' });
    assert.equal(api.statusCode, 400, api.body);
    assert.equal(api.json().errors[0].field, 'constructor');
    const plain = await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${key}`, payload: amBody([{ fingerprint: 'proto-2', labels: { constructor: 'Object' } }]) });
    assert.equal(plain.statusCode, 202, plain.body);
    assert.equal(await countRows(t, 'alerts'), before + 1);
    noErrorLogs();
  });

  test('integers beyond int4 are refused with 400 on every dialect, naming the field and the bound', async () => {
    const after = await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${incidentId}/events?after=2147483648`, headers: responder });
    assert.equal(after.statusCode, 400, after.body);
    assert.deepEqual(after.json().errors, [{ field: 'query.after', message: 'must be at most 2147483647' }]);
    const fine = await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${incidentId}/events?after=2147483647`, headers: responder });
    assert.equal(fine.statusCode, 200, fine.body);
    const huge = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${incidentId}/events`, headers: responder, payload: { kind: 'reconciliation_progressed', body: { recordsChecked: 1e300 } } });
    assert.equal(huge.statusCode, 400, huge.body);
    noErrorLogs();
  });

  test('an intake body nested 4,200 levels deep is refused with 400 before it is walked, and nothing is stored', async () => {
    const before = await countRows(t, 'alerts');
    const deep = `{"version":"4","alerts":[{"labels":${nested(4200)}}]}`;
    const res = await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${key}`, headers: { 'content-type': 'application/json' }, payload: deep });
    assert.equal(res.statusCode, 400, res.body);
    assert.match(res.json().detail, /deeper than 64 levels/);
    const pd = await t.app.inject({ method: 'POST', url: '/v2/enqueue', headers: { 'content-type': 'application/json' }, payload: `{"routing_key":"x","payload":${nested(5000)}}` });
    assert.equal(pd.statusCode, 400, pd.body);
    const api = await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: { ...responder, 'content-type': 'application/json' }, payload: nested(100) });
    assert.equal(api.statusCode, 400, api.body);
    assert.equal(await countRows(t, 'alerts'), before);
    noErrorLogs();
  });

  test('a body without Content-Type: application/json is told to send it, naming what it sent', async () => {
    const none = await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: { ...responder, 'content-length': '2' }, payload: Buffer.from('{}') });
    assert.equal(none.statusCode, 415, none.body);
    assert.equal(none.json().detail, 'send Content-Type: application/json (received a body without a Content-Type)');
    const text = await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: { ...responder, 'content-type': 'text/plain' }, payload: JSON.stringify({ title: 't', severity: 'SEV3' }) });
    assert.equal(text.statusCode, 415, text.body);
    assert.equal(text.json().detail, 'send Content-Type: application/json (received text/plain)');
    const form = await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: { ...responder, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'title=t' });
    assert.equal(form.statusCode, 415, form.body);
    assert.equal(form.json().detail, 'send Content-Type: application/json (received application/x-www-form-urlencoded)');
  });

  test('intake reads application/json with a charset, and JSON sent as text/plain', async () => {
    const before = await countRows(t, 'alerts');
    const charset = await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${key}`, headers: { 'content-type': 'application/json; charset=utf-8' }, payload: JSON.stringify(amBody([{ fingerprint: 'ct-1' }])) });
    assert.equal(charset.statusCode, 202, charset.body);
    const plain = await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${key}`, headers: { 'content-type': 'text/plain;charset=UTF-8' }, payload: JSON.stringify(amBody([{ fingerprint: 'ct-2' }])) });
    assert.equal(plain.statusCode, 202, plain.body);
    assert.equal(await countRows(t, 'alerts'), before + 2);
    const notJson = await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${key}`, headers: { 'content-type': 'text/plain' }, payload: 'alerts: many' });
    assert.equal(notJson.statusCode, 400, notJson.body);
    assert.match(notJson.json().detail, /not valid JSON/);
  });
});
