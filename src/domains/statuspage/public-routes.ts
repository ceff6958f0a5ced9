/**
 * Public status page routes: HTML, Statuspage-compatible JSON, feeds and the
 * subscription links. Pages are served from the in-memory read model only;
 * nothing here reads the database except the subscription forms, which write.
 * The first page answers at /status, the others at /status/<slug>, and a page
 * with a host name also at / of that host (chosen by the Host header).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../app/context.js';
import { isDomainError } from '../../errors.js';
import type { Db } from '../../db/schema.js';
import { identify } from '../../http/access.js';
import { renderMessageHtml } from './html.js';
import { HOUR_MS, WindowLimits } from '../../http/window-limits.js';
import { answerFor, BY_PATH, RESOURCES, serveFromFrontDoor } from './public-answer.js';
import type { PageResource, StatusReadModel } from './read-model.js';
import { SubscribeBody, TokenQuery } from './schemas.js';
import type { PageSnapshot } from './snapshot.js';
import { confirmSubscription, subscribeByEmail, unsubscribe } from './subscribers.js';

function notFoundPage(reply: FastifyReply): FastifyReply {
  return reply.code(404).type('text/html; charset=utf-8').send(renderMessageHtml('Page not found', 'There is no status page here.'));
}

/**
 * Sends one rendered resource with its validators; 304 when the client has it.
 * Public pages never touch the database here; an internal page first checks
 * that the reader is signed in (one session or token lookup).
 */
async function serve(model: StatusReadModel, db: Db, request: FastifyRequest, reply: FastifyReply, snapshot: PageSnapshot | undefined, resource: PageResource, base: string): Promise<FastifyReply> {
  const internal = snapshot !== undefined && snapshot.page.visibility !== 'public';
  if (internal && !(await identify(db, request))) {
    return reply.code(401).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(renderMessageHtml('Sign in to see this page', `${snapshot.page.name} is an internal status page: sign in to Firebreak, then reload.`));
  }
  const answer = answerFor(model, snapshot, resource, base, request.headers['if-none-match'], internal);
  if (!answer) {
    if (!model.loaded) return reply.code(503).header('retry-after', '1').type('text/plain').send('status page loading');
    return notFoundPage(reply);
  }
  return reply.code(answer.status).headers(answer.headers).send(answer.body);
}

