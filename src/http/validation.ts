import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import type { FieldError } from './problem.js';

// ajv-formats ships CommonJS with a default export.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function makeAjv(coerceTypes: boolean | 'array'): Ajv {
  const ajv = new Ajv({ coerceTypes, useDefaults: true, removeAdditional: false, allErrors: true, strict: false });
  addFormats(ajv);
  return ajv;
}

/**
 * Bodies are validated strictly: `{"severity": 1}` is not a string and is
 * refused. Query strings, path parameters and headers are text on the wire,
 * so those parts may coerce ("?limit=10" to 10).
 */
export function registerValidation(app: FastifyInstance): void {
  const strict = makeAjv(false);
  const coercing = makeAjv('array');
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? strict : coercing).compile(schema));
}

const PART_PREFIX: Record<string, string> = { body: '', querystring: 'query.', params: 'path.', headers: 'header.' };

/** Turns ajv errors into one entry per field, named the way a client wrote it (`impact.userJourney`). */
export function fieldErrors(errors: ErrorObject[], part: string | undefined): FieldError[] {
  const prefix = PART_PREFIX[part ?? 'body'] ?? '';
  const seen = new Set<string>();
  const result: FieldError[] = [];
  for (const e of errors) {
    const segments = e.instancePath.split('/').filter(Boolean).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (e.keyword === 'required') segments.push(String((e.params as { missingProperty: string }).missingProperty));
    if (e.keyword === 'additionalProperties') segments.push(String((e.params as { additionalProperty: string }).additionalProperty));
    const field = prefix + (segments.length ? segments.join('.') : part === 'body' || !part ? '(body)' : part);
    const message =
      e.keyword === 'additionalProperties' ? 'is not a known field' : e.keyword === 'required' ? 'is required' : (e.message ?? 'is invalid');
    const key = `${field}|${message}`;
    // A union failing reports every branch; keep the first message per field.
    if (seen.has(key) || result.some((r) => r.field === field)) continue;
    seen.add(key);
    result.push({ field, message });
  }
  return result;
}
