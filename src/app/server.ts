import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext, App, DomainModule } from './context.js';
import { registerValidation } from '../http/validation.js';
import { registerErrorHandling } from '../http/errors.js';
import { registerInputScreening } from '../http/input.js';
import { registerAccessControl } from '../http/access.js';
import { instrumentHttp } from './metrics.js';
import { registerPlatformRoutes } from './platform-routes.js';
import { registerWebApp } from './web-app.js';
import { FrontDoor, REQUEST_ID } from '../http/front-door.js';
import { withClock } from '../clock.js';
import { StreamLimits } from '../http/stream-limits.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Handlers that answer hot public reads before the pipeline (src/http/front-door.ts). */
    frontDoor: FrontDoor;
  }
}


/** The policy of server-rendered HTML: inline styles, forms posting back here, nothing else. */
const HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' https: data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** Builds the HTTP server: edge plumbing first, then each domain's routes. */
export async function buildServer(ctx: AppContext, domains: readonly DomainModule[]): Promise<App> {
  const frontDoor = new FrontDoor();
  const app = Fastify({
    serverFactory: frontDoor.serverFactory({ maxConnections: ctx.config.maxConnections, headersTimeoutMs: ctx.config.headersTimeoutMs, requestTimeoutMs: ctx.config.requestTimeoutMs }),
    loggerInstance: ctx.logger as FastifyBaseLogger,
    bodyLimit: ctx.config.bodyLimitBytes,
    // A client may pass its own request id (to correlate across systems); anything odd is replaced.
    requestIdHeader: false,
    genReqId: (req) => {
      const sent = req.headers['x-request-id'];
      return typeof sent === 'string' && REQUEST_ID.test(sent) ? sent : randomUUID();
    },
    forceCloseConnections: 'idle',
    // Long junk path parameters (a pasted secret, say) get our 404 problem, not the router's bare 414.
    routerOptions: { maxParamLength: 1000 },
    return503OnClosing: true,
    trustProxy: false,
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Every request runs on the process's product clock; entered again before the handler because body parsing may leave the scope.
  app.addHook('onRequest', (_request, _reply, done) => withClock(ctx.clock, () => done()));
  app.addHook('preHandler', (_request, _reply, done) => withClock(ctx.clock, () => done()));
  registerValidation(app);
  registerErrorHandling(app);
  registerInputScreening(app, ctx.config.bodyLimitBytes, ctx.config.publicBodyLimitBytes);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Firebreak API', version: '1' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'firebreak_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
  });
  registerAccessControl(app, ctx.store.db);
  app.decorate('frontDoor', frontDoor);
  app.decorate('streamLimits', new StreamLimits(ctx.config));
  frontDoor.onServed(instrumentHttp(app, ctx.metrics.registry));
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // Answers carry private data and, for some routes, secrets shown once (tokens,
    // integration keys, sessions): no cache keeps them unless a route says otherwise.
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    // Every HTML answer (page links, subscription pages, error pages) runs no script and is never framed, unless its route set a stricter policy.
    if (String(reply.getHeader('content-type') ?? '').startsWith('text/html')) {
      if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', HTML_CSP);
      if (!reply.hasHeader('x-frame-options')) reply.header('x-frame-options', 'DENY');
      if (!reply.hasHeader('referrer-policy')) reply.header('referrer-policy', 'no-referrer');
    }
  });

  registerPlatformRoutes(app, ctx);
  for (const domain of domains) domain.routes?.(app, ctx);
  registerWebApp(app);
  await app.ready();
  return app;
}
