import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, AppContext } from '../../app/context.js';
import { actorOf, requireIdentity, SESSION_COOKIE } from '../../http/access.js';
import { IdParams, problemResponses } from '../../http/schemas.js';
import * as service from './service.js';
import * as teams from './teams.js';
import { LoginThrottle } from './throttle.js';
import {
  CreatedTokenSchema,
  LoginBody,
  NewTeamBody,
  NewTokenBody,
  NewUserBody,
  SessionSchema,
  SetupBody,
  TeamMemberParams,
  TeamSchema,
  TokenSchema,
  UserChangesBody,
  UserSchema,
} from './schemas.js';

/** Readable by the web app (not HttpOnly) so it can echo it in the x-csrf-token header. */
const CSRF_COOKIE = 'firebreak_csrf';

function requestMeta(request: FastifyRequest): { ip: string; requestId: string } {
  return { ip: request.ip, requestId: String(request.id) };
}

function startSession(reply: FastifyReply, ctx: AppContext, session: service.SessionTokens) {
  const options = { path: '/', sameSite: 'strict' as const, secure: ctx.config.secureCookies, expires: new Date(session.expiresAt) };
  reply.setCookie(SESSION_COOKIE, session.sessionToken, { ...options, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...options, httpOnly: false });
  return { user: session.user, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
}

export function authRoutes(app: App, ctx: AppContext): void {
  const { store } = ctx;
  const tags = ['auth'];
  const throttle = new LoginThrottle();

  app.post('/api/v1/auth/setup', {
    config: { access: 'public' },
    schema: { tags, summary: 'Set the first admin password with the one-time setup token', body: SetupBody, response: { 200: SessionSchema, ...problemResponses } },
  }, async (request, reply) => {
    const { token, password, name } = request.body;
    return startSession(reply, ctx, await service.completeSetup(store, requestMeta(request), token, password, name));
  });

  app.post('/api/v1/auth/login', {
    config: { access: 'public' },
    schema: { tags, summary: 'Open a browser session', body: LoginBody, response: { 200: SessionSchema, ...problemResponses } },
  }, async (request, reply) => startSession(reply, ctx, await service.login(store, requestMeta(request), request.body.email, request.body.password, throttle)));

  app.post('/api/v1/auth/logout', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'End the current browser session', response: { 204: Type.Null(), ...problemResponses } },
  }, async (request, reply) => {
    await service.logout(store, actorOf(request), requireIdentity(request));
    reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/api/v1/users/me', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'The authenticated user', response: { 200: UserSchema, ...problemResponses } },
  }, async (request) => service.getUser(store.db, requireIdentity(request).userId));

  app.get('/api/v1/users', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'List users', response: { 200: Type.Object({ users: Type.Array(UserSchema) }) } },
  }, async () => ({ users: await service.listUsers(store.db) }));

  app.post('/api/v1/users', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Create a user', body: NewUserBody, response: { 201: UserSchema, ...problemResponses } },
  }, async (request, reply) => reply.status(201).send(await service.createUser(store, actorOf(request), request.body)));

  app.patch('/api/v1/users/:id', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'Change a user (yourself, or anyone as admin)', params: IdParams, body: UserChangesBody, response: { 200: UserSchema, ...problemResponses } },
  }, async (request) => service.updateUser(store, actorOf(request), request.params.id, request.body, requireIdentity(request).sessionId));

  app.get('/api/v1/tokens', {
    config: { access: 'viewer' },
    schema: {
      tags,
      summary: 'Your API tokens (all tokens with ?all=true, admins only)',
      querystring: Type.Object({ all: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
      response: { 200: Type.Object({ tokens: Type.Array(TokenSchema) }), ...problemResponses },
    },
  }, async (request) => ({ tokens: await service.listTokens(store.db, actorOf(request), request.query.all ?? false) }));

  app.post('/api/v1/tokens', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'Create an API token; the token is in this response only', body: NewTokenBody, response: { 201: CreatedTokenSchema, ...problemResponses } },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const { token, view } = await service.createToken(store, actor, {
      userId: request.body.userId ?? requireIdentity(request).userId,
      name: request.body.name,
      ...(request.body.expiresAt ? { expiresAt: request.body.expiresAt } : {}),
    });
    return reply.status(201).send({ ...view, token });
  });

  app.delete('/api/v1/tokens/:id', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'Revoke an API token', params: IdParams, response: { 200: TokenSchema, ...problemResponses } },
  }, async (request) => service.revokeToken(store, actorOf(request), request.params.id));

  app.get('/api/v1/teams', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'List teams', response: { 200: Type.Object({ teams: Type.Array(TeamSchema) }) } },
  }, async () => ({ teams: await teams.listTeams(store.db) }));

  app.post('/api/v1/teams', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Create a team', body: NewTeamBody, response: { 201: TeamSchema, ...problemResponses } },
  }, async (request, reply) => reply.status(201).send(await teams.createTeam(store, actorOf(request), request.body)));

  app.get('/api/v1/teams/:id', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'A team with its members', params: IdParams, response: { 200: TeamSchema, ...problemResponses } },
  }, async (request) => teams.getTeam(store.db, request.params.id));

  app.delete('/api/v1/teams/:id', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Delete a team', params: IdParams, response: { 204: Type.Null(), ...problemResponses } },
  }, async (request, reply) => {
    await teams.deleteTeam(store, actorOf(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.put('/api/v1/teams/:id/members/:userId', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Add a member to a team', params: TeamMemberParams, response: { 200: TeamSchema, ...problemResponses } },
  }, async (request) => teams.addMember(store, actorOf(request), request.params.id, request.params.userId));

  app.delete('/api/v1/teams/:id/members/:userId', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Remove a member from a team', params: TeamMemberParams, response: { 200: TeamSchema, ...problemResponses } },
  }, async (request) => teams.removeMember(store, actorOf(request), request.params.id, request.params.userId));
}
