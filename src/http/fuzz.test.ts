/**
 * Every route in the OpenAPI document, fed at least 50 generated requests:
 * wrong types, NUL, numbers past int4 and 2^53, deep nesting, long strings,
 * odd content types. The edge must answer each with a 4xx (or a success), on
 * both dialects: never a 5xx and never an error-level log line.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../db/testing.js';
import { createTestApp, type TestApp } from '../app/testing.js';
import { amBody, createIntegration, createService } from '../testing/alerts.js';

const PER_ROUTE = 50;

type Schema = Record<string, unknown>;
interface Operation {
  method: string;
  path: string;
  parameters?: Array<{ name: string; in: string; schema?: Schema }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

/** A small deterministic PRNG (mulberry32), so a failure names a case that can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function nest(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

const BAD_VALUES: unknown[] = [
  null, true, false, 0, -1, 1.5, 2147483648, -2147483649, 2 ** 53 + 2, 1e308, -1e308,
  '', ' ', 'x'.repeat(5000), 'a\u0000b', '\u0000', '%00', '\uFFFF', '😀'.repeat(300), '../../etc/passwd', '<script>alert(1)</script>',
  'INC-999999999999999', '00000000-0000-0000-0000-000000000000', '2026-13-45T99:99:99Z', 'NaN', '1e1000', '-0',
  [], [1, 2, 3], ['a\u0000'], {}, { a: { b: { c: {} } } }, nest(70), { '\u0000': 1 }, { __proto__: { polluted: true } },
];

const BAD_TEXT: string[] = ['', 'abc', '-1', '0', '1.5', '2147483648', '-2147483649', '99999999999999999999', '1e400', 'NaN', 'true', '%00', 'a%00b', 'x'.repeat(3000), '%E0%A4%A', '../..', 'INC-0', 'inc-99999999999999999'];

/** A plausible value for a schema: the base each mutation changes one part of. */
function sample(schema: Schema | undefined, ids: string[], rnd: () => number, depth = 0): unknown {
  if (!schema || depth > 6) return null;
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = schema[key] as Schema[] | undefined;
    if (branches?.length) return sample(branches[Math.floor(rnd() * branches.length)], ids, rnd, depth + 1);
  }
  if (Array.isArray(schema.allOf)) return Object.assign({}, ...(schema.allOf as Schema[]).map((s) => sample(s, ids, rnd, depth + 1)));
  switch (schema.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [name, prop] of Object.entries((schema.properties as Record<string, Schema> | undefined) ?? {})) out[name] = sample(prop, ids, rnd, depth + 1);
      return out;
    }
    case 'array':
      return [sample(schema.items as Schema | undefined, ids, rnd, depth + 1)];
    case 'string':
      if (schema.format === 'uuid') return ids[Math.floor(rnd() * ids.length)];
      if (schema.format === 'date-time') return new Date(Date.now() + 3_600_000).toISOString();
      if (typeof schema.description === 'string' && /email/i.test(schema.description)) return 'fuzz@example.test';
      return 'f'.repeat(Math.max(1, Number(schema.minLength ?? 1)));
    case 'integer':
    case 'number':
      return Number(schema.minimum ?? 1);
    // false, so a sampled `disabled` never locks the fuzzing admin out.
    case 'boolean':
      return false;
    default:
      return null;
  }
}

/** Replaces the value at one random place in a sampled body with a bad one. */
function mutate(body: unknown, rnd: () => number): unknown {
  const bad = BAD_VALUES[Math.floor(rnd() * BAD_VALUES.length)];
  if (body === null || typeof body !== 'object' || rnd() < 0.15) return bad;
  const copy = structuredClone(body) as Record<string, unknown>;
  const keys = Object.keys(copy);
  if (keys.length === 0 || rnd() < 0.1) {
    copy[rnd() < 0.5 ? 'unknownField' : 'k\u0000'] = bad;
    return copy;
  }
  const key = keys[Math.floor(rnd() * keys.length)]!;
  copy[key] = rnd() < 0.3 ? mutate(copy[key], rnd) : bad;
  return copy;
}

interface Case {
  url: string;
  payload?: string;
  contentType?: string;
}

