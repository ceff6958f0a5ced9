/** The paging state of an incident as `incident list` and `incident show` print it, contributed to the incident domain at assembly. */
import type { Db } from '../../db/schema.js';
import type { Actor } from '../auth/identity.js';
import type { PagingState } from '../incidents/cli-read.js';
import { listEscalations } from './escalation-service.js';

const SHORT: Record<string, string> = { active: 'paging', exhausted: 'unanswered', acknowledged: 'acknowledged', resolved: 'resolved' };

/** The pages sent for an incident (through the on-call service): who was paged and whether anyone answered. */
export async function pagingSummary(db: Db, actor: Actor, incidentId: string, clock: (iso: string) => string, names: (id: string) => Promise<string>): Promise<PagingState> {
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
