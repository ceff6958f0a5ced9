/**
 * What the edge decides once for every route, before a schema or a service
 * sees the input: which content types are read, how deep a JSON body may nest,
 * and what happens to NUL characters (PostgreSQL refuses U+0000 in text, SQLite
 * keeps it, so letting it through would make the dialects disagree).
 *
 * - API routes refuse NUL with 400 naming the field, in the body, the query
 *   and the path.
 * - Intake routes (`config.intake`) replace NUL in the payload with U+FFFD, so
 *   an alert is never lost over one odd byte, and also read a JSON body sent
 *   as text/plain, for senders that cannot set a header.
 * - Every JSON body nesting deeper than MAX_JSON_DEPTH is refused with 400
 *   before anything walks it recursively.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpProblem } from './problem.js';

export const MAX_JSON_DEPTH = 64;
export const NUL_REPLACEMENT = '\uFFFD';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** An alert intake route: NUL in the payload is replaced, not refused; text/plain bodies are read as JSON. */
    intake?: boolean;
  }
}

const NUL = '\u0000';

/** `alerts[2].labels.team`: how a client names a place in its JSON. */
function fieldName(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent || '(body)'}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

function tooDeep(): HttpProblem {
  return new HttpProblem(400, 'body-too-deep', `the body nests deeper than ${MAX_JSON_DEPTH} levels; nothing was stored`, [
    { field: '(body)', message: `nests deeper than ${MAX_JSON_DEPTH} levels` },
  ]);
}

export function nulRefused(field: string): HttpProblem {
  return new HttpProblem(400, 'nul-character', `${field} contains a NUL character (U+0000), which cannot be stored`, [
    { field, message: 'contains a NUL character (U+0000)' },
  ]);
}

function prototypeKey(field: string): HttpProblem {
  return new HttpProblem(400, 'prototype-key', `${field} is a key that could alter object prototypes; nothing was stored`, [{ field, message: 'is not an accepted key' }]);
}

/** A container met during the walk; its field name is only spelled out when something in it is refused. */
interface Visit {
  node: Record<string, unknown> | unknown[];
  depth: number;
  parent: Visit | undefined;
  key: string | number;
}

/** `alerts[2].labels.team` for `key` inside `visit`: the keys from the root down, after `prefix`. */
function nameOf(visit: Visit, prefix: string, key: string | number): string {
  const keys = [key];
  for (let v: Visit | undefined = visit; v?.parent; v = v.parent) keys.push(v.key);
  return keys.reverse().reduce<string>((name, k) => fieldName(name, k), prefix);
}

/**
 * Walks parsed JSON without recursion: refuses nesting beyond the limit and
 * the keys that poison prototypes (`__proto__`, and `constructor` holding a
 * `prototype`), and either refuses NUL (naming the first field holding one)
 * or replaces it in keys and strings. Returns the value to use as the body.
 * Field names are built only for what is refused: the walk runs over every
 * intake request, and naming every value cost more than the checks.
 */
export function screenJson(value: unknown, nul: 'refuse' | 'replace', prefix = ''): unknown {
  if (typeof value === 'string') return screenString(value, prefix || '(body)', nul);
  if (value === null || typeof value !== 'object') return value;
  const stack: Visit[] = [{ node: value as Record<string, unknown>, depth: 1, parent: undefined, key: '' }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const { node, depth } = visit;
    if (depth > MAX_JSON_DEPTH) throw tooDeep();
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const item: unknown = node[i];
        if (typeof item === 'string' && item.includes(NUL)) node[i] = screenString(item, nameOf(visit, prefix, i), nul);
        else if (item !== null && typeof item === 'object') stack.push({ node: item as Record<string, unknown>, depth: depth + 1, parent: visit, key: i });
      }
      continue;
    }
    for (const key of Object.keys(node)) {
      const item = node[key];
      let name = key;
      if (key === '__proto__' || (key === 'constructor' && item !== null && typeof item === 'object' && Object.hasOwn(item, 'prototype'))) throw prototypeKey(nameOf(visit, prefix, key));
      if (key.includes(NUL)) {
        if (nul === 'refuse') throw nulRefused(nameOf(visit, prefix, key.replaceAll(NUL, '\\u0000')));
        name = key.replaceAll(NUL, NUL_REPLACEMENT);
        delete node[key];
        node[name] = item;
      }
      if (typeof item === 'string' && item.includes(NUL)) node[name] = screenString(item, nameOf(visit, prefix, name), nul);
      else if (item !== null && typeof item === 'object') stack.push({ node: item as Record<string, unknown>, depth: depth + 1, parent: visit, key: name });
    }
  }
  return value;
}

