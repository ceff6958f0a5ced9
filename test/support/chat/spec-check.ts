/**
 * Checks requests against the vendors' published API descriptions (copied
 * into test/fixtures/slack and test/fixtures/mattermost) with ajv, and checks
 * the stand-ins' own answers against the documented response schemas, so a
 * stand-in can neither accept what the vendor would refuse nor answer in a
 * shape the vendor does not document.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', '..', 'test', 'fixtures');

interface SwaggerParam {
  name: string;
  in: 'header' | 'query' | 'formData' | 'path' | 'body';
  required?: boolean;
  type?: string;
}

interface SwaggerOperation {
  consumes?: string[];
  parameters: SwaggerParam[];
  responses: Record<string, { schema?: Record<string, unknown> }>;
}

function newAjv(): Ajv {
  // The vendors' documents use Swagger/OpenAPI keywords (`example`, `nullable`, tuple `items` on objects): not strict.
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  ajv.addKeyword('example');
  return ajv;
}

/** Slack's Web API (Swagger 2.0): form or query parameters, the token as a Bearer header. */
export class SlackSpec {
  private readonly doc: { paths: Record<string, Record<string, SwaggerOperation>>; definitions: Record<string, unknown> };
  private readonly ajv = newAjv();
  private readonly responseValidators = new Map<string, ValidateFunction>();

  constructor() {
    this.doc = JSON.parse(readFileSync(join(FIXTURES, 'slack', 'web-api-subset.json'), 'utf8'));
    this.ajv.addSchema({ $id: 'slack', definitions: this.doc.definitions });
  }

  /** The problems with one request, empty when it conforms. Values of a form are strings; booleans and numbers must read as such. */
  check(method: string, verb: string, contentType: string | undefined, authorization: string | undefined, params: Record<string, string>): string[] {
    const path = `/${method}`;
    const operations = this.doc.paths[path];
    if (!operations) return [`${path} is not a documented method (or not one the fixture holds)`];
    const operation = operations[verb.toLowerCase()];
    if (!operation) return [`${path} is documented for ${Object.keys(operations).join(', ').toUpperCase()}, not ${verb}`];
    const problems: string[] = [];
    if (verb === 'POST') {
      const type = contentType?.split(';')[0]?.trim();
      if (!type || !(operation.consumes ?? []).includes(type)) problems.push(`${path}: content type ${type ?? '(none)'} is not one of ${(operation.consumes ?? []).join(', ')}`);
    }
    // Slack documents `token` as an argument; its docs say to send it as `Authorization: Bearer`, which is what Firebreak does.
    if (!authorization?.startsWith('Bearer ')) problems.push(`${path}: no Authorization: Bearer token`);
    if ('token' in params) problems.push(`${path}: the token must not travel in the ${verb === 'GET' ? 'query' : 'form'}`);
    const where = verb === 'GET' ? 'query' : 'formData';
    const documented = operation.parameters.filter((p) => p.name !== 'token');
    for (const name of Object.keys(params)) {
      const param = documented.find((p) => p.name === name);
      if (!param) problems.push(`${path}: "${name}" is not a documented argument`);
      else if (param.in !== where) problems.push(`${path}: "${name}" is documented in ${param.in}, sent in ${where}`);
      else {
        const value = params[name]!;
        const ok = { string: true, boolean: /^(true|false|1|0)$/.test(value), integer: /^-?\d+$/.test(value), number: /^-?\d+(\.\d+)?$/.test(value) }[param.type ?? 'string'] ?? true;
        if (!ok) problems.push(`${path}: "${name}" must be ${param.type}, got ${JSON.stringify(value)}`);
      }
    }
    for (const param of documented) if (param.required && !(param.name in params)) problems.push(`${path}: required argument "${param.name}" is missing`);
    return problems;
  }

  /** Problems with an answer the stand-in is about to give. */
  checkAnswer(method: string, verb: string, answer: unknown): string[] {
    const ok = (answer as { ok?: boolean }).ok === true;
    const key = `${method} ${verb} ${ok}`;
    let validate = this.responseValidators.get(key);
    if (!validate) {
      const operation = this.doc.paths[`/${method}`]![verb.toLowerCase()]!;
      const schema = operation.responses[ok ? '200' : 'default']?.schema ?? {};
      validate = this.ajv.compile(rebase(schema, 'slack#/definitions/', '#/definitions/') as object);
      this.responseValidators.set(key, validate);
    }
    return validate(answer) ? [] : (validate.errors ?? []).map((e) => `answer to ${method}: ${e.instancePath} ${e.message}`);
  }
}

