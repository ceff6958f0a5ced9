import type { FastifyRequest } from 'fastify';
import type { App, AppContext } from '../../app/context.js';
import { actorOf, requireIdentity } from '../../http/access.js';
import { Type } from '@sinclair/typebox';
import { problemResponses } from '../../http/schemas.js';
import { IncidentParams } from '../incidents/schemas.js';
import { postmortemMarkdown } from './markdown.js';
import { ActionItemParams, ActionItemPatchBody, ActionItemsQuery, NewActionItemBody, PostmortemPatchBody, PostmortemQuery } from './schemas.js';
import * as service from './service.js';

/** Response shapes are the service's view types (PostmortemView, ActionItemView); documented loosely for now. */
const Postmortem = Type.Unsafe<service.PostmortemView>({ type: 'object', additionalProperties: true, description: 'PostmortemView: status, owner, due date, sections, five whys, action items, blame findings and the draft from the timeline' });
const ActionItem = Type.Unsafe<service.ActionItemView>({ type: 'object', additionalProperties: true, description: 'ActionItemView' });
const ActionItems = Type.Object({ items: Type.Array(ActionItem) });
const Markdown = Type.String({ description: 'text/markdown' });

function wantsMarkdown(request: FastifyRequest, format: string | undefined): boolean {
  if (format) return format === 'markdown';
  return /text\/markdown/i.test(request.headers.accept ?? '');
}

export function postmortemRoutes(app: App, ctx: AppContext): void {
  const { store } = ctx;
  const tags = ['postmortems'];

  app.get('/api/v1/incidents/:id/postmortem', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'The incident’s postmortem with its draft from the timeline (Markdown with Accept: text/markdown or ?format=markdown)', params: IncidentParams, querystring: PostmortemQuery, response: { 200: Type.Union([Postmortem, Markdown]), ...problemResponses } },
  }, async (request, reply) => {
    const pm = await service.getPostmortem(store.db, requireIdentity(request), request.params.id);
    if (wantsMarkdown(request, request.query.format)) return reply.type('text/markdown; charset=utf-8').serializer((s: unknown) => String(s)).send(postmortemMarkdown(pm.draft) as never);
    return pm;
  });

  app.post('/api/v1/incidents/:id/postmortem', {
    config: { access: 'responder' },
    schema: { tags, summary: 'Open a postmortem (SEV1/SEV2 get one when they resolve)', params: IncidentParams, response: { 201: Postmortem, ...problemResponses } },
  }, async (request, reply) => reply.status(201).send(await service.createPostmortem(store, ctx, actorOf(request), request.params.id)));

  app.patch('/api/v1/incidents/:id/postmortem', {
    config: { access: 'responder' },
    schema: { tags, summary: 'Edit sections, five whys, owner, due date; move draft → in_review → published', params: IncidentParams, body: PostmortemPatchBody, response: { 200: Postmortem, ...problemResponses } },
  }, async (request) => service.updatePostmortem(store, ctx, actorOf(request), request.params.id, request.body));

  app.post('/api/v1/incidents/:id/postmortem/action-items', {
    config: { access: 'responder' },
    schema: { tags, summary: 'Add an action item (vague items are refused)', params: IncidentParams, body: NewActionItemBody, response: { 201: ActionItem, ...problemResponses } },
  }, async (request, reply) => reply.status(201).send(await service.addActionItem(store, ctx, actorOf(request), request.params.id, request.body)));

  app.patch('/api/v1/action-items/:itemId', {
    config: { access: 'responder' },
    schema: { tags, summary: 'Update an action item; closing needs an evidence link', params: ActionItemParams, body: ActionItemPatchBody, response: { 200: ActionItem, ...problemResponses } },
  }, async (request) => service.updateActionItem(store, ctx, actorOf(request), request.params.itemId, request.body));

  app.get('/api/v1/action-items', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'Open action items (?overdue=true: past due)', querystring: ActionItemsQuery, response: { 200: ActionItems, ...problemResponses } },
  }, async (request) => ({ items: await service.listActionItems(store.db, requireIdentity(request), request.query) }));
}
