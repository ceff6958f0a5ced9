/**
 * What the CLI's reading commands print beside the state: times in the
 * reader's zone, the triage and the paging of an incident, in words.
 */
import { DateTime } from 'luxon';
import type { Db } from '../../db/schema.js';
import type { Actor } from '../auth/identity.js';
import { listEscalations } from '../oncall/escalation-service.js';

/** "2026-12-06 03:02:11 Europe/Berlin"-style clock in the reader's zone (the zone is named once, by the caller). */
export function readerClock(zone: string): (iso: string) => string {
  return (iso) => DateTime.fromISO(iso, { zone }).toFormat('yyyy-MM-dd HH:mm:ss');
}

/** Triage of an alert-declared incident: pending (with its target) or confirmed. */
export function triageText(s: { triage: { pending: boolean; dueAt: string | null; confirmedAt: string | null } }, clock: (iso: string) => string): string {
  if (s.triage.pending) return `pending: confirm or change the severity${s.triage.dueAt ? ` (target ${clock(s.triage.dueAt)})` : ''}`;
  return s.triage.confirmedAt ? `severity confirmed ${clock(s.triage.confirmedAt)}` : 'declared by a person';
}

export interface PagingState {
  /** One word for a table: paging, acknowledged, unanswered, resolved or none. */
  short: string;
  /** One line per escalation for `incident show`. */
  lines: string[];
}

const SHORT: Record<string, string> = { active: 'paging', exhausted: 'unanswered', acknowledged: 'acknowledged', resolved: 'resolved' };

/** The pages sent for an incident (through the on-call service): who was paged and whether anyone answered. */
export async function pagingState(db: Db, actor: Actor, incidentId: string, clock: (iso: string) => string, names: (id: string) => Promise<string>): Promise<PagingState> {
  const escalations = await listEscalations(db, actor, { incidentId, limit: 20 });
  if (escalations.length === 0) return { short: 'none', lines: [] };
  // The most urgent state wins the one-word summary: someone still being paged, then nobody answering.
  const order = ['active', 'exhausted', 'acknowledged', 'resolved'];
  const first = [...escalations].sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status))[0]!;
  const lines: string[] = [];
  for (const e of escalations) {
    const paged = [...new Set(await Promise.all(e.pages.map((p) => names(p.userId))))];
    const who = paged.length > 0 ? `paged ${paged.join(', ')}` : 'nobody paged yet';
    const ack = e.acknowledgedAt ? `, acknowledged ${clock(e.acknowledgedAt)}${e.acknowledgedBy ? ` by ${await names(e.acknowledgedBy)}` : ''}` : '';
    const next = e.status === 'active' && e.nextStep ? `, next step ${clock(e.nextStep.at)}` : '';
    lines.push(`${SHORT[e.status] ?? e.status}: ${e.policy.name}, ${who}${ack}${next}`);
  }
  return { short: SHORT[first.status] ?? first.status, lines };
}
