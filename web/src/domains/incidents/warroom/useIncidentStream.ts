/**
 * Keeps the war room live: loads the whole timeline, then follows the
 * incident's SSE stream from the last seq it holds. When the stream drops it
 * says so ("reconnecting") and resumes with Last-Event-ID, so nothing is
 * missed or shown twice; the screen is never silently stale.
 */
import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { createParser } from 'eventsource-parser';
import { api, unwrap } from '../../../api/client';
import type { StoredEvent } from '../../../api/types';
import { EMPTY_TIMELINE, merge, type Timeline } from './timeline-store';

export type Connection = 'loading' | 'live' | 'reconnecting';

const PAGE = 1000;
const RETRY_MS = [250, 500, 1000, 2000];

/** The whole timeline: the first page says how long it is, the rest are fetched side by side. */
async function eventsAfter(ref: string, after: number): Promise<StoredEvent[]> {
  const page = (from: number) => unwrap(api.GET('/api/v1/incidents/{id}/events', { params: { path: { id: ref }, query: { after: from, limit: PAGE } } }));
  const first = await page(after);
  const found = first.events as StoredEvent[];
  if (first.events.length < PAGE) return found;
  const starts: number[] = [];
  for (let from = after + PAGE; from < first.lastSeq; from += PAGE) starts.push(from);
  const rest = await Promise.all(starts.map(page));
  found.push(...rest.flatMap((p) => p.events as StoredEvent[]));
  // Events appended meanwhile arrive on the stream, which resumes from the last seq held.
  return found;
}

export function useIncidentStream(ref: string): { timeline: Timeline; connection: Connection } {
  const client = useQueryClient();
  const [timeline, setTimeline] = useState<Timeline>(EMPTY_TIMELINE);
  const [connection, setConnection] = useState<Connection>('loading');
  const latest = useRef<Timeline>(EMPTY_TIMELINE);

  useEffect(() => {
    let stopped = false;
    let controller: AbortController | null = null;
    let refreshTimer: number | undefined;
    latest.current = EMPTY_TIMELINE;
    setTimeline(EMPTY_TIMELINE);
    setConnection('loading');

    const accept = (events: StoredEvent[]) => {
      const next = merge(latest.current, events);
      if (next === latest.current) return;
      latest.current = next;
      setTimeline(next);
      // The summary is the server's projection: refresh it once per burst of events.
      window.clearTimeout(refreshTimer);
      refreshTimer = window.setTimeout(() => void client.invalidateQueries({ queryKey: ['incident', ref] }), 50);
    };

    const follow = async (): Promise<void> => {
      controller = new AbortController();
      const res = await fetch(`/api/v1/incidents/${encodeURIComponent(ref)}/stream`, {
        headers: { accept: 'text/event-stream', 'last-event-id': String(latest.current.lastSeq) },
        credentials: 'same-origin',
        signal: controller.signal,
      });
      if (!res.ok || !res.body) throw new Error(`stream answered ${res.status}`);
      setConnection('live');
      // Anything appended while we were away arrives first on the resumed stream; refresh the summary too.
      void client.invalidateQueries({ queryKey: ['incident', ref] });
      const parser = createParser({
        onEvent(message) {
          if (!message.id) return;
          try {
            accept([JSON.parse(message.data) as StoredEvent]);
          } catch {
            // A frame we cannot read is skipped; the next reconnect re-reads from lastSeq.
          }
        },
      });
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        parser.feed(value);
      }
    };

    const run = async () => {
      let attempt = 0;
      while (!stopped) {
        try {
          if (latest.current === EMPTY_TIMELINE) accept(await eventsAfter(ref, 0));
          await follow();
          attempt = 0;
        } catch {
          if (stopped) return;
        }
        if (stopped) return;
        setConnection('reconnecting');
        await new Promise((r) => window.setTimeout(r, RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]));
        attempt++;
      }
    };
    void run();
    return () => {
      stopped = true;
      window.clearTimeout(refreshTimer);
      controller?.abort();
    };
  }, [ref, client]);

  return { timeline, connection };
}
