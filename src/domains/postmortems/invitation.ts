/**
 * The postmortem meeting invitation: an iCalendar REQUEST (RFC 5546) with one
 * attendee per person who held a role on the incident, and who those people
 * are, read from the log. Pure.
 */
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod } from 'ical-generator';
import type { IncidentEvent } from '../incidents/events.js';

export interface Invitation {
  /** Stable per postmortem, so a reschedule updates the same calendar entry. */
  uid: string;
  /** Raised on every reschedule (RFC 5545 SEQUENCE). */
  sequence: number;
  start: Date;
  minutes: number;
  summary: string;
  description: string;
  organizer: { name: string; email: string };
  attendees: Array<{ name: string; email: string }>;
}

/** The invitation as an .ics text with METHOD:REQUEST. */
export function invitationIcs(inv: Invitation, stamp: Date): string {
  const calendar = ical({ prodId: { company: 'Firebreak', product: 'postmortems', language: 'EN' }, method: ICalCalendarMethod.REQUEST });
  calendar.createEvent({
    id: inv.uid,
    sequence: inv.sequence,
    start: inv.start,
    end: new Date(inv.start.getTime() + inv.minutes * 60_000),
    stamp,
    summary: inv.summary,
    description: inv.description,
    organizer: inv.organizer,
    attendees: inv.attendees.map((a) => ({ name: a.name, email: a.email, rsvp: true, role: ICalAttendeeRole.REQ, status: ICalAttendeeStatus.NEEDSACTION })),
  });
  return calendar.toString();
}

/**
 * User ids of everyone who held a role on the incident at any time: the
 * commander named at declaration, every role assignment and every hand-off,
 * in the order they first took one.
 */
export function roleHolderIds(events: readonly IncidentEvent[]): string[] {
  const ids: string[] = [];
  const add = (id: string | null | undefined) => {
    if (id && !ids.includes(id)) ids.push(id);
  };
  for (const e of events) {
    if (e.kind === 'declared') add(e.body.commander?.userId);
    else if (e.kind === 'role_assigned') add(e.body.userId);
    else if (e.kind === 'handoff' && (e.body.role || e.body.specialty)) add(e.body.to.userId);
  }
  return ids;
}
