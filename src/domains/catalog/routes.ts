import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../app/context.js';
import { actorOf } from '../../http/access.js';
import { IdParams, problemResponses } from '../../http/schemas.js';
import * as service from './service.js';
import { NewServiceBody, ServiceChangesBody, ServiceListQuery, ServiceSchema } from './schemas.js';

export function catalogRoutes(app: App, ctx: AppContext): void {
  const { store } = ctx;
  const tags = ['catalog'];

  app.get('/api/v1/services', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'List services', querystring: ServiceListQuery, response: { 200: Type.Object({ services: Type.Array(ServiceSchema) }), ...problemResponses } },
  }, async (request) => ({ services: await service.withPagingReach(store.db, ctx.config, await service.listServices(store.db, request.query)) }));

  app.post('/api/v1/services', {
    config: { access: 'responder' },
    schema: { tags, summary: 'Create a service', body: NewServiceBody, response: { 201: ServiceSchema, ...problemResponses } },
  }, async (request, reply) => reply.status(201).send(await service.createService(store, actorOf(request), request.body)));

  app.get('/api/v1/services/:id', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'A service', params: IdParams, response: { 200: ServiceSchema, ...problemResponses } },
  }, async (request) => (await service.withPagingReach(store.db, ctx.config, [await service.getService(store.db, request.params.id)]))[0]);

  app.patch('/api/v1/services/:id', {
    config: { access: 'responder' },
    schema: { tags, summary: 'Change a service (dependsOn replaces its dependencies; cycles are refused)', params: IdParams, body: ServiceChangesBody, response: { 200: ServiceSchema, ...problemResponses } },
  }, async (request) => service.updateService(store, actorOf(request), request.params.id, request.body));

  app.delete('/api/v1/services/:id', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Delete a service with its integrations and alert history', params: IdParams, response: { 204: Type.Null(), ...problemResponses } },
  }, async (request, reply) => {
    await service.deleteService(store, actorOf(request), request.params.id);
    return reply.status(204).send(null);
  });
}
