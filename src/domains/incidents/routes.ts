import type { FastifyRequest } from 'fastify';
import type { App, AppContext } from '../../app/context.js';
import { actorOf, requireIdentity } from '../../http/access.js';
import { problemResponses } from '../../http/schemas.js';
import { stateAsOf } from './derive.js';
import { eventRequestDocSchema } from './event-docs.js';
import { handoffMarkdown } from './handoff.js';
import { compileStrict } from './validate.js';
import * as reads from './reads.js';
import * as service from './service.js';
import {
  AppendedEventSchema,
  AppendQuery,
  DryRunSchema,
  DeclareBody,
  EventsPage,
  EventsQuery,
  HandoffQuery,
  HandoffSchema,
  IncidentList,
  IncidentParams,
  IncidentStateSchema,
  ListQuery,
  NewEventBody,
  PolicyBody,
} from './schemas.js';
import { clockNow } from '../../clock.js';

const EVENT_REQUEST_DOC = eventRequestDocSchema();

function wantsMarkdown(request: FastifyRequest, format: string | undefined): boolean {
  if (format) return format === 'markdown';
  const accept = request.headers.accept ?? '';
  return /text\/markdown/i.test(accept) && !/application\/json/i.test(accept);
}

export function incidentRoutes(app: App, ctx: AppContext): void {
  const { store } = ctx;
  const tags = ['incidents'];

  app.post('/api/v1/incidents', {
    config: { access: 'responder' },
    schema: { tags, summary: 'Declare an incident', body: DeclareBody, response: { 201: IncidentStateSchema, ...problemResponses } },
  }, async (request, reply) => {
    const declared = await service.declareIncident(store, ctx, actorOf(request), request.body);
    return reply.status(201).send(await reads.getIncident(store.db, requireIdentity(request), declared.id));
  });

  app.get('/api/v1/incidents', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'List and search incidents, newest first', querystring: ListQuery, response: { 200: IncidentList, ...problemResponses } },
  }, async (request) => reads.listIncidents(store.db, requireIdentity(request), { ...request.query, limit: request.query.limit ?? 50 }));

  app.get('/api/v1/incidents/:id', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'An incident’s current state (by id or INC-42)', params: IncidentParams, response: { 200: IncidentStateSchema, ...problemResponses } },
  }, async (request) => reads.getIncident(store.db, requireIdentity(request), request.params.id));

  app.post('/api/v1/incidents/:id/events', {
    config: { access: 'responder' },
    schema: {
      tags,
      summary: 'Append one typed event to the timeline (?dryRun=true: show the result, write nothing)',
      description: 'The body is one of the event kinds below, chosen by `kind`; each has its own body schema and example. `firebreak incident kinds` lists the same.',
      params: IncidentParams,
      querystring: AppendQuery,
      body: EVENT_REQUEST_DOC as unknown as typeof NewEventBody,
      response: { 200: DryRunSchema, 201: AppendedEventSchema, ...problemResponses },
    },
    // The documented body is a union over kinds; validating it as one would report every branch's
    // failure. The generic envelope is checked here and the kind's body schema in the service.
    validatorCompiler: ({ schema, httpPart }) => compileStrict(httpPart === 'body' ? NewEventBody : schema),
  }, async (request, reply) => {
    const dryRun = request.query.dryRun === 'true';
    const result = await service.appendEvent(store, ctx, actorOf(request), request.params.id, request.body, { dryRun });
    if (dryRun) return reply.status(200).send({ dryRun: true, event: result.event, state: stateAsOf(result.state, new Date(result.event.recordedAt)), warnings: result.warnings });
    return reply.status(201).send({ ...result.event, warnings: result.warnings });
  });

  app.get('/api/v1/incidents/:id/events', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'Timeline events after a sequence number', params: IncidentParams, querystring: EventsQuery, response: { 200: EventsPage, ...problemResponses } },
  }, async (request) => reads.getEvents(store.db, requireIdentity(request), request.params.id, request.query.after ?? 0, request.query.limit ?? 200));

  app.get('/api/v1/incidents/:id/handoff', {
    config: { access: 'viewer' },
    schema: {
      tags,
      summary: 'Handoff summary generated from the state (JSON, or Markdown with Accept: text/markdown or ?format=markdown)',
      params: IncidentParams,
      querystring: HandoffQuery,
      response: { 200: HandoffSchema, ...problemResponses },
    },
  }, async (request, reply) => {
    const summary = await reads.getHandoff(store.db, requireIdentity(request), request.params.id, clockNow(), { maxUntestedDays: ctx.config.runbookMaxUntestedDays });
    if (wantsMarkdown(request, request.query.format)) {
      return reply.type('text/markdown; charset=utf-8').serializer((s: unknown) => String(s)).send(handoffMarkdown(summary) as never);
    }
    return summary;
  });

  app.get('/api/v1/settings/incident-policy', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'Severity definitions, response targets, update cadence and the default recovery checklist', response: { 200: PolicyBody, ...problemResponses } },
  }, async () => service.getIncidentPolicy(store.db));

  app.put('/api/v1/settings/incident-policy', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Replace the incident policy (new incidents snapshot it when declared)', body: PolicyBody, response: { 200: PolicyBody, ...problemResponses } },
  }, async (request) => service.setIncidentPolicy(store, actorOf(request), request.body));
}
