/**
 * Every input the API accepts is bounded: walking the OpenAPI document, each
 * array in a request body or parameter has `maxItems`, and each object is
 * closed (`additionalProperties: false`) or has `maxProperties`. Validating
 * one request can then never cost more than its schema allows.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../src/db/testing.js';
import { createTestApp, type TestApp } from '../../src/app/testing.js';

type Schema = Record<string, unknown>;

/** Every place in a schema that lets the input grow without a bound, as JSON pointers. */
export function unboundedPlaces(schema: unknown, at: string, found: string[] = [], seen = new Set<unknown>()): string[] {
  if (schema === null || typeof schema !== 'object' || seen.has(schema)) return found;
  seen.add(schema);
  if (Array.isArray(schema)) {
    schema.forEach((s, i) => unboundedPlaces(s, `${at}/${i}`, found, seen));
    return found;
  }
  const s = schema as Schema;
  if (s.type === 'array' && typeof s.maxItems !== 'number') found.push(`${at}: array without maxItems`);
  const patterned = s.patternProperties !== undefined && Object.keys(s.patternProperties as Schema).length > 0;
  if (s.type === 'object' && (s.additionalProperties !== false || patterned) && typeof s.maxProperties !== 'number') found.push(`${at}: open object without maxProperties`);
  for (const [key, value] of Object.entries(s)) if (key !== 'example' && key !== 'examples' && key !== 'default') unboundedPlaces(value, `${at}/${key}`, found, seen);
  return found;
}

describeEachStore('the OpenAPI document bounds every input', (fixture) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(fixture.store);
  });
  after(() => t.close());

  test('no request body or parameter holds an unbounded array or an open object', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as { paths: Record<string, Record<string, Schema>>; components?: { schemas?: Schema } };
    const found: string[] = [];
    let inputs = 0;
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        for (const parameter of (operation.parameters as Schema[] | undefined) ?? []) {
          inputs++;
          unboundedPlaces(parameter.schema, `${method.toUpperCase()} ${path} ${String(parameter.in)}.${String(parameter.name)}`, found);
        }
        const content = (operation.requestBody as { content?: Record<string, { schema?: unknown }> } | undefined)?.content ?? {};
        for (const [type, media] of Object.entries(content)) {
          inputs++;
          unboundedPlaces(media.schema, `${method.toUpperCase()} ${path} body(${type})`, found);
        }
      }
    }
    assert.ok(inputs > 100, `walked ${inputs} inputs`);
    assert.deepEqual(found, []);
  });

  test('the walk itself finds an unbounded array and an open object', () => {
    assert.deepEqual(unboundedPlaces({ type: 'object', additionalProperties: false, properties: { a: { type: 'array', items: { type: 'object' } } } }, '#'), [
      '#/properties/a: array without maxItems',
      '#/properties/a/items: open object without maxProperties',
    ]);
  });
}, ['sqlite']);
