import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../app/context.js';
import { actorOf } from '../../http/access.js';
import { IdParams, problemResponses } from '../../http/schemas.js';
import { DrillChangesBody, DrillSchema, NewDrillBody, RunParams, RunReportSchema, RunSummarySchema, TrendSchema } from './schemas.js';
import * as service from './service.js';

export function drillsRoutes(app: App, ctx: AppContext): void {
  const { store } = ctx;
  const tags = ['drills'];

  app.get('/api/v1/drills', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'List drill scenarios', response: { 200: Type.Object({ drills: Type.Array(DrillSchema) }), ...problemResponses } },
  }, async () => ({ drills: await service.listDrills(store.db) }));

  app.post('/api/v1/drills', {
    config: { access: 'responder' },
    schema: { tags, summary: 'Create a drill scenario: a synthetic alert for a service’s integration, expected responders, goals and a schedule', body: NewDrillBody, response: { 201: DrillSchema, ...problemResponses } },
  }, async (request, reply) => reply.status(201).send(await service.createDrill(store, ctx, actorOf(request), request.body)));

  app.get('/api/v1/drills/:id', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'One drill scenario', params: IdParams, response: { 200: DrillSchema, ...problemResponses } },
  }, async (request) => service.getDrill(store.db, request.params.id));

  app.patch('/api/v1/drills/:id', {
    config: { access: 'responder' },
    schema: { tags, summary: 'Enable or disable a drill, or change its goals, responders or schedule', params: IdParams, body: DrillChangesBody, response: { 200: DrillSchema, ...problemResponses } },
  }, async (request) => service.updateDrill(store, ctx, actorOf(request), request.params.id, request.body));

  app.post('/api/v1/drills/:id/run-now', {
    config: { access: 'responder' },
    schema: { tags, summary: 'Fire the drill now through intake (its incident is a drill; its pages say DRILL)', params: IdParams, response: { 201: RunSummarySchema, ...problemResponses } },
  }, async (request, reply) => reply.status(201).send(await service.runDrillNow(store, ctx, actorOf(request), request.params.id)));

  app.get('/api/v1/drills/:id/runs', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'The drill’s runs, newest first', params: IdParams, response: { 200: Type.Object({ runs: Type.Array(RunSummarySchema) }), ...problemResponses } },
  }, async (request) => ({ runs: await service.listRuns(store.db, request.params.id) }));

  app.get('/api/v1/drills/:id/runs/:runId', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'A drill run’s report: when it fired, was acknowledged, had a shared picture, was mitigated and resolved; each goal met or missed', params: RunParams, response: { 200: RunReportSchema, ...problemResponses } },
  }, async (request) => service.getRunReport(store.db, request.params.id, request.params.runId));

  app.get('/api/v1/drills/:id/trend', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'Per goal, the measured values over the latest runs and how many met', params: IdParams, response: { 200: TrendSchema, ...problemResponses } },
  }, async (request) => service.getTrend(store.db, request.params.id));
}
