/**
 * Opsgenie Alert API v2 compatible intake: Opsgenie's paths, `GenieKey`
 * authentication, 202 `{result, took, requestId}` answers and error shape
 * (`{message, took, requestId}`, 422 with `errors` by field), in a scope with
 * its own error handler. Also under `/intake/opsgenie/` for senders whose API
 * URL cannot be the server's root.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { App } from '../../app/context.js';
import { DomainError } from '../../errors.js';
import { HttpProblem, problemFromDomainError } from '../../http/problem.js';
import { screenedJsonParser, unsupportedMediaType } from '../../http/input.js';
import { actionPayloadErrors, adaptOpsgenieCreate, dedupKeyOfAlias, genieKeyOf, opsgenieActionSignal } from './adapt-opsgenie.js';
import type { IntakeTarget } from './integrations.js';
import { alertKeysOfIntegration } from './store-queries.js';
import type { AdapterResult } from './signal.js';
import type { Db } from '../../db/schema.js';
import { pingHeartbeat } from './heartbeats.js';
import type { AlertDeps } from './pipeline.js';
import { isDatabaseUnavailable } from '../../db/dialect.js';
import { clockNow } from '../../clock.js';

/** What the intake routes lend this scope: key → integration (with the rate limit), and the durable write. */
export interface IntakeGate {
  db: Db;
  deps: AlertDeps;
  admit(key: string, kind: 'opsgenie' | 'heartbeat'): Promise<IntakeTarget>;
  store(request: FastifyRequest, target: IntakeTarget, result: AdapterResult, evidence: unknown): Promise<number>;
  routeOptions: { bodyLimit: number; config: { access: 'public'; intake: boolean } };
}

const IdentifierParams = Type.Object({ identifier: Type.String({ minLength: 1, maxLength: 600 }) });
const IdentifierQuery = Type.Object({
  identifierType: Type.Optional(Type.Union([Type.Literal('id'), Type.Literal('alias'), Type.Literal('tiny')])),
  apiKey: Type.Optional(Type.String({ maxLength: 200 })),
});
const KeyQuery = Type.Object({ apiKey: Type.Optional(Type.String({ maxLength: 200 })) });
const NameParams = Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }) });

class OpsgenieError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: Record<string, string>,
  ) {
    super(message);
  }
}

function tookSince(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e9;
}

function accepted(request: FastifyRequest, reply: FastifyReply, started: bigint, extra: Record<string, unknown> = {}): FastifyReply {
  return reply.status(202).send({ result: 'Request will be processed', took: tookSince(started), requestId: String(request.id), ...extra });
}

function keyOf(request: FastifyRequest, query: { apiKey?: string }): string {
  const key = genieKeyOf(request.headers.authorization, query.apiKey);
  if (key === undefined) throw new OpsgenieError(401, 'Could not authenticate: send Authorization: GenieKey <integration key>');
  return key;
}

