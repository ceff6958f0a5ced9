/**
 * Change events: recorded from intake (a change source's key), the API and the
 * CLI, stored per service, and read back as revert-first suggestions on an
 * incident.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/schema.js';
import type { Store } from '../../db/store.js';
import { nowIso } from '../../db/dialect.js';
import { DomainError, forbidden, invalidField, notFound } from '../../errors.js';
import { recordAudit } from '../audit/service.js';
import type { Actor } from '../auth/identity.js';
import { hashSecret, newSecret } from '../auth/secrets.js';
import { findServiceByIdOrName, getService, listServices } from '../catalog/service.js';
import type { NormalizedChange } from './adapt.js';
import * as store from './store.js';
import type { ChangeKind, ChangeOrigin } from './tables.js';

export interface ChangeView {
  id: string;
  serviceId: string;
  origin: ChangeOrigin;
  kind: ChangeKind;
  summary: string | null;
  version: string | null;
  author: string | null;
  link: string | null;
  startedAt: string;
  finishedAt: string | null;
  rollback: { command: string | null; link: string | null };
  recordedAt: string;
}

export interface ChangeSourceView {
  id: string;
  name: string;
  serviceId: string | null;
  keyPrefix: string;
  enabled: boolean;
  createdAt: string;
}

export function toChangeView(row: store.ChangeRow): ChangeView {
  return {
    id: row.id,
    serviceId: row.service_id,
    origin: row.origin,
    kind: row.kind,
    summary: row.summary,
    version: row.version,
    author: row.author,
    link: row.link,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    rollback: { command: row.rollback_command, link: row.rollback_link },
    recordedAt: row.recorded_at,
  };
}

function toSourceView(row: store.SourceRow): ChangeSourceView {
  return { id: row.id, name: row.name, serviceId: row.service_id, keyPrefix: row.key_prefix, enabled: row.disabled_at === null, createdAt: row.created_at };
}

/** Creates a change source; its key is returned here only and stored hashed. It also signs GitHub webhooks. */
export async function createChangeSource(st: Store, actor: Actor, input: { name: string; serviceId?: string | undefined }): Promise<{ source: ChangeSourceView; key: string }> {
  const name = input.name.trim();
  if (!name) throw invalidField('name', 'must not be blank');
  const key = newSecret('fbc');
  const row: store.SourceRow = { id: randomUUID(), name, service_id: input.serviceId ?? null, key_hash: hashSecret(key), key_prefix: key.slice(0, 10), disabled_at: null, created_at: nowIso() };
  return st.transaction(async (trx) => {
    if (input.serviceId !== undefined) {
      await getService(trx, input.serviceId).catch((err: unknown) => {
        if (err instanceof DomainError && err.kind === 'not_found') throw invalidField('serviceId', `no service with id ${input.serviceId}`);
        throw err;
      });
    }
    await store.insertSource(trx, row);
    await recordAudit(trx, actor, { action: 'change_source.create', targetType: 'change_source', targetId: row.id, detail: { name, serviceId: row.service_id } });
    return { source: toSourceView(row), key };
  });
}

/** Enables or disables a change source; a disabled one's key gets 403 at intake. */
export async function setChangeSourceEnabled(st: Store, actor: Actor, id: string, enabled: boolean): Promise<ChangeSourceView> {
  return st.transaction(async (trx) => {
    const row = await store.findSource(trx, id);
    if (!row) throw notFound(`change source ${id}`);
    await store.setSourceDisabled(trx, id, enabled ? null : (row.disabled_at ?? nowIso()));
    await recordAudit(trx, actor, { action: enabled ? 'change_source.enable' : 'change_source.disable', targetType: 'change_source', targetId: id, detail: { name: row.name } });
    return toSourceView((await store.findSource(trx, id))!);
  });
}

export async function listChangeSources(db: Db): Promise<ChangeSourceView[]> {
  return (await store.listSources(db)).map(toSourceView);
}

/** The enabled change source a key opens: 404 for an unknown key, 403 when disabled. */
export async function resolveChangeSource(db: Db, key: string): Promise<ChangeSourceView> {
  const row = await store.findSourceByKeyHash(db, hashSecret(key));
  if (!row) throw new DomainError('not_found', 'unknown-change-source-key', 'no change source has this key');
  if (row.disabled_at !== null) throw forbidden(`the change source "${row.name}" is disabled`);
  return toSourceView(row);
}

/** The actor an intake request records as: the change source. */
export function sourceActor(source: ChangeSourceView, request: { ip: string; requestId: string }): Actor {
  return { userId: null, label: `change-source:${source.name}`, role: null, via: 'integration', ip: request.ip, requestId: request.requestId };
}

/**
 * Stores one change (a redelivery with the same external key updates it).
 * The service is the payload's (id or name), else the source's default;
 * an unknown one is refused naming `service`.
 */
export async function recordChange(st: Store, actor: Actor, origin: ChangeOrigin, change: NormalizedChange, source?: ChangeSourceView): Promise<ChangeView> {
  return st.transaction(async (trx) => {
    const named = change.service ?? null;
    const service = named !== null ? await findServiceByIdOrName(trx, named) : source?.serviceId ? await getService(trx, source.serviceId) : undefined;
    if (!service) throw invalidField('service', named === null ? 'is required (the source has no default service)' : `no service named or with id "${named}" in the catalog`);
    const row = await store.upsertChange(trx, {
      id: randomUUID(),
      service_id: service.id,
      source_id: source?.id ?? null,
      origin,
      external_key: change.externalKey,
      kind: change.kind,
      summary: change.summary,
      version: change.version,
      author: change.author,
      link: change.link,
      started_at: change.startedAt,
      finished_at: change.finishedAt,
      rollback_command: change.rollbackCommand,
      rollback_link: change.rollbackLink,
      recorded_at: nowIso(),
    });
    await recordAudit(trx, actor, { action: 'change.record', targetType: 'change', targetId: row.id, detail: { serviceId: service.id, kind: row.kind, origin } });
    return toChangeView(row);
  });
}

export interface ChangeQuery {
  service?: string | undefined;
  kind?: ChangeKind | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit?: number | undefined;
}

/** Changes, newest first, filtered by service (id or name), kind and start time. */
export async function listChanges(db: Db, q: ChangeQuery): Promise<ChangeView[]> {
  let serviceIds: string[] | undefined;
  if (q.service !== undefined) {
    const found = await findServiceByIdOrName(db, q.service);
    if (!found) throw invalidField('service', `no service named or with id "${q.service}"`);
    serviceIds = [found.id];
  }
  if (q.from && q.to && q.from > q.to) throw invalidField('from', 'must not be after to');
  const norm = (t: string | undefined) => (t === undefined ? undefined : new Date(t).toISOString());
  return (await store.listChanges(db, { serviceIds, kind: q.kind, from: norm(q.from), to: norm(q.to), limit: q.limit ?? 100 })).map(toChangeView);
}

/** One change by id. */
export async function getChange(db: Db, id: string): Promise<ChangeView> {
  const row = await store.findChange(db, id);
  if (!row) throw notFound(`change ${id}`);
  return toChangeView(row);
}

/** Service names by id, for messages. */
export async function serviceNamesById(db: Db): Promise<Map<string, string>> {
  return new Map((await listServices(db)).map((s) => [s.id, s.name]));
}
