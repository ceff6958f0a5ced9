import { randomUUID } from 'node:crypto';
import { IANAZone } from 'luxon';
import type { Store } from '../../db/store.js';
import type { Db } from '../../db/schema.js';
import { conflict, DomainError, forbidden, invalidField, notFound, rateLimited, unauthorized } from '../../errors.js';
import { recordAudit } from '../audit/service.js';
import { roleAtLeast, type Actor, type Identity, type Role } from './identity.js';
import { hashPassword, hashSecret, newSecret, verifyPassword } from './secrets.js';
import * as auth from './store.js';
import { announceAccessChange } from './revocation.js';
import type { LoginThrottle } from './throttle.js';
import { clockMs, clockNow } from '../../clock.js';

const SESSION_DAYS = 14;
const SETUP_TOKEN_HOURS = 24;
/** last_used_at is refreshed at most this often, so reads don't each cost a write. */
const TOKEN_TOUCH_MS = 60_000;

export interface UserView {
  id: string;
  email: string;
  name: string;
  timeZone: string;
  role: Role;
  createdAt: string;
  disabled: boolean;
}

export function toUserView(row: auth.UserRow): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    timeZone: row.time_zone,
    role: row.role,
    createdAt: row.created_at,
    disabled: row.disabled_at !== null,
  };
}

function checkTimeZone(zone: string): void {
  if (!IANAZone.isValidZone(zone)) throw invalidField('timeZone', `"${zone}" is not an IANA time zone`);
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  timeZone?: string;
  password?: string;
}

/** Creates a user; emails are unique and compared case-insensitively. */
export async function createUser(store: Store, actor: Actor, input: NewUser): Promise<UserView> {
  const timeZone = input.timeZone ?? 'UTC';
  checkTimeZone(timeZone);
  const now = clockNow().toISOString();
  const row: auth.UserRow = {
    id: randomUUID(),
    email: input.email.trim().toLowerCase(),
    name: input.name.trim(),
    time_zone: timeZone,
    role: input.role,
    password_hash: input.password ? await hashPassword(input.password) : null,
    created_at: now,
    updated_at: now,
    disabled_at: null,
  };
  return store.transaction(async (trx) => {
    if (await auth.findUserByEmail(trx, row.email)) throw conflict('user-exists', `a user with email ${row.email} already exists`);
    await auth.insertUser(trx, row);
    await recordAudit(trx, actor, { action: 'user.create', targetType: 'user', targetId: row.id, detail: { email: row.email, role: row.role } });
    return toUserView(row);
  });
}

export async function listUsers(db: Db): Promise<UserView[]> {
  return (await auth.listUsers(db)).map(toUserView);
}

export async function getUser(db: Db, id: string): Promise<UserView> {
  const row = await auth.findUserById(db, id);
  if (!row) throw notFound('user');
  return toUserView(row);
}

export async function findUserByEmail(db: Db, email: string): Promise<UserView | undefined> {
  const row = await auth.findUserByEmail(db, email);
  return row ? toUserView(row) : undefined;
}

export interface UserChanges {
  name?: string;
  timeZone?: string;
  role?: Role;
  disabled?: boolean;
  password?: string;
  /** Needed to change one's own password: a stolen session alone must not be enough. */
  currentPassword?: string;
}

/**
 * Updates a user. People may change their own name, zone and password (giving
 * the current one); role and disabling need an admin. A new password ends the
 * user's other sessions (`keepSessionId` is the one making the change).
 */
