import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/schema.js';
import { roleAtLeast, type Actor, type Identity, type Role } from '../domains/auth/identity.js';
import { identifyBySession, identifyByToken } from '../domains/auth/service.js';
import { hashSecret, sameDigest } from '../domains/auth/secrets.js';
import { forbidden, unauthorized } from '../errors.js';

/**
 * What a route requires. `public` routes authenticate by other means (health,
 * login, intake keys) or serve public data; the rest need an identity with at
 * least that role. Every route must declare one: registering a route without
 * it throws, so a forgotten declaration fails the test suite.
 */
export type Access = 'public' | Role;

export const SESSION_COOKIE = 'firebreak_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    identity: Identity | null;
  }
  interface FastifyInstance {
    /** Every route with its declared access, for permission-matrix tests and docs. */
    routeAccess: RouteAccess[];
  }
}

export interface RouteAccess {
  method: string;
  url: string;
  access: Access;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The access a route declared; throws for undeclared routes. */
export function declaredAccess(config: { access?: Access } | undefined, url: string): Access {
  const access = config?.access;
  if (!access) throw new Error(`route ${url} does not declare its access (config.access)`);
  return access;
}

/** Who sent the request (bearer token or session cookie), or null; throws 401 for a bad or unknown token. */
export async function identify(db: Db, request: FastifyRequest): Promise<Identity | null> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw unauthorized('the Authorization header must be "Bearer <token>"');
    const identity = await identifyByToken(db, match[1]!);
    if (!identity) throw unauthorized('the token is unknown, revoked or expired');
    return identity;
  }
  const sessionToken = request.cookies?.[SESSION_COOKIE];
  if (sessionToken) {
    const identity = await identifyBySession(db, sessionToken);
    return identity ?? null;
  }
  return null;
}

/** Cookie-authenticated writes must echo the session's CSRF token in a header a cross-site form cannot set. */
function checkCsrf(request: FastifyRequest, identity: Identity): void {
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || !identity.csrfTokenHash || !sameDigest(hashSecret(sent), identity.csrfTokenHash)) {
    throw forbidden(`cookie-authenticated requests that change data must send the ${CSRF_HEADER} header`);
  }
}

/** Resolves the identity and enforces each route's declared access, before the body is even parsed. */
export function registerAccessControl(app: FastifyInstance, db: Db): void {
  app.decorateRequest('identity', null);
  const table: RouteAccess[] = [];
  app.decorate('routeAccess', table);
  app.addHook('onRoute', (route) => {
    const access = declaredAccess(route.config as { access?: Access } | undefined, `${String(route.method)} ${route.url}`);
    for (const method of [route.method].flat()) table.push({ method, url: route.url, access });
  });
  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config as { access?: Access } | undefined;
    // Unmatched URLs reach the 404 handler, which has no declaration.
    if (request.is404) return;
    const access = declaredAccess(config, request.url);
    // Public routes authenticate by other means (intake keys, login): an Authorization
    // header meant for someone else (Grafana's basic auth, say) must not refuse them.
    if (access === 'public') return;
    const identity = await identify(db, request);
    request.identity = identity;
    if (!identity) throw unauthorized();
    if (identity.via === 'session' && !SAFE_METHODS.has(request.method)) checkCsrf(request, identity);
    if (!roleAtLeast(identity.role, access)) {
      throw forbidden(`this needs the ${access} role; you are ${identity.role}`);
    }
  });
}

/** The identity of an authenticated route (access control has already refused anonymous callers). */
export function requireIdentity(request: FastifyRequest): Identity {
  if (!request.identity) throw unauthorized();
  return request.identity;
}

/** The actor the audit log records for this request. */
export function actorOf(request: FastifyRequest): Actor {
  const identity = requireIdentity(request);
  return {
    userId: identity.userId,
    label: identity.email,
    role: identity.role,
    via: identity.via,
    ip: request.ip,
    requestId: String(request.id),
  };
}
