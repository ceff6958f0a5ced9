/**
 * Status pages and their components: the admin side. Every
 * change announces itself on the change bus so each process's read model
 * reloads, and is audited.
 */
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Db } from '../../db/schema.js';
import type { Store } from '../../db/store.js';
import type { ChangeBus } from '../../db/changes.js';
import type { JobQueue } from '../../jobs/queue.js';
import type { Config } from '../../config.js';
import { nowIso } from '../../db/dialect.js';
import { conflict, invalidField, notFound, unprocessable } from '../../errors.js';
import type { Actor } from '../auth/identity.js';
import { recordAudit } from '../audit/service.js';
import { pageUrl } from './load.js';
import type { ComponentStatus } from './model.js';
import { STATUSPAGE_CHANNEL } from './read-model.js';
import type { ComponentChanges, NewComponent, NewPage, PageChanges } from './schemas.js';
import * as pages from './store.js';

/** What the status page services need from the process; AppContext satisfies it. */
export interface StatusDeps {
  bus: ChangeBus;
  jobs: JobQueue;
  config: Config;
}

/** Paths under /status that a slug would shadow. */
const RESERVED_SLUGS = new Set(['api', 'history', 'history.rss', 'history.atom', 'subscribe', 'subscriptions', 'incidents']);

/** Tells every process's read model that this page changed, when trx commits. */
export async function announce(trx: Db, deps: StatusDeps, pageId: string): Promise<void> {
  await deps.bus.publish(trx, STATUSPAGE_CHANNEL, pageId);
}

export function publicUrlOf(config: Config): string {
  return config.publicUrl ?? `http://localhost:${config.port}`;
}

