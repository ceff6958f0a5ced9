/**
 * Keeps every incident list on screen live without polling: follows
 * GET /api/v1/incidents/stream and applies each pushed summary to the cached
 * lists. While the stream is down the screen says "reconnecting"; after a
 * reconnect (or a `resync`) the lists are loaded again, so nothing is missed.
 */
import { useEffect, useState } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createParser } from 'eventsource-parser';
import type { IncidentSummary } from '../../api/types';
import { applyListChange } from './list-changes';
import { LIST_LIMIT, type ListFilters } from './queries';

export type ListConnection = 'connecting' | 'live' | 'reconnecting';

const RETRY_MS = [250, 500, 1000, 2000];

function applyToCachedLists(client: QueryClient, incident: IncidentSummary, myId: string): void {
  for (const [key, list] of client.getQueriesData<IncidentSummary[]>({ queryKey: ['incidents'] })) {
    if (!list) continue;
    const filters = key[1] as ListFilters;
    client.setQueryData(key, applyListChange(list, incident, filters, myId, LIST_LIMIT));
  }
}

export function useListStream(myId: string): ListConnection {
  const client = useQueryClient();
  const [connection, setConnection] = useState<ListConnection>('connecting');

  useEffect(() => {
    let stopped = false;
    let controller: AbortController | null = null;

    const follow = async (): Promise<void> => {
      controller = new AbortController();
      const res = await fetch('/api/v1/incidents/stream', { headers: { accept: 'text/event-stream' }, credentials: 'same-origin', signal: controller.signal });
      if (!res.ok || !res.body) throw new Error(`stream answered ${res.status}`);
      setConnection('live');
      // Whatever changed while we were away: load the lists again once.
      void client.invalidateQueries({ queryKey: ['incidents'] });
      let ended = false;
      const parser = createParser({
        onEvent(message) {
          if (message.event === 'incident') {
            try {
              applyToCachedLists(client, JSON.parse(message.data) as IncidentSummary, myId);
            } catch {
              void client.invalidateQueries({ queryKey: ['incidents'] });
            }
          } else if (message.event === 'resync') void client.invalidateQueries({ queryKey: ['incidents'] });
          else if (message.event === 'closed') ended = true;
        },
      });
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done || ended) return;
        parser.feed(value);
      }
    };

    const run = async () => {
      let attempt = 0;
      while (!stopped) {
        try {
          await follow();
          attempt = 0;
        } catch {
          // Refused or cut: shown as reconnecting, then tried again.
        }
        if (stopped) return;
        setConnection('reconnecting');
        // A withdrawn session shows itself on the next request: the session query decides what to show.
        void client.invalidateQueries({ queryKey: ['me'] });
        await new Promise((r) => window.setTimeout(r, RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]));
        attempt++;
      }
    };
    void run();
    return () => {
      stopped = true;
      controller?.abort();
    };
  }, [client, myId]);

  return connection;
}
