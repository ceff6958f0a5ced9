import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import type { FieldError } from './problem.js';

// ajv-formats ships CommonJS with a default export.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** Integers are stored in int4 columns unless a schema says otherwise (PostgreSQL refuses more; SQLite would not). */
export const INT4_MIN = -2_147_483_648;
export const INT4_MAX = 2_147_483_647;

function makeAjv(coerceTypes: boolean | 'array', allErrors: boolean): Ajv {
  // verbose: errors carry their schema, so messages can list the allowed values.
  const ajv = new Ajv({ coerceTypes, useDefaults: true, removeAdditional: false, allErrors, strict: false, verbose: true });
  addFormats(ajv);
  return ajv;
}

type Json = Record<string, unknown>;

const isIntegerSchema = (schema: Json): boolean => schema.type === 'integer' || (Array.isArray(schema.type) && schema.type.includes('integer'));

/**
 * A copy of a route schema where every integer without its own bounds is
 * bounded to int4, so `?after=2147483648` is a 400 naming the field on both
 * dialects instead of a PostgreSQL error. A field stored as bigint declares
 * its own maximum.
 */
export function boundIntegers<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map((s: unknown) => boundIntegers(s)) as T;
  if (schema === null || typeof schema !== 'object') return schema;
  const copy: Json = {};
  for (const [key, value] of Object.entries(schema as Json)) copy[key] = key === 'default' || key === 'const' || key === 'enum' || key === 'examples' ? value : boundIntegers(value);
  if (isIntegerSchema(copy)) {
    if (copy.maximum === undefined && copy.exclusiveMaximum === undefined) copy.maximum = INT4_MAX;
    if (copy.minimum === undefined && copy.exclusiveMinimum === undefined) copy.minimum = INT4_MIN;
  }
  return copy as T;
}

/** Arrays without their own `maxItems` get this one, so no input array is unbounded. */
export const DEFAULT_MAX_ITEMS = 1000;
/** Objects open to unknown keys (labels, payloads) without their own `maxProperties` get this one. */
export const DEFAULT_MAX_PROPERTIES = 200;
/** Inputs with more values than this are reported by their first error only (a full report walks everything). */
const FULL_REPORT_MAX_VALUES = 2000;
/** A refusal names at most this many fields, so the error body stays small whatever was sent. */
export const MAX_FIELD_ERRORS = 20;

const isArraySchema = (schema: Json): boolean => schema.type === 'array';
const isOpenObject = (schema: Json): boolean =>
  schema.type === 'object' && (schema.additionalProperties !== false || (schema.patternProperties !== undefined && Object.keys(schema.patternProperties as Json).length > 0));

/**
 * A copy of an input schema where every array has a `maxItems` and every
 * object open to unknown keys a `maxProperties`, so validating what one
 * request sends costs at most a bounded amount of work. Applied to route
 * schemas as they are registered, so the OpenAPI document shows the bounds.
 */
export function boundCollections<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map((s: unknown) => boundCollections(s)) as T;
  if (schema === null || typeof schema !== 'object') return schema;
  const copy: Json = {};
  for (const [key, value] of Object.entries(schema as Json)) copy[key] = key === 'default' || key === 'const' || key === 'enum' || key === 'examples' ? value : boundCollections(value);
  if (isArraySchema(copy) && copy.maxItems === undefined) copy.maxItems = DEFAULT_MAX_ITEMS;
  if (isOpenObject(copy) && copy.maxProperties === undefined) copy.maxProperties = DEFAULT_MAX_PROPERTIES;
  return copy as T;
}

/** Whether an input holds at most `limit` values (stops counting there). */
function holdsAtMost(data: unknown, limit: number): boolean {
  const stack: unknown[] = [data];
  let seen = 0;
  while (stack.length > 0) {
    const node = stack.pop();
    if (++seen > limit) return false;
    if (node !== null && typeof node === 'object') for (const v of Object.values(node as Json)) stack.push(v);
  }
  return true;
}

type Validate = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/**
 * Validation that stops at the first error, then, for an input small enough
 * to walk cheaply, a second pass that reports every field at fault. A request
 * of 64,000 bad items costs one failed check, not 64,000 error objects.
 */
