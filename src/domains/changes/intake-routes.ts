/**
 * Change intake: `/intake/changes/{key}` (Firebreak's JSON), `…/github`
 * (deployment_status webhooks, the key doubling as the webhook secret, so
 * X-Hub-Signature-256 is checked against it) and `…/argocd` (the
 * notifications webhook with ARGOCD_TEMPLATE). Public at the edge: the key
 * authenticates. Nothing is written before the payload is known good; the
 * answer comes after the commit.
 */
import { Type } from '@sinclair/typebox';
import { verify } from '@octokit/webhooks-methods';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { App, AppContext } from '../../app/context.js';
import { isDatabaseUnavailable } from '../../db/dialect.js';
import { HttpProblem } from '../../http/problem.js';
import { screenedJsonParser } from '../../http/input.js';
import { TokenBuckets } from '../alerts/rate-limit.js';
import { adaptArgoCd, adaptGenericChange, adaptGithubDeploymentStatus, type AdaptResult } from './adapt.js';
import { recordChange, resolveChangeSource, sourceActor, type ChangeSourceView } from './service.js';
import type { ChangeOrigin } from './tables.js';
import { clockNow } from '../../clock.js';

const KeyParams = Type.Object({ key: Type.String({ minLength: 1, maxLength: 200 }) });
const TargetQuery = Type.Object({ service: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'The service (id or name) when the payload does not name it' })) }, { additionalProperties: false });
const Accepted = Type.Object({ status: Type.String(), changeId: Type.Union([Type.String(), Type.Null()]) });

function unavailable(): HttpProblem {
  return new HttpProblem(503, 'database-unavailable', 'the database cannot take this write right now; nothing was stored, retry later', undefined, { 'retry-after': '5' });
}

function invalidPayload(result: Extract<AdaptResult, { ok: false }>): HttpProblem {
  const shown = result.problems.slice(0, 20);
  return new HttpProblem(400, 'invalid-change-payload', `${shown.map((p) => `${p.field} ${p.message}`).join('; ')}; nothing was stored`, shown);
}

function unsigned(detail: string): HttpProblem {
  return new HttpProblem(401, 'bad-webhook-signature', `${detail}; nothing was stored`, [{ field: 'header.x-hub-signature-256', message: detail }]);
}

/** The exact bytes of each JSON body, kept for signature checks. */
const rawBodies = new WeakMap<FastifyRequest, string>();

export function changeIntakeRoutes(app: App, ctx: AppContext): void {
  const { config, store } = ctx;
  // The same per-key limits as alert intake: a runaway pipeline cannot flood the change log.
  const limiter = new TokenBuckets(config.intakeRateLimitPerSecond, config.intakeRateLimitBurst);

  async function admit(key: string): Promise<ChangeSourceView> {
    let source: ChangeSourceView;
    try {
      source = await resolveChangeSource(store.db, key);
    } catch (err) {
      if (isDatabaseUnavailable(err)) throw unavailable();
      throw err;
    }
    const wait = limiter.take(source.id);
    if (wait > 0) {
      throw new HttpProblem(429, 'rate-limited', `change source "${source.name}" sends faster than ${config.intakeRateLimitPerSecond} requests per second; retry after ${wait} s`, undefined, { 'retry-after': String(wait) });
    }
    return source;
  }

  async function save(request: FastifyRequest, source: ChangeSourceView, origin: ChangeOrigin, result: AdaptResult): Promise<string> {
    if (!result.ok) throw invalidPayload(result);
    try {
      return (await recordChange(store, sourceActor(source, { ip: request.ip, requestId: String(request.id) }), origin, result.change, source)).id;
    } catch (err) {
      if (isDatabaseUnavailable(err)) throw unavailable();
      throw err;
    }
  }

  void app.register(async (plain) => {
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    // The same screening as every intake route (depth, prototype keys, NUL replaced), keeping the raw text GitHub signed.
    const parseScreened = screenedJsonParser(scope);
    scope.removeContentTypeParser(['application/json', 'text/plain']);
    scope.addContentTypeParser(['application/json', 'text/plain'], { parseAs: 'string', bodyLimit: config.intakeBodyLimitBytes }, (request, text, done) => {
      rawBodies.set(request, text as string);
      parseScreened(request, text as string, 'replace', done);
    });
    const routeOptions = { bodyLimit: config.intakeBodyLimitBytes, config: { access: 'public' as const, intake: true } };

    scope.post('/intake/changes/:key', {
      ...routeOptions,
      schema: { tags: ['intake'], summary: 'Record a change event (Firebreak JSON); the key is the change source’s secret', params: KeyParams, response: { 202: Accepted } },
    }, async (request, reply) => {
      const source = await admit(request.params.key);
      const changeId = await save(request, source, 'api', adaptGenericChange(request.body, clockNow()));
      return reply.status(202).send({ status: 'recorded', changeId });
    });

    scope.post('/intake/changes/:key/github', {
      ...routeOptions,
      schema: { tags: ['intake'], summary: 'GitHub deployment_status webhook (secret = the key; X-Hub-Signature-256 required)', params: KeyParams, querystring: TargetQuery, response: { 202: Accepted } },
    }, async (request, reply) => {
      const source = await admit(request.params.key);
      const signature = request.headers['x-hub-signature-256'];
      if (typeof signature !== 'string' || !signature.startsWith('sha256=')) throw unsigned('the X-Hub-Signature-256 header is missing');
      const raw = rawBodies.get(request) ?? '';
      if (!(await verify(request.params.key, raw, signature))) throw unsigned('the X-Hub-Signature-256 signature does not match the body and this key');
      const event = request.headers['x-github-event'];
      if (event === 'ping') return reply.status(202).send({ status: 'pong', changeId: null });
      if (event !== 'deployment_status') {
        throw new HttpProblem(400, 'unsupported-github-event', `only deployment_status events are recorded (got ${String(event ?? 'none')}); nothing was stored`, [{ field: 'header.x-github-event', message: 'must be deployment_status' }]);
      }
      const changeId = await save(request, source, 'github', adaptGithubDeploymentStatus(request.body, request.query.service ?? null));
      return reply.status(202).send({ status: 'recorded', changeId });
    });

    scope.post('/intake/changes/:key/argocd', {
      ...routeOptions,
      schema: { tags: ['intake'], summary: 'Argo CD notifications webhook (body from the documented firebreak-change template)', params: KeyParams, querystring: TargetQuery, response: { 202: Accepted } },
    }, async (request, reply) => {
      const source = await admit(request.params.key);
      const changeId = await save(request, source, 'argocd', adaptArgoCd(request.body, request.query.service ?? null));
      return reply.status(202).send({ status: 'recorded', changeId });
    });
  });
}
