/** HTTP routes of paging: escalation policies, escalations, pages into incidents, contact methods, rules, and the page links. */
import { HOUR_MS, WindowLimits } from '../../http/window-limits.js';
import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../app/context.js';
import { actorOf, requireIdentity } from '../../http/access.js';
import { problemResponses } from '../../http/schemas.js';
import { badRequest, isDomainError } from '../../errors.js';
import { actOnEscalation, actOnLink, previewLink } from './ack-links-service.js';
import { linkBase } from './ack-links.js';
import { burden } from './burden-service.js';
import * as contacts from './contact-service.js';
import * as escalations from './escalation-service.js';
import type { EscalationTarget } from './escalation-policy.js';
import { confirmationPage, resultPage } from './paging-html.js';
import { notSentReason } from '../notify/capabilities.js';
import {
  BurdenQuery,
  ContactMethodBody,
  ContactMethodSchema,
  EscalationAction,
  EscalationQuery,
  EscalationSchema,
  PageBody,
  PolicyBody,
  PolicyParams,
  PolicyPatch,
  PolicySchema,
  RulesBody,
  RuleSchema,
  TokenParams,
  LinkQuery,
  EscalationActionQuery,
  UserParams,
  VerifyBody,
} from './paging-schemas.js';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const HTML_STATUS: Record<string, number> = { not_found: 404, conflict: 409, forbidden: 403, invalid: 400 };

