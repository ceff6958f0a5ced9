import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Ajv } from 'ajv';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { dedupKeyOfAlias } from './adapt-opsgenie.js';
import { countRows, createIntegration, createService, opsgenieFixture } from '../../testing/alerts.js';

type Captured = { url: string; headers: Record<string, string>; body: Record<string, unknown> };

/** Validates a body against a definition of Opsgenie's published description. */
function conformsTo(definition: string, body: unknown): string[] {
  const spec = opsgenieFixture('alert-api-definitions.json') as { definitions: Record<string, unknown> };
  const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
  const validate = ajv.compile({ definitions: spec.definitions, $ref: `#/definitions/${definition}` });
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

test('the request fixtures conform to Opsgenie’s published alert definitions', () => {
  assert.deepEqual(conformsTo('CreateAlertPayload', opsgenieFixture('api-create-alert.json')), []);
  assert.deepEqual(conformsTo('CloseAlertPayload', opsgenieFixture('api-close-alert.json')), []);
  assert.deepEqual(conformsTo('AcknowledgeAlertPayload', opsgenieFixture('api-acknowledge-alert.json')), []);
  for (const name of ['default', 'configured']) {
    assert.deepEqual(conformsTo('CreateAlertPayload', (opsgenieFixture(`alertmanager-0.25-${name}-create.json`) as Captured).body), []);
    assert.deepEqual(conformsTo('CloseAlertPayload', (opsgenieFixture(`alertmanager-0.25-${name}-close.json`) as Captured).body), []);
  }
  assert.notDeepEqual(conformsTo('CreateAlertPayload', { alias: 'x' }), [], 'the definitions do refuse a body without message');
});

describeEachStore('Opsgenie Alert API intake', (fixture) => {
  let t: TestApp;
  let admin: { authorization: string };
  let key: string;
  let integrationId: string;
  before(async () => {
    t = await createTestApp(fixture.store);
    admin = (await t.user('admin')).auth;
    const serviceId = (await createService(t, admin, 'checkout-api')).id;
    ({ key, id: integrationId } = await createIntegration(t, admin, serviceId, 'opsgenie'));
  });
  after(async () => {
    await t.close();
  });

  const post = (url: string, payload?: unknown, genieKey = key) =>
    t.app.inject({ method: 'POST', url, headers: { authorization: `GenieKey ${genieKey}`, 'content-type': 'application/json' }, ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }) });
  const alertsByKey = async (dedupKey: string) => (await t.app.inject({ method: 'GET', url: `/api/v1/alerts?dedupKey=${encodeURIComponent(dedupKey)}`, headers: admin })).json().alerts;
  const assertAccepted = (res: { statusCode: number; json(): Record<string, unknown> }) => {
    assert.equal(res.statusCode, 202, JSON.stringify(res.json()));
    const body = res.json();
    assert.equal(body.result, 'Request will be processed');
    assert.equal(typeof body.took, 'number');
    assert.match(String(body.requestId), /^[0-9a-f-]{36}$/);
    assert.deepEqual(conformsTo('SuccessResponse', body), []);
  };

  test('the API description’s create body opens one alert by alias, with priority as severity, tags, details and a note on responders', async () => {
    const created = await post('/v2/alerts', opsgenieFixture('api-create-alert.json'));
    assertAccepted(created);
    assert.deepEqual(created.json().notes, ['responders and visibleTo are ignored: Firebreak pages through the service\'s escalation policy']);
    const again = await post('/intake/opsgenie/v2/alerts', opsgenieFixture('api-create-alert.json'));
    assertAccepted(again);
    const [alert, ...others] = await alertsByKey('Life is too short for no alias');
    assert.equal(others.length, 0, 'the alias deduplicates');
    assert.equal(alert.count, 2);
    assert.equal(alert.status, 'triggered');
    assert.equal(alert.severity, 'critical');
    assert.equal(alert.summary, 'An example alert message');
    assert.deepEqual(alert.labels, { key1: 'value1', key2: 'value2', entity: 'An example entity', source: 'monitoring.example.com', tags: 'OverwriteQuietHours,Critical', priority: 'P1' });
    const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/alerts/${alert.id}`, headers: admin })).json();
    assert.equal(detail.payload.description, 'Every alert needs a description', 'the whole body is kept as evidence');
  });

  test('acknowledge by alias, then close by id and by tiny id (a prefix of the id) move the alert through its lifecycle', async () => {
    assertAccepted(await post('/v2/alerts', { message: 'Checkout latency high', alias: 'latency-p99', priority: 'P2' }));
    const ack = await post(`/v2/alerts/${encodeURIComponent('latency-p99')}/acknowledge?identifierType=alias`, opsgenieFixture('api-acknowledge-alert.json'));
    assertAccepted(ack);
    let [alert] = await alertsByKey('latency-p99');
    assert.equal(alert.status, 'acknowledged');
    assert.equal(alert.severity, 'error');
    assert.equal(alert.summary, 'Checkout latency high', 'an acknowledge keeps the summary');
    assertAccepted(await post(`/v2/alerts/${alert.id}/close`, opsgenieFixture('api-close-alert.json')));
    [alert] = await alertsByKey('latency-p99');
    assert.equal(alert.status, 'resolved');

    assertAccepted(await post('/v2/alerts', { message: 'Checkout latency high again', alias: 'latency-p99' }));
    [alert] = await alertsByKey('latency-p99');
    assert.equal(alert.status, 'triggered');
    // Close comes with Content-Type: application/json and no body at all.
    assertAccepted(await post(`/v2/alerts/${alert.id.slice(0, 13)}/close?identifierType=tiny`));
    assert.equal((await alertsByKey('latency-p99'))[0].status, 'resolved');
  });

  test('Alertmanager’s own opsgenie_configs requests (captured from Alertmanager 0.25) fire and resolve; details.severity sets the severity', async () => {
    for (const name of ['default', 'configured']) {
      const create = opsgenieFixture(`alertmanager-0.25-${name}-create.json`) as Captured;
      const close = opsgenieFixture(`alertmanager-0.25-${name}-close.json`) as Captured;
      const alias = String(create.body.alias);
      assertAccepted(await post(create.url, create.body));
      const [alert] = await alertsByKey(alias);
      assert.equal(alert.status, 'triggered', name);
      assert.equal(alert.severity, 'critical', name);
      assert.equal(alert.rule, 'DiskFull', name);
      assertAccepted(await post(close.url, close.body));
      assert.equal((await alertsByKey(alias))[0].status, 'resolved', name);
    }
  });

  test('refusals come in Opsgenie’s error shape and store nothing', async () => {
    const before = await countRows(t, 'alerts');
    const noAuth = await t.app.inject({ method: 'POST', url: '/v2/alerts', payload: { message: 'x' } });
    assert.equal(noAuth.statusCode, 401);
    assert.deepEqual(conformsTo('ErrorResponse', noAuth.json()), []);
    assert.match(noAuth.json().message, /GenieKey/);
    assert.equal((await post('/v2/alerts', { message: 'x' }, 'fbi_not-a-key')).statusCode, 401);

    const cases: Array<[unknown, string]> = [
      [{ alias: 'no-message' }, 'message'],
      [{ message: '   ' }, 'message'],
      [{ message: 'm', priority: 'P9' }, 'priority'],
      [{ message: 'm', tags: 'a,b' }, 'tags'],
      [{ message: 'm', details: { n: 5 } }, 'details.n'],
      [{ message: 'm', alias: 'a'.repeat(513) }, 'alias'],
      [['not', 'an', 'object'], 'body'],
    ];
    for (const [payload, field] of cases) {
      const res = await post('/v2/alerts', payload);
      assert.equal(res.statusCode, 422, `${JSON.stringify(payload)} → ${res.body}`);
      assert.ok(field in res.json().errors, `${field} named in ${res.body}`);
      assert.match(res.json().message, /not processable/);
    }
    const badJson = await t.app.inject({ method: 'POST', url: '/v2/alerts', headers: { authorization: `GenieKey ${key}`, 'content-type': 'application/json' }, payload: '{"message":' });
    assert.equal(badJson.statusCode, 400);
    assert.match(badJson.json().message, /not valid JSON/);
    // Close and acknowledge read JSON through their own parser (a body is optional there): prototype keys are refused all the same.
    const poisoned = await t.app.inject({ method: 'POST', url: '/v2/alerts/x/close', headers: { authorization: `GenieKey ${key}`, 'content-type': 'application/json' }, payload: '{"note":"n","__proto__":{"admin":true}}' });
    assert.equal(poisoned.statusCode, 400, poisoned.body);
    assert.match(poisoned.body, /__proto__/);
    const unknownId = await post('/v2/alerts/00000000-0000-7000-8000-000000000000/close', {});
    assert.equal(unknownId.statusCode, 404);
    assert.equal((await post('/v2/alerts/x/close?identifierType=name', {})).statusCode, 422);
    assert.equal(await countRows(t, 'alerts'), before);

    await t.app.inject({ method: 'PATCH', url: `/api/v1/integrations/${integrationId}`, headers: admin, payload: { enabled: false } });
    const disabled = await post('/v2/alerts', { message: 'while disabled' });
    assert.equal(disabled.statusCode, 403);
    await t.app.inject({ method: 'PATCH', url: `/api/v1/integrations/${integrationId}`, headers: admin, payload: { enabled: true } });
    assert.equal(await countRows(t, 'alerts'), before);
  });

  test('a long alias (Opsgenie allows 512 characters) still deduplicates, and closes by the same alias', async () => {
    const alias = `batch-${'x'.repeat(400)}`;
    assertAccepted(await post('/v2/alerts', { message: 'Nightly batch late', alias }));
    assertAccepted(await post('/v2/alerts', { message: 'Nightly batch late', alias }));
    const list = (await alertsByKey(dedupKeyOfAlias(alias))) as Array<{ id: string; count: number; status: string }>;
    assert.match(dedupKeyOfAlias(alias), /^sha256:[0-9a-f]{64}$/);
    assert.equal(list.length, 1);
    assert.equal(list[0]!.count, 2);
    assertAccepted(await post(`/v2/alerts/${alias}/close?identifierType=alias`, {}));
    const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/alerts/${list[0]!.id}`, headers: admin })).json();
    assert.equal(detail.status, 'resolved');
  });
});