function pageView(row: pages.PageRow, config: Config) {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    host: row.host,
    timeZone: row.time_zone,
    logoUrl: row.logo_url,
    brandColor: row.brand_color,
    visibility: row.visibility,
    url: pageUrl(row, publicUrlOf(config)),
    isDefault: row.position === 0,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
export type PageView = ReturnType<typeof pageView>;

function checkZone(zone: string | undefined): void {
  if (zone !== undefined && !DateTime.local().setZone(zone).isValid) throw invalidField('timeZone', 'is not an IANA time zone');
}

async function checkUnique(trx: Db, id: string, slug: string | undefined, host: string | null | undefined): Promise<void> {
  if (slug !== undefined) {
    if (RESERVED_SLUGS.has(slug)) throw invalidField('slug', `"${slug}" is a path of the status page itself`);
    const other = await pages.findPageBy(trx, 'slug', slug);
    if (other && other.id !== id) throw conflict('status-page-slug-taken', `another page has the slug ${slug}`);
  }
  if (host) {
    const other = await pages.findPageBy(trx, 'host', host);
    if (other && other.id !== id) throw conflict('status-page-host-taken', `another page answers at ${host}`);
  }
}

export async function listPages(db: Db, config: Config): Promise<PageView[]> {
  return (await pages.listPages(db)).map((p) => pageView(p, config));
}

export async function getPage(db: Db, config: Config, id: string): Promise<PageView> {
  const row = await pages.findPage(db, id);
  if (!row) throw notFound('status page');
  return pageView(row, config);
}

/** Adds a page; the first page of an installation is created by the migration. */
export async function createPage(store: Store, deps: StatusDeps, actor: Actor, input: NewPage): Promise<PageView> {
  checkZone(input.timeZone);
  const id = randomUUID();
  const now = nowIso();
  return store.transaction(async (trx) => {
    await checkUnique(trx, id, input.slug, input.host);
    const position = (await pages.listPages(trx)).length;
    await pages.insertPage(trx, {
      id,
      slug: input.slug,
      name: input.name,
      host: input.host ?? null,
      time_zone: input.timeZone ?? 'UTC',
      logo_url: input.logoUrl ?? null,
      brand_color: input.brandColor ?? null,
      visibility: input.visibility ?? 'public',
      position,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(trx, actor, { action: 'status_page.create', targetType: 'status_page', targetId: id, detail: { slug: input.slug } });
    await announce(trx, deps, id);
    return pageView((await pages.findPage(trx, id))!, deps.config);
  });
}

export async function updatePage(store: Store, deps: StatusDeps, actor: Actor, id: string, input: PageChanges): Promise<PageView> {
  checkZone(input.timeZone);
  return store.transaction(async (trx) => {
    if (!(await pages.findPage(trx, id))) throw notFound('status page');
    await checkUnique(trx, id, input.slug, input.host);
    await pages.updatePage(trx, id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.slug !== undefined ? { slug: input.slug } : {}),
      ...(input.host !== undefined ? { host: input.host } : {}),
      ...(input.timeZone !== undefined ? { time_zone: input.timeZone } : {}),
      ...(input.logoUrl !== undefined ? { logo_url: input.logoUrl } : {}),
      ...(input.brandColor !== undefined ? { brand_color: input.brandColor } : {}),
      ...(input.visibility !== undefined ? { visibility: input.visibility } : {}),
      updated_at: nowIso(),
    });
    await recordAudit(trx, actor, { action: 'status_page.update', targetType: 'status_page', targetId: id, detail: { fields: Object.keys(input) } });
    await announce(trx, deps, id);
    return pageView((await pages.findPage(trx, id))!, deps.config);
  });
}

/** Deletes a page with its components and history; the page at /status stays. */
export async function deletePage(store: Store, deps: StatusDeps, actor: Actor, id: string): Promise<void> {
  await store.transaction(async (trx) => {
    const row = await pages.findPage(trx, id);
    if (!row) throw notFound('status page');
    if (row.position === 0) throw unprocessable('status-page-default', 'the page served at /status cannot be deleted; rename it instead');
    await pages.deletePage(trx, id);
    await recordAudit(trx, actor, { action: 'status_page.delete', targetType: 'status_page', targetId: id, detail: { slug: row.slug } });
    await announce(trx, deps, id);
  });
}

function componentView(row: pages.ComponentRow) {
  return {
    id: row.id,
    pageId: row.page_id,
    name: row.name,
    description: row.description,
    group: row.is_group === 1,
    groupId: row.group_id,
    serviceId: row.service_id,
    position: row.position,
    status: row.status,
    onlyShowIfDegraded: row.only_show_if_degraded === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
export type ComponentView = ReturnType<typeof componentView>;

async function checkComponentRefs(trx: Db, pageId: string, selfId: string, groupId: string | null | undefined, serviceId: string | null | undefined): Promise<void> {
  if (groupId) {
    const group = await pages.findComponent(trx, groupId);
    if (!group || group.page_id !== pageId || group.is_group !== 1 || group.id === selfId) throw invalidField('groupId', 'must be a group on the same page');
  }
  if (serviceId && !(await trx.selectFrom('services').select('id').where('id', '=', serviceId).executeTakeFirst())) {
    throw invalidField('serviceId', 'no catalog service with this id');
  }
}

export async function listComponents(db: Db, pageId: string): Promise<ComponentView[]> {
  if (!(await pages.findPage(db, pageId))) throw notFound('status page');
  return (await pages.listComponents(db, [pageId])).map(componentView);
}

export async function createComponent(store: Store, deps: StatusDeps, actor: Actor, pageId: string, input: NewComponent): Promise<ComponentView> {
  const id = randomUUID();
  const now = nowIso();
  if (input.group && input.groupId) throw invalidField('groupId', 'a group cannot sit inside another group');
  return store.transaction(async (trx) => {
    if (!(await pages.findPage(trx, pageId))) throw notFound('status page');
    await checkComponentRefs(trx, pageId, id, input.groupId, input.serviceId);
    const status = input.status ?? 'operational';
    const position = input.position ?? (await pages.listComponents(trx, [pageId])).length;
    await pages.insertComponent(trx, {
      id,
      page_id: pageId,
      group_id: input.groupId ?? null,
      is_group: input.group ? 1 : 0,
      name: input.name,
      description: input.description ?? null,
      position,
      service_id: input.serviceId ?? null,
      status,
      only_show_if_degraded: input.onlyShowIfDegraded ? 1 : 0,
      created_at: now,
      updated_at: now,
    });
    await pages.insertHistory(trx, id, status, now, 'created');
    await recordAudit(trx, actor, { action: 'status_component.create', targetType: 'status_component', targetId: id, detail: { pageId, name: input.name } });
    await announce(trx, deps, pageId);
    return componentView((await pages.findComponent(trx, id))!);
  });
}

export async function updateComponent(store: Store, deps: StatusDeps, actor: Actor, id: string, input: ComponentChanges): Promise<ComponentView> {
  return store.transaction(async (trx) => {
    const row = await pages.findComponent(trx, id, true);
    if (!row) throw notFound('status component');
    if (input.groupId && row.is_group === 1) throw invalidField('groupId', 'a group cannot sit inside another group');
    await checkComponentRefs(trx, row.page_id, id, input.groupId, input.serviceId);
    await pages.updateComponent(trx, id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.groupId !== undefined ? { group_id: input.groupId } : {}),
      ...(input.serviceId !== undefined ? { service_id: input.serviceId } : {}),
      ...(input.position !== undefined ? { position: input.position } : {}),
      ...(input.onlyShowIfDegraded !== undefined ? { only_show_if_degraded: input.onlyShowIfDegraded ? 1 : 0 } : {}),
      updated_at: nowIso(),
    });
    await recordAudit(trx, actor, { action: 'status_component.update', targetType: 'status_component', targetId: id, detail: { fields: Object.keys(input) } });
    await announce(trx, deps, row.page_id);
    return componentView((await pages.findComponent(trx, id))!);
  });
}

export async function deleteComponent(store: Store, deps: StatusDeps, actor: Actor, id: string): Promise<void> {
  await store.transaction(async (trx) => {
    const row = await pages.findComponent(trx, id);
    if (!row) throw notFound('status component');
    await pages.deleteComponent(trx, id);
    await recordAudit(trx, actor, { action: 'status_component.delete', targetType: 'status_component', targetId: id, detail: { name: row.name } });
    await announce(trx, deps, row.page_id);
  });
}

/**
 * Moves a component to a state in trx and records it in its history (a no-op
 * when it is already there). Returns the state it left.
 */
export async function setComponentStatusInTx(trx: Db, deps: StatusDeps, componentId: string, status: ComponentStatus, cause: string, at = nowIso()): Promise<{ row: pages.ComponentRow; previous: ComponentStatus }> {
  const row = await pages.findComponent(trx, componentId, true);
  if (!row) throw notFound('status component');
  if (row.is_group === 1) throw invalidField('status', 'a group takes the worst state of its components; set theirs');
  if (row.status !== status) {
    await pages.updateComponent(trx, componentId, { status, updated_at: at });
    await pages.insertHistory(trx, componentId, status, at, cause);
    await announce(trx, deps, row.page_id);
  }
  return { row, previous: row.status };
}

/** Sets a component's state by hand (a responder marking Degraded Performance, say). */
export async function setComponentStatus(store: Store, deps: StatusDeps, actor: Actor, componentId: string, status: ComponentStatus): Promise<ComponentView> {
  return store.transaction(async (trx) => {
    const { previous } = await setComponentStatusInTx(trx, deps, componentId, status, 'manual');
    await recordAudit(trx, actor, { action: 'status_component.status', targetType: 'status_component', targetId: componentId, detail: { from: previous, to: status } });
    return componentView((await pages.findComponent(trx, componentId))!);
  });
}
