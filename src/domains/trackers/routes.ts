import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../app/context.js';
import { actorOf } from '../../http/access.js';
import { problemResponses } from '../../http/schemas.js';
import { ConfiguredTrackerSchema, GithubTrackerBody, JiraTrackerBody, TrackerIssueSchema, TrackerItemParams, TrackerSchema, WebhookAnswerSchema } from './schemas.js';
import * as service from './service.js';
import type { JiraSettings } from './jira.js';
import { githubDelivery, jiraDelivery, refused, signatureValid } from './webhooks.js';

const rawBodies = new WeakMap<FastifyRequest, string>();

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

export function trackerRoutes(app: App, ctx: AppContext): void {
  const { store, config } = ctx;
  const tags = ['tracker'];

  app.get('/api/v1/tracker', {
    config: { access: 'admin' },
    schema: { tags, summary: 'The team’s tracker where action items become issues (never its token or webhook secret)', response: { 200: TrackerSchema, ...problemResponses } },
  }, async () => service.getTracker(store.db, config));

  app.put('/api/v1/tracker/github', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Use GitHub Issues (replaces any tracker); the token and webhook secret are sealed; a generated webhook secret is in this response only', body: GithubTrackerBody, response: { 200: ConfiguredTrackerSchema, ...problemResponses } },
  }, async (request, reply) => reply.header('cache-control', 'no-store').send(await service.configureTracker(store, config, actorOf(request), { provider: 'github', ...request.body })));

  app.put('/api/v1/tracker/jira', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Use Jira Cloud (replaces any tracker); the API token and webhook secret are sealed; a generated webhook secret is in this response only', body: JiraTrackerBody, response: { 200: ConfiguredTrackerSchema, ...problemResponses } },
  }, async (request, reply) => reply.header('cache-control', 'no-store').send(await service.configureTracker(store, config, actorOf(request), { provider: 'jira', ...request.body })));

  app.delete('/api/v1/tracker', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Stop creating issues (existing links stay)', response: { 204: Type.Null(), ...problemResponses } },
  }, async (request, reply) => {
    await service.removeTracker(store, actorOf(request));
    return reply.status(204).send(null);
  });

  app.get('/api/v1/tracker/issues/:itemId', {
    config: { access: 'admin' },
    schema: { tags, summary: 'An action item’s issue and every try at creating it (what the tracker answered)', params: TrackerItemParams, response: { 200: TrackerIssueSchema, ...problemResponses } },
  }, async (request) => service.issueOf(store.db, request.params.itemId));

  app.post('/api/v1/tracker/issues/:itemId/retry', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Try again to create an issue whose creation failed', params: TrackerItemParams, response: { 200: TrackerIssueSchema.properties.link, ...problemResponses } },
  }, async (request) => service.retryIssue(store, ctx.jobs, actorOf(request), request.params.itemId));

  void app.register(async (plain) => {
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    // Signatures cover the exact bytes: keep them, and parse only after verifying.
    scope.removeContentTypeParser(['application/json', 'text/plain']);
    scope.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: config.bodyLimitBytes }, (request, text, done) => {
      rawBodies.set(request, text as string);
      done(null, text);
    });
    const options = { config: { access: 'public' as const } };
    const responses = { 200: WebhookAnswerSchema, 202: WebhookAnswerSchema, ...problemResponses };

    async function opened(provider: 'github' | 'jira') {
      const tracker = await service.openTracker(store.db, config);
      if (!tracker || tracker.row.provider !== provider) throw refused(`no ${provider} tracker is configured`);
      return tracker;
    }

    scope.post('/api/v1/tracker/webhooks/github', { ...options, schema: { tags, summary: 'GitHub `issues` webhooks (signed with X-Hub-Signature-256): closing an issue closes its action item, reopening reopens it', response: responses } }, async (request, reply) => {
      const raw = rawBodies.get(request) ?? '';
      const tracker = await opened('github');
      if (!(await signatureValid(tracker.webhookSecret, raw, header(request, 'x-hub-signature-256')))) throw refused('X-Hub-Signature-256 is missing or does not match the body');
      const answer = await githubDelivery(store, { event: header(request, 'x-github-event'), delivery: header(request, 'x-github-delivery') }, raw);
      return reply.status(answer.outcome === 'ignored' ? 202 : 200).send(answer);
    });

    scope.post('/api/v1/tracker/webhooks/jira', { ...options, schema: { tags, summary: 'Jira Cloud issue-updated webhooks (admin webhook with a secret: X-Hub-Signature): a done status closes the action item, leaving done reopens it', response: responses } }, async (request, reply) => {
      const raw = rawBodies.get(request) ?? '';
      const tracker = await opened('jira');
      const signature = header(request, 'x-hub-signature');
      if (!(await signatureValid(tracker.webhookSecret, raw, signature))) throw refused('X-Hub-Signature is missing or does not match the body');
      const answer = await jiraDelivery(store, (tracker.settings as JiraSettings).siteUrl, header(request, 'x-atlassian-webhook-identifier'), signature!, raw);
      return reply.status(answer.outcome === 'ignored' ? 202 : 200).send(answer);
    });
  });
}
