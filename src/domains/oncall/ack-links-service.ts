/**
 * Acting on a page's link. Looking at a link changes nothing (mail scanners
 * and chat previews fetch links); acting on it acknowledges or resolves the
 * alert group through the alerts service (which stops the escalation in the
 * same transaction), or fires the next step now.
 */
import type { Db } from '../../db/schema.js';
import type { Store } from '../../db/store.js';
import { conflict, forbidden, notFound } from '../../errors.js';
import { roleAtLeast, type Actor } from '../auth/identity.js';
import { getUser } from '../auth/service.js';
import { setGroupStatus, type AlertDeps } from '../alerts/service.js';
import { escalateNowInTx, stopEscalationInTx } from './escalation-service.js';
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
  return { purpose: link.purpose, title: esc.title, recipient: user.name, escalationStatus: esc.status, usable: why === null, why };
}

/** Acts on a link, as the person it was sent to. Returns what happened, in words. */
export async function actOnLink(deps: AlertDeps & { store: Store }, token: string, meta: { ip: string | null; requestId: string | null }, only?: LinkPurpose): Promise<{ purpose: LinkPurpose; outcome: string; incidentRef: string | null }> {
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
  const outcome = await actOnEscalation(deps, actor, esc.id, link.purpose);
  await deps.store.transaction((trx) => useLink(trx, token, clockNow().toISOString())).catch((err: unknown) => {
    // Two clicks racing: the other one marked it; the acknowledgement stands either way.
    if (!(err instanceof Error && 'type' in err && (err as { type: string }).type === 'link-used')) throw err;
  });
  return { purpose: link.purpose, outcome, incidentRef: factsOf(esc).incidentRef };
}

/**
 * Acknowledges, resolves or escalates an escalation now, by any path (link,
 * API, CLI). An alert group's escalation goes through the alerts service, so
 * the group and its escalation change in one transaction.
 */
export async function actOnEscalation(deps: AlertDeps & { store: Store }, actor: Actor, escalationId: string, purpose: LinkPurpose): Promise<string> {
  const esc = await store.findEscalation(deps.store.db, escalationId);
  if (!esc) throw notFound('escalation');
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
  return to === 'acknowledged' ? 'Acknowledged: the escalation has stopped.' : 'Resolved: the escalation has stopped.';
}
