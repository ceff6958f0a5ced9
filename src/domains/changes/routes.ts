import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../app/context.js';
import { actorOf, requireIdentity } from '../../http/access.js';
import { IdParams, problemResponses } from '../../http/schemas.js';
import { recordRollback, suggestRollbacks } from './revert.js';
import { ChangeSourceChangesBody, ChangeListQuery, ChangeSchema, ChangeSourceSchema, NewChangeSourceBody, RollbackParams, RolledBackBody, SuggestedQuery, SuggestedRollbacksSchema } from './schemas.js';
import { IncidentParams } from '../incidents/schemas.js';
import * as service from './service.js';
import { clockNow } from '../../clock.js';

export function changesRoutes(app: App, ctx: AppContext): void {
  const { store } = ctx;
  const tags = ['changes'];

  app.get('/api/v1/changes', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'List change events, newest first (filter by service id or name, kind, start time)', querystring: ChangeListQuery, response: { 200: Type.Object({ changes: Type.Array(ChangeSchema) }), ...problemResponses } },
  }, async (request) => ({ changes: await service.listChanges(store.db, request.query) }));

  app.get('/api/v1/change-sources', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'List change sources (keys that post change events)', response: { 200: Type.Object({ sources: Type.Array(ChangeSourceSchema) }), ...problemResponses } },
  }, async () => ({ sources: await service.listChangeSources(store.db) }));

  app.post('/api/v1/change-sources', {
    config: { access: 'admin' },
    schema: {
      tags,
      summary: 'Create a change source; its key (shown once) opens /intake/changes/{key} and is the GitHub webhook secret',
      body: NewChangeSourceBody,
      response: { 201: Type.Object({ source: ChangeSourceSchema, key: Type.String(), intakePaths: Type.Array(Type.String()) }), ...problemResponses },
    },
  }, async (request, reply) => {
    const { source, key } = await service.createChangeSource(store, actorOf(request), request.body);
    return reply.status(201).send({ source, key, intakePaths: [`/intake/changes/${key}`, `/intake/changes/${key}/github`, `/intake/changes/${key}/argocd`] });
  });

  app.patch('/api/v1/change-sources/:id', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Enable or disable a change source (a disabled key gets 403 at intake)', params: IdParams, body: ChangeSourceChangesBody, response: { 200: ChangeSourceSchema, ...problemResponses } },
  }, async (request) => service.setChangeSourceEnabled(store, actorOf(request), request.params.id, request.body.enabled));

  app.get('/api/v1/incidents/:id/suggested-rollbacks', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'Revert first: recent changes to the incident’s services and their dependencies, ranked, with a rollback safety checklist', params: IncidentParams, querystring: SuggestedQuery, response: { 200: SuggestedRollbacksSchema, ...problemResponses } },
  }, async (request) => suggestRollbacks(store.db, requireIdentity(request), request.params.id, request.query.hours));

  app.post('/api/v1/incidents/:id/suggested-rollbacks/:changeId/rolled-back', {
    config: { access: 'responder' },
    // The body is optional: a bare POST (a button in the web app) takes the defaults.
    preValidation: async (request) => {
      if (request.body === undefined || request.body === null) request.body = {};
    },
    schema: { tags, summary: 'Record that a suggested change was rolled back (writes mitigation_started with its expected signal)', params: RollbackParams, body: RolledBackBody, response: { 201: Type.Object({ seq: Type.Integer(), kind: Type.String(), body: Type.Unknown() }), ...problemResponses } },
  }, async (request, reply) => {
    const event = await recordRollback(store, ctx, actorOf(request), request.params.id, request.params.changeId, request.body, clockNow());
    return reply.status(201).send({ seq: event.seq, kind: event.kind, body: event.body });
  });
}
