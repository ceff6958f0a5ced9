/**
 * Runbooks (matched by title) and drills (matched by name) in the manifest,
 * read and applied through the runbooks and drills services. A drill's alert
 * and service cannot change in place: such a change is refused, naming it.
 */
import type { Config } from '../../config.js';
import type { Db } from '../../db/schema.js';
import type { Store } from '../../db/store.js';
import { invalidField } from '../../errors.js';
import type { JobQueue } from '../../jobs/queue.js';
import type { Matcher } from '../alerts/matchers.js';
import type { Actor } from '../auth/identity.js';
import { listServices } from '../catalog/service.js';
import { createDrill, listDrills, updateDrill } from '../drills/service.js';
import { createRunbook, deleteRunbook, getRunbook, listRunbooks, rotPolicyOf, updateRunbook } from '../runbooks/service.js';
import { compact } from './compact.js';
import type { Directory } from './current.js';
import type { ManifestDrill, ManifestRunbook } from './document.js';
import { clockNow } from '../../clock.js';

export async function currentRunbooks(db: Db, config: Config, dir: Directory): Promise<ManifestRunbook[]> {
  const serviceName = new Map((await listServices(db)).map((s) => [s.id, s.name]));
  const now = clockNow();
  const policy = rotPolicyOf(config);
  const result: ManifestRunbook[] = [];
  for (const summary of await listRunbooks(db, {}, now, policy)) {
    const full = await getRunbook(db, summary.id, now, policy);
    result.push(
      compact({
        title: full.title,
        owner: full.ownerUserId ? dir.emailOf.get(full.ownerUserId) : undefined,
        ownerTeam: full.ownerTeamId ? dir.teamNameOf.get(full.ownerTeamId) : undefined,
        services: full.serviceIds.length ? full.serviceIds.map((id) => serviceName.get(id) ?? id).sort() : undefined,
        matchers: full.matchers.length ? full.matchers.map((m) => ({ name: m.name, op: m.op, value: m.value })) : undefined,
        body: full.body,
      }),
    );
  }
  return result.sort((a, b) => a.title.localeCompare(b.title));
}

export async function currentDrills(db: Db, dir: Directory): Promise<ManifestDrill[]> {
  const serviceName = new Map((await listServices(db)).map((s) => [s.id, s.name]));
  return (await listDrills(db))
    .map((d) =>
      compact({
        name: d.name,
        service: serviceName.get(d.serviceId) ?? d.serviceId,
        format: d.alert.format,
        payload: d.alert.payload,
        responders: d.responders.length ? d.responders.map((id) => dir.emailOf.get(id) ?? id) : undefined,
        goals: d.goals,
        schedule: d.schedule,
        enabled: d.enabled ? undefined : false,
      }),
    )
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function canonicalRunbook(r: ManifestRunbook): ManifestRunbook {
  return compact({ ...r, services: r.services?.length ? [...r.services].sort() : undefined, matchers: r.matchers?.length ? r.matchers : undefined });
}

export function canonicalDrill(d: ManifestDrill): ManifestDrill {
  return compact({ ...d, responders: d.responders?.length ? d.responders : undefined, enabled: d.enabled === false ? false : undefined });
}

function ids(dir: Directory, emails: readonly string[] | undefined, field: string): string[] {
  return (emails ?? []).map((email, i) => {
    const id = dir.userIdOf.get(email.toLowerCase());
    if (!id) throw invalidField(`${field}[${i}]`, `no user with the email ${email}`);
    return id;
  });
}

/** Checks runbook and drill references (people, teams, services); throws naming the field. */
export function checkRunbookAndDrillReferences(runbooks: readonly ManifestRunbook[], drills: readonly ManifestDrill[], dir: Directory, services: ReadonlySet<string>): void {
  for (const [i, r] of runbooks.entries()) {
    if (r.owner) ids(dir, [r.owner], `runbooks[${i}].owner`);
    if (r.ownerTeam && !dir.teamIdOf.has(r.ownerTeam)) throw invalidField(`runbooks[${i}].ownerTeam`, `no team named ${r.ownerTeam}`);
    for (const [j, s] of (r.services ?? []).entries()) if (!services.has(s)) throw invalidField(`runbooks[${i}].services[${j}]`, `no service named ${s}`);
  }
  for (const [i, d] of drills.entries()) {
    if (!services.has(d.service)) throw invalidField(`drills[${i}].service`, `no service named ${d.service}`);
    ids(dir, d.responders, `drills[${i}].responders`);
  }
}

export async function applyRunbook(deps: { store: Store; jobs: JobQueue; config: Config }, actor: Actor, dir: Directory, r: ManifestRunbook, exists: boolean): Promise<void> {
  const serviceIds = new Map((await listServices(deps.store.db)).map((s) => [s.name, s.id]));
  const input = {
    title: r.title,
    body: r.body,
    ownerUserId: r.owner ? (dir.userIdOf.get(r.owner.toLowerCase()) ?? null) : null,
    ownerTeamId: r.ownerTeam ? (dir.teamIdOf.get(r.ownerTeam) ?? null) : null,
    serviceIds: (r.services ?? []).map((s) => serviceIds.get(s)!),
    matchers: (r.matchers ?? []) as Matcher[],
  };
  if (!exists) {
    await createRunbook(deps, actor, input);
    return;
  }
  const found = (await listRunbooks(deps.store.db, {}, clockNow(), rotPolicyOf(deps.config))).find((x) => x.title === r.title)!;
  await updateRunbook(deps, actor, found.id, input);
}

export async function removeRunbook(deps: { store: Store; config: Config }, actor: Actor, title: string): Promise<void> {
  const found = (await listRunbooks(deps.store.db, {}, clockNow(), rotPolicyOf(deps.config))).find((x) => x.title === title);
  if (found) await deleteRunbook(deps.store, actor, found.id);
}

export async function applyDrill(deps: { store: Store; jobs: JobQueue; config: Config }, actor: Actor, dir: Directory, d: ManifestDrill, index: number, current: ManifestDrill | undefined): Promise<void> {
  const responders = ids(dir, d.responders, `drills[${index}].responders`);
  if (!current) {
    const serviceId = (await listServices(deps.store.db)).find((s) => s.name === d.service)!.id;
    await createDrill(deps.store, deps, actor, { name: d.name, serviceId, alert: { format: d.format, payload: d.payload }, responders, goals: d.goals, schedule: d.schedule, enabled: d.enabled !== false });
    return;
  }
  const drill = (await listDrills(deps.store.db)).find((x) => x.name === d.name)!;
  await updateDrill(deps.store, deps, actor, drill.id, { responders, goals: d.goals, schedule: d.schedule, enabled: d.enabled !== false });
}

/** Refuses, before anything is written, a drill whose service or alert the file changes. */
export function checkDrillChanges(desired: readonly ManifestDrill[], current: readonly ManifestDrill[]): void {
  for (const [i, d] of desired.entries()) {
    const c = current.find((x) => x.name === d.name);
    if (c && (c.service !== d.service || c.format !== d.format || JSON.stringify(canonicalDrill(c).payload) !== JSON.stringify(canonicalDrill(d).payload))) {
      throw invalidField(`drills[${i}]`, `the drill ${d.name}'s service or alert cannot change in place: give it a new name (the old one stays; disable it)`);
    }
  }
}
