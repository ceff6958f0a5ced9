import type { FastifyRequest } from 'fastify';
import type { App, AppContext } from '../../app/context.js';
import { problemResponses } from '../../http/schemas.js';
import { requireIdentity } from '../../http/access.js';
import { metricsCsv } from './compute.js';
import { MetricsQuery, MetricsSchema } from './schemas.js';
import { incidentMetrics } from './service.js';
import { clockNow } from '../../clock.js';

function wantsCsv(request: FastifyRequest, format: string | undefined): boolean {
  if (format) return format === 'csv';
  return /text\/csv/i.test(request.headers.accept ?? '');
}

export function metricsRoutes(app: App, ctx: AppContext): void {
  app.get('/api/v1/metrics/incidents', {
    config: { access: 'viewer' },
    schema: {
      tags: ['metrics'],
      summary: 'Response metrics (median and p90 times, detection delay, update commitments kept, reminders) for incidents declared in [from, to); drills apart. CSV with Accept: text/csv or ?format=csv',
      querystring: MetricsQuery,
      response: { 200: MetricsSchema, ...problemResponses },
    },
  }, async (request, reply) => {
    const metrics = await incidentMetrics(ctx.store.db, request.query, clockNow(), requireIdentity(request));
    if (wantsCsv(request, request.query.format)) {
      return reply.type('text/csv; charset=utf-8').serializer((s: unknown) => String(s)).send(metricsCsv(metrics) as never);
    }
    return metrics;
  });
}
