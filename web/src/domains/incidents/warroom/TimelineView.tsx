/**
 * The timeline, newest first, virtualised: only the rows in view (plus a
 * margin) are in the DOM, so 5,000 events cost what 30 do. Rows wrap their
 * whole text and so have their own heights: each rendered row is measured and
 * the offsets of the rest follow (row-heights.ts). A very long entry (a log
 * excerpt) shows its start and expands in place.
 */
import { useEffect, useMemo, useRef, useState, type UIEvent } from 'react';
import type { StoredEvent } from '../../../api/types';
import { formatClock, formatDate } from '../../../ui/time';
import { eventText, kindLabel } from './labels';
import { rowAt, rowOffsets } from './row-heights';

const ESTIMATE = 56;
const OVERSCAN_PX = 400;
/** Longer texts show this much and a "show all" button. */
const LONG = 2000;

interface Props {
  events: StoredEvent[];
  markerSeqs: Set<number>;
  /** Present when the reader may correct entries. */
  onAmend?: ((seq: number, text: string) => void) | undefined;
  /** People by id: authors show by name rather than by account email. */
  names?: ReadonlyMap<string, string> | undefined;
}

export function TimelineView({ events, markerSeqs, onAmend, names }: Props) {
  const [kind, setKind] = useState('');
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const heights = useRef(new Map<number, number>());
  const [measured, setMeasured] = useState(0);
  const observer = useRef<ResizeObserver | null>(null);

  useEffect(() => {
    observer.current = new ResizeObserver((entries) => {
      let changed = false;
      for (const entry of entries) {
        const el = entry.target as HTMLElement;
        const seq = Number(el.dataset.seq);
        const h = Math.ceil(entry.borderBoxSize[0]?.blockSize ?? el.offsetHeight);
        if (h > 0 && heights.current.get(seq) !== h) {
          heights.current.set(seq, h);
          changed = true;
        }
      }
      if (changed) setMeasured((m) => m + 1);
    });
    return () => observer.current?.disconnect();
  }, []);
  const measure = (el: HTMLLIElement | null) => {
    if (el) observer.current?.observe(el);
  };

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
  const offsets = useMemo(() => rowOffsets(shown.map((e) => e.seq), heights.current, ESTIMATE), [shown, measured]);

  const first = rowAt(offsets, Math.max(0, scrollTop - OVERSCAN_PX));
  const last = Math.min(shown.length, rowAt(offsets, scrollTop + height + OVERSCAN_PX) + 1);
  const onScroll = (e: UIEvent<HTMLDivElement>) => {
    setScrollTop(e.currentTarget.scrollTop);
    setHeight(e.currentTarget.clientHeight);
  };
  const toggle = (seq: number) => setExpanded((s) => {
    const next = new Set(s);
    if (!next.delete(seq)) next.add(seq);
    return next;
  });

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
        <ol className="timeline-list" style={{ height: offsets[shown.length] }}>
          {shown.slice(first, last).map((e, i) => {
            const fixes = amendments.get(e.seq);
            const late = Date.parse(e.recordedAt) - Date.parse(e.occurredAt) > 60_000;
            const text = eventText(e.kind, e.body);
            const long = text.length > LONG;
            const open = expanded.has(e.seq);
            return (
              <li
                key={e.seq}
                ref={measure}
                className={`event kind-${e.kind} ${markerSeqs.has(e.seq) ? 'marker' : ''}`}
                style={{ transform: `translateY(${offsets[first + i]}px)` }}
                data-seq={e.seq}
              >
                <div className="event-line">
                  <span className="event-time" title={`happened ${formatDate(e.occurredAt)}, recorded ${formatDate(e.recordedAt)}`}>
                    {formatClock(e.occurredAt)}
                    {late && <span className="recorded"> (rec. {formatClock(e.recordedAt)})</span>}
                  </span>
                  <span className="event-kind">{kindLabel(e.kind)}</span>
                </div>
                <p className="event-text">{long && !open ? `${text.slice(0, LONG)}…` : text}</p>
                <div className="event-meta">
                  #{e.seq} · {(e.actorId && names?.get(e.actorId)) || e.actorLabel}
                  {fixes && <span className="amended"> · amended: {fixes.map((f) => eventText('amended', f.body)).join('; ')}</span>}
                  {long && (
                    <button type="button" className="btn btn-quiet tiny" aria-expanded={open} onClick={() => toggle(e.seq)}>
                      {open ? 'show less' : `show all ${text.length} characters`}
                    </button>
                  )}
                  {onAmend && e.kind !== 'amended' && (
                    <button type="button" className="btn btn-quiet tiny" aria-label={`Amend #${e.seq}`} onClick={() => onAmend(e.seq, text)}>amend…</button>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      </div>
    </section>
  );
}