function firstErrorsValidator(fast: Validate, full: () => Validate): Validate {
  const validate: Validate = (data: unknown) => {
    if (fast(data)) {
      validate.errors = null;
      return true;
    }
    if (holdsAtMost(data, FULL_REPORT_MAX_VALUES)) {
      const thorough = full();
      thorough(data);
      validate.errors = thorough.errors?.length ? thorough.errors : fast.errors;
    } else validate.errors = fast.errors;
    return false;
  };
  return validate;
}

/**
 * Bodies are validated strictly: `{"severity": 1}` is not a string and is
 * refused. Query strings, path parameters and headers are text on the wire,
 * so those parts may coerce ("?limit=10" to 10).
 */
export function registerValidation(app: FastifyInstance): void {
  const ajvs = { strict: [makeAjv(false, false), makeAjv(false, true)], coercing: [makeAjv('array', false), makeAjv('array', true)] } as const;
  app.addHook('onRoute', (route) => {
    // Before the OpenAPI plugin reads them: the document shows the bounds that are enforced.
    const schema = route.schema as Record<string, unknown> | undefined;
    if (!schema) return;
    // Headers are bounded by Node itself (maxHeaderSize), and always carry more fields than a schema names.
    for (const part of ['body', 'querystring', 'params']) if (schema[part] !== undefined) schema[part] = boundCollections(schema[part]);
  });
  app.setValidatorCompiler(({ schema, httpPart }) => {
    const [fastAjv, fullAjv] = httpPart === 'body' ? ajvs.strict : ajvs.coercing;
    const bounded = boundIntegers(schema);
    let full: Validate | undefined;
    return firstErrorsValidator(fastAjv.compile(bounded) as Validate, () => (full ??= fullAjv.compile(bounded) as Validate));
  });
}

const PART_PREFIX: Record<string, string> = { body: '', querystring: 'query.', params: 'path.', headers: 'header.' };

const FORMAT_MESSAGES: Record<string, string> = {
  'date-time': 'must be an ISO 8601 date-time with a zone, e.g. 2026-12-01T14:03:00Z',
  date: 'must be a date, e.g. 2026-12-01',
  uuid: 'must be a UUID',
  email: 'must be an email address',
  uri: 'must be a URL',
};

const show = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/** The values a union of literals allows, or undefined when the union is not one of literals. */
function literalsOf(branches: unknown): unknown[] | undefined {
  if (!Array.isArray(branches) || branches.length === 0) return undefined;
  const values: unknown[] = [];
  for (const branch of branches as Json[]) {
    if (branch && 'const' in branch) values.push(branch.const);
    else if (branch && Array.isArray(branch.enum)) values.push(...(branch.enum as unknown[]));
    else if (branch && branch.type === 'null') values.push(null);
    else return undefined;
  }
  return values;
}

/** A readable message for one ajv error, naming allowed values and limits. */
function messageOf(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties': {
      const known = Object.keys(((e.parentSchema as Json | undefined)?.properties as Json | undefined) ?? {});
      return known.length ? `is not a known field (known fields: ${known.join(', ')})` : 'is not a known field';
    }
    case 'enum':
      return `must be one of: ${(p.allowedValues as unknown[]).map(show).join(', ')}`;
    case 'const':
      return `must be ${show(p.allowedValue)}`;
    case 'type':
      return `must be ${String(p.type).split(',').join(' or ')}`;
    case 'minLength':
      return p.limit === 1 ? 'must not be empty' : `must be at least ${String(p.limit)} characters`;
    case 'maxLength':
      return `must be at most ${String(p.limit)} characters`;
    case 'minimum':
      return `must be at least ${String(p.limit)}`;
    case 'maximum':
      return `must be at most ${String(p.limit)}`;
    case 'exclusiveMinimum':
      return `must be more than ${String(p.limit)}`;
    case 'exclusiveMaximum':
      return `must be less than ${String(p.limit)}`;
    case 'minItems':
      return `must have at least ${String(p.limit)} item${p.limit === 1 ? '' : 's'}`;
    case 'maxItems':
      return `must have at most ${String(p.limit)} items`;
    case 'minProperties':
      return `must have at least ${String(p.limit)} field${p.limit === 1 ? '' : 's'}`;
    case 'maxProperties':
      return `must have at most ${String(p.limit)} fields`;
    case 'format':
      return FORMAT_MESSAGES[String(p.format)] ?? `must be a valid ${String(p.format)}`;
    case 'pattern': {
      const description = (e.parentSchema as Json | undefined)?.description;
      return typeof description === 'string' ? `must match ${String(p.pattern)} (${description})` : `must match ${String(p.pattern)}`;
    }
    default:
      return e.message ?? 'is invalid';
  }
}

