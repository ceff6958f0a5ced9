import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../app/context.js';
import { actorOf, requireIdentity } from '../../http/access.js';
import { IdParams, problemResponses } from '../../http/schemas.js';
import { requireVisibleIncident, stateOf } from '../incidents/access.js';
import { IncidentParams } from '../incidents/schemas.js';
import { runbooksOfIncident } from './linked.js';
import { LinkedRunbooksSchema, NewRunbookBody, RotReportSchema, RunbookChangesBody, RunbookListQuery, RunbookSchema, RunbookSummarySchema, TemplateSchema, TestedBody } from './schemas.js';
import * as service from './service.js';
import { TEMPLATE_SECTIONS } from './template.js';
import { clockNow } from '../../clock.js';

export function runbookRoutes(app: App, ctx: AppContext): void {
  const { store } = ctx;
  const tags = ['runbooks'];
  const policy = service.rotPolicyOf(ctx.config);
  const deps = { store, jobs: ctx.jobs };

  app.get('/api/v1/runbooks', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'List runbooks by title, with their rot (filter by service id or name, or rotting)', querystring: RunbookListQuery, response: { 200: Type.Object({ runbooks: Type.Array(RunbookSummarySchema) }), ...problemResponses } },
  }, async (request) => ({
    runbooks: await service.listRunbooks(store.db, { service: request.query.service, rotting: request.query.rotting === undefined ? undefined : request.query.rotting === 'true' }, clockNow(), policy, requireIdentity(request)),
  }));

  app.get('/api/v1/runbooks/template', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'The one-screen first page a new runbook starts from', response: { 200: TemplateSchema, ...problemResponses } },
  }, async () => ({ ...service.template(), sections: [...TEMPLATE_SECTIONS] }));

  app.get('/api/v1/runbooks/rot', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'The rot report: rotting runbooks, worst first, each with its causes', response: { 200: RotReportSchema, ...problemResponses } },
  }, async (request) => service.rotReport(store.db, clockNow(), policy, requireIdentity(request)));

  app.post('/api/v1/runbooks', {
    config: { access: 'responder' },
    schema: { tags, summary: 'Create a runbook (the template body when none is given); its links are checked in the background', body: NewRunbookBody, response: { 201: RunbookSchema, ...problemResponses } },
  }, async (request, reply) => {
    const id = await service.createRunbook(deps, actorOf(request), request.body);
    return reply.status(201).send(await service.getRunbook(store.db, id, clockNow(), policy, requireIdentity(request)));
  });

  app.get('/api/v1/runbooks/:id', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'One runbook: Markdown, safe HTML, link checks and rot', params: IdParams, response: { 200: RunbookSchema, ...problemResponses } },
  }, async (request) => service.getRunbook(store.db, request.params.id, clockNow(), policy, requireIdentity(request)));

  app.patch('/api/v1/runbooks/:id', {
    config: { access: 'responder' },
    schema: { tags, summary: 'Change a runbook (title, body, owner, services, alert matchers)', params: IdParams, body: RunbookChangesBody, response: { 200: RunbookSchema, ...problemResponses } },
  }, async (request) => {
    await service.updateRunbook(deps, actorOf(request), request.params.id, request.body);
    return service.getRunbook(store.db, request.params.id, clockNow(), policy, requireIdentity(request));
  });

  app.delete('/api/v1/runbooks/:id', {
    config: { access: 'responder' },
    schema: { tags, summary: 'Delete a runbook', params: IdParams, response: { 204: Type.Null(), ...problemResponses } },
  }, async (request, reply) => {
    await service.deleteRunbook(store, actorOf(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.post('/api/v1/runbooks/:id/tested', {
    config: { access: 'responder' },
    // The body is optional: a bare POST (a button in the web app) records a test now.
    preValidation: async (request) => {
      if (request.body === undefined || request.body === null) request.body = {};
    },
    schema: { tags, summary: 'Record that you tested the runbook (not its author: 422 naming testedBy)', params: IdParams, body: TestedBody, response: { 200: RunbookSchema, ...problemResponses } },
  }, async (request) => {
    const now = clockNow();
    await service.markTested(store, actorOf(request), request.params.id, request.body, now);
    return service.getRunbook(store.db, request.params.id, now, policy, requireIdentity(request));
  });

  app.get('/api/v1/incidents/:id/runbooks', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'The runbooks of an incident: of its services and of the alerts attached to it (by label matchers), with their rot', params: IncidentParams, response: { 200: LinkedRunbooksSchema, ...problemResponses } },
  }, async (request) => {
    const row = await requireVisibleIncident(store.db, requireIdentity(request), request.params.id);
    return { incidentId: row.id, ref: row.ref, runbooks: await runbooksOfIncident(store.db, { id: row.id, services: stateOf(row).services }, clockNow(), policy) };
  });
}
