/**
 * Acting on a page's link. Looking at a link changes nothing (mail scanners
 * and chat previews fetch links); acting on it acknowledges or resolves the
 * alert group through the alerts service (which stops the escalation in the
 * same transaction), or fires the next step now.
 */
import type { Db } from '../../db/schema.js';
import type { Store } from '../../db/store.js';
import { conflict, forbidden, invalidField, notFound } from '../../errors.js';
import { getIncidentRow } from '../incidents/service.js';
import { roleAtLeast, type Actor } from '../auth/identity.js';
import { getUser } from '../auth/service.js';
import { setGroupStatus, type AlertDeps } from '../alerts/service.js';
import { escalateNowInTx, stopEscalationInTx, takeCommandIfNone } from './escalation-service.js';
import * as store from './escalation-store.js';
import { findLink, useLink } from './ack-links.js';
import { factsOf } from './paging.js';
import type { LinkPurpose } from './paging-tables.js';
import { clockNow } from '../../clock.js';

export interface LinkPreview {
  purpose: LinkPurpose;
  title: string;
  recipient: string;
  escalationStatus: store.EscalationRow['status'];
  usable: boolean;
  why: string | null;
  /** An acknowledgement of a page for an incident nobody commands offers "Acknowledge and take command". */
  offersCommand: boolean;
}

/** What a link would do, for the confirmation page; changes nothing. */
export async function previewLink(db: Db, token: string): Promise<LinkPreview> {
  const link = await findLink(db, token);
  const esc = await store.findEscalation(db, link.escalation_id);
  if (!esc) throw notFound('link', 'link-not-found');
  const user = await getUser(db, link.user_id);
  const why = link.used_at
    ? 'this link has already been used'
    : link.expires_at <= clockNow().toISOString()
      ? 'this link has expired'
      : user.disabled || !roleAtLeast(user.role, 'responder')
        ? 'the person this link was sent to may no longer act on pages'
        : null;
  const incident = link.purpose === 'acknowledge' && esc.incident_id ? await getIncidentRow(db, esc.incident_id) : undefined;
  const offersCommand = !!incident && incident.status !== 'resolved' && !incident.commander_id;
  return { purpose: link.purpose, title: esc.title, recipient: user.name, escalationStatus: esc.status, usable: why === null, why, offersCommand };
}

/** Acts on a link, as the person it was sent to. Returns what happened, in words. */
export async function actOnLink(deps: AlertDeps & { store: Store }, token: string, meta: { ip: string | null; requestId: string | null }, only?: LinkPurpose, options: AckOptions = {}): Promise<{ purpose: LinkPurpose; outcome: string; incidentRef: string | null }> {
  const link = await findLink(deps.store.db, token);
  if (only && link.purpose !== only) throw conflict('link-purpose', `this is a link to ${link.purpose}, not to ${only}`);
  if (link.used_at) throw conflict('link-used', 'this link has already been used');
  if (link.expires_at <= clockNow().toISOString()) throw conflict('link-expired', 'this link has expired; act from the app or the CLI instead');
  const user = await getUser(deps.store.db, link.user_id);
  if (user.disabled) throw forbidden('the person this link was sent to is disabled');
  // The link carries the role its holder has now, not the one they had when paged.
  if (!roleAtLeast(user.role, 'responder')) throw forbidden('the person this link was sent to is no longer a responder; acknowledging needs that role');
  const actor: Actor = { userId: user.id, label: user.email, role: user.role, via: 'token', ip: meta.ip, requestId: meta.requestId };
  const esc = await store.findEscalation(deps.store.db, link.escalation_id);
  if (!esc) throw notFound('link', 'link-not-found');

  if (link.purpose === 'escalate') {
    await deps.store.transaction(async (trx) => {
      await useLink(trx, token, clockNow().toISOString());
      await escalateNowInTx(trx, deps, actor, esc.id);
    });
    return { purpose: link.purpose, outcome: 'The next step of the escalation is paging now.', incidentRef: factsOf(esc).incidentRef };
  }
  // Acknowledging twice is harmless, so the link is marked used after the change has committed.
  const outcome = await actOnEscalation(deps, actor, esc.id, link.purpose, options);
  await deps.store.transaction((trx) => useLink(trx, token, clockNow().toISOString())).catch((err: unknown) => {
    // Two clicks racing: the other one marked it; the acknowledgement stands either way.
    if (!(err instanceof Error && 'type' in err && (err as { type: string }).type === 'link-used')) throw err;
  });
  return { purpose: link.purpose, outcome, incidentRef: factsOf(esc).incidentRef };
}

export interface AckOptions {
  /** "Acknowledge and take command": also take command of the incident when nobody holds it. */
  takeCommand?: boolean;
}

/**
 * Acknowledges, resolves or escalates an escalation now, by any path (link,
 * API, CLI). An alert group's escalation goes through the alerts service, so
 * the group and its escalation change in one transaction.
 */
export async function actOnEscalation(deps: AlertDeps & { store: Store }, actor: Actor, escalationId: string, purpose: LinkPurpose, options: AckOptions = {}): Promise<string> {
  const esc = await store.findEscalation(deps.store.db, escalationId);
  if (!esc) throw notFound('escalation');
  if (options.takeCommand && purpose !== 'acknowledge') throw invalidField('takeCommand', 'command can be taken only together with an acknowledgement');
  if (options.takeCommand && !esc.incident_id) throw invalidField('takeCommand', 'this page is for an alert without an incident, so there is no command to take');
  if (purpose === 'escalate') {
    await deps.store.transaction((trx) => escalateNowInTx(trx, deps, actor, esc.id));
    return 'The next step of the escalation is paging now.';
  }
  const to = purpose === 'acknowledge' ? 'acknowledged' : 'resolved';
  if (esc.alert_group_id) {
    await setGroupStatus(deps, actor, esc.alert_group_id, to);
  } else {
    await deps.store.transaction(async (trx) => {
      const locked = await store.lockEscalation(trx, esc.id);
      if (locked && store.UNANSWERED.includes(locked.status)) await stopEscalationInTx(trx, deps, actor, locked, to);
    });
  }
  if (to === 'resolved') return 'Resolved: the escalation has stopped.';
  if (!options.takeCommand) return 'Acknowledged: the escalation has stopped.';
  const command = await takeCommandIfNone(deps.store, deps, actor, esc.incident_id!);
  if (command.taken) return 'Acknowledged: the escalation has stopped, and you command the incident.';
  const holder = command.commanderId ? await getUser(deps.store.db, command.commanderId) : null;
  return `Acknowledged: the escalation has stopped. ${holder?.name ?? 'Someone else'} already commands the incident.`;
}
