/** HTTP routes of on-call schedules, overrides and calendar feeds: parse, delegate, answer. */
import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../app/context.js';
import { actorOf } from '../../http/access.js';
import { problemResponses } from '../../http/schemas.js';
import * as service from './schedule-service.js';
import * as overrides from './overrides-service.js';
import * as feeds from './ical-service.js';
import {
  FeedFileParams, FeedSchema, NewFeedBody, NewFeedSchema, NewOverrideBody, NewScheduleBody, NowQuery, NowSchema, OverrideParams, OverrideSchema,
  RangeQuery, ScheduleChangesBody, ScheduleDetailSchema, ScheduleParams, ScheduleSchema, ShiftsSchema,
} from './schedule-schemas.js';
import { clockNow } from '../../clock.js';

const withDefaults = <T extends { restrictions?: service.ScheduleInput['layers'][number]['restrictions'] }>(layers: T[]) =>
  layers.map((l) => ({ ...l, restrictions: l.restrictions ?? [] }));

export function scheduleRoutes(app: App, ctx: AppContext): void {
  const { store } = ctx;
  const tags = ['oncall'];

  app.get('/api/v1/oncall/schedules', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'List on-call schedules with their layers', response: { 200: Type.Object({ schedules: Type.Array(ScheduleSchema) }), ...problemResponses } },
  }, async () => ({ schedules: await service.listSchedules(store.db) }));

  app.post('/api/v1/oncall/schedules', {
    config: { access: 'responder' },
    schema: { tags, summary: 'Create an on-call schedule (layers bottom first: a later layer wins during its hours)', body: NewScheduleBody, response: { 201: ScheduleSchema, ...problemResponses } },
  }, async (request, reply) => reply.status(201).send(await service.createSchedule(store, actorOf(request), { ...request.body, layers: withDefaults(request.body.layers) })));

  app.get('/api/v1/oncall/schedules/:schedule', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'A schedule, with the gaps in its next 14 days', params: ScheduleParams, response: { 200: ScheduleDetailSchema, ...problemResponses } },
  }, async (request) => {
    const schedule = await service.getSchedule(store.db, request.params.schedule);
    const upcomingGaps = await service.upcomingGaps(store.db, schedule.id, clockNow());
    return { ...schedule, upcomingGaps, warnings: upcomingGaps.length ? ['gaps'] : [] };
  });

  app.patch('/api/v1/oncall/schedules/:schedule', {
    config: { access: 'responder' },
    schema: { tags, summary: 'Change a schedule (layers, when given, replace all its layers)', params: ScheduleParams, body: ScheduleChangesBody, response: { 200: ScheduleSchema, ...problemResponses } },
  }, async (request) => {
    const { layers, ...rest } = request.body;
    return service.updateSchedule(store, actorOf(request), request.params.schedule, { ...rest, ...(layers ? { layers: withDefaults(layers) } : {}) });
  });

  app.delete('/api/v1/oncall/schedules/:schedule', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Delete a schedule with its overrides and feeds', params: ScheduleParams, response: { 204: Type.Null(), ...problemResponses } },
  }, async (request, reply) => {
    await service.deleteSchedule(store, actorOf(request), request.params.schedule);
    return reply.status(204).send(null);
  });

  app.get('/api/v1/oncall/schedules/:schedule/shifts', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'Final shifts (after layers and overrides) and gaps between two instants', params: ScheduleParams, querystring: RangeQuery, response: { 200: ShiftsSchema, ...problemResponses } },
  }, async (request) => {
    const { schedule, shifts, gaps } = await service.scheduleShifts(store.db, request.params.schedule, new Date(request.query.from), new Date(request.query.to));
    return { scheduleId: schedule.id, timeZone: schedule.timeZone, shifts, gaps };
  });

  app.get('/api/v1/oncall/now', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'Who is on call now (or at `at`) on every schedule or one', querystring: NowQuery, response: { 200: NowSchema, ...problemResponses } },
  }, async (request) => {
    const at = request.query.at ? new Date(request.query.at) : clockNow();
    return { at: at.toISOString(), onCall: await service.whoIsOnCall(store.db, at, request.query.schedule) };
  });

  app.get('/api/v1/oncall/schedules/:schedule/overrides', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'Overrides overlapping a range, oldest first', params: ScheduleParams, querystring: RangeQuery, response: { 200: Type.Object({ overrides: Type.Array(OverrideSchema) }), ...problemResponses } },
  }, async (request) => ({ overrides: await overrides.listOverrides(store.db, request.params.schedule, new Date(request.query.from), new Date(request.query.to)) }));

  app.post('/api/v1/oncall/schedules/:schedule/overrides', {
    config: { access: 'responder' },
    schema: { tags, summary: 'Replace a person for a range, or add one', params: ScheduleParams, body: NewOverrideBody, response: { 201: OverrideSchema, ...problemResponses } },
  }, async (request, reply) => reply.status(201).send(await overrides.createOverride(store, actorOf(request), request.params.schedule, request.body)));

  app.delete('/api/v1/oncall/schedules/:schedule/overrides/:overrideId', {
    config: { access: 'responder' },
    schema: { tags, summary: 'Remove an override', params: OverrideParams, response: { 204: Type.Null(), ...problemResponses } },
  }, async (request, reply) => {
    await overrides.deleteOverride(store, actorOf(request), request.params.schedule, request.params.overrideId);
    return reply.status(204).send(null);
  });

  app.post('/api/v1/oncall/feeds', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'Create a secret calendar feed of a schedule, or of a person’s shifts (oneself; admins for anyone)', body: NewFeedBody, response: { 201: NewFeedSchema, ...problemResponses } },
  }, async (request, reply) => reply.status(201).send(await feeds.createFeed(store, actorOf(request), request.body)));

  app.get('/api/v1/oncall/feeds', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'Calendar feeds you created or that show your shifts (admins: all)', response: { 200: Type.Object({ feeds: Type.Array(FeedSchema) }), ...problemResponses } },
  }, async (request) => ({ feeds: await feeds.listFeeds(store.db, actorOf(request)) }));

  app.delete('/api/v1/oncall/feeds/:id', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'Revoke a calendar feed: its URL stops working', params: Type.Object({ id: Type.String({ format: 'uuid' }) }), response: { 200: FeedSchema, ...problemResponses } },
  }, async (request) => feeds.revokeFeed(store, actorOf(request), request.params.id));

  app.get('/api/v1/oncall/ical/:file', {
    config: { access: 'public' },
    schema: { tags, summary: 'A calendar feed (text/calendar); the secret token in the URL is the credential', params: FeedFileParams, response: { 200: Type.String(), 404: problemResponses[404], 400: problemResponses[400] } },
  }, async (request, reply) => {
    const { body } = await feeds.renderFeed(store.db, request.params.file.slice(0, -'.ics'.length), clockNow());
    return reply.header('content-type', 'text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(body);
  });
}
