/**
 * The access epoch: an in-memory counter each process bumps whenever someone
 * may have lost access (a token revoked, a session ended, a user disabled or
 * their role changed). Long-lived connections (event streams) remember the
 * epoch they last checked at and check access again only when it moved, so
 * re-checking on every delivered batch costs one integer comparison.
 *
 * The change is announced in the transaction that makes it: after commit in
 * this process, and through the change bus (NOTIFY on PostgreSQL; SQLite's
 * data_version for the CLI writing to the same file) to every other process.
 */
import type { ChangeBus } from '../../db/changes.js';
import { dialectOf, pgNotify } from '../../db/dialect.js';
import type { Db } from '../../db/schema.js';
import { afterCommit } from '../../db/store.js';
import type { Identity } from './identity.js';
import * as auth from './store.js';
import { clockNow } from '../../clock.js';

export const ACCESS_CHANGES_CHANNEL = 'firebreak_access_changes';

let epoch = 0;

/** The current access epoch of this process. */
export function accessEpoch(): number {
  return epoch;
}

const listeners = new Set<() => void>();

function bump(): void {
  epoch += 1;
  for (const listener of listeners) listener();
}

/** Calls `listener` after every bump (so idle streams check too); returns the way to stop. */
export function onAccessChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Announces, inside `trx`, that access may have been taken away; heard once it commits. */
export async function announceAccessChange(trx: Db, what: string): Promise<void> {
  afterCommit(trx, bump);
  if (dialectOf(trx) === 'postgres') await pgNotify(trx, ACCESS_CHANGES_CHANNEL, what);
}

/** Bumps this process's epoch on every announcement, and after a reconnect (announcements may be lost). */
export function watchAccessChanges(bus: ChangeBus): Promise<() => void> {
  return bus.subscribe(ACCESS_CHANGES_CHANNEL, bump);
}

/** Checks an identity again: the current one, or why it no longer holds. */
export async function recheckIdentity(db: Db, identity: Identity, now = clockNow()): Promise<{ identity: Identity } | { reason: string }> {
  const at = now.toISOString();
  if (identity.via === 'token' && identity.tokenId) {
    const token = await auth.findToken(db, identity.tokenId);
    if (!token || token.revoked_at) return { reason: 'the API token was revoked' };
    if (token.expires_at && token.expires_at <= at) return { reason: 'the API token expired' };
  }
  if (identity.via === 'session' && identity.sessionId) {
    const session = await auth.findSessionById(db, identity.sessionId);
    if (!session) return { reason: 'the session was logged out' };
    if (session.expires_at <= at) return { reason: 'the session expired' };
  }
  const user = await auth.findUserById(db, identity.userId);
  if (!user) return { reason: 'the user was removed' };
  if (user.disabled_at) return { reason: 'the user was disabled' };
  return { identity: { ...identity, role: user.role, email: user.email, name: user.name } };
}
