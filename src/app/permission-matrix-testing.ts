/** The shared loop of the per-domain permission matrices: each route tried without a token, as the role below its own and as its own. */
import assert from 'node:assert/strict';
import { roleAtLeast, ROLES, type Role } from '../domains/auth/identity.js';
import type { TestApp } from './testing.js';

export type RoleHeaders = Record<Role, { authorization: string }>;

export interface MatrixRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  /** The lowest role the route lets through. */
  needs: Role;
  /** A function when each request needs a fresh body (a unique name, say). */
  body?: Record<string, unknown> | (() => Record<string, unknown>);
  /** The status its own role gets when not 2xx (the request passed the permission check and was refused further in). */
  allowed?: number;
}

export interface MatrixOptions {
  /** The 403's detail names the role the route needs (default true). */
  refusalNamesRole?: boolean;
  /** Every role at or above the route's own is let through, not just its own (default false: a DELETE can succeed once). */
  everyRoleAbove?: boolean;
}

const BELOW: Record<Role, Role | undefined> = { viewer: undefined, responder: 'viewer', admin: 'responder' };

/** One user per role, with their Authorization headers and ids. */
export async function usersPerRole(t: TestApp): Promise<{ auth: RoleHeaders; ids: Record<Role, string> }> {
  const auth: Partial<RoleHeaders> = {};
  const ids: Partial<Record<Role, string>> = {};
  for (const role of ROLES) {
    const u = await t.user(role);
    auth[role] = u.auth;
    ids[role] = u.user.id;
  }
  return { auth: auth as RoleHeaders, ids: ids as Record<Role, string> };
}

/** Asserts, route by route in order: 401 without a token, 403 for the role below its own, and its own role let through. */
export async function assertPermissionMatrix(t: TestApp, auth: RoleHeaders, routes: readonly MatrixRoute[], options: MatrixOptions = {}): Promise<void> {
  const { refusalNamesRole = true, everyRoleAbove = false } = options;
  for (const r of routes) {
    const request = (headers: Record<string, string>) => {
      const payload = typeof r.body === 'function' ? r.body() : r.body;
      return t.app.inject({ method: r.method, url: r.url, headers, ...(payload ? { payload } : {}) });
    };
    assert.equal((await request({})).statusCode, 401, `${r.method} ${r.url} without a token`);
    const below = BELOW[r.needs];
    if (below) {
      const refused = await request(auth[below]);
      assert.equal(refused.statusCode, 403, `${r.method} ${r.url} as ${below}`);
      if (refusalNamesRole) assert.match(refused.json().detail, new RegExp(r.needs));
    }
    for (const role of everyRoleAbove ? ROLES.filter((x) => roleAtLeast(x, r.needs)) : [r.needs]) {
      const allowed = await request(auth[role]);
      if (r.allowed) assert.equal(allowed.statusCode, r.allowed, `${r.method} ${r.url} as ${role}: ${allowed.body}`);
      else assert.ok(allowed.statusCode < 300, `${r.method} ${r.url} as ${role}: ${allowed.statusCode} ${allowed.body}`);
    }
  }
}
