/**
 * Checks requests against a vendor's published OpenAPI 3.0 description
 * (trimmed copies in test/fixtures/vendor/) with ajv, and the stand-ins' own
 * answers and test webhook payloads against its schemas, so a stand-in can
 * neither accept what the vendor would refuse nor answer in a shape the
 * vendor does not document.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

const VENDOR = join(import.meta.dirname, '..', '..', '..', '..', 'test', 'fixtures', 'vendor');

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Record<string, unknown>;
  $ref?: string;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }>; $ref?: string }>;
  security?: Array<Record<string, string[]>>;
}

interface Doc {
  paths: Record<string, Record<string, Operation> & { parameters?: Parameter[] }>;
  components: Record<string, Record<string, unknown>>;
  'x-webhooks'?: Record<string, { post: Operation }>;
}

export interface Checked {
  problems: string[];
  template: string | null;
  params: Record<string, string>;
  json: unknown;
}

/**
 * Rewrites local `$ref`s so a schema compiled alone resolves them in the
 * registered document, and OpenAPI 3.0's `nullable: true` into JSON Schema
 * (a `null` type, or `anyOf` with null where there is no type).
 */
function rebase(schema: unknown, id: string): unknown {
  if (Array.isArray(schema)) return schema.map((s) => rebase(s, id));
  if (!schema || typeof schema !== 'object') return schema;
  const { nullable, ...rest } = schema as Record<string, unknown>;
  const out = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `${id}${v}` : rebase(v, id)]));
  if (nullable !== true) return out;
  if (typeof out.type === 'string' && !out.$ref) return { ...out, type: [out.type, 'null'], ...(Array.isArray(out.enum) ? { enum: [...(out.enum as unknown[]), null] } : {}) };
  return { anyOf: [out, { type: 'null' }] };
}

export class OpenApiSpec {
  readonly doc: Doc;
  private readonly ajv: Ajv;
  private readonly compiled = new Map<unknown, ValidateFunction>();
  private readonly routes: Array<{ template: string; pattern: RegExp; names: string[] }>;

  constructor(private readonly id: string, file: string) {
    this.doc = JSON.parse(readFileSync(join(VENDOR, file), 'utf8')) as Doc;
    // OpenAPI 3.0 keywords (`nullable`, `example`, vendor extensions) are not JSON Schema: not strict.
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    (addFormats as unknown as (a: Ajv) => void)(this.ajv);
    this.ajv.addKeyword('example');
    this.ajv.addSchema({ $id: id, components: rebase(this.doc.components, id) });
    this.routes = Object.keys(this.doc.paths)
      .map((template) => {
        const names: string[] = [];
        const pattern = new RegExp(`^${template.replace(/\{(\w+)\}/g, (_m, name: string) => (names.push(name), '([^/]+)'))}$`);
        return { template, pattern, names };
      })
      .sort((a, b) => b.template.replace(/\{\w+\}/g, '').length - a.template.replace(/\{\w+\}/g, '').length);
  }

  /** Problems of a value against a schema of the document (empty: valid). */
  validate(schema: Record<string, unknown>, value: unknown, where: string): string[] {
    let validate = this.compiled.get(schema);
    if (!validate) {
      validate = this.ajv.compile(rebase(schema, this.id) as object);
      this.compiled.set(schema, validate);
    }
    return validate(value) ? [] : (validate.errors ?? []).slice(0, 10).map((e) => `${where}${e.instancePath}: ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
  }

  private deref<T>(node: T & { $ref?: string }): T {
    if (!node.$ref) return node;
    return node.$ref.slice(2).split('/').reduce<unknown>((n, part) => (n as Record<string, unknown>)[part], this.doc) as T;
  }

  operation(template: string, verb: string): Operation | undefined {
    return this.doc.paths[template]?.[verb.toLowerCase()] as Operation | undefined;
  }

  check(verb: string, path: string, headers: Record<string, string | string[] | undefined>, query: URLSearchParams, body: string): Checked {
    const route = this.routes.map((r) => ({ r, m: r.pattern.exec(path) })).find((x) => x.m);
    if (!route) return { problems: [`${verb} ${path} is not a documented route (or not one the fixture holds)`], template: null, params: {}, json: undefined };
    const template = route.r.template;
    const params = Object.fromEntries(route.r.names.map((n, i) => [n, decodeURIComponent(route.m![i + 1]!)]));
    const operation = this.operation(template, verb);
    if (!operation) return { problems: [`${template} is not documented for ${verb}`], template, params, json: undefined };
    const problems: string[] = [];
    const documented = [...(this.doc.paths[template]!.parameters ?? []), ...(operation.parameters ?? [])].map((p) => this.deref(p));
    for (const p of documented) {
      const value = p.in === 'path' ? params[p.name] : p.in === 'query' ? (query.get(p.name) ?? undefined) : p.in === 'header' ? (headers[p.name.toLowerCase()] as string | undefined) : undefined;
      if (value === undefined) {
        if (p.required) problems.push(`${template}: required ${p.in} parameter "${p.name}" is missing`);
        continue;
      }
      const schema = p.schema ?? {};
      const typed = schema.type === 'integer' || schema.type === 'number' ? Number(value) : schema.type === 'boolean' ? value === 'true' : value;
      problems.push(...this.validate(schema, typed, `${template} ${p.in} ${p.name}`));
    }
    for (const name of query.keys()) if (!documented.some((p) => p.in === 'query' && p.name === name)) problems.push(`${template}: query "${name}" is not documented`);
    let json: unknown;
    if (operation.requestBody) {
      const type = (headers['content-type'] as string | undefined)?.split(';')[0]?.trim();
      const media = type ? operation.requestBody.content[type] : undefined;
      if (!media) problems.push(`${template}: content type ${type ?? '(none)'} is not one of ${Object.keys(operation.requestBody.content).join(', ')}`);
      else {
        try {
          json = JSON.parse(body);
        } catch {
          problems.push(`${template}: the body is not JSON`);
        }
        if (json !== undefined) problems.push(...this.validate(media.schema, json, `${template} body`));
      }
    } else if (body.length > 0) problems.push(`${template}: ${verb} takes no body`);
    return { problems, template, params, json };
  }

  /** The security schemes the operation accepts (`basicAuth`, …); empty when it documents none. */
  security(template: string, verb: string): string[] {
    return (this.operation(template, verb)?.security ?? []).flatMap((s) => Object.keys(s));
  }

  checkAnswer(verb: string, template: string, status: number, answer: unknown): string[] {
    const operation = this.operation(template, verb)!;
    const response = operation.responses[String(status)];
    if (!response) return [`${verb} ${template} does not document status ${status}`];
    const schema = this.deref(response).content?.['application/json']?.schema;
    if (!schema) return [];
    return this.validate(schema, answer, `answer to ${verb} ${template}`);
  }

  /** Problems of a webhook payload against the published webhook schema (`issues-closed`). */
  checkWebhook(name: string, payload: unknown): string[] {
    const hook = this.doc['x-webhooks']?.[name];
    if (!hook) return [`webhook ${name} is not in the fixture`];
    return this.validate(hook.post.requestBody!.content['application/json']!.schema, payload, `webhook ${name}`);
  }

  /** A component schema by name. */
  schema(name: string): Record<string, unknown> {
    return this.doc.components.schemas![name] as Record<string, unknown>;
  }
}