/** Registers the Opsgenie-compatible routes in their own scope. */
export function opsgenieRoutes(app: App, gate: IntakeGate): void {
  void app.register(async (scope) => {
    scope.setErrorHandler((error: FastifyError, request, reply) => sendOpsgenieError(error, request, reply));
    allowEmptyJson(scope, gate.routeOptions.bodyLimit);
    const typed = scope.withTypeProvider<import('@fastify/type-provider-typebox').TypeBoxTypeProvider>();

    for (const prefix of ['', '/intake/opsgenie']) {
      typed.post(`${prefix}/v2/alerts`, {
        ...gate.routeOptions,
        schema: { tags: ['intake'], summary: 'Opsgenie Alert API compatible: create an alert (Authorization: GenieKey <integration key>)', querystring: KeyQuery },
      }, async (request, reply) => {
        const started = process.hrtime.bigint();
        const target = await gate.admit(keyOf(request, request.query), 'opsgenie');
        const result = adaptOpsgenieCreate(request.body, () => randomUUID().replace(/-/g, ''));
        if (!result.ok) throw new OpsgenieError(422, 'Request body is not processable. Please check the errors.', result.errors);
        await gate.store(request, target, { ok: true, signals: [result.signal] }, result.signal.payload);
        return accepted(request, reply, started, result.notes.length ? { notes: result.notes } : {});
      });

      // Opsgenie's heartbeat ping: the key is the heartbeat integration's, the name its name.
      typed.route({
        method: ['GET', 'POST'],
        url: `${prefix}/v2/heartbeats/:name/ping`,
        ...gate.routeOptions,
        schema: { tags: ['intake'], summary: 'Opsgenie Heartbeat API compatible: ping a heartbeat integration (Authorization: GenieKey <its key>)', params: NameParams, querystring: KeyQuery },
        handler: async (request, reply) => {
          const started = process.hrtime.bigint();
          const target = await gate.admit(keyOf(request, request.query), 'heartbeat');
          if (target.name.toLowerCase() !== request.params.name.toLowerCase()) throw new OpsgenieError(404, `Heartbeat with name [${request.params.name}] does not exist for this key`);
          try {
            await pingHeartbeat(gate.deps, target, clockNow(), { ip: request.ip, requestId: String(request.id) });
          } catch (err) {
            if (isDatabaseUnavailable(err)) throw new HttpProblem(503, 'database-unavailable', 'the database cannot take this write right now; retry later', undefined, { 'retry-after': '5' });
            throw err;
          }
          return reply.status(202).send({ result: 'PONG - Heartbeat received', took: tookSince(started), requestId: String(request.id) });
        },
      });

      for (const [verb, action] of [['close', 'resolve'], ['acknowledge', 'acknowledge']] as const) {
        typed.post(`${prefix}/v2/alerts/:identifier/${verb}`, {
          ...gate.routeOptions,
          schema: { tags: ['intake'], summary: `Opsgenie Alert API compatible: ${verb} an alert by id, tiny id (an id prefix) or alias`, params: IdentifierParams, querystring: IdentifierQuery },
        }, async (request, reply) => {
          const started = process.hrtime.bigint();
          const target = await gate.admit(keyOf(request, request.query), 'opsgenie');
          const errors = actionPayloadErrors(request.body);
          if (Object.keys(errors).length) throw new OpsgenieError(422, 'Request body is not processable. Please check the errors.', errors);
          const dedupKey = await dedupKeyOf(gate.db, target, request.params.identifier, request.query.identifierType ?? 'id');
          await gate.store(request, target, { ok: true, signals: [opsgenieActionSignal(action, dedupKey, request.body)] }, request.body ?? {});
          return accepted(request, reply, started);
        });
      }
    }
  });
}

/**
 * The dedup key an identifier names. An alias is the key itself (closing an
 * alias never seen is accepted and changes nothing, as Opsgenie does); an id
 * or tiny id (a prefix of the id, as the CLI shows it) must name one alert of
 * this integration.
 */
async function dedupKeyOf(db: Db, target: IntakeTarget, identifier: string, type: 'id' | 'alias' | 'tiny'): Promise<string> {
  if (type === 'alias') return dedupKeyOfAlias(identifier);
  const keys = await alertKeysOfIntegration(db, target.id, type === 'id' ? { id: identifier } : { idPrefix: identifier });
  if (keys.length === 1) return keys[0]!;
  if (keys.length > 1) throw new OpsgenieError(404, `Alert with ${type} ${identifier} is ambiguous: give more characters of its id`);
  throw new OpsgenieError(404, `Alert with ${type === 'id' ? 'id' : 'tiny id'} ${identifier} does not exist`);
}

/** Close and acknowledge may come without a body, even with Content-Type: application/json. */
function allowEmptyJson(scope: FastifyInstance, bodyLimit: number): void {
  const parseScreened = screenedJsonParser(scope);
  scope.removeContentTypeParser('application/json');
  scope.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (request, text, done) => {
    if ((text as string).trim() === '') return done(null, undefined);
    parseScreened(request, text as string, 'replace', done);
  });
}

/** Every Opsgenie-route error in Opsgenie's shape: {message, took, requestId} (and errors on a 422). */
function sendOpsgenieError(raised: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const base = { took: 0, requestId: String(request.id) };
  const error = (raised as unknown) instanceof DomainError ? (problemFromDomainError(raised as unknown as DomainError) as unknown as FastifyError) : raised;
  if ((error as unknown) instanceof OpsgenieError) {
    const e = error as unknown as OpsgenieError;
    return reply.status(e.status).send({ message: e.message, ...(e.errors ? { errors: e.errors } : {}), ...base });
  }
  if (error instanceof HttpProblem) {
    if (error.headers) reply.headers(error.headers);
    // An unknown key is Opsgenie's 401, not a missing resource.
    const status = error.status === 404 ? 401 : error.status;
    return reply.status(status).send({ message: status === 401 ? `Could not authenticate: ${error.message}` : error.message, ...base });
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.status(413).send({ message: 'Request body is too large', ...base });
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return reply.status(415).send({ message: unsupportedMediaType(request.headers['content-type']).message, ...base });
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) return reply.status(400).send({ message: `The body is not valid JSON: ${error.message}`, ...base });
  if (error.validation) return reply.status(422).send({ message: error.message, ...base });
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) return reply.status(status).send({ message: error.message, ...base });
  request.log.error({ err: error }, 'Opsgenie intake failed');
  return reply.status(500).send({ message: 'something went wrong on our side', ...base });
}
