/**
 * The public face of an incident, written from the war
 * room: a `published_publicly` fact becomes an update on the status page, in
 * the transaction that appends the event (see incident-facts.ts). Only what the
 * update carries is published (its text, public title, public status and
 * component states); nothing else of the incident is read. Internal updates
 * go to the workspace's update channels through the outbox instead.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { fromJson, nowIso, toJson } from '../../db/dialect.js';
import { invalidField, unprocessable } from '../../errors.js';
import type { IncidentRecord, IncidentState, StoredEvent } from '../incidents/model.js';
import { impactOf, publicStatusFor, IMPACTS, type ComponentStatus, type PublicIncidentStatus } from './model.js';
import { announce, setComponentStatusInTx, type StatusDeps } from './service.js';
import type { AffectedComponent } from './snapshot.js';
import * as store from './store.js';
import { scheduleSubscriberNotice } from './subscribers.js';

export interface UpdatePosted {
  audience: 'internal' | 'public';
  text: string;
  nextUpdateAt?: string;
  publicTitle?: string;
  publicStatus?: PublicIncidentStatus;
  components?: Array<{ componentId: string; status: ComponentStatus }>;
  pageId?: string;
}

/** A public update on the status page, in the appending transaction (refused when it cannot be published). */
export async function publishPublicUpdate(trx: Transaction<Database>, deps: StatusDeps, incident: IncidentRecord, event: StoredEvent, state: IncidentState, body: UpdatePosted): Promise<void> {
  const onPage = body.publicTitle !== undefined || body.components !== undefined || body.publicStatus !== undefined || body.pageId !== undefined || (await store.listStatusIncidentsOf(trx, incident.id)).length > 0;
  if (!onPage) return;
  if (incident.private) throw unprocessable('private-incident-not-public', 'a private incident has no public face: post this update with audience internal');
  if (incident.drill) throw unprocessable('drill-not-public', 'a drill never reaches the status page: post this update with audience internal');
  const page = body.pageId ? await store.findPage(trx, body.pageId) : await store.findDefaultPage(trx);
  if (!page) throw invalidField('body.pageId', body.pageId ? 'no status page with this id' : 'not published: there is no status page yet; create one under Status pages (or `firebreak statuspage create`) first');
  const existing = await store.findStatusIncident(trx, page.id, incident.id);
  // The status page shows an incident once an update names its public title; a public update
  // without one (a customer email, say) is not a status page post, and the page never falls
  // back to the internal title.
  if (!existing && !body.publicTitle) {
    if (body.components?.length || body.publicStatus || body.pageId) throw invalidField('body.publicTitle', 'the first status page update must give the title the page shows');
    return;
  }
  const now = nowIso();
  const status = body.publicStatus ?? publicStatusFor(state.status);
  const cause = `incident:${incident.id}`;
  const affected: AffectedComponent[] = [];
  const given = new Map((body.components ?? []).map((c) => [c.componentId, c.status]));
  const componentIds = new Set([...(existing ? (fromJson<string[]>(existing.component_ids) ?? []) : []), ...given.keys()]);
  for (const id of componentIds) {
    const target = given.get(id) ?? (status === 'resolved' ? 'operational' : undefined);
    if (!target) continue;
    const component = await store.findComponent(trx, id);
    if (!component || component.page_id !== page.id || component.is_group === 1) {
      const at = (body.components ?? []).findIndex((c) => c.componentId === id);
      throw invalidField(at >= 0 ? `body.components[${at}].componentId` : 'body.components', `component ${id} is not a component of the status page ${page.slug}`);
    }
    const { previous } = await setComponentStatusInTx(trx, deps, id, target, cause, now);
    affected.push({ code: id, name: component.name, old_status: previous, new_status: target });
  }
  const newImpact = impactOf([...given.values()]);
  const impact = existing && IMPACTS.indexOf(existing.impact) > IMPACTS.indexOf(newImpact) ? existing.impact : newImpact;
  const statusIncidentId = existing?.id ?? randomUUID();
  const times = {
    monitoring_at: status === 'monitoring' ? (existing?.monitoring_at ?? now) : (existing?.monitoring_at ?? null),
    resolved_at: status === 'resolved' ? now : null,
  };
  if (existing) {
    await store.updateStatusIncident(trx, existing.id, { name: body.publicTitle ?? existing.name, status, impact, component_ids: toJson([...componentIds]), updated_at: now, ...times });
  } else {
    await store.insertStatusIncident(trx, {
      id: statusIncidentId,
      page_id: page.id,
      incident_id: incident.id,
      name: body.publicTitle!,
      status,
      impact,
      component_ids: toJson([...componentIds]),
      started_at: state.keyTimes.declaredAt,
      created_at: now,
      updated_at: now,
      ...times,
    });
  }
  const updateId = randomUUID();
  await store.insertStatusUpdate(trx, {
    id: updateId,
    status_incident_id: statusIncidentId,
    status,
    body: body.text,
    affected_components: toJson(affected),
    source_seq: event.seq,
    created_at: now,
    notified_at: null,
  });
  await scheduleSubscriberNotice(trx, deps, { kind: 'incident_update', id: updateId });
  await announce(trx, deps, page.id);
}

/**
 * The all-clear (docs/practices.md#update-cadence): an incident with a public face is resolved only after
 * a public update saying so, or with an override and its reason (then the
 * public incident is closed as it stands and its components return to operational).
 */
export async function requireAllClear(trx: Transaction<Database>, deps: StatusDeps, incident: IncidentRecord, event: StoredEvent): Promise<void> {
  const open = (await store.listStatusIncidentsOf(trx, incident.id)).filter((i) => i.status !== 'resolved');
  if (open.length === 0) return;
  const override = (event.body as { override?: { reason: string } }).override;
  if (!override) {
    throw unprocessable(
      'public-all-clear-required',
      'this incident is on the status page: post a public update with publicStatus "resolved" (the all-clear) first, or resolve with an override and its reason',
    );
  }
  const now = nowIso();
  for (const publicIncident of open) {
    for (const id of fromJson<string[]>(publicIncident.component_ids) ?? []) {
      const component = await store.findComponent(trx, id);
      if (component && component.is_group === 0) await setComponentStatusInTx(trx, deps, id, 'operational', `incident:${incident.id}`, now);
    }
    await store.updateStatusIncident(trx, publicIncident.id, { status: 'resolved', resolved_at: now, updated_at: now });
    await announce(trx, deps, publicIncident.page_id);
  }
}