const UNION_KEYWORDS = new Set(['anyOf', 'oneOf']);

/**
 * A failed union reports every branch. Replace that with what a person needs:
 * for a union of literals, one "must be one of: …"; for a union of types, one
 * "must be X or Y"; for a union of objects, the errors of the branch that came
 * closest (the one whose literal fields, like `kind`, matched).
 */
function resolveUnions(errors: ErrorObject[]): Array<ErrorObject & { text?: string }> {
  let list: Array<ErrorObject & { text?: string }> = [...errors];
  const unions = list.filter((e) => UNION_KEYWORDS.has(e.keyword)).sort((a, b) => b.schemaPath.length - a.schemaPath.length);
  for (const union of unions) {
    if (!list.includes(union)) continue;
    const branchPrefix = `${union.schemaPath}/`;
    const inBranch = (e: ErrorObject) => e.schemaPath.startsWith(branchPrefix);
    const branchErrors = list.filter(inBranch);
    const rest = list.filter((e) => e !== union && !inBranch(e));
    const allowed = literalsOf(union.schema) ?? literalsOf(branchErrors.filter((e) => e.keyword === 'const').map((e) => ({ const: (e.params as Json).allowedValue })));
    const atUnion = branchErrors.every((e) => e.instancePath === union.instancePath && (e.keyword === 'const' || e.keyword === 'enum' || e.keyword === 'type'));
    if (allowed && allowed.length > 0 && atUnion) {
      list = [...rest, { ...union, text: `must be one of: ${allowed.map(show).join(', ')}` }];
      continue;
    }
    if (branchErrors.length > 0 && branchErrors.every((e) => e.instancePath === union.instancePath && e.keyword === 'type')) {
      const types = [...new Set(branchErrors.map((e) => String((e.params as Json).type)))];
      list = [...rest, { ...union, text: `must be ${types.join(' or ')}` }];
      continue;
    }
    const byBranch = new Map<string, ErrorObject[]>();
    for (const e of branchErrors) {
      const index = e.schemaPath.slice(branchPrefix.length).split('/')[0]!;
      byBranch.set(index, [...(byBranch.get(index) ?? []), e]);
    }
    const ranked = [...byBranch.values()].sort((a, b) => {
      const literalMisses = (errs: ErrorObject[]) => errs.filter((e) => e.keyword === 'const' || e.keyword === 'enum').length;
      return literalMisses(a) - literalMisses(b) || a.length - b.length;
    });
    const best = ranked[0];
    list = best && best.length > 0 ? [...rest, ...best] : [...rest, union];
  }
  return list;
}

/** `journeys[0].effect`: array positions in brackets, as a person writes them. */
function joinSegments(segments: string[]): string {
  return segments.reduce((name, s) => (/^\d+$/.test(s) ? `${name}[${s}]` : name ? `${name}.${s}` : s), '');
}

/** Turns ajv errors into one entry per field, named the way a client wrote it (`impact.journeys[0].effect`). */
export function fieldErrors(errors: ErrorObject[], part: string | undefined): FieldError[] {
  const prefix = PART_PREFIX[part ?? 'body'] ?? '';
  const result: FieldError[] = [];
  for (const e of resolveUnions(errors)) {
    const segments = e.instancePath.split('/').filter(Boolean).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (e.keyword === 'required') segments.push(String((e.params as { missingProperty: string }).missingProperty));
    if (e.keyword === 'additionalProperties') segments.push(String((e.params as { additionalProperty: string }).additionalProperty));
    const joined = joinSegments(segments);
    const field = prefix + (joined || (part === 'body' || !part ? '(body)' : part));
    // Keep the first message per field: it is the most specific one.
    if (result.some((r) => r.field === field)) continue;
    result.push({ field, message: e.text ?? messageOf(e) });
    if (result.length >= MAX_FIELD_ERRORS) break;
  }
  return result;
}
