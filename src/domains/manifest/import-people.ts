/**
 * The part of an import that is not firebreak.yaml: users to create, teams
 * and their members (the auth domain's services), and schedule overrides (the
 * on-call domain's overrides service). Idempotent: what exists is left as it
 * is, so a second run changes nothing. Teams only gain members (an import
 * never removes anyone from a team).
 */
import type { Db } from '../../db/schema.js';
import type { Store } from '../../db/store.js';
import type { Actor } from '../auth/identity.js';
import { createUser, listUsers } from '../auth/service.js';
import { addMember, createTeam, getTeam, listTeams } from '../auth/teams.js';
import { createOverride, listOverrides } from '../oncall/overrides-service.js';
import { listSchedules } from '../oncall/schedule-service.js';
import type { PeopleToImport } from './import-pagerduty.js';

export interface PeopleChanges {
  /** One line per change, `+ user …`, `+ team …`, `~ team … members +…`, `+ override …`. */
  lines: string[];
  /** Users created (or, with dryRun, to create): they have no password until an admin sets one or they are invited. */
  newUsers: string[];
}

/** Creates the users Firebreak lacks (before the manifest, which names them). */
export async function importUsers(store: Store, actor: Actor, users: PeopleToImport['users'], dryRun: boolean): Promise<PeopleChanges> {
  const existing = new Set((await listUsers(store.db)).map((u) => u.email.toLowerCase()));
  const out: PeopleChanges = { lines: [], newUsers: [] };
  for (const u of users) {
    if (existing.has(u.email)) continue;
    if (!dryRun) await createUser(store, actor, { email: u.email, name: u.name, role: 'responder', ...(u.timeZone ? { timeZone: u.timeZone } : {}) });
    existing.add(u.email);
    out.lines.push(`+ user ${u.email} (${u.name})`);
    out.newUsers.push(u.email);
  }
  return out;
}

async function userIdsByEmail(db: Db): Promise<Map<string, string>> {
  return new Map((await listUsers(db)).map((u) => [u.email.toLowerCase(), u.id]));
}

/** Creates teams and adds missing members (before the manifest, whose escalation policies may page a team). */
export async function importTeams(store: Store, actor: Actor, people: PeopleToImport, dryRun: boolean): Promise<PeopleChanges> {
  const out: PeopleChanges = { lines: [], newUsers: [] };
  const ids = await userIdsByEmail(store.db);
  const teams = new Map((await listTeams(store.db)).map((t) => [t.name, t.id]));
  for (const t of people.teams) {
    const teamId = teams.get(t.name);
    const current = new Set(teamId ? ((await getTeam(store.db, teamId)).members ?? []).map((m) => m.email.toLowerCase()) : []);
    const adding = t.members.filter((e) => !current.has(e));
    if (!teamId) out.lines.push(`+ team ${t.name}${adding.length ? ` (members ${adding.join(', ')})` : ''}`);
    else if (adding.length) out.lines.push(`~ team ${t.name} members + ${adding.join(', ')}`);
    if (dryRun) continue;
    const id = teamId ?? (await createTeam(store, actor, { name: t.name, ...(t.description ? { description: t.description } : {}) })).id;
    for (const e of adding) await addMember(store, actor, id, ids.get(e)!);
  }
  return out;
}

/** Copies overrides not yet in Firebreak (after the manifest, whose schedules they need). */
export async function importOverrides(store: Store, actor: Actor, people: PeopleToImport, dryRun: boolean): Promise<PeopleChanges> {
  const out: PeopleChanges = { lines: [], newUsers: [] };
  const ids = await userIdsByEmail(store.db);
  const schedules = new Set((await listSchedules(store.db)).map((s) => s.name));
  const bySchedule = new Map<string, PeopleToImport['overrides']>();
  for (const o of people.overrides) bySchedule.set(o.schedule, [...(bySchedule.get(o.schedule) ?? []), o]);
  for (const [schedule, overrides] of bySchedule) {
    const from = new Date(Math.min(...overrides.map((o) => Date.parse(o.start))));
    const to = new Date(Math.max(...overrides.map((o) => Date.parse(o.end))));
    const present = schedules.has(schedule) ? await listOverrides(store.db, schedule, from, to) : [];
    for (const o of overrides) {
      const userId = ids.get(o.email);
      const same = present.some((p) => p.kind === 'replace' && p.replaces === null && p.userId === userId && p.start === o.start && p.end === o.end);
      if (same) continue;
      out.lines.push(`+ override ${schedule}: ${o.email} from ${o.start} to ${o.end}`);
      // PagerDuty's override puts one person on call for the range, whoever the layers name: Firebreak's replace with nobody named.
      if (!dryRun) await createOverride(store, actor, schedule, { kind: 'replace', userId: userId!, replaces: null, start: o.start, end: o.end });
    }
  }
  return out;
}
