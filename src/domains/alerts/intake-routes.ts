/**
 * Intake endpoints. Public at the edge: each authenticates by its integration
 * key (a path segment, or PagerDuty's routing_key). A bad body is refused with
 * 400 naming the problem before anything is written; the answer comes only
 * after the request is committed to the intake journal (the pipeline runs
 * behind it: intake-journal.ts); a database that cannot take the write answers 503 with
 * Retry-After so the sender retries.
 */
import { randomUUID } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { App, AppContext } from '../../app/context.js';
import { isDatabaseUnavailable, isForeignKeyViolation } from '../../db/dialect.js';
import { HttpProblem, problemFromDomainError, type FieldError } from '../../http/problem.js';
import { DomainError } from '../../errors.js';
import { intakeBodyText, unsupportedMediaType } from '../../http/input.js';
import { adaptWebhook } from './intake-adapt.js';
import { adaptPagerDuty, pagerDutyInvalid, routingKeyOf } from './adapt-pagerduty.js';
import { opsgenieRoutes } from './opsgenie-routes.js';
import { heartbeatRoutes } from './heartbeat-routes.js';
import { resolveIntakeKey, type IntakeTarget } from './integrations.js';
import { appendIntake, type SentBody } from './intake-journal.js';
import { TokenBuckets } from './rate-limit.js';
import type { AdapterResult } from './signal.js';
import type { IntegrationKind } from './tables.js';

const RETRY_AFTER_SECONDS = 5;
const KeyParams = Type.Object({ key: Type.String({ minLength: 1, maxLength: 200 }) });
const Accepted = Type.Object({ status: Type.String(), alerts: Type.Integer() });

function unavailable(): HttpProblem {
  return new HttpProblem(503, 'database-unavailable', 'the database cannot take this write right now; nothing was stored, retry later', undefined, { 'retry-after': String(RETRY_AFTER_SECONDS) });
}

