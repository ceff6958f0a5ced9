import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../app/context.js';
import { actorOf, requireIdentity } from '../../http/access.js';
import { IdParams, problemResponses } from '../../http/schemas.js';
import * as integrations from './integrations.js';
import * as service from './service.js';
import * as silences from './silences.js';
import {
  AlertDetailSchema,
  AlertListQuery,
  AlertSchema,
  CreatedIntegrationSchema,
  GroupListQuery,
  JournalEntryParams,
  SetAsideEntrySchema,
  GroupSchema,
  IntegrationChangesBody,
  IntegrationSchema,
  MaintenanceParams,
  MaintenanceSchema,
  NewIntegrationBody,
  NewMaintenanceBody,
  NewSilenceBody,
  NoiseQuery,
  NoiseSchema,
  SilenceListQuery,
  SilenceSchema,
  TestAlertBody,
} from './schemas.js';

export function alertsRoutes(app: App, ctx: AppContext): void {
  const { store } = ctx;
  /** Alert reads see every request intake answered before them (read-your-writes over the journal). */
  const settled = async <T>(read: () => Promise<T>): Promise<T> => {
    await service.intakeSettled(ctx);
    return read();
  };
  const tags = ['alerts'];

  app.get('/api/v1/services/:id/integrations', {
    config: { access: 'viewer' },
    schema: { tags, summary: "A service's integrations (never their keys)", params: IdParams, response: { 200: Type.Object({ integrations: Type.Array(IntegrationSchema) }), ...problemResponses } },
  }, async (request) => ({ integrations: await integrations.listIntegrations(store.db, request.params.id) }));

  app.post('/api/v1/services/:id/integrations', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Add an integration; its key is in this response only', params: IdParams, body: NewIntegrationBody, response: { 201: CreatedIntegrationSchema, ...problemResponses } },
  }, async (request, reply) => {
    const { view, key, intakePath } = await integrations.createIntegration(store, actorOf(request), request.params.id, request.body, ctx.jobs);
    return reply.status(201).send({ ...view, key, intakeUrl: intakePath });
  });

  app.get('/api/v1/integrations/:id', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'An integration', params: IdParams, response: { 200: IntegrationSchema, ...problemResponses } },
  }, async (request) => integrations.getIntegration(store.db, request.params.id));

  app.patch('/api/v1/integrations/:id', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Rename, enable/disable, or change the mappings or grouping of an integration', params: IdParams, body: IntegrationChangesBody, response: { 200: IntegrationSchema, ...problemResponses } },
  }, async (request) => integrations.updateIntegration(store, actorOf(request), request.params.id, request.body, ctx.jobs));

  app.delete('/api/v1/integrations/:id', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Delete an integration and its alerts', params: IdParams, response: { 204: Type.Null(), ...problemResponses } },
  }, async (request, reply) => {
    await integrations.deleteIntegration(store, actorOf(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.get('/api/v1/alerts', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'List and filter alerts, most recently seen first', querystring: AlertListQuery, response: { 200: Type.Object({ alerts: Type.Array(AlertSchema) }), ...problemResponses } },
  }, async (request) => ({ alerts: await settled(() => service.listAlerts(store.db, { ...request.query, limit: request.query.limit ?? 100 }, requireIdentity(request))) }));

  app.get('/api/v1/alerts/journal/set-aside', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Intake requests set aside after failing to apply too often (oldest first, at most 500); their services moved on without them', response: { 200: Type.Object({ entries: Type.Array(SetAsideEntrySchema) }), ...problemResponses } },
  }, async () => ({
    entries: (await service.setAsideEntries(store.db, 500)).map((e) => ({
      id: e.id,
      serviceId: e.service_id,
      integrationId: e.integration_id,
      receivedAt: e.received_at,
      requestId: e.request_id,
      attempts: e.attempts,
      lastError: e.last_error,
      setAsideAt: e.set_aside_at,
      signals: e.signals,
    })),
  }));

  app.post('/api/v1/alerts/journal/set-aside/:id/replay', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Apply a set-aside intake request again (after fixing what made it fail); it goes back ahead of its service\'s pending requests', params: JournalEntryParams, response: { 204: Type.Null(), ...problemResponses } },
  }, async (request, reply) => {
    await service.replaySetAside(ctx, actorOf(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.get('/api/v1/alerts/noise', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'Noise report: alerts ranked by how often they fired and how rarely they led to action', querystring: NoiseQuery, response: { 200: NoiseSchema, ...problemResponses } },
  }, async (request) => service.noise(store.db, { ...request.query, limit: request.query.limit ?? 50 }, requireIdentity(request)));

  app.post('/api/v1/alerts/test', {
    config: { access: 'responder' },
    schema: { tags, summary: 'Fire (or resolve) a test alert through the intake pipeline', body: TestAlertBody, response: { 202: Type.Object({ dedupKey: Type.String(), alert: Type.Union([AlertSchema, Type.Null()]) }), ...problemResponses } },
  }, async (request, reply) => {
    const sent = await service.sendTestAlert(ctx, actorOf(request), request.body);
    return reply.status(202).send({ dedupKey: sent.dedupKey, alert: sent.alert ?? null });
  });

  app.get('/api/v1/alerts/:id', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'An alert with its latest payload and state-change history', params: IdParams, response: { 200: AlertDetailSchema, ...problemResponses } },
  }, async (request) => settled(() => service.getAlert(store.db, request.params.id, requireIdentity(request))));

  for (const [verb, to] of [['acknowledge', 'acknowledged'], ['resolve', 'resolved']] as const) {
    app.post(`/api/v1/alerts/:id/${verb}`, {
      config: { access: 'responder' },
      schema: { tags, summary: `${verb === 'acknowledge' ? 'Acknowledge' : 'Resolve'} an alert`, params: IdParams, response: { 200: AlertSchema, ...problemResponses } },
    }, async (request) => (await service.setAlertStatus(ctx, actorOf(request), [request.params.id], to))[0]!);

    app.post(`/api/v1/alert-groups/:id/${verb}`, {
      config: { access: 'responder' },
      schema: { tags, summary: `${verb === 'acknowledge' ? 'Acknowledge' : 'Resolve'} every open alert of a group`, params: IdParams, response: { 200: GroupSchema, ...problemResponses } },
    }, async (request) => service.setGroupStatus(ctx, actorOf(request), request.params.id, to));
  }

  app.get('/api/v1/alert-groups', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'List alert groups, newest first', querystring: GroupListQuery, response: { 200: Type.Object({ groups: Type.Array(GroupSchema) }), ...problemResponses } },
  }, async (request) => ({ groups: await settled(() => service.listGroups(store.db, { ...request.query, limit: request.query.limit ?? 100 }, requireIdentity(request))) }));

  app.get('/api/v1/alert-groups/:id', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'An alert group with its alerts', params: IdParams, response: { 200: Type.Composite([GroupSchema, Type.Object({ alerts: Type.Array(AlertSchema) })]), ...problemResponses } },
  }, async (request) => settled(() => service.getGroup(store.db, request.params.id, requireIdentity(request))));

  app.get('/api/v1/silences', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'List silences (?active=true for those in force or pending)', querystring: SilenceListQuery, response: { 200: Type.Object({ silences: Type.Array(SilenceSchema) }), ...problemResponses } },
  }, async (request) => ({ silences: await silences.listSilences(store.db, request.query.active) }));

  app.post('/api/v1/silences', {
    config: { access: 'responder' },
    schema: { tags, summary: 'Silence alerts matching every matcher (=, !=, =~, !~) between startsAt and endsAt', body: NewSilenceBody, response: { 201: SilenceSchema, ...problemResponses } },
  }, async (request, reply) => reply.status(201).send(await silences.createSilence(ctx, actorOf(request), request.body)));

  app.get('/api/v1/silences/:id', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'A silence', params: IdParams, response: { 200: SilenceSchema, ...problemResponses } },
  }, async (request) => silences.getSilence(store.db, request.params.id));

  app.delete('/api/v1/silences/:id', {
    config: { access: 'responder' },
    schema: { tags, summary: 'Expire a silence now (it stays on record)', params: IdParams, response: { 200: SilenceSchema, ...problemResponses } },
  }, async (request) => silences.expireSilence(ctx, actorOf(request), request.params.id));

  app.get('/api/v1/services/:id/maintenance', {
    config: { access: 'viewer' },
    schema: { tags, summary: "A service's maintenance windows", params: IdParams, response: { 200: Type.Object({ windows: Type.Array(MaintenanceSchema) }), ...problemResponses } },
  }, async (request) => ({ windows: await silences.listMaintenance(store.db, request.params.id) }));

  app.post('/api/v1/services/:id/maintenance', {
    config: { access: 'responder' },
    schema: { tags, summary: 'Schedule a maintenance window: alerts are stored but suppressed during it', params: IdParams, body: NewMaintenanceBody, response: { 201: MaintenanceSchema, ...problemResponses } },
  }, async (request, reply) => reply.status(201).send(await silences.createMaintenance(ctx, actorOf(request), request.params.id, request.body)));

  app.delete('/api/v1/services/:id/maintenance/:windowId', {
    config: { access: 'responder' },
    schema: { tags, summary: 'Cancel a maintenance window', params: MaintenanceParams, response: { 204: Type.Null(), ...problemResponses } },
  }, async (request, reply) => {
    await silences.deleteMaintenance(ctx, actorOf(request), request.params.id, request.params.windowId);
    return reply.status(204).send(null);
  });
}
