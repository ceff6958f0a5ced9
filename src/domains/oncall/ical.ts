/**
 * iCalendar rendering of on-call shifts (RFC 5545) with ical-generator.
 * Times are written in UTC: calendar apps show them in the reader's own zone,
 * and UTC instants carry no DST ambiguity.
 */
import { createHash } from 'node:crypto';
import ical, { ICalEventTransparency } from 'ical-generator';

export interface FeedShift {
  start: Date;
  end: Date;
  summary: string;
  description: string;
  /** Stable across refreshes for the same shift, so calendar apps update instead of duplicating. */
  key: string;
}

/** How often subscribed calendar apps should refresh (REFRESH-INTERVAL / X-PUBLISHED-TTL). */
export const FEED_REFRESH_SECONDS = 3600;

/** Renders a subscribable calendar; `stamp` is when it was generated (DTSTAMP). */
export function renderCalendar(name: string, shifts: readonly FeedShift[], stamp: Date): string {
  const calendar = ical({ name, prodId: { company: 'Firebreak', product: 'on-call', language: 'EN' }, ttl: FEED_REFRESH_SECONDS });
  for (const s of shifts) {
    calendar.createEvent({
      id: `${createHash('sha256').update(s.key).digest('hex').slice(0, 32)}@firebreak`,
      start: s.start,
      end: s.end,
      stamp,
      summary: s.summary,
      description: s.description,
      // On call is not busy: the shift must not block other meetings in the reader's calendar.
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  return calendar.toString();
}