/** Rewrites local `$ref`s so a schema compiled alone resolves them in the registered document. */
function rebase(schema: unknown, to: string, from: string): unknown {
  if (Array.isArray(schema)) return schema.map((s) => rebase(s, to, from));
  if (!schema || typeof schema !== 'object') return schema;
  return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' && v.startsWith(from) ? to + v.slice(from.length) : rebase(v, to, from)]));
}

interface OpenApiOperation {
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: Record<string, unknown> }>;
  requestBody?: { required?: boolean; content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }>; $ref?: string }>;
}

/** Mattermost's REST API v4 (OpenAPI 3.0): JSON bodies, Bearer token, path templates. */
export class MattermostSpec {
  private readonly doc: { paths: Record<string, Record<string, OpenApiOperation>>; components: Record<string, unknown> };
  private readonly ajv = newAjv();
  private readonly routes: Array<{ template: string; pattern: RegExp; names: string[] }>;

  constructor() {
    this.doc = JSON.parse(readFileSync(join(FIXTURES, 'mattermost', 'api-v4-subset.json'), 'utf8'));
    this.ajv.addSchema({ $id: 'mattermost', components: this.doc.components });
    this.routes = Object.keys(this.doc.paths)
      .map((template) => {
        const names: string[] = [];
        const pattern = new RegExp(`^${template.replace(/\{(\w+)\}/g, (_m, name: string) => (names.push(name), '([^/]+)'))}$`);
        return { template, pattern, names };
      })
      // Literal segments win over parameters (/users/email/{email} before /users/{user_id}).
      .sort((a, b) => b.template.replace(/\{\w+\}/g, '').length - a.template.replace(/\{\w+\}/g, '').length);
  }

  /** The documented route a path matches, with its path parameters. */
  route(path: string): { template: string; params: Record<string, string> } | null {
    for (const r of this.routes) {
      const m = r.pattern.exec(path);
      if (m) return { template: r.template, params: Object.fromEntries(r.names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)])) };
    }
    return null;
  }

  check(verb: string, path: string, contentType: string | undefined, authorization: string | undefined, query: URLSearchParams, body: string): { problems: string[]; template: string | null; params: Record<string, string>; json: unknown } {
    const route = this.route(path);
    if (!route) return { problems: [`${verb} ${path} is not a documented route (or not one the fixture holds)`], template: null, params: {}, json: undefined };
    const operation = this.doc.paths[route.template]![verb.toLowerCase()];
    if (!operation) return { problems: [`${route.template} is not documented for ${verb}`], template: route.template, params: route.params, json: undefined };
    const problems: string[] = [];
    if (!authorization?.startsWith('Bearer ')) problems.push(`${verb} ${route.template}: no Authorization: Bearer token`);
    for (const param of operation.parameters ?? []) {
      if (param.in === 'query' && param.required && !query.has(param.name)) problems.push(`${route.template}: required query "${param.name}" is missing`);
    }
    for (const name of query.keys()) if (!(operation.parameters ?? []).some((p) => p.in === 'query' && p.name === name)) problems.push(`${route.template}: query "${name}" is not documented`);
    let json: unknown;
    if (operation.requestBody) {
      const type = contentType?.split(';')[0]?.trim();
      const media = type ? operation.requestBody.content[type] : undefined;
      if (!media) problems.push(`${route.template}: content type ${type ?? '(none)'} is not one of ${Object.keys(operation.requestBody.content).join(', ')}`);
      else {
        try {
          json = JSON.parse(body);
          const validate = this.ajv.compile(rebase(media.schema, 'mattermost#/components/', '#/components/') as object);
          if (!validate(json)) problems.push(...(validate.errors ?? []).map((e) => `${route.template} body${e.instancePath}: ${e.message}`));
        } catch {
          problems.push(`${route.template}: the body is not JSON`);
        }
      }
    } else if (body.length > 0) problems.push(`${route.template}: ${verb} takes no body`);
    return { problems, template: route.template, params: route.params, json };
  }

  checkAnswer(verb: string, template: string, status: number, answer: unknown): string[] {
    const operation = this.doc.paths[template]![verb.toLowerCase()]!;
    const response = operation.responses[String(status)];
    if (!response) return [`${verb} ${template} does not document status ${status}`];
    const schema = response.content?.['application/json']?.schema;
    if (!schema) return [];
    const validate = this.ajv.compile(rebase(schema, 'mattermost#/components/', '#/components/') as object);
    return validate(answer) ? [] : (validate.errors ?? []).map((e) => `answer to ${verb} ${template}${e.instancePath}: ${e.message}`);
  }
}
