/** The status page admin API: pages, components, maintenance, subscribers, templates and update channels. */
import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../app/context.js';
import { actorOf, requireIdentity } from '../../http/access.js';
import { Email, IdParams, problemResponses } from '../../http/schemas.js';
import * as comms from './comms.js';
import { getDraft } from './drafts.js';
import { PublicFaceSchema, publicFaceOf } from './public-face.js';
import * as maintenance from './maintenance.js';
import {
  ComponentChangesBody,
  ComponentSchema,
  ComponentStatusBody,
  DraftQuery,
  DraftSchema,
  MaintenanceChangesBody,
  MaintenanceSchema,
  NewComponentBody,
  NewMaintenanceBody,
  NewPageBody,
  PageChangesBody,
  PageSchema,
  SubscriberSchema,
  TemplatesBody,
  TemplatesSchema,
  WebhookSubscriberBody,
} from './schemas.js';
import * as service from './service.js';
import * as subscribers from './subscribers.js';

const ChannelsSchema = Type.Object(
  {
    emails: Type.Array(Email, { maxItems: 100 }),
    slackWebhookUrls: Type.Array(Type.String({ pattern: '^https?://[^\\s\\x00]+$', maxLength: 2000 }), { maxItems: 20 }),
    bridgeUrl: Type.Optional(Type.Union([Type.String({ pattern: '^https?://[^\\s\\x00]+$', maxLength: 2000, description: 'The standing incident bridge (call or chat room) the declaration template quotes' }), Type.Null()])),
  },
  { additionalProperties: false },
);

