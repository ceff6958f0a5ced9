/**
 * Reads an organisation from PagerDuty's REST API v2 (users, teams with
 * members, schedules with their layers, each schedule's overrides for the
 * coming days, escalation policies, services with integrations) into the
 * shape the pure translation (import-pagerduty.ts) takes. Lists are paged
 * with `offset`/`limit` until `more` is false; the key travels as
 * `Authorization: Token token=…`; every call goes through callOut.
 */
import { VendorReadError, vendorGet, type VendorReadSource } from './vendor-rest.js';
import type { PagerDutyExport } from './import-pagerduty.js';

/** https://api.pagerduty.com (or the EU host), the key, and the window read. */
export type PagerDutySource = VendorReadSource;

const PAGE = 100;
/** A list longer than this many pages is refused rather than read forever. */
const MAX_PAGES = 500;

function getJson(src: PagerDutySource, path: string, query: Array<[string, string]>): Promise<Record<string, unknown>> {
  // PagerDuty's description makes both headers required, on GET too; Accept selects version 2.
  return vendorGet(src, 'PagerDuty', path, query, { authorization: `Token token=${src.token}`, accept: 'application/vnd.pagerduty+json;version=2', 'content-type': 'application/json' });
}

/** Every item of a paged list. */
async function getAll<T>(src: PagerDutySource, path: string, key: string, query: Array<[string, string]> = []): Promise<T[]> {
  const items: T[] = [];
  for (let page = 0, offset = 0; ; page++) {
    if (page >= MAX_PAGES) throw new VendorReadError(`GET ${path} has more than ${MAX_PAGES * PAGE} items`);
    const body = await getJson(src, path, [...query, ['limit', String(PAGE)], ['offset', String(offset)]]);
    const list = body[key];
    if (!Array.isArray(list)) throw new VendorReadError(`PagerDuty's answer to GET ${path} has no "${key}" list`);
    items.push(...(list as T[]));
    if (body.more !== true || list.length === 0) return items;
    offset += list.length;
  }
}

/** Reads everything the import translates. */
export async function readPagerDuty(src: PagerDutySource): Promise<PagerDutyExport> {
  const since = src.now.toISOString();
  const until = new Date(src.now.getTime() + src.days * 86_400_000).toISOString();
  const users = await getAll<PagerDutyExport['users'][number]>(src, '/users', 'users');
  const teamList = await getAll<{ id: string; name: string; description?: string | null }>(src, '/teams', 'teams');
  const teams: NonNullable<PagerDutyExport['teams']> = [];
  for (const t of teamList) {
    const members = await getAll<{ user: { id: string } }>(src, `/teams/${encodeURIComponent(t.id)}/members`, 'members');
    teams.push({ id: t.id, name: t.name, description: t.description ?? null, members: members.map((m) => m.user.id) });
  }
  const scheduleList = await getAll<{ id: string }>(src, '/schedules', 'schedules');
  const schedules: PagerDutyExport['schedules'] = [];
  const overrides: NonNullable<PagerDutyExport['overrides']> = [];
  for (const { id } of scheduleList) {
    // The list leaves layers out; one schedule's answer has them, and with since/until its final schedule, to check the translation against.
    const one = await getJson(src, `/schedules/${encodeURIComponent(id)}`, [['since', since], ['until', until]]);
    schedules.push(one.schedule as PagerDutyExport['schedules'][number]);
    const answer = await getJson(src, `/schedules/${encodeURIComponent(id)}/overrides`, [['since', since], ['until', until]]);
    if (!Array.isArray(answer.overrides)) throw new VendorReadError(`PagerDuty's answer to GET /schedules/${id}/overrides has no "overrides" list`);
    for (const o of answer.overrides as Array<{ start: string; end: string; user: { id: string } }>) overrides.push({ scheduleId: id, start: o.start, end: o.end, user: o.user });
  }
  const escalationPolicies = await getAll<PagerDutyExport['escalation_policies'][number]>(src, '/escalation_policies', 'escalation_policies');
  const services = await getAll<PagerDutyExport['services'][number]>(src, '/services', 'services');
  return { users, teams, schedules, overrides, escalation_policies: escalationPolicies, services };
}