export async function updateUser(store: Store, actor: Actor, id: string, changes: UserChanges, keepSessionId?: string): Promise<UserView> {
  const isAdmin = actor.role === 'admin';
  if (!isAdmin && actor.userId !== id) throw forbidden('only admins can change other users');
  if (!isAdmin && (changes.role !== undefined || changes.disabled !== undefined)) throw forbidden('only admins can change roles or disable users');
  if (changes.timeZone) checkTimeZone(changes.timeZone);
  const ownPassword = changes.password !== undefined && actor.userId === id && actor.via !== 'cli';
  if (ownPassword) await checkCurrentPassword(store.db, id, changes.currentPassword);
  const passwordHash = changes.password ? await hashPassword(changes.password) : undefined;
  return store.transaction(async (trx) => {
    const before = await auth.findUserById(trx, id);
    if (!before) throw notFound('user');
    const now = clockNow().toISOString();
    if (passwordHash) await auth.deleteSessionsOfUser(trx, id, actor.userId === id ? keepSessionId : undefined);
    if (passwordHash || changes.disabled || (changes.role !== undefined && changes.role !== before.role)) {
      await announceAccessChange(trx, 'user.update');
    }
    await auth.updateUser(
      trx,
      id,
      {
        ...(changes.name !== undefined ? { name: changes.name.trim() } : {}),
        ...(changes.timeZone !== undefined ? { time_zone: changes.timeZone } : {}),
        ...(changes.role !== undefined ? { role: changes.role } : {}),
        ...(changes.disabled !== undefined ? { disabled_at: changes.disabled ? now : null } : {}),
        ...(passwordHash ? { password_hash: passwordHash } : {}),
      },
      now,
    );
    const changed = Object.keys(changes).filter((k) => k !== 'password' && k !== 'currentPassword');
    await recordAudit(trx, actor, {
      action: 'user.update',
      targetType: 'user',
      targetId: id,
      detail: { changed: changes.password ? [...changed, 'password'] : changed, ...(changes.role ? { role: changes.role } : {}) },
    });
    return toUserView((await auth.findUserById(trx, id))!);
  });
}

/**
 * On a fresh database, creates the first admin (without a password) and a
 * one-time setup token that lets whoever holds it set that password. Returns
 * the token, or undefined when users already exist.
 */
export async function bootstrapFirstAdmin(store: Store, email: string): Promise<{ email: string; setupToken: string } | undefined> {
  return store.transaction(async (trx) => {
    if ((await auth.countUsers(trx)) > 0) return undefined;
    const now = clockNow();
    const userId = randomUUID();
    // Processes starting together on one PostgreSQL may both see no users: the first insert wins, the others go on without one.
    const inserted = await auth.insertUserUnlessTaken(trx, {
      id: userId,
      email: email.toLowerCase(),
      name: 'Administrator',
      time_zone: 'UTC',
      role: 'admin',
      password_hash: null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      disabled_at: null,
    });
    if (!inserted) return undefined;
    const setupToken = newSecret('fbsetup');
    await auth.insertSetupToken(trx, {
      token_hash: hashSecret(setupToken),
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SETUP_TOKEN_HOURS * 3_600_000).toISOString(),
    });
    await recordAudit(trx, { userId: null, label: 'firebreak', role: null, via: 'system', ip: null, requestId: null }, {
      action: 'user.bootstrap-admin',
      targetType: 'user',
      targetId: userId,
      detail: { email },
    });
    return { email, setupToken };
  });
}

export interface SessionTokens {
  sessionToken: string;
  csrfToken: string;
  expiresAt: string;
  user: UserView;
}

async function openSession(trx: Db, user: auth.UserRow): Promise<SessionTokens> {
  const now = clockNow();
  const sessionToken = newSecret('fbs');
  const csrfToken = newSecret('fbcsrf');
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString();
  await auth.insertSession(trx, {
    id: randomUUID(),
    user_id: user.id,
    token_hash: hashSecret(sessionToken),
    csrf_token_hash: hashSecret(csrfToken),
    created_at: now.toISOString(),
    expires_at: expiresAt,
  });
  return { sessionToken, csrfToken, expiresAt, user: toUserView(user) };
}