export function pagingRoutes(app: App, ctx: AppContext): void {
  const { store } = ctx;
  const tags = ['paging'];

  app.get('/api/v1/escalation-policies', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'Escalation policies', response: { 200: Type.Object({ policies: Type.Array(PolicySchema) }), ...problemResponses } },
  }, async () => ({ policies: await escalations.listPolicies(store.db) }));

  app.post('/api/v1/escalation-policies', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Create an escalation policy', body: PolicyBody, response: { 201: PolicySchema, ...problemResponses } },
  }, async (request, reply) => reply.status(201).send(await escalations.createPolicy(store, actorOf(request), request.body)));

  app.get('/api/v1/escalation-policies/:id', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'One escalation policy (by id or name)', params: PolicyParams, response: { 200: PolicySchema, ...problemResponses } },
  }, async (request) => escalations.getPolicy(store.db, request.params.id));

  app.patch('/api/v1/escalation-policies/:id', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Change an escalation policy; running escalations keep their snapshot', params: PolicyParams, body: PolicyPatch, response: { 200: PolicySchema, ...problemResponses } },
  }, async (request) => escalations.updatePolicy(store, actorOf(request), request.params.id, request.body));

  app.delete('/api/v1/escalation-policies/:id', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Delete an escalation policy', params: PolicyParams, response: { 204: Type.Null(), ...problemResponses } },
  }, async (request, reply) => {
    await escalations.deletePolicy(store, actorOf(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.get('/api/v1/escalations', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'Escalations, newest first', querystring: EscalationQuery, response: { 200: Type.Object({ escalations: Type.Array(EscalationSchema) }), ...problemResponses } },
  }, async (request) => {
    const { limit, ...filter } = request.query;
    return { escalations: await escalations.listEscalations(store.db, actorOf(request), { ...filter, limit: limit ?? 50 }) };
  });

  app.get('/api/v1/escalations/:id', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'One escalation with its policy snapshot and pages', params: IdParams, response: { 200: EscalationSchema, ...problemResponses } },
  }, async (request) => escalations.getEscalation(store.db, request.params.id, actorOf(request)));

  app.post('/api/v1/escalations/:id/:action', {
    config: { access: 'responder' },
    schema: { tags, summary: 'Acknowledge, resolve, or escalate now; `takeCommand=true` with acknowledge also takes command of the incident when nobody holds it', params: EscalationAction, querystring: EscalationActionQuery, response: { 200: EscalationSchema, ...problemResponses } },
  }, async (request) => {
    // A private incident's escalation does not exist for someone who cannot see the incident.
    await escalations.getEscalation(store.db, request.params.id, actorOf(request));
    await actOnEscalation(ctx, actorOf(request), request.params.id, request.params.action, { takeCommand: request.query.takeCommand === true });
    return escalations.getEscalation(store.db, request.params.id);
  });

  app.post('/api/v1/incidents/:id/pages', {
    config: { access: 'responder' },
    schema: {
      tags,
      summary: 'Page a person, a schedule or a team into an incident, with a reason (recorded on the timeline)',
      params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
      body: PageBody,
      response: { 201: EscalationSchema, ...problemResponses },
    },
  }, async (request, reply) => {
    const { userId, scheduleId, teamId, reason } = request.body;
    const named = [userId && { type: 'user', id: userId }, scheduleId && { type: 'schedule', id: scheduleId }, teamId && { type: 'team', id: teamId }].filter(Boolean) as EscalationTarget[];
    if (named.length !== 1) throw badRequest('name exactly one of userId, scheduleId or teamId', [{ field: 'userId', message: 'name exactly one target' }]);
    const paged = await escalations.pageIntoIncident(store, ctx, actorOf(request), request.params.id, named[0]!, reason);
    return reply.status(201).send(await escalations.getEscalation(store.db, paged.escalationId));
  });

  app.get('/api/v1/users/:id/contact-methods', {
    config: { access: 'viewer' },
    schema: { tags, summary: "A person's contact methods (theirs, or any for admins)", params: UserParams, response: { 200: Type.Object({ contactMethods: Type.Array(ContactMethodSchema) }), ...problemResponses } },
  }, async (request) => ({ contactMethods: await contacts.listContactMethods(store.db, actorOf(request), request.params.id) }));

  // Every code sent is a mail, an SMS or a call to someone: limited per person and per contact method.
  const codes = new WindowLimits();
  const codeRule = { what: 'verification codes', limit: ctx.config.sendCodePerHour, windowMs: HOUR_MS };

  app.post('/api/v1/users/:id/contact-methods', {
    config: { access: 'responder' },
    schema: { tags, summary: 'Add a contact method; a verification code is sent to it', params: UserParams, body: ContactMethodBody, response: { 201: ContactMethodSchema, ...problemResponses } },
  }, async (request, reply) => {
    codes.take('too-many-codes', [{ key: `user:${request.params.id}`, rule: { ...codeRule, limit: codeRule.limit * 2 } }]);
    const method = await contacts.addContactMethod(store, ctx.jobs, actorOf(request), { userId: request.params.id, ...request.body });
    return reply.status(201).send({ ...method, codeNotSent: notSentReason(ctx.config, method.kind) });
  });

  app.post('/api/v1/contact-methods/:id/verify', {
    config: { access: 'responder' },
    schema: { tags, summary: 'Verify a contact method with the code sent to it', params: IdParams, body: VerifyBody, response: { 200: ContactMethodSchema, ...problemResponses } },
  }, async (request) => contacts.verifyContactMethod(store, actorOf(request), request.params.id, request.body.code));

  app.post('/api/v1/contact-methods/:id/send-code', {
    config: { access: 'responder' },
    schema: { tags, summary: 'Send a new verification code', params: IdParams, response: { 200: ContactMethodSchema, ...problemResponses } },
  }, async (request) => {
    codes.take('too-many-codes', [
      { key: `method:${request.params.id}`, rule: codeRule },
      { key: `user:${requireIdentity(request).userId}`, rule: { ...codeRule, limit: codeRule.limit * 2 } },
    ]);
    const method = await contacts.resendCode(store, ctx.jobs, actorOf(request), request.params.id);
    return { ...method, codeNotSent: notSentReason(ctx.config, method.kind) };
  });

  app.delete('/api/v1/contact-methods/:id', {
    config: { access: 'responder' },
    schema: { tags, summary: 'Remove a contact method', params: IdParams, response: { 204: Type.Null(), ...problemResponses } },
  }, async (request, reply) => {
    await contacts.removeContactMethod(store, actorOf(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.get('/api/v1/users/:id/notification-rules', {
    config: { access: 'viewer' },
    schema: { tags, summary: "A person's notification rules", params: UserParams, response: { 200: Type.Object({ rules: Type.Array(RuleSchema) }), ...problemResponses } },
  }, async (request) => ({ rules: await contacts.listRules(store.db, actorOf(request), request.params.id) }));

  app.put('/api/v1/users/:id/notification-rules', {
    config: { access: 'responder' },
    schema: { tags, summary: "Replace a person's notification rules", params: UserParams, body: RulesBody, response: { 200: Type.Object({ rules: Type.Array(RuleSchema) }), ...problemResponses } },
  }, async (request) => ({ rules: await contacts.setRules(store, actorOf(request), request.params.id, request.body.rules) }));

  app.get('/api/v1/oncall/burden', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'On-call burden per person and team over a range: pages, at night, on weekends, nights interrupted, hours on call, time to acknowledge; ranked, with the spread', querystring: BurdenQuery },
  }, async (request) => burden(store.db, request.query));

  // The page's links: the token is the credential. GET only shows a button; POST acts.
  void app.register(async (scope) => {
    const links = scope as unknown as App;
    // A form's POST (and ntfy's HTTP action) carries no fields worth reading.
    links.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, _body, done) => done(null, {}));
    links.get('/p/:token', { config: { access: 'public' }, schema: { tags, summary: 'Confirmation page of a page link (changes nothing)', params: TokenParams } }, async (request, reply) => {
      try {
        const preview = await previewLink(store.db, request.params.token);
        return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').send(confirmationPage(preview));
      } catch (err) {
        if (!isDomainError(err)) throw err;
        return reply.status(HTML_STATUS[err.kind] ?? 400).type('text/html; charset=utf-8').send(resultPage('Link not usable', err.message));
      }
    });
    links.post('/p/:token', { config: { access: 'public' }, schema: { tags, summary: 'Act on a page link: acknowledge (with `take=command`, and take command), resolve or escalate now', params: TokenParams, querystring: LinkQuery } }, async (request, reply) => {
      try {
        const done = await actOnLink(ctx, request.params.token, { ip: request.ip, requestId: String(request.id) }, undefined, { takeCommand: request.query.take === 'command' });
        // Acknowledged from the page: the war room is where the shared picture is built (and command offered).
        const next = done.incidentRef && done.purpose === 'acknowledge' ? { label: `Open the war room of ${done.incidentRef}`, url: `${linkBase(ctx.config)}/incidents/${done.incidentRef}` } : undefined;
        return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(resultPage('Done', done.outcome, next));
      } catch (err) {
        if (!isDomainError(err)) throw err;
        return reply.status(HTML_STATUS[err.kind] ?? 400).type('text/html; charset=utf-8').send(resultPage('Link not usable', err.message));
      }
    });
  });
}
