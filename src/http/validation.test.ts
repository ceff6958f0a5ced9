import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../db/testing.js';
import { createTestApp, type TestApp } from '../app/testing.js';
import { boundIntegers, INT4_MAX } from './validation.js';

/** Validation messages are decided once, in src/http/validation.ts; these cases go through real routes. */
describeEachStore('validation messages name what is allowed', (fixture) => {
  let t: TestApp;
  let responder: { authorization: string };
  let incidentId: string;
  before(async () => {
    t = await createTestApp(fixture.store);
    responder = (await t.user('responder')).auth;
    incidentId = (await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: responder, payload: { title: 'messages', severity: 'SEV3' } })).json().id;
  });
  after(async () => {
    await t.close();
  });

  const errorsOf = async (method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await t.app.inject({ method, url, headers: responder, ...(payload ? { payload } : {}) });
    assert.equal(res.statusCode, 400, res.body);
    assert.doesNotMatch(res.body, /equal to constant|allowed values|must match a schema in anyOf/);
    return res.json().errors as Array<{ field: string; message: string }>;
  };

  const cases: Array<{ name: string; method: 'GET' | 'POST'; url: () => string; payload?: object; expect: Array<{ field: string; message: string }> }> = [
    {
      name: 'a literal union inside an event body, with the array position in brackets',
      method: 'POST',
      url: () => `/api/v1/incidents/${incidentId}/events`,
      payload: { kind: 'impact_stated', body: { statement: 's', journeys: [{ journey: 'checkout', effect: 'broken' }], writesSafe: 'yes' } },
      expect: [{ field: 'body.journeys[0].effect', message: 'must be one of: degraded, down, slow' }],
    },
    {
      name: 'a literal union given a number',
      method: 'POST',
      url: () => '/api/v1/incidents',
      payload: { title: 't', severity: 1 },
      expect: [{ field: 'severity', message: 'must be one of: SEV1, SEV2, SEV3, SEV4' }],
    },
    {
      name: 'a literal union in the query',
      method: 'GET',
      url: () => '/api/v1/alerts?status=open',
      expect: [{ field: 'query.status', message: 'must be one of: triggered, acknowledged, resolved' }],
    },
    {
      name: 'an unknown field lists the known ones',
      method: 'POST',
      url: () => '/api/v1/incidents',
      payload: { title: 't', severity: 'SEV3', sevrity: 'SEV3' },
      expect: [{ field: 'sevrity', message: 'is not a known field (known fields: title, severity, impact, services, private, drill, commanderId)' }],
    },
    {
      name: 'a date-time shows the form it wants',
      method: 'GET',
      url: () => '/api/v1/alerts?since=yesterday',
      expect: [{ field: 'query.since', message: 'must be an ISO 8601 date-time with a zone, e.g. 2026-12-01T14:03:00Z' }],
    },
    {
      name: 'limits are said in words',
      method: 'GET',
      url: () => '/api/v1/alerts?limit=501',
      expect: [{ field: 'query.limit', message: 'must be at most 500' }],
    },
    {
      name: 'an empty required string',
      method: 'POST',
      url: () => '/api/v1/incidents',
      payload: { title: '', severity: 'SEV3' },
      expect: [{ field: 'title', message: 'must not be empty' }],
    },
  ];

  for (const c of cases) {
    test(c.name, async () => {
      assert.deepEqual(await errorsOf(c.method, c.url(), c.payload), c.expect);
    });
  }
}, ['sqlite']);

test('integers without their own bounds are bounded to int4; declared bounds and shared schemas are untouched', () => {
  const shared = { type: 'integer', minimum: 1 };
  const schema = { type: 'object', properties: { after: shared, limit: { type: 'integer', minimum: 1, maximum: 500 }, tier: { anyOf: [{ type: 'integer' }, { type: 'null' }] } } };
  const bounded = boundIntegers(schema) as { properties: Record<string, Record<string, unknown> & { anyOf?: Array<Record<string, unknown>> }> };
  assert.deepEqual(bounded.properties.after, { type: 'integer', minimum: 1, maximum: INT4_MAX });
  assert.deepEqual(bounded.properties.limit, { type: 'integer', minimum: 1, maximum: 500 });
  assert.equal(bounded.properties.tier!.anyOf![0]!.maximum, INT4_MAX);
  assert.deepEqual(shared, { type: 'integer', minimum: 1 }, 'the original schema object is not changed');
});
