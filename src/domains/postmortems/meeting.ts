/**
 * Scheduling the postmortem meeting: the invitation (.ics, METHOD:REQUEST)
 * goes through the notify outbox, one email per person who held a role on the
 * incident (and the postmortem's owner), in the transaction that scheduled it.
 */
import type { Db } from '../../db/schema.js';
import type { JobQueue } from '../../jobs/queue.js';
import { getUser } from '../auth/service.js';
import type { IncidentEvent } from '../incidents/events.js';
import { enqueueNotification } from '../notify/service.js';
import { invitationIcs, roleHolderIds } from './invitation.js';
import type { PostmortemRow } from './store.js';

export interface MeetingInvite {
  postmortem: PostmortemRow;
  incident: { id: string; ref: string; title: string };
  /** The incident's log (who held a role). */
  events: readonly IncidentEvent[];
  at: string;
  minutes: number;
  /** Raised on every reschedule. */
  sequence: number;
  organizerEmail: string;
  now: Date;
}

/** Emails the invitation to every role holder and the owner; returns who was invited (user ids). */
export async function sendMeetingInvitation(trx: Db, jobs: JobQueue, m: MeetingInvite): Promise<string[]> {
  const ids = roleHolderIds(m.events);
  if (m.postmortem.owner_id && !ids.includes(m.postmortem.owner_id)) ids.push(m.postmortem.owner_id);
  const users = (await Promise.all(ids.map((id) => getUser(trx, id).catch(() => undefined)))).filter((u) => u !== undefined && !u.disabled);
  const ics = invitationIcs({
    uid: `postmortem-${m.postmortem.id}@firebreak`,
    sequence: m.sequence,
    start: new Date(m.at),
    minutes: m.minutes,
    summary: `Postmortem review: ${m.incident.ref} ${m.incident.title}`,
    description: `Blameless review of ${m.incident.ref}. The draft from the timeline: firebreak postmortem draft ${m.incident.ref}`,
    organizer: { name: 'Firebreak', email: m.organizerEmail },
    attendees: users.map((u) => ({ name: u!.name, email: u!.email })),
  }, m.now);
  for (const u of users) {
    await enqueueNotification(trx, jobs, {
      recipientUserId: u!.id,
      subject: `Invitation: postmortem review of ${m.incident.ref} at ${m.at}`,
      text: `${m.incident.ref}: ${m.incident.title}\n\nThe postmortem review is at ${m.at} (${m.minutes} min). The calendar invitation is attached.`,
      attachments: [{ filename: 'postmortem.ics', contentType: 'text/calendar; method=REQUEST; charset=UTF-8', content: ics }],
      reason: 'postmortem.meeting',
      incidentId: m.incident.id,
    });
  }
  return users.map((u) => u!.id);
}
