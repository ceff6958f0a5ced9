/**
 * Checks requests to a stand-in against a vendor's published OpenAPI 3
 * description (a trimmed copy under test/fixtures/vendor/<vendor>/) and the
 * stand-in's own answers against the documented response schemas, so a
 * stand-in can neither accept what the vendor would refuse nor answer in a
 * shape the vendor does not document (Swagger 2.0 descriptions through
 * `swagger2Spec`). GET operations only: the importers
 * read, they never write to the vendor.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

interface Parameter {
  name: string;
  in: 'query' | 'header' | 'path' | 'cookie';
  required?: boolean;
  schema?: Record<string, unknown>;
  $ref?: string;
}

interface Operation {
  parameters?: Parameter[];
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: Record<string, unknown> }> }>;
}

export interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: Record<string, Record<string, unknown>>;
}

export interface RequestSeen {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
}

export interface Matched {
  problems: string[];
  template: string | null;
  params: Record<string, string>;
}

export class OpenApi3Spec {
  readonly doc: Document;
  private readonly ajv: Ajv;
  private readonly routes: Array<{ template: string; pattern: RegExp; names: string[] }>;
  private readonly validators = new Map<string, ValidateFunction>();

  /** `source`: the description's file or the document itself. `extraFormats`: vendor-specific format names the description uses (checked loosely). */
  constructor(source: string | Document, extraFormats: string[] = []) {
    this.doc = typeof source === 'string' ? (JSON.parse(readFileSync(source, 'utf8')) as Document) : source;
    // Vendor documents use OpenAPI keywords (`example`, `discriminator`, `readOnly`): not strict.
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true, coerceTypes: false });
    (addFormats as unknown as (a: Ajv) => void)(this.ajv);
    for (const f of extraFormats) this.ajv.addFormat(f, true);
    this.ajv.addSchema({ $id: 'vendor', components: this.doc.components });
    this.routes = Object.keys(this.doc.paths)
      .map((template) => {
        const names: string[] = [];
        const pattern = new RegExp(`^${template.replace(/\{(\w+)\}/g, (_m, name: string) => (names.push(name), '([^/]+)'))}$`);
        return { template, pattern, names };
      })
      .sort((a, b) => b.template.replace(/\{\w+\}/g, '').length - a.template.replace(/\{\w+\}/g, '').length);
  }

  private resolve<T>(node: T & { $ref?: string }): T {
    if (!node.$ref) return node;
    const [, , kind, name] = node.$ref.split('/');
    return this.doc.components[kind!]![name!] as T;
  }

  private validator(key: string, schema: unknown): ValidateFunction {
    let v = this.validators.get(key);
    if (!v) {
      v = this.ajv.compile(rebase(schema) as object);
      this.validators.set(key, v);
    }
    return v;
  }

  /** Every way the request departs from the description; empty when it conforms. */
  check(req: RequestSeen, security: (headers: RequestSeen['headers']) => string | undefined): Matched {
    let route: { template: string; params: Record<string, string> } | null = null;
    for (const r of this.routes) {
      const m = r.pattern.exec(req.path);
      if (m) {
        route = { template: r.template, params: Object.fromEntries(r.names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)])) };
        break;
      }
    }
    if (!route) return { problems: [`${req.method} ${req.path} is not a documented route (or not one the fixture holds)`], template: null, params: {} };
    const operation = this.doc.paths[route.template]![req.method.toLowerCase()];
    if (!operation) return { problems: [`${route.template} is not documented for ${req.method}`], template: route.template, params: route.params };
    const problems: string[] = [];
    const securityProblem = security(req.headers);
    if (securityProblem) problems.push(`${req.method} ${route.template}: ${securityProblem}`);
    const params = (operation.parameters ?? []).map((p) => this.resolve(p));
    const checkValue = (p: Parameter, value: string) => {
      const schema = (p.schema?.type === 'array' ? (p.schema.items as Record<string, unknown>) : p.schema) ?? {};
      const typed = schema.type === 'integer' ? (/^-?\d+$/.test(value) ? Number(value) : value) : schema.type === 'boolean' ? (value === 'true' ? true : value === 'false' ? false : value) : value;
      const validate = this.validator(`${route.template} ${p.in} ${p.name}`, schema);
      if (!validate(typed)) problems.push(`${route.template}: ${p.in} "${p.name}" = ${JSON.stringify(value)}: ${(validate.errors ?? []).map((e) => e.message).join('; ')}`);
    };
    for (const p of params) {
      if (p.in === 'query') {
        const values = req.query.getAll(p.name);
        if (p.required && values.length === 0) problems.push(`${route.template}: required query "${p.name}" is missing`);
        const repeatable = p.schema?.type === 'array' || p.name.endsWith('[]');
        if (values.length > 1 && !repeatable) problems.push(`${route.template}: query "${p.name}" given ${values.length} times`);
        for (const v of values) checkValue(p, v);
      } else if (p.in === 'header') {
        const raw = req.headers[p.name.toLowerCase()];
        const value = Array.isArray(raw) ? raw.join(', ') : raw;
        if (value === undefined) {
          if (p.required) problems.push(`${route.template}: required header "${p.name}" is missing`);
          continue;
        }
        checkValue(p, value);
        // A header whose documented default is a version selector (PagerDuty's Accept) must carry it.
        if (p.required && typeof p.schema?.default === 'string' && p.schema.default.includes('version=') && value !== p.schema.default) problems.push(`${route.template}: header "${p.name}" must be ${p.schema.default}, got ${value}`);
      } else if (p.in === 'path') checkValue(p, route.params[p.name] ?? '');
    }
    for (const name of new Set(req.query.keys())) if (!params.some((p) => p.in === 'query' && p.name === name)) problems.push(`${route.template}: query "${name}" is not documented`);
    return { problems, template: route.template, params: route.params };
  }

  /** Problems with an answer the stand-in is about to give. */
  checkAnswer(method: string, template: string, status: number, answer: unknown): string[] {
    const operation = this.doc.paths[template]![method.toLowerCase()]!;
    const documented = operation.responses[String(status)];
    if (!documented) return [`${method} ${template} does not document status ${status}`];
    const schema = this.resolve(documented).content?.['application/json']?.schema;
    if (!schema) return [];
    const validate = this.validator(`answer ${method} ${template} ${status}`, schema);
    return validate(answer) ? [] : (validate.errors ?? []).map((e) => `answer to ${method} ${template}${e.instancePath}: ${e.message}`);
  }

  /** Validates a value against one component schema (fixture items). */
  checkSchema(name: string, value: unknown): string[] {
    const validate = this.validator(`schema ${name}`, { $ref: `#/components/schemas/${name}` });
    return validate(value) ? [] : (validate.errors ?? []).map((e) => `${name}${e.instancePath}: ${e.message}`);
  }
}

