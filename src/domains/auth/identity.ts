import type { Role } from './tables.js';

export type { Role };
export const ROLES: readonly Role[] = ['viewer', 'responder', 'admin'];

/** Who is making a request, resolved from a token or session. */
export interface Identity {
  userId: string;
  email: string;
  name: string;
  role: Role;
  via: 'token' | 'session';
  /** Present for session identities: CSRF checks compare against it. */
  sessionId?: string;
  csrfTokenHash?: string;
  tokenId?: string;
}

/**
 * Whoever performs a mutation, as the audit log records it: a user through
 * the API or CLI, an integration, or the system itself (jobs).
 */
export interface Actor {
  userId: string | null;
  label: string;
  role: Role | null;
  via: 'token' | 'session' | 'cli' | 'integration' | 'system';
  ip: string | null;
  requestId: string | null;
}

/** True when `role` grants at least what `needed` grants (admin ⊃ responder ⊃ viewer). */
export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** The system actor, for changes jobs make on their own. */
export function systemActor(label = 'firebreak'): Actor {
  return { userId: null, label, role: null, via: 'system', ip: null, requestId: null };
}

/** The actor for a CLI command, acting as the given user or as the operator at the console. */
export function cliActor(user?: { id: string; email: string; role: Role }): Actor {
  return user
    ? { userId: user.id, label: user.email, role: user.role, via: 'cli', ip: null, requestId: null }
    : { userId: null, label: 'cli', role: 'admin', via: 'cli', ip: null, requestId: null };
}