/** Sets the first admin's password with the one-time setup token and opens a session. */
export async function completeSetup(store: Store, actorMeta: Pick<Actor, 'ip' | 'requestId'>, setupToken: string, password: string, name?: string): Promise<SessionTokens> {
  const passwordHash = await hashPassword(password);
  return store.transaction(async (trx) => {
    const now = clockNow().toISOString();
    const userId = await auth.consumeSetupToken(trx, hashSecret(setupToken), now);
    if (!userId) throw unauthorized('the setup token is unknown, expired or already used');
    await auth.updateUser(trx, userId, { password_hash: passwordHash, ...(name ? { name } : {}) }, now);
    const user = (await auth.findUserById(trx, userId))!;
    await recordAudit(trx, { userId, label: user.email, role: user.role, via: 'session', ...actorMeta }, {
      action: 'user.setup',
      targetType: 'user',
      targetId: userId,
    });
    return openSession(trx, user);
  });
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies a password against a user's hash, or against a dummy hash when
 * there is no usable one (unknown email, no password yet, disabled), so both
 * take the same scrypt work and timing does not tell which emails exist.
 */
async function passwordMatches(user: auth.UserRow | undefined, password: string): Promise<boolean> {
  const usable = user?.password_hash && !user.disabled_at ? user.password_hash : undefined;
  dummyHash ??= hashPassword('firebreak dummy password, never matches a real one');
  const ok = await verifyPassword(password, usable ?? (await dummyHash));
  return ok && usable !== undefined;
}

async function checkCurrentPassword(db: Db, userId: string, currentPassword: string | undefined): Promise<void> {
  if (currentPassword === undefined) throw invalidField('currentPassword', 'is required to change your own password');
  if (!(await passwordMatches(await auth.findUserById(db, userId), currentPassword))) {
    throw new DomainError('forbidden', 'current-password-wrong', 'the current password is wrong', { errors: [{ field: 'currentPassword', message: 'is wrong' }] });
  }
}

/**
 * Checks email and password and opens a browser session. The same error and
 * the same work for an unknown email and a wrong password; repeated failures
 * per account and per source address are refused for a while (429).
 */
export async function login(store: Store, actorMeta: Pick<Actor, 'ip' | 'requestId'>, email: string, password: string, throttle?: LoginThrottle): Promise<SessionTokens> {
  const account = email.trim().toLowerCase();
  const address = actorMeta.ip ?? 'unknown';
  const wait = throttle?.retryAfter(account, address) ?? 0;
  if (wait > 0) throw rateLimited('login-throttled', `too many failed logins; try again in ${wait} s`, wait);
  const user = await auth.findUserByEmail(store.db, account);
  // Always verified, also without a user: skipping it would time the answer by whether the email exists.
  const matches = await passwordMatches(user, password);
  if (!user || !matches) {
    throttle?.failed(account, address);
    throw unauthorized('email or password is wrong');
  }
  throttle?.succeeded(account);
  return store.transaction(async (trx) => {
    const session = await openSession(trx, user);
    await recordAudit(trx, { userId: user.id, label: user.email, role: user.role, via: 'session', ...actorMeta }, {
      action: 'session.login',
      targetType: 'user',
      targetId: user.id,
    });
    return session;
  });
}

export async function logout(store: Store, actor: Actor, identity: Identity): Promise<void> {
  if (!identity.sessionId) return;
  const sessionId = identity.sessionId;
  await store.transaction(async (trx) => {
    await auth.deleteSession(trx, sessionId);
    await announceAccessChange(trx, 'session.logout');
    await recordAudit(trx, actor, { action: 'session.logout', targetType: 'user', targetId: identity.userId });
  });
}

function identityOf(user: auth.UserRow, via: Identity['via']): Identity {
  return { userId: user.id, email: user.email, name: user.name, role: user.role, via };
}

/** Resolves a bearer token to its user; undefined when unknown, revoked, expired or disabled. */
export async function identifyByToken(db: Db, token: string): Promise<Identity | undefined> {
  const now = clockNow();
  const found = await auth.findTokenIdentity(db, hashSecret(token), now.toISOString());
  if (!found) return undefined;
  const last = found.token.last_used_at ? Date.parse(found.token.last_used_at) : 0;
  if (now.getTime() - last > TOKEN_TOUCH_MS) await auth.touchToken(db, found.token.id, now.toISOString());
  return { ...identityOf(found.user, 'token'), tokenId: found.token.id };
}

/** Resolves a session cookie to its user; undefined when unknown or expired. */
export async function identifyBySession(db: Db, sessionToken: string): Promise<Identity | undefined> {
  const found = await auth.findSessionIdentity(db, hashSecret(sessionToken), clockNow().toISOString());
  if (!found) return undefined;
  return { ...identityOf(found.user, 'session'), sessionId: found.sessionId, csrfTokenHash: found.csrfTokenHash };
}

export interface TokenView {
  id: string;
  userId: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  expiresAt: string | null;
}

function toTokenView(row: auth.TokenRow): TokenView {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
    expiresAt: row.expires_at,
  };
}

