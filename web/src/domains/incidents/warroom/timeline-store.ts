/**
 * The war room's copy of the timeline: every event once, in sequence order.
 * Events arrive from the initial pages and from the live stream, possibly
 * overlapping after a reconnect; `merge` keeps each seq exactly once.
 */
import type { StoredEvent } from '../../../api/types';

export interface Timeline {
  events: StoredEvent[];
  lastSeq: number;
}

export const EMPTY_TIMELINE: Timeline = { events: [], lastSeq: 0 };

/** Adds events not seen yet (by seq), keeping order; returns the same object when nothing is new. */
export function merge(timeline: Timeline, incoming: StoredEvent[]): Timeline {
  const fresh = incoming.filter((e) => e.seq > timeline.lastSeq);
  if (fresh.length === 0) return timeline;
  fresh.sort((a, b) => a.seq - b.seq);
  const events = timeline.events.slice();
  let lastSeq = timeline.lastSeq;
  for (const e of fresh) {
    if (e.seq <= lastSeq) continue;
    events.push(e);
    lastSeq = e.seq;
  }
  return { events, lastSeq };
}