/**
 * A Swagger 2.0 description (Opsgenie's) read as the OpenAPI 3 shape the
 * checker takes: `definitions`, `parameters` and `responses` move under
 * `components`, a parameter's type keywords become its `schema`, a response's
 * `schema` its JSON content. Nothing else differs for GET operations.
 */
export function swagger2Spec(file: string, extraFormats: string[] = []): OpenApi3Spec {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, Record<string, unknown>>>;
  const refs = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(refs);
    if (!node || typeof node !== 'object') return node;
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' ? v.replace(/^#\/(definitions|parameters|responses)\//, (_m, kind: string) => `#/components/${kind === 'definitions' ? 'schemas' : kind}/`) : refs(v)]),
    );
  };
  const parameter = (p: Record<string, unknown>): Record<string, unknown> => {
    if (p.$ref) return p;
    const { name, in: where, required, description: _d, collectionFormat: _c, ...schema } = p;
    return { name, in: where, required, schema };
  };
  const response = (r: Record<string, unknown>): Record<string, unknown> => (r.$ref ? r : { description: r.description, ...(r.schema ? { content: { 'application/json': { schema: r.schema } } } : {}) });
  const paths = Object.fromEntries(
    Object.entries(doc.paths ?? {}).map(([path, methods]) => [
      path,
      Object.fromEntries(
        Object.entries(methods).map(([method, op]) => {
          const o = op as { parameters?: Array<Record<string, unknown>>; responses: Record<string, Record<string, unknown>> };
          return [method, { ...o, parameters: (o.parameters ?? []).map(parameter), responses: Object.fromEntries(Object.entries(o.responses).map(([s, r]) => [s, response(r)])) }];
        }),
      ),
    ]),
  );
  const components = {
    schemas: doc.definitions ?? {},
    parameters: Object.fromEntries(Object.entries(doc.parameters ?? {}).map(([n, p]) => [n, parameter(p as Record<string, unknown>)])),
    responses: Object.fromEntries(Object.entries(doc.responses ?? {}).map(([n, r]) => [n, response(r as Record<string, unknown>)])),
  };
  return new OpenApi3Spec(refs({ paths, components }) as Document, extraFormats);
}

/** Rewrites local `$ref`s so a schema compiled alone resolves them in the registered document. */
function rebase(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rebase);
  if (!schema || typeof schema !== 'object') return schema;
  return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `vendor${v}` : rebase(v)]));
}
