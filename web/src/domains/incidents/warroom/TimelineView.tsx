/**
 * The timeline, newest first, virtualised: only the rows in view (plus a
 * margin) are in the DOM, so 5,000 events cost what 30 do. Rows have a fixed
 * height; the full text is in the row's title and in the handoff.
 */
import { useMemo, useState, type UIEvent } from 'react';
import type { StoredEvent } from '../../../api/types';
import { formatClock, formatDate } from '../../../ui/time';
import { eventText, kindLabel } from './labels';

const ROW = 52;
const OVERSCAN = 8;

interface Props {
  events: StoredEvent[];
  markerSeqs: Set<number>;
}

export function TimelineView({ events, markerSeqs }: Props) {
  const [kind, setKind] = useState('');
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  // Amendments are shown beside the event they correct.
  const amendments = useMemo(() => {
    const map = new Map<number, StoredEvent[]>();
    for (const e of events) {
      if (e.kind !== 'amended') continue;
      const target = (e.body as { targetSeq?: number }).targetSeq;
      if (typeof target === 'number') map.set(target, [...(map.get(target) ?? []), e]);
    }
    return map;
  }, [events]);
  const kinds = useMemo(() => [...new Set(events.map((e) => e.kind))].sort(), [events]);
  const shown = useMemo(() => {
    const list = kind ? events.filter((e) => e.kind === kind) : events;
    return list.slice().reverse();
  }, [events, kind]);

  const first = Math.max(0, Math.floor(scrollTop / ROW) - OVERSCAN);
  const last = Math.min(shown.length, Math.ceil((scrollTop + height) / ROW) + OVERSCAN);
  const onScroll = (e: UIEvent<HTMLDivElement>) => {
    setScrollTop(e.currentTarget.scrollTop);
    setHeight(e.currentTarget.clientHeight);
  };

  return (
    <section className="timeline" aria-labelledby="timeline-title">
      <div className="timeline-head">
        <h2 id="timeline-title">Timeline <span className="muted small">({events.length} events)</span></h2>
        <label className="small">Kind
          <select value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">all</option>
            {kinds.map((k) => <option key={k} value={k}>{kindLabel(k)}</option>)}
          </select>
        </label>
      </div>
      <div className="timeline-scroll" onScroll={onScroll} tabIndex={0} aria-label="Timeline events, newest first">
        <ol className="timeline-list" style={{ height: shown.length * ROW }}>
          {shown.slice(first, last).map((e, i) => {
            const fixes = amendments.get(e.seq);
            const late = Date.parse(e.recordedAt) - Date.parse(e.occurredAt) > 60_000;
            return (
              <li
                key={e.seq}
                className={`event kind-${e.kind} ${markerSeqs.has(e.seq) ? 'marker' : ''}`}
                style={{ transform: `translateY(${(first + i) * ROW}px)` }}
                data-seq={e.seq}
                title={eventText(e.kind, e.body)}
              >
                <div className="event-line">
                  <span className="event-time" title={`happened ${formatDate(e.occurredAt)}, recorded ${formatDate(e.recordedAt)}`}>
                    {formatClock(e.occurredAt)}
                    {late && <span className="recorded"> (rec. {formatClock(e.recordedAt)})</span>}
                  </span>
                  <span className="event-kind">{kindLabel(e.kind)}</span>
                  <span className="event-text">{eventText(e.kind, e.body)}</span>
                </div>
                <div className="event-meta">
                  #{e.seq} · {e.actorLabel}
                  {fixes && <span className="amended"> · amended: {fixes.map((f) => eventText('amended', f.body)).join('; ')}</span>}
                </div>
              </li>
            );
          })}
        </ol>
      </div>
    </section>
  );
}
