import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../app/context.js';
import { actorOf } from '../../http/access.js';
import { problemResponses } from '../../http/schemas.js';
import { CreatedWebhookSchema, DeliveriesQuery, NewWebhookBody, WebhookChangesBody, WebhookDeliverySchema, WebhookParams, WebhookSchema } from './schemas.js';
import * as service from './service.js';

export function hooksRoutes(app: App, ctx: AppContext): void {
  const { store } = ctx;
  const tags = ['incident webhooks'];

  app.get('/api/v1/incident-webhooks', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Outgoing incident webhooks (never their secrets)', response: { 200: Type.Object({ webhooks: Type.Array(WebhookSchema) }), ...problemResponses } },
  }, async () => ({ webhooks: await service.listWebhooks(store.db) }));

  app.post('/api/v1/incident-webhooks', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Subscribe a URL to incident facts as signed CloudEvents; the signing secret is in this response only', body: NewWebhookBody, response: { 201: CreatedWebhookSchema, ...problemResponses } },
  }, async (request, reply) => {
    const { view, secret } = await service.createWebhook(store, ctx.config, actorOf(request), request.body);
    return reply.status(201).header('cache-control', 'no-store').send({ ...view, secret });
  });

  app.get('/api/v1/incident-webhooks/:id', {
    config: { access: 'admin' },
    schema: { tags, summary: 'One outgoing incident webhook', params: WebhookParams, response: { 200: WebhookSchema, ...problemResponses } },
  }, async (request) => service.getWebhook(store.db, request.params.id));

  app.patch('/api/v1/incident-webhooks/:id', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Change, enable or disable an outgoing incident webhook', params: WebhookParams, body: WebhookChangesBody, response: { 200: WebhookSchema, ...problemResponses } },
  }, async (request) => service.updateWebhook(store, actorOf(request), request.params.id, request.body));

  app.delete('/api/v1/incident-webhooks/:id', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Delete an outgoing incident webhook and its delivery log', params: WebhookParams, response: { 204: Type.Null(), ...problemResponses } },
  }, async (request, reply) => {
    await service.deleteWebhook(store, actorOf(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.get('/api/v1/incident-webhooks/:id/deliveries', {
    config: { access: 'admin' },
    schema: { tags, summary: 'The delivery log: each event sent, its status and every attempt with the answer', params: WebhookParams, querystring: DeliveriesQuery, response: { 200: Type.Object({ deliveries: Type.Array(WebhookDeliverySchema) }), ...problemResponses } },
  }, async (request) => ({ deliveries: await service.webhookDeliveries(store.db, request.params.id, request.query.limit ?? 100) }));
}
