import { randomUUID } from 'node:crypto';
import type { Store } from '../../db/store.js';
import type { Db } from '../../db/schema.js';
import { conflict, notFound } from '../../errors.js';
import { recordAudit } from '../audit/service.js';
import type { Actor } from './identity.js';
import { toUserView, type UserView } from './service.js';
import * as auth from './store.js';
import { clockNow } from '../../clock.js';

export interface TeamView {
  id: string;
  name: string;
  description: string | null;
  createdAt: string;
  members?: UserView[];
}

function toTeamView(row: auth.TeamRow, members?: auth.UserRow[]): TeamView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    createdAt: row.created_at,
    ...(members ? { members: members.map(toUserView) } : {}),
  };
}

export async function createTeam(store: Store, actor: Actor, input: { name: string; description?: string }): Promise<TeamView> {
  const row: auth.TeamRow = { id: randomUUID(), name: input.name.trim(), description: input.description ?? null, created_at: clockNow().toISOString() };
  return store.transaction(async (trx) => {
    if (await auth.findTeamByName(trx, row.name)) throw conflict('team-exists', `a team named ${row.name} already exists`);
    await auth.insertTeam(trx, row);
    await recordAudit(trx, actor, { action: 'team.create', targetType: 'team', targetId: row.id, detail: { name: row.name } });
    return toTeamView(row, []);
  });
}

export async function listTeams(db: Db): Promise<TeamView[]> {
  return (await auth.listTeams(db)).map((t) => toTeamView(t));
}

export async function getTeam(db: Db, id: string): Promise<TeamView> {
  const row = await auth.findTeam(db, id);
  if (!row) throw notFound('team');
  return toTeamView(row, await auth.listTeamMembers(db, id));
}

export async function deleteTeam(store: Store, actor: Actor, id: string): Promise<void> {
  await store.transaction(async (trx) => {
    if (!(await auth.deleteTeam(trx, id))) throw notFound('team');
    await recordAudit(trx, actor, { action: 'team.delete', targetType: 'team', targetId: id });
  });
}

export async function addMember(store: Store, actor: Actor, teamId: string, userId: string): Promise<TeamView> {
  return store.transaction(async (trx) => {
    const team = await auth.findTeam(trx, teamId);
    if (!team) throw notFound('team');
    if (!(await auth.findUserById(trx, userId))) throw notFound('user');
    await auth.addTeamMember(trx, teamId, userId, clockNow().toISOString());
    await recordAudit(trx, actor, { action: 'team.member.add', targetType: 'team', targetId: teamId, detail: { userId } });
    return toTeamView(team, await auth.listTeamMembers(trx, teamId));
  });
}

export async function removeMember(store: Store, actor: Actor, teamId: string, userId: string): Promise<TeamView> {
  return store.transaction(async (trx) => {
    const team = await auth.findTeam(trx, teamId);
    if (!team) throw notFound('team');
    if (!(await auth.removeTeamMember(trx, teamId, userId))) throw notFound('team member');
    await recordAudit(trx, actor, { action: 'team.member.remove', targetType: 'team', targetId: teamId, detail: { userId } });
    return toTeamView(team, await auth.listTeamMembers(trx, teamId));
  });
}