export function statusPublicRoutes(app: App, ctx: AppContext, model: StatusReadModel): void {
  const tags = ['status page'];
  const schema = { tags, hide: true };

  for (const [path, resource] of RESOURCES) {
    app.get(`/status${path}`, { config: { access: 'public' }, schema }, async (request, reply) => serve(model, ctx.store.db, request, reply, model.defaultPage(), resource, '/status'));
    app.get(`/status/:slug${path}`, { config: { access: 'public' }, schema: { ...schema, params: Type.Object({ slug: Type.String({ maxLength: 60 }) }) } }, async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const snapshot = model.bySlugOrDefault(slug);
      // The first page lives at /status; /status/<its slug> shows it too.
      return serve(model, ctx.store.db, request, reply, snapshot, resource, snapshot === model.defaultPage() ? '/status' : `/status/${slug}`);
    });
  }

  // The hot path: whole answers from memory before Fastify's pipeline (src/http/front-door.ts).
  app.frontDoor.add((request, response) => serveFromFrontDoor(model, request, response));

  // A page with its own host name answers at / of that host, whatever routes the main host has there.
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    const snapshot = model.forHost(request.hostname.toLowerCase());
    if (!snapshot) return;
    const resource = BY_PATH.get(request.url.split('?')[0]!);
    if (!resource) return;
    return serve(model, ctx.store.db, request, reply, snapshot, resource, '');
  });

  // Each subscription mails its recipient: limited per source address and per recipient.
  const sends = new WindowLimits();
  const subscribeRules = {
    address: { what: 'subscriptions from this address', limit: ctx.config.subscribePerAddressPerHour, windowMs: HOUR_MS },
    recipient: { what: 'confirmation mails to this email address', limit: ctx.config.subscribePerRecipientPerHour, windowMs: HOUR_MS },
  };

  void app.register(async (scope) => {
    // The subscription forms post as HTML forms do; only these routes read that encoding.
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_request, body, done) => {
      const params = new URLSearchParams(body as string);
      const fields: Record<string, string | string[]> = {};
      for (const key of new Set(params.keys())) {
        const values = params.getAll(key);
        fields[key] = key === 'components' ? values : values[0]!;
      }
      done(null, fields);
    });
    // RFC 8058 allows the one-click POST as multipart too; its body carries nothing we need.
    scope.addContentTypeParser('multipart/form-data', { parseAs: 'string', bodyLimit: 4096 }, (_request, _body, done) => done(null, {}));
    const pageOf = (slug: string | undefined) => (slug === undefined ? model.defaultPage() : model.bySlugOrDefault(slug));
    const prefixes: Array<[string, boolean]> = [['/status', false], ['/status/:slug', true]];
    for (const [prefix, hasSlug] of prefixes) {
      const params = hasSlug ? { params: Type.Object({ slug: Type.String({ maxLength: 60 }) }) } : {};
      const slugOf = (request: FastifyRequest) => (hasSlug ? (request.params as { slug: string }).slug : undefined);

      scope.post(`${prefix}/subscribe`, { config: { access: 'public' }, schema: { tags, summary: 'Subscribe by email (double opt-in)', body: SubscribeBody, ...params } }, async (request, reply) => {
        const page = pageOf(slugOf(request));
        if (!page || page.page.visibility !== 'public') return notFoundPage(reply);
        const body = request.body as { email: string; components?: string | string[] };
        sends.take('too-many-subscriptions', [
          { key: `address:${request.ip}`, rule: subscribeRules.address },
          { key: `recipient:${body.email.trim().toLowerCase()}`, rule: subscribeRules.recipient },
        ]);
        const components = body.components === undefined ? undefined : [body.components].flat();
        await subscribeByEmail(ctx.store, ctx, page.page.id, body.email, components);
        if (request.headers['content-type']?.startsWith('application/json')) return reply.code(202).send({ status: 'confirmation_sent' });
        return reply.code(202).type('text/html; charset=utf-8').send(renderMessageHtml('Check your email', `We sent a confirmation link to ${body.email}. Nothing will be sent until you confirm.`));
      });

      scope.get(`${prefix}/subscriptions/confirm`, { config: { access: 'public' }, schema: { tags, querystring: TokenQuery, ...params } }, async (request, reply) =>
        // A GET only shows the button: mail scanners follow links, and must not confirm for the reader.
        reply.type('text/html; charset=utf-8').send(renderMessageHtml('Confirm your subscription', 'Press the button to start receiving status updates.', { action: request.url, button: 'Confirm subscription', fields: {} })),
      );
      scope.post(`${prefix}/subscriptions/confirm`, { config: { access: 'public' }, schema: { tags, querystring: TokenQuery, ...params } }, async (request, reply) => {
        try {
          const name = await confirmSubscription(ctx.store, (request.query as { token: string }).token);
          return reply.type('text/html; charset=utf-8').send(renderMessageHtml('Subscription confirmed', `You will receive ${name} status updates by email.`));
        } catch (err) {
          if (isDomainError(err, 'not_found')) return reply.code(404).type('text/html; charset=utf-8').send(renderMessageHtml('Link not valid', 'This confirmation link is not valid or the subscription has ended.'));
          throw err;
        }
      });

      scope.get(`${prefix}/subscriptions/unsubscribe`, { config: { access: 'public' }, schema: { tags, querystring: TokenQuery, ...params } }, async (request, reply) =>
        reply.type('text/html; charset=utf-8').send(renderMessageHtml('Unsubscribe', 'Press the button to stop receiving status updates.', { action: request.url, button: 'Unsubscribe', fields: { 'List-Unsubscribe': 'One-Click' } })),
      );
      // RFC 8058 one-click: the mail client POSTs "List-Unsubscribe=One-Click" to the URL in the header.
      scope.post(`${prefix}/subscriptions/unsubscribe`, { config: { access: 'public' }, schema: { tags, querystring: TokenQuery, ...params } }, async (request, reply) => {
        try {
          await unsubscribe(ctx.store, (request.query as { token: string }).token);
        } catch (err) {
          if (isDomainError(err, 'not_found')) return reply.code(404).type('text/html; charset=utf-8').send(renderMessageHtml('Link not valid', 'This unsubscribe link is not valid.'));
          throw err;
        }
        return reply.type('text/html; charset=utf-8').send(renderMessageHtml('Unsubscribed', 'You will not receive further status updates.'));
      });
    }
  });
}
