/** The on-call burden report over a range, from pages and schedules (the pure part is burden.ts). */
import type { Db } from '../../db/schema.js';
import { invalidField } from '../../errors.js';
import { listUsers } from '../auth/service.js';
import { getTeam, listTeams } from '../auth/teams.js';
import { burdenReport, spreadOf, type PersonBurden, type Spread } from './burden.js';
import { listSchedules, scheduleShifts } from './schedule-service.js';

export interface TeamBurden {
  teamId: string;
  name: string;
  pages: number;
  nightPages: number;
  nightsInterrupted: number;
  hoursOnCall: number;
  spread: { pages: Spread; nightPages: Spread };
}

export interface BurdenView {
  from: string;
  to: string;
  people: PersonBurden[];
  spread: { pages: Spread; nightPages: Spread; hoursOnCall: Spread };
  teams: TeamBurden[];
}

/** Hours each person spent on call across every schedule within [from, to). */
async function hoursOnCall(db: Db, from: Date, to: Date): Promise<Map<string, number>> {
  const hours = new Map<string, number>();
  for (const schedule of await listSchedules(db)) {
    const { shifts } = await scheduleShifts(db, schedule.id, from, to);
    for (const shift of shifts) {
      const ms = Math.min(Date.parse(shift.end), to.getTime()) - Math.max(Date.parse(shift.start), from.getTime());
      if (ms <= 0) continue;
      for (const id of shift.userIds) hours.set(id, (hours.get(id) ?? 0) + ms / 3_600_000);
    }
  }
  return hours;
}

/** The burden report over [from, to), for everyone or one team's members; teams summed from their members. */
export async function burden(db: Db, q: { from: string; to: string; teamId?: string }): Promise<BurdenView> {
  const from = new Date(q.from);
  const to = new Date(q.to);
  if (!(from < to)) throw invalidField('to', 'must be after from');
  if (to.getTime() - from.getTime() > 400 * 86_400_000) throw invalidField('to', 'the range may span at most 400 days');
  const memberIds = q.teamId ? new Set(((await getTeam(db, q.teamId)).members ?? []).map((m) => m.id)) : undefined;
  const people = (await listUsers(db)).filter((u) => !memberIds || memberIds.has(u.id)).map((u) => ({ id: u.id, name: u.name, timeZone: u.timeZone }));
  const rows = await db
    .selectFrom('pages')
    .select(['user_id', 'created_at', 'acknowledged_at', 'acknowledged_by_recipient'])
    .where('status', '=', 'sent')
    .where('created_at', '>=', from.toISOString())
    .where('created_at', '<', to.toISOString())
    .execute();
  const pages = rows.map((r) => ({ userId: r.user_id, at: r.created_at, acknowledgedAt: r.acknowledged_at, acknowledgedByRecipient: r.acknowledged_by_recipient === 1 }));
  const report = burdenReport(people, pages, await hoursOnCall(db, from, to));
  const byUser = new Map(report.people.map((p) => [p.userId, p]));
  const teams: TeamBurden[] = [];
  for (const team of await listTeams(db)) {
    if (q.teamId && team.id !== q.teamId) continue;
    const members = ((await getTeam(db, team.id)).members ?? []).map((m) => byUser.get(m.id)).filter((m): m is PersonBurden => m !== undefined);
    const sum = (f: (p: PersonBurden) => number) => members.reduce((n, p) => n + f(p), 0);
    teams.push({
      teamId: team.id,
      name: team.name,
      pages: sum((p) => p.pages),
      nightPages: sum((p) => p.nightPages),
      nightsInterrupted: sum((p) => p.nightsInterrupted),
      hoursOnCall: Math.round(sum((p) => p.hoursOnCall) * 100) / 100,
      spread: { pages: spreadOf(members.map((p) => p.pages)), nightPages: spreadOf(members.map((p) => p.nightPages)) },
    });
  }
  return { from: from.toISOString(), to: to.toISOString(), people: report.people, spread: report.spread, teams };
}