function casesFor(op: Operation, ids: string[], intakeKey: string | undefined, rnd: () => number): Case[] {
  const params = op.parameters ?? [];
  const bodySchema = op.requestBody?.content?.['application/json']?.schema;
  const streams = op.path.endsWith('/stream');
  const url = (mutateParam: boolean, query: Record<string, string>) => {
    const path = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
      if (name === 'key' && intakeKey && !mutateParam) return intakeKey;
      // Streams are never opened for real here: a valid id would hold the request open.
      if (!mutateParam && !streams && rnd() < 0.7) return ids[Math.floor(rnd() * ids.length)]!;
      return encodeURIComponent(BAD_TEXT[Math.floor(rnd() * BAD_TEXT.length)]!).replace(/%25/g, '%');
    });
    const search = new URLSearchParams(query).toString().replace(/%25/g, '%');
    return search ? `${path}?${search}` : path;
  };
  const queryParams = params.filter((p) => p.in === 'query');
  const cases: Case[] = [];
  for (let i = 0; cases.length < PER_ROUTE + 10; i++) {
    const query: Record<string, string> = {};
    for (const p of queryParams) if (rnd() < 0.5) query[p.name] = BAD_TEXT[Math.floor(rnd() * BAD_TEXT.length)]!;
    // A stream without path parameters would open for real with valid input and hold the request: give it a query it refuses.
    if (rnd() < 0.1 || (streams && !op.path.includes('{'))) query.unknown = 'x';
    const target = url(i % 4 === 3, query);
    if (op.method === 'get' || op.method === 'delete') {
      cases.push({ url: target });
      continue;
    }
    const roll = rnd();
    // Built as text: JSON.stringify itself cannot go 5,000 levels deep.
    if (roll < 0.05) cases.push({ url: target, payload: `${'{"a":['.repeat(5000)}1${']}'.repeat(5000)}` });
    else if (roll < 0.08) cases.push({ url: target, payload: '{"truncated": [', contentType: 'application/json' });
    else if (roll < 0.11) cases.push({ url: target, payload: JSON.stringify(sample(bodySchema, ids, rnd)), contentType: 'text/plain' });
    else if (roll < 0.13) cases.push({ url: target, payload: 'a=1', contentType: 'application/x-www-form-urlencoded' });
    else if (roll < 0.15) cases.push({ url: target, payload: JSON.stringify(sample(bodySchema, ids, rnd)).replace(/"f+"/, '"\\u0000"') });
    else if (intakeKey && roll < 0.35) cases.push({ url: target, payload: JSON.stringify(mutate(amBody([{ fingerprint: `fz${i}` }]), rnd)) });
    else cases.push({ url: target, payload: JSON.stringify(mutate(sample(bodySchema, ids, rnd), rnd)) });
  }
  return cases;
}

describeEachStore('fuzzing every route in the OpenAPI document', (fixture) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(fixture.store);
  });
  after(async () => {
    await t.close();
  });

  test(`every route answers ${PER_ROUTE}+ generated bad requests without a 5xx or an error log`, async () => {
    const admin = await t.user('admin');
    const victim = await t.user('responder');
    const service = await createService(t, admin.auth, 'fuzz-svc');
    const integration = await createIntegration(t, admin.auth, service.id, 'alertmanager');
    await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${integration.key}`, payload: amBody([{ fingerprint: 'fuzz-seed' }]) });
    const incident = (await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: admin.auth, payload: { title: 'fuzz', severity: 'SEV3' } })).json();
    const alert = (await t.app.inject({ method: 'GET', url: '/api/v1/alerts', headers: admin.auth })).json().alerts[0];
    const team = (await t.app.inject({ method: 'POST', url: '/api/v1/teams', headers: admin.auth, payload: { name: 'fuzz-team' } })).json();
    // The admin's own user and token are left out, so a generated request cannot lock the fuzzer out.
    const ids = [victim.user.id, service.id, integration.id, incident.id, incident.ref, alert.id, alert.groupId, team.id].filter(Boolean) as string[];

    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as { paths: Record<string, Record<string, Omit<Operation, 'method' | 'path'>>> };
    const operations: Operation[] = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).filter(([m]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m)).map(([method, op]) => ({ ...op, method, path })),
    );
    assert.ok(operations.length >= 40, `the document lists ${operations.length} operations`);

    const rnd = random(7);
    const failures: string[] = [];
    const perRoute = new Map<string, number>();
    for (const op of operations) {
      const intakeKey = op.path.startsWith('/intake/') ? integration.key : undefined;
      for (const c of casesFor(op, ids, intakeKey, rnd)) {
        const headers: Record<string, string> = { ...(rnd() < 0.9 ? admin.auth : {}) };
        if (c.payload !== undefined) headers['content-type'] = c.contentType ?? 'application/json';
        const res = await t.app.inject({ method: op.method.toUpperCase() as 'GET', url: c.url, headers, ...(c.payload !== undefined ? { payload: c.payload } : {}) });
        perRoute.set(`${op.method} ${op.path}`, (perRoute.get(`${op.method} ${op.path}`) ?? 0) + 1);
        if (res.statusCode >= 500) failures.push(`${op.method.toUpperCase()} ${c.url.slice(0, 200)} ${c.payload?.slice(0, 200) ?? ''} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
    }
    assert.deepEqual(failures, []);
    for (const [route, n] of perRoute) assert.ok(n >= PER_ROUTE, `${route} got ${n} requests`);
    const errors = t.logs.filter((line) => (JSON.parse(line) as { level: number }).level >= 50);
    assert.deepEqual(errors, [], 'no error-level log line');
  });
});
