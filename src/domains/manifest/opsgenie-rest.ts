/**
 * Reads an organisation from Opsgenie's REST API (users, teams with members,
 * schedules with rotations, each schedule's overrides and its final timeline
 * for the coming days, escalations, integrations) into the shape the pure translation
 * (import-opsgenie.ts) takes. Paths and parameters as Opsgenie's published
 * description documents them: only `/v2/users` is paged (`offset`/`limit`);
 * the key travels as `Authorization: GenieKey …`; every call goes through callOut.
 */
import type { OpsgenieExport } from './import-opsgenie.js';
import { VendorReadError, vendorGet, type VendorReadSource } from './vendor-rest.js';

/** https://api.opsgenie.com (or the EU host), the key, and the window read. */
export type OpsgenieSource = VendorReadSource;

const PAGE = 100;
/** A user list longer than this many pages is refused rather than read forever. */
const MAX_PAGES = 500;

function get(src: OpsgenieSource, path: string, query: Array<[string, string]> = []): Promise<Record<string, unknown>> {
  return vendorGet(src, 'Opsgenie', path, query, { authorization: `GenieKey ${src.token}`, accept: 'application/json' });
}

function listOf<T>(body: Record<string, unknown>, path: string): T[] {
  if (!Array.isArray(body.data)) throw new VendorReadError(`Opsgenie's answer to GET ${path} has no "data" list`);
  return body.data as T[];
}

/** Reads everything the import translates. */
export async function readOpsgenie(src: OpsgenieSource): Promise<OpsgenieExport> {
  const users: OpsgenieExport['users'] = [];
  for (let page = 0; ; page++) {
    if (page >= MAX_PAGES) throw new VendorReadError(`GET /v2/users has more than ${MAX_PAGES * PAGE} users`);
    const list = listOf<OpsgenieExport['users'][number]>(await get(src, '/v2/users', [['limit', String(PAGE)], ['offset', String(users.length)]]), '/v2/users');
    users.push(...list);
    // Opsgenie may answer fewer than asked: the list ends with an empty page.
    if (list.length === 0) break;
  }
  const teams: NonNullable<OpsgenieExport['teams']> = [];
  for (const t of listOf<{ id: string }>(await get(src, '/v2/teams'), '/v2/teams')) {
    const one = await get(src, `/v2/teams/${encodeURIComponent(t.id)}`, [['identifierType', 'id']]);
    teams.push(one.data as NonNullable<OpsgenieExport['teams']>[number]);
  }
  const schedules = listOf<OpsgenieExport['schedules'][number]>(await get(src, '/v2/schedules', [['expand', 'rotation']]), '/v2/schedules');
  const overrides: NonNullable<OpsgenieExport['overrides']> = [];
  const timelines: NonNullable<OpsgenieExport['timelines']> = [];
  for (const s of schedules) {
    const id = encodeURIComponent(s.id);
    for (const o of listOf<NonNullable<OpsgenieExport['overrides']>[number]>(await get(src, `/v2/schedules/${id}/overrides`, [['scheduleIdentifierType', 'id']]), 'overrides')) overrides.push({ ...o, scheduleId: s.id });
    // Opsgenie's own answer for the import's days, to check the translation against.
    const timeline = await get(src, `/v2/schedules/${id}/timeline`, [['identifierType', 'id'], ['date', src.now.toISOString()], ['interval', String(src.days)], ['intervalUnit', 'days']]);
    timelines.push({ ...(timeline.data as NonNullable<OpsgenieExport['timelines']>[number]), _parent: { id: s.id } });
  }
  const escalations = listOf<OpsgenieExport['escalations'][number]>(await get(src, '/v2/escalations'), '/v2/escalations');
  // The list has each integration's type, enabled and teamId: all the translation needs.
  const integrations = listOf<NonNullable<OpsgenieExport['integrations']>[number]>(await get(src, '/v2/integrations'), '/v2/integrations');
  return { users, teams, schedules, overrides, escalations, integrations, timelines };
}