/** Turns adapter messages (`alerts[2].fingerprint is required ...`) into problem fields. */
function fieldsOf(errors: string[]): FieldError[] {
  return errors.map((e) => {
    const match = /^([A-Za-z_][\w.[\]]*?)(?::)? (.+)$/.exec(e);
    return match && /[.[]|^alerts$|^version$/.test(match[1]!) ? { field: match[1]!, message: match[2]! } : { field: '(body)', message: e };
  });
}

function invalidPayload(errors: string[]): HttpProblem {
  const shown = errors.slice(0, 20);
  const more = errors.length > shown.length ? ` (and ${errors.length - shown.length} more)` : '';
  return new HttpProblem(400, 'invalid-alert-payload', `${shown.join('; ')}${more}; nothing was stored`, fieldsOf(shown));
}

export function intakeRoutes(app: App, ctx: AppContext): void {
  const { config } = ctx;
  const limiter = new TokenBuckets(config.intakeRateLimitPerSecond, config.intakeRateLimitBurst);
  const max = config.intakeMaxAlertsPerRequest;
  const routeOptions = { bodyLimit: config.intakeBodyLimitBytes, config: { access: 'public' as const, intake: true } };

  /** Key → integration, then the rate limit; database trouble becomes 503. */
  async function admit(key: string, kind: IntegrationKind): Promise<IntakeTarget> {
    let target: IntakeTarget;
    try {
      target = await resolveIntakeKey(ctx.store.db, key, kind);
    } catch (err) {
      if (isDatabaseUnavailable(err)) throw unavailable();
      throw err;
    }
    const wait = limiter.take(target.id);
    if (wait > 0) {
      throw new HttpProblem(429, 'rate-limited', `integration "${target.name}" sends faster than ${config.intakeRateLimitPerSecond} requests per second; retry after ${wait} s`, undefined, { 'retry-after': String(wait) });
    }
    return target;
  }

  async function store(request: FastifyRequest, target: IntakeTarget, result: AdapterResult, evidence: unknown, sent?: SentBody): Promise<number> {
    if (!result.ok) throw invalidPayload(result.errors);
    try {
      const done = await appendIntake(ctx, target, result.signals, { ip: request.ip, requestId: String(request.id), evidence, ...(sent ? { sent } : {}) });
      return done.alerts;
    } catch (err) {
      if (isDatabaseUnavailable(err)) {
        request.log.warn({ err }, 'alert intake: database unavailable, answered 503');
        throw unavailable();
      }
      // The integration was deleted after its key was looked up (see integrations.ts, KEY_TRUST_MS).
      if (isForeignKeyViolation(err)) throw new DomainError('not_found', 'unknown-integration-key', `no ${target.kind} integration has this key`);
      throw err;
    }
  }

  const webhook = (kind: 'alertmanager' | 'grafana' | 'generic', adapt: (body: unknown, target: IntakeTarget) => AdapterResult) =>
    app.post(`/intake/${kind}/:key`, {
      ...routeOptions,
      schema: { tags: ['intake'], summary: `Receive ${kind} alerts (the key is the integration's secret)`, params: KeyParams, response: { 202: Accepted } },
    }, async (request, reply) => {
      const target = await admit(request.params.key, kind);
      // Alertmanager's and Grafana's bodies adapt the same way every time: the journal keeps the text as sent and the applier adapts it again.
      const text = intakeBodyText(request);
      const sent = kind !== 'generic' && text !== undefined ? { format: kind, text } : undefined;
      const alerts = await store(request, target, adapt(request.body, target), request.body, sent);
      return reply.status(202).send({ status: 'success', alerts });
    });

  for (const kind of ['alertmanager', 'grafana', 'generic'] as const) webhook(kind, (body, target) => adaptWebhook(kind, body, target, max));

  // PagerDuty Events API v2: its paths, field names, answers and error shape, in a scope with its own error handler.
  void app.register(async (scope) => {
    scope.setErrorHandler((error: FastifyError, request, reply) => sendPagerDutyError(error, request, reply));
    const handler = async (request: FastifyRequest, reply: FastifyReply) => {
      const key = routingKeyOf(request.body);
      if (key === undefined) return reply.status(400).send(pagerDutyInvalid(["'routing_key' is missing or blank"]));
      const target = await admit(key, 'pagerduty');
      const result = adaptPagerDuty(request.body, () => randomUUID().replace(/-/g, ''));
      if (!result.ok) return reply.status(400).send(pagerDutyInvalid(result.errors));
      await store(request, target, { ok: true, signals: [result.signal] }, result.signal.payload);
      return reply.status(202).send({ status: 'success', message: 'Event processed', dedup_key: result.signal.dedupKey });
    };
    for (const path of ['/v2/enqueue', '/intake/pagerduty/v2/enqueue']) {
      scope.post(path, { ...routeOptions, schema: { tags: ['intake'], summary: 'PagerDuty Events API v2 compatible: send events with routing_key = the integration key' } }, handler);
    }
  });

  opsgenieRoutes(app, { db: ctx.store.db, deps: ctx, admit, store, routeOptions });
  heartbeatRoutes(app, ctx, admit);
}

const PD_STATUS: Record<number, string> = { 400: 'invalid event', 403: 'forbidden', 404: 'unknown routing key', 413: 'payload too large', 415: 'unsupported media type', 429: 'throttle event', 503: 'unavailable' };

/** Every PagerDuty-route error in PagerDuty's shape: {status, message, errors}. */
function sendPagerDutyError(raised: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const error = (raised as unknown) instanceof DomainError ? (problemFromDomainError(raised as unknown as DomainError) as unknown as FastifyError) : raised;
  if (error instanceof HttpProblem) {
    if (error.headers) reply.headers(error.headers);
    return reply.status(error.status).send({ status: PD_STATUS[error.status] ?? 'error', message: error.message, errors: [error.message] });
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.status(413).send({ status: PD_STATUS[413], message: 'Event object is too large', errors: ['the request body is larger than this endpoint accepts'] });
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    const problem = unsupportedMediaType(request.headers['content-type']);
    return reply.status(415).send({ status: PD_STATUS[415], message: problem.message, errors: [problem.message] });
  }
  if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
    return reply.status(400).send(pagerDutyInvalid([`the body is not valid JSON: ${error.message}`]));
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) return reply.status(status).send({ status: PD_STATUS[status] ?? 'error', message: error.message, errors: [error.message] });
  request.log.error({ err: error }, 'PagerDuty intake failed');
  return reply.status(500).send({ status: 'error', message: 'something went wrong on our side', errors: [`request id ${String(request.id)}`] });
}