function screenString(text: string, field: string, nul: 'refuse' | 'replace'): string {
  if (!text.includes(NUL)) return text;
  if (nul === 'refuse') throw nulRefused(field);
  return text.replaceAll(NUL, NUL_REPLACEMENT);
}

function isIntake(request: FastifyRequest): boolean {
  return (request.routeOptions.config as { intake?: boolean } | undefined)?.intake === true;
}

export function unsupportedMediaType(received: string | undefined): HttpProblem {
  const what = received ? `received ${received.split(';')[0]!.trim()}` : 'received a body without a Content-Type';
  return new HttpProblem(415, 'unsupported-media-type', `send Content-Type: application/json (${what})`, [{ field: 'header.content-type', message: `must be application/json; ${what}` }]);
}

const intakeTexts = new WeakMap<FastifyRequest, string>();

/**
 * An intake request's body exactly as sent (parsed into request.body as
 * well): the intake journal keeps this text rather than serialising the
 * parsed body again. Undefined where the text holds an escaped NUL (the
 * parsed body differs from it: NUL replaced) or for other routes.
 */
export function intakeBodyText(request: FastifyRequest): string | undefined {
  return intakeTexts.get(request);
}

export type JsonDone = (err: Error | null, body?: unknown) => void;

/**
 * How every content-type parser reads JSON text: Fastify's parser, then
 * screenJson (depth, prototype keys, NUL). The parser is told to ignore
 * prototype keys because the walk refuses them, naming the field, and visits
 * every key anyway; the parser's own check scanned the text twice more.
 */
export function screenedJsonParser(app: FastifyInstance): (request: FastifyRequest, text: string, nul: 'refuse' | 'replace', done: JsonDone) => void {
  const parseJson = app.getDefaultJsonParser('ignore', 'ignore');
  return (request, text, nul, done) =>
    parseJson(request, text, (err: Error | null, parsed?: unknown) => {
      if (err) return done(err);
      let body: unknown;
      try {
        body = screenJson(parsed, nul);
      } catch (screenErr) {
        return done(screenErr as Error);
      }
      done(null, body);
    });
}

/** Content-type parsers and the NUL screen for query and path, for every route. */
export function registerInputScreening(app: FastifyInstance, bodyLimit: number, publicBodyLimit = bodyLimit): void {
  // Anyone can reach a public route: unless it sets its own limit (intake does), it reads small bodies only.
  app.addHook('onRoute', (route) => {
    if ((route.config as { access?: string } | undefined)?.access === 'public' && route.bodyLimit === undefined) route.bodyLimit = Math.min(bodyLimit, publicBodyLimit);
  });
  const parseScreened = screenedJsonParser(app);
  const readJson = (request: FastifyRequest, text: string, done: JsonDone): void => {
    const intake = isIntake(request);
    parseScreened(request, text, intake ? 'replace' : 'refuse', (err, body) => {
      // A NUL can only be written escaped in JSON text; any text that may hold one is left out (conservatively).
      if (!err && intake && !text.includes('\\u0000')) intakeTexts.set(request, text);
      done(err, body);
    });
  };
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (request, text, done) => readJson(request, text as string, done));
  app.addContentTypeParser('text/plain', { parseAs: 'string', bodyLimit }, (request, text, done) => {
    if (!isIntake(request)) return done(unsupportedMediaType(request.headers['content-type']));
    readJson(request, text as string, done);
  });

  app.addHook('preValidation', async (request) => {
    for (const [part, prefix] of [[request.query, 'query.'], [request.params, 'path.']] as const) {
      if (part && typeof part === 'object') screenJson(part, 'refuse', prefix.slice(0, -1));
    }
  });
}
