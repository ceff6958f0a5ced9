import type { FastifyRequest } from 'fastify';
import type { App, AppContext } from '../../app/context.js';
import { actorOf, requireIdentity } from '../../http/access.js';
import { Type } from '@sinclair/typebox';
import { problemResponses } from '../../http/schemas.js';
import { IncidentParams } from '../incidents/schemas.js';
import * as actionItems from './action-items.js';
import { postmortemDocument, postmortemHtml } from './render.js';
import { ActionItemSchema, CommentSchema, PostmortemListSchema, PostmortemSchema } from './responses.js';
import * as review from './review.js';
import { ActionItemParams, ActionItemPatchBody, ActionItemsQuery, CommentParams, NewActionItemBody, NewCommentBody, PostmortemPatchBody, PostmortemQuery, PostmortemsQuery } from './schemas.js';
import * as service from './service.js';

const ActionItems = Type.Object({ items: Type.Array(ActionItemSchema) });
const Document = Type.String({ description: 'text/markdown or text/html: the postmortem as a document (written sections over the facts of the log; HTML escapes everything people typed)' });

function documentFormat(request: FastifyRequest, format: string | undefined): 'json' | 'markdown' | 'html' {
  if (format === 'markdown' || format === 'html' || format === 'json') return format;
  const accept = request.headers.accept ?? '';
  if (/text\/markdown/i.test(accept)) return 'markdown';
  if (/text\/html/i.test(accept)) return 'html';
  return 'json';
}

export function postmortemRoutes(app: App, ctx: AppContext): void {
  const { store } = ctx;
  const tags = ['postmortems'];

  app.get('/api/v1/postmortems', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'Postmortems, newest first (a private incident’s only for its members and admins)', querystring: PostmortemsQuery, response: { 200: PostmortemListSchema, ...problemResponses } },
  }, async (request) => ({ postmortems: await service.listPostmortems(store.db, requireIdentity(request), request.query) }));

  app.get('/api/v1/incidents/:id/postmortem', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'The incident’s postmortem with its draft from the timeline (as a document with ?format=markdown|html or Accept: text/markdown|text/html)', params: IncidentParams, querystring: PostmortemQuery, response: { 200: Type.Union([PostmortemSchema, Document]), ...problemResponses } },
  }, async (request, reply) => {
    const pm = await service.getPostmortem(store.db, requireIdentity(request), request.params.id);
    const format = documentFormat(request, request.query.format);
    if (format === 'json') return pm;
    const [type, text] = format === 'html' ? ['text/html', postmortemHtml(pm)] : ['text/markdown', postmortemDocument(pm)];
    return reply.type(`${type}; charset=utf-8`).header('content-security-policy', "default-src 'none'").serializer((s: unknown) => String(s)).send(text as never);
  });

  app.post('/api/v1/incidents/:id/postmortem', {
    config: { access: 'responder' },
    schema: { tags, summary: 'Open a postmortem (SEV1/SEV2 get one when they resolve)', params: IncidentParams, response: { 201: PostmortemSchema, ...problemResponses } },
  }, async (request, reply) => reply.status(201).send(await service.createPostmortem(store, ctx, actorOf(request), request.params.id)));

  app.patch('/api/v1/incidents/:id/postmortem', {
    config: { access: 'responder' },
    schema: { tags, summary: 'Edit sections, five whys, owner, due date, reviewers, public summary; schedule the meeting (emails an .ics invitation to everyone who held a role); move draft → in_review → published', params: IncidentParams, body: PostmortemPatchBody, response: { 200: PostmortemSchema, ...problemResponses } },
  }, async (request) => service.updatePostmortem(store, ctx, actorOf(request), request.params.id, request.body));

  app.post('/api/v1/incidents/:id/postmortem/comments', {
    config: { access: 'responder' },
    schema: { tags, summary: 'Comment on one section of the postmortem (the anchor must exist)', params: IncidentParams, body: NewCommentBody, response: { 201: CommentSchema, ...problemResponses } },
  }, async (request, reply) => reply.status(201).send(await review.addComment(store, actorOf(request), request.params.id, request.body)));

  app.post('/api/v1/incidents/:id/postmortem/comments/:commentId/resolve', {
    config: { access: 'responder' },
    schema: { tags, summary: 'Resolve a review comment', params: CommentParams, response: { 200: CommentSchema, ...problemResponses } },
  }, async (request) => review.resolveComment(store, actorOf(request), request.params.id, request.params.commentId));

  app.post('/api/v1/incidents/:id/postmortem/action-items', {
    config: { access: 'responder' },
    schema: { tags, summary: 'Add an action item (vague items are refused)', params: IncidentParams, body: NewActionItemBody, response: { 201: ActionItemSchema, ...problemResponses } },
  }, async (request, reply) => reply.status(201).send(await actionItems.addActionItem(store, ctx, actorOf(request), request.params.id, request.body)));

  app.patch('/api/v1/action-items/:itemId', {
    config: { access: 'responder' },
    schema: { tags, summary: 'Update an action item; closing needs an evidence link', params: ActionItemParams, body: ActionItemPatchBody, response: { 200: ActionItemSchema, ...problemResponses } },
  }, async (request) => actionItems.updateActionItem(store, ctx, actorOf(request), request.params.itemId, request.body));

  app.get('/api/v1/action-items', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'Open action items (?overdue=true: past due)', querystring: ActionItemsQuery, response: { 200: ActionItems, ...problemResponses } },
  }, async (request) => ({ items: await actionItems.listActionItems(store.db, requireIdentity(request), request.query) }));
}