export function statusAdminRoutes(app: App, ctx: AppContext): void {
  const { store } = ctx;
  const tags = ['status page'];
  const NoContent = { 204: Type.Null(), ...problemResponses };

  app.get('/api/v1/status-pages', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'List status pages', response: { 200: Type.Object({ pages: Type.Array(PageSchema) }), ...problemResponses } },
  }, async () => ({ pages: await service.listPages(store.db, ctx.config) }));

  app.post('/api/v1/status-pages', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Add a status page', body: NewPageBody, response: { 201: PageSchema, ...problemResponses } },
  }, async (request, reply) => reply.status(201).send(await service.createPage(store, ctx, actorOf(request), request.body)));

  app.get('/api/v1/status-pages/:id', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'A status page', params: IdParams, response: { 200: PageSchema, ...problemResponses } },
  }, async (request) => service.getPage(store.db, ctx.config, request.params.id));

  app.patch('/api/v1/status-pages/:id', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Change a status page (name, slug, host, branding, time zone)', params: IdParams, body: PageChangesBody, response: { 200: PageSchema, ...problemResponses } },
  }, async (request) => service.updatePage(store, ctx, actorOf(request), request.params.id, request.body));

  app.delete('/api/v1/status-pages/:id', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Delete a status page', params: IdParams, response: NoContent },
  }, async (request, reply) => {
    await service.deletePage(store, ctx, actorOf(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.get('/api/v1/status-pages/:id/components', {
    config: { access: 'viewer' },
    schema: { tags, summary: "A page's components", params: IdParams, response: { 200: Type.Object({ components: Type.Array(ComponentSchema) }), ...problemResponses } },
  }, async (request) => ({ components: await service.listComponents(store.db, request.params.id) }));

  app.post('/api/v1/status-pages/:id/components', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Add a component or group', params: IdParams, body: NewComponentBody, response: { 201: ComponentSchema, ...problemResponses } },
  }, async (request, reply) => reply.status(201).send(await service.createComponent(store, ctx, actorOf(request), request.params.id, request.body)));

  app.patch('/api/v1/status-components/:id', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Change a component', params: IdParams, body: ComponentChangesBody, response: { 200: ComponentSchema, ...problemResponses } },
  }, async (request) => service.updateComponent(store, ctx, actorOf(request), request.params.id, request.body));

  app.delete('/api/v1/status-components/:id', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Delete a component', params: IdParams, response: NoContent },
  }, async (request, reply) => {
    await service.deleteComponent(store, ctx, actorOf(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.put('/api/v1/status-components/:id/status', {
    config: { access: 'responder' },
    schema: { tags, summary: "Set a component's state (recorded in its history)", params: IdParams, body: ComponentStatusBody, response: { 200: ComponentSchema, ...problemResponses } },
  }, async (request) => service.setComponentStatus(store, ctx, actorOf(request), request.params.id, request.body.status));

  app.get('/api/v1/status-pages/:id/maintenances', {
    config: { access: 'viewer' },
    schema: { tags, summary: "A page's maintenance windows", params: IdParams, response: { 200: Type.Object({ maintenances: Type.Array(MaintenanceSchema) }), ...problemResponses } },
  }, async (request) => ({ maintenances: await maintenance.listMaintenances(store, request.params.id) }));

  app.post('/api/v1/status-pages/:id/maintenances', {
    config: { access: 'responder' },
    schema: { tags, summary: 'Schedule maintenance', params: IdParams, body: NewMaintenanceBody, response: { 201: MaintenanceSchema, ...problemResponses } },
  }, async (request, reply) => reply.status(201).send(await maintenance.scheduleMaintenance(store, ctx, actorOf(request), request.params.id, request.body)));

  app.patch('/api/v1/status-maintenances/:id', {
    config: { access: 'responder' },
    schema: { tags, summary: 'Rename, move or cancel maintenance', params: IdParams, body: MaintenanceChangesBody, response: { 200: MaintenanceSchema, ...problemResponses } },
  }, async (request) => maintenance.changeMaintenance(store, ctx, actorOf(request), request.params.id, request.body));

  app.get('/api/v1/status-pages/:id/subscribers', {
    config: { access: 'admin' },
    schema: { tags, summary: "A page's subscribers", params: IdParams, response: { 200: Type.Object({ subscribers: Type.Array(SubscriberSchema) }), ...problemResponses } },
  }, async (request) => ({ subscribers: await subscribers.listSubscribers(store.db, request.params.id) }));

  app.post('/api/v1/status-pages/:id/subscribers', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Add a webhook subscriber', params: IdParams, body: WebhookSubscriberBody, response: { 201: SubscriberSchema, ...problemResponses } },
  }, async (request, reply) => reply.status(201).send(await subscribers.addWebhookSubscriber(store, actorOf(request), request.params.id, request.body)));

  app.delete('/api/v1/status-subscribers/:id', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Remove a subscriber', params: IdParams, response: NoContent },
  }, async (request, reply) => {
    await subscribers.removeSubscriber(store, actorOf(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.get('/api/v1/settings/update-templates', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'Update templates (Mustache)', response: { 200: TemplatesSchema, ...problemResponses } },
  }, async () => comms.getTemplates(store.db));

  app.put('/api/v1/settings/update-templates', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Edit update templates', body: TemplatesBody, response: { 200: TemplatesSchema, ...problemResponses } },
  }, async (request) => comms.setTemplates(store, actorOf(request), request.body));

  app.get('/api/v1/settings/update-channels', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Where internal updates go', response: { 200: ChannelsSchema, ...problemResponses } },
  }, async () => comms.getUpdateChannels(store.db));

  app.put('/api/v1/settings/update-channels', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Set where internal updates go', body: ChannelsSchema, response: { 200: ChannelsSchema, ...problemResponses } },
  }, async (request) => comms.setUpdateChannels(store, actorOf(request), request.body));

  app.get('/api/v1/incidents/:id/public-face', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'What the status page says about this incident now, and what would stop a public update from being published', params: Type.Object({ id: Type.String({ maxLength: 60 }) }), response: { 200: PublicFaceSchema, ...problemResponses } },
  }, async (request) => publicFaceOf(store.db, ctx.config, requireIdentity(request), request.params.id));

  app.get('/api/v1/incidents/:id/update-draft', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'A prefilled update from a template, to edit and post', params: Type.Object({ id: Type.String({ maxLength: 60 }) }), querystring: DraftQuery, response: { 200: DraftSchema, ...problemResponses } },
  }, async (request) => getDraft(store.db, requireIdentity(request), request.params.id, request.query.template));
}