/**
 * Creates an API token for a user and returns it once; only its SHA-256 is
 * kept. People create tokens for themselves; admins for anyone.
 */
export async function createToken(
  store: Store,
  actor: Actor,
  input: { userId: string; name: string; expiresAt?: string },
): Promise<{ token: string; view: TokenView }> {
  if (actor.role !== 'admin' && actor.userId !== input.userId) throw forbidden('only admins can create tokens for other users');
  if (input.expiresAt && Date.parse(input.expiresAt) <= clockMs()) throw invalidField('expiresAt', 'must be in the future');
  const token = newSecret('fbk');
  const row: auth.TokenRow = {
    id: randomUUID(),
    user_id: input.userId,
    name: input.name,
    token_hash: hashSecret(token),
    prefix: token.slice(0, 10),
    created_at: clockNow().toISOString(),
    last_used_at: null,
    revoked_at: null,
    expires_at: input.expiresAt ? new Date(input.expiresAt).toISOString() : null,
  };
  return store.transaction(async (trx) => {
    const user = await auth.findUserById(trx, input.userId);
    if (!user) throw invalidField('userId', `no user with id ${input.userId}`);
    await auth.insertToken(trx, row);
    await recordAudit(trx, actor, { action: 'token.create', targetType: 'api_token', targetId: row.id, detail: { userId: row.user_id, name: row.name } });
    return { token, view: toTokenView(row) };
  });
}

/** Tokens of one user, or of everyone for an admin who asks for all. */
export async function listTokens(db: Db, actor: Actor, all: boolean): Promise<TokenView[]> {
  if (all && actor.role !== 'admin') throw forbidden('only admins can list every token');
  return (await auth.listTokens(db, all ? undefined : (actor.userId ?? undefined))).map(toTokenView);
}

/** Revokes a token: its owner or an admin may. Revoking twice is refused with 409. */
export async function revokeToken(store: Store, actor: Actor, tokenId: string): Promise<TokenView> {
  return store.transaction(async (trx) => {
    const row = await auth.findToken(trx, tokenId);
    if (!row) throw notFound('token');
    if (actor.role !== 'admin' && actor.userId !== row.user_id) throw forbidden('only the owner or an admin can revoke this token');
    const now = clockNow().toISOString();
    if (!(await auth.revokeToken(trx, tokenId, now))) throw conflict('token-revoked', 'the token is already revoked');
    await announceAccessChange(trx, 'token.revoke');
    await recordAudit(trx, actor, { action: 'token.revoke', targetType: 'api_token', targetId: tokenId });
    return toTokenView({ ...row, revoked_at: now });
  });
}

export { roleAtLeast };

/** A user by id, or undefined (for checking references without a 404). */
export async function findUser(db: Db, id: string): Promise<UserView | undefined> {
  const row = await auth.findUserById(db, id);
  return row ? toUserView(row) : undefined;
}
