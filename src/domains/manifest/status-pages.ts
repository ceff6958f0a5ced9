/**
 * Status pages and their components, and the incident policy, in the
 * manifest: read through the statuspage and incidents services, applied
 * through them. Pages are matched by slug, components by name within a page
 * (groups first, so members can name them).
 */
import type { Config } from '../../config.js';
import type { Db } from '../../db/schema.js';
import type { Store } from '../../db/store.js';
import { invalidField } from '../../errors.js';
import type { Actor } from '../auth/identity.js';
import { listServices } from '../catalog/service.js';
import { getIncidentPolicy, setIncidentPolicy } from '../incidents/service.js';
import { createComponent, createPage, deleteComponent, deletePage, listComponents, listPages, updateComponent, updatePage, type StatusDeps } from '../statuspage/service.js';
import { compact } from './compact.js';
import type { Manifest, ManifestComponent, ManifestStatusPage } from './document.js';

/** The server's status pages as manifest entries, sorted by slug; components sorted by position then name. */
export async function currentStatusPages(db: Db, config: Config): Promise<ManifestStatusPage[]> {
  const serviceName = new Map((await listServices(db)).map((s) => [s.id, s.name]));
  const result: ManifestStatusPage[] = [];
  for (const page of await listPages(db, config)) {
    const components = await listComponents(db, page.id);
    const nameOf = new Map(components.map((c) => [c.id, c.name]));
    result.push(
      compact({
        slug: page.slug,
        name: page.name,
        host: page.host ?? undefined,
        timeZone: page.timeZone,
        logoUrl: page.logoUrl ?? undefined,
        brandColor: page.brandColor ?? undefined,
        visibility: page.visibility as 'public' | 'internal',
        components: components
          .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name))
          .map((c) =>
            compact({
              name: c.name,
              description: c.description ?? undefined,
              group: c.group ? true : undefined,
              inGroup: c.groupId ? nameOf.get(c.groupId) : undefined,
              service: c.serviceId ? serviceName.get(c.serviceId) : undefined,
              position: c.position,
              onlyShowIfDegraded: c.onlyShowIfDegraded ? true : undefined,
            }),
          ),
      }),
    );
  }
  return result.sort((a, b) => a.slug.localeCompare(b.slug));
}

export async function currentIncidentPolicy(db: Db): Promise<Manifest['incidentPolicy']> {
  return (await getIncidentPolicy(db)) as Manifest['incidentPolicy'];
}

/** Canonical form: omitted defaults and server defaults compare equal. */
export function canonicalStatusPage(p: ManifestStatusPage): ManifestStatusPage {
  return compact({
    ...p,
    visibility: p.visibility ?? 'public',
    components: (p.components ?? []).map((c) => compact({ ...c, group: c.group ? true : undefined, onlyShowIfDegraded: c.onlyShowIfDegraded ? true : undefined })),
  }) as ManifestStatusPage;
}

/** Checks the pages' service and group references; throws naming the field. */
export function checkStatusPageReferences(m: Manifest, services: ReadonlySet<string>): void {
  for (const [i, page] of (m.statusPages ?? []).entries()) {
    const groups = new Set((page.components ?? []).filter((c) => c.group).map((c) => c.name));
    for (const [j, c] of (page.components ?? []).entries()) {
      if (c.service !== undefined && !services.has(c.service)) throw invalidField(`statusPages[${i}].components[${j}].service`, `no service named ${c.service}`);
      if (c.inGroup !== undefined && !groups.has(c.inGroup)) throw invalidField(`statusPages[${i}].components[${j}].inGroup`, `no group named ${c.inGroup} on this page`);
    }
  }
}

/** Creates or updates the page and its components (deleting components not in the file only with prune). */
export async function applyStatusPage(store: Store, deps: StatusDeps, actor: Actor, desired: ManifestStatusPage, prune: boolean): Promise<void> {
  const fields = { name: desired.name, host: desired.host ?? null, logoUrl: desired.logoUrl ?? null, brandColor: desired.brandColor ?? null, visibility: desired.visibility ?? 'public', ...(desired.timeZone ? { timeZone: desired.timeZone } : {}) };
  let page = (await listPages(store.db, deps.config)).find((p) => p.slug === desired.slug);
  if (!page) page = await createPage(store, deps, actor, { slug: desired.slug, ...fields });
  else await updatePage(store, deps, actor, page.id, fields);
  const serviceIds = new Map((await listServices(store.db)).map((s) => [s.name, s.id]));
  const wanted = [...(desired.components ?? [])].sort((a, b) => Number(Boolean(b.group)) - Number(Boolean(a.group)));
  for (const c of wanted) {
    const existing = await listComponents(store.db, page.id);
    const groupId = c.inGroup ? (existing.find((e) => e.group && e.name === c.inGroup)?.id ?? null) : null;
    const found = existing.find((e) => e.name === c.name);
    const values = componentValues(c, groupId, serviceIds);
    if (!found) await createComponent(store, deps, actor, page.id, { name: c.name, group: Boolean(c.group), ...values });
    else await updateComponent(store, deps, actor, found.id, values);
  }
  if (prune) {
    const keep = new Set(wanted.map((c) => c.name));
    // Members before groups, so a group is empty when it goes.
    const extra = (await listComponents(store.db, page.id)).filter((e) => !keep.has(e.name)).sort((a, b) => Number(a.group) - Number(b.group));
    for (const e of extra) await deleteComponent(store, deps, actor, e.id);
  }
}

function componentValues(c: ManifestComponent, groupId: string | null, serviceIds: Map<string, string>) {
  return {
    description: c.description ?? null,
    groupId,
    serviceId: c.service ? (serviceIds.get(c.service) ?? null) : null,
    ...(c.position !== undefined ? { position: c.position } : {}),
    onlyShowIfDegraded: Boolean(c.onlyShowIfDegraded),
  };
}

export async function deleteStatusPage(store: Store, deps: StatusDeps, actor: Actor, slug: string): Promise<void> {
  const page = (await listPages(store.db, deps.config)).find((p) => p.slug === slug);
  if (page) await deletePage(store, deps, actor, page.id);
}

export async function applyIncidentPolicy(store: Store, actor: Actor, policy: NonNullable<Manifest['incidentPolicy']>): Promise<void> {
  await setIncidentPolicy(store, actor, policy);
}
