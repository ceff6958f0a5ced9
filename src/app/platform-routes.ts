import { Type } from '@sinclair/typebox';
import type { App, AppContext } from './context.js';

/** Health, readiness, metrics and the OpenAPI document. */
export function registerPlatformRoutes(app: App, ctx: AppContext): void {
  app.get('/healthz', { config: { access: 'public' }, schema: { hide: true } }, async () => ({ status: 'ok' }));

  let migrated = false;
  app.get('/readyz', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    try {
      await ctx.store.ping();
      // Once migrated, a process stays migrated: only reachability needs re-checking.
      migrated ||= await ctx.store.isMigrated();
      if (!migrated) return reply.status(503).send({ status: 'unready', reason: 'database migrations pending' });
      return { status: 'ready', database: ctx.store.dialect };
    } catch (err) {
      ctx.logger.warn({ err }, 'readiness check failed');
      return reply.status(503).send({ status: 'unready', reason: 'database unreachable' });
    }
  });

  app.get('/metrics', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    const body = await ctx.metrics.registry.metrics();
    return reply.type(ctx.metrics.registry.contentType).send(body);
  });

  app.get(
    '/api/v1/openapi.json',
    { config: { access: 'public' }, schema: { hide: true, response: { 200: Type.Object({}, { additionalProperties: true }) } } },
    async () => app.swagger(),
  );
}
