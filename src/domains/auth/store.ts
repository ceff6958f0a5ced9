import type { Selectable } from 'kysely';
import type { Db } from '../../db/schema.js';
import type { ApiTokensTable, Role, TeamsTable, UsersTable } from './tables.js';

export type UserRow = Selectable<UsersTable>;
export type TokenRow = Selectable<ApiTokensTable>;
export type TeamRow = Selectable<TeamsTable>;

export async function countUsers(db: Db): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertUser(db: Db, user: UserRow): Promise<void> {
  await db.insertInto('users').values(user).execute();
}

/** Inserts the user unless one has its email already; true when it was inserted. */
export async function insertUserUnlessTaken(db: Db, user: UserRow): Promise<boolean> {
  const result = await db.insertInto('users').values(user).onConflict((oc) => oc.column('email').doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export async function listUsers(db: Db): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy('email').execute();
}

export async function updateUser(
  db: Db,
  id: string,
  changes: Partial<Pick<UserRow, 'name' | 'time_zone' | 'role' | 'password_hash' | 'disabled_at'>>,
  now: string,
): Promise<void> {
  await db.updateTable('users').set({ ...changes, updated_at: now }).where('id', '=', id).execute();
}

/** The active user holding an unrevoked, unexpired token with this hash. */
export async function findTokenIdentity(
  db: Db,
  tokenHash: string,
  now: string,
): Promise<{ token: Pick<TokenRow, 'id' | 'last_used_at'>; user: UserRow } | undefined> {
  const row = await db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['t.id as token_id', 't.last_used_at', 'u.id', 'u.email', 'u.name', 'u.time_zone', 'u.role', 'u.password_hash', 'u.created_at', 'u.updated_at', 'u.disabled_at'])
    .where('t.token_hash', '=', tokenHash)
    .where('t.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('t.expires_at', 'is', null), eb('t.expires_at', '>', now)]))
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const { token_id, last_used_at, ...user } = row;
  return { token: { id: token_id, last_used_at }, user };
}

export async function touchToken(db: Db, id: string, now: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
}

export async function insertToken(db: Db, token: TokenRow): Promise<void> {
  await db.insertInto('api_tokens').values(token).execute();
}

export async function listTokens(db: Db, userId?: string): Promise<TokenRow[]> {
  let query = db.selectFrom('api_tokens').selectAll().orderBy('created_at', 'desc');
  if (userId) query = query.where('user_id', '=', userId);
  return query.execute();
}

export async function findToken(db: Db, id: string): Promise<TokenRow | undefined> {
  return db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function revokeToken(db: Db, id: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function insertSession(
  db: Db,
  session: { id: string; user_id: string; token_hash: string; csrf_token_hash: string; created_at: string; expires_at: string },
): Promise<void> {
  await db.insertInto('sessions').values({ ...session, last_seen_at: session.created_at }).execute();
}

export async function findSessionIdentity(
  db: Db,
  tokenHash: string,
  now: string,
): Promise<{ sessionId: string; csrfTokenHash: string; user: UserRow } | undefined> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id as session_id', 's.csrf_token_hash', 'u.id', 'u.email', 'u.name', 'u.time_zone', 'u.role', 'u.password_hash', 'u.created_at', 'u.updated_at', 'u.disabled_at'])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', now)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const { session_id, csrf_token_hash, ...user } = row;
  return { sessionId: session_id, csrfTokenHash: csrf_token_hash, user };
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function findSessionById(db: Db, id: string): Promise<{ id: string; user_id: string; expires_at: string } | undefined> {
  return db.selectFrom('sessions').select(['id', 'user_id', 'expires_at']).where('id', '=', id).executeTakeFirst();
}

/** Ends every session of a user but the one given; returns how many ended. */
export async function deleteSessionsOfUser(db: Db, userId: string, keepSessionId?: string): Promise<number> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepSessionId) query = query.where('id', '!=', keepSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function insertSetupToken(db: Db, row: { token_hash: string; user_id: string; created_at: string; expires_at: string }): Promise<void> {
  await db.insertInto('setup_tokens').values({ ...row, used_at: null }).execute();
}

/** Marks an unused, unexpired setup token used; returns its user id, or undefined. */
export async function consumeSetupToken(db: Db, tokenHash: string, now: string): Promise<string | undefined> {
  const row = await db
    .updateTable('setup_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('user_id')
    .executeTakeFirst();
  return row?.user_id;
}

export async function insertTeam(db: Db, team: TeamRow): Promise<void> {
  await db.insertInto('teams').values(team).execute();
}

export async function findTeam(db: Db, id: string): Promise<TeamRow | undefined> {
  return db.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findTeamByName(db: Db, name: string): Promise<TeamRow | undefined> {
  return db.selectFrom('teams').selectAll().where('name', '=', name).executeTakeFirst();
}

export async function listTeams(db: Db): Promise<TeamRow[]> {
  return db.selectFrom('teams').selectAll().orderBy('name').execute();
}

export async function deleteTeam(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('teams').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function listTeamMembers(db: Db, teamId: string): Promise<UserRow[]> {
  return db
    .selectFrom('team_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .selectAll('u')
    .where('m.team_id', '=', teamId)
    .orderBy('u.email')
    .execute();
}

export async function addTeamMember(db: Db, teamId: string, userId: string, now: string): Promise<void> {
  await db
    .insertInto('team_members')
    .values({ team_id: teamId, user_id: userId, created_at: now })
    .onConflict((oc) => oc.columns(['team_id', 'user_id']).doNothing())
    .execute();
}

export async function removeTeamMember(db: Db, teamId: string, userId: string): Promise<boolean> {
  const result = await db.deleteFrom('team_members').where('team_id', '=', teamId).where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export type { Role };
