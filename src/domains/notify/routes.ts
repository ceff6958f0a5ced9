import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../app/context.js';
import { problemResponses } from '../../http/schemas.js';
import { getDelivery, listDeliveries } from './service.js';
import { DeliveryParams, DeliveryQuery, DeliverySchema } from './schemas.js';

export function notifyRoutes(app: App, ctx: AppContext): void {
  const tags = ['notifications'];

  app.get('/api/v1/deliveries', {
    config: { access: 'admin' },
    schema: {
      tags,
      summary: 'What was sent, to whom, and what the other side answered; newest first',
      querystring: DeliveryQuery,
      response: { 200: Type.Object({ deliveries: Type.Array(DeliverySchema), nextCursor: Type.Union([Type.String(), Type.Null()]) }), ...problemResponses },
    },
  }, async (request) => {
    const { limit, ...filter } = request.query;
    return listDeliveries(ctx.store.db, { ...filter, limit: limit ?? 50 });
  });

  app.get('/api/v1/deliveries/:id', {
    config: { access: 'admin' },
    schema: { tags, summary: 'One delivery with every attempt', params: DeliveryParams, response: { 200: DeliverySchema, ...problemResponses } },
  }, async (request) => getDelivery(ctx.store.db, request.params.id));
}
