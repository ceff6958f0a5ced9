/**
 * A schedule's next days as horizontal bars: one row per layer, the overrides,
 * and the final row (who is really paged), with gaps highlighted. Times are
 * read in the viewer's zone; each bar carries its times as text for screen readers.
 */
import type { CSSProperties } from 'react';
import type { Layer } from './queries';
import { formatIn } from './queries';
import { dayTicks, finalRow, layerRows, overrideRow, type Bar, type TimelineRow, type Window } from './timeline';

interface Props {
  scheduleName: string;
  scheduleZone: string;
  viewerZone: string;
  layers: readonly Layer[];
  shifts: ReadonlyArray<{ start: string; end: string; userIds: string[] }>;
  gaps: ReadonlyArray<{ start: string; end: string }>;
  overrides: ReadonlyArray<{ start: string; end: string; userId: string }>;
  window: Window;
  nameOf: (id: string) => string;
}

/** A stable, light colour per person, dark text on it for contrast in both themes. */
function colourOf(userId: string): string {
  let h = 0;
  for (const c of userId) h = (h * 31 + c.charCodeAt(0)) % 360;
  return `hsl(${h} 70% 78%)`;
}

function BarItem({ bar, nameOf, zone }: { bar: Bar; nameOf: (id: string) => string; zone: string }) {
  const who = bar.kind === 'gap' ? 'Nobody on call' : bar.userIds.map(nameOf).join(', ');
  const when = `${formatIn(bar.start, zone)} – ${formatIn(bar.end, zone)}`;
  const style: CSSProperties = { left: `${bar.left * 100}%`, width: `${bar.width * 100}%` };
  if (bar.kind === 'shift' && bar.userIds[0]) style.background = colourOf(bar.userIds[0]);
  return (
    <li className={`tl-bar tl-${bar.kind}`} style={style} title={`${bar.kind === 'override' ? 'Override: ' : ''}${who}, ${when}`} data-users={bar.userIds.join(' ')}>
      <span className="tl-who">{bar.kind === 'override' ? `⇄ ${who}` : bar.kind === 'gap' ? 'gap' : who}</span>
      <span className="visually-hidden">{bar.kind === 'gap' ? ' (nobody on call)' : bar.kind === 'override' ? ' (override)' : ''}, {when}</span>
    </li>
  );
}

function Row({ row, nameOf, zone, className = '' }: { row: TimelineRow; nameOf: (id: string) => string; zone: string; className?: string }) {
  return (
    <div className={`tl-row ${className}`}>
      <div className="tl-label">{row.label}</div>
      <ul className="tl-track" aria-label={`${row.label}: shifts`}>
        {row.bars.map((b) => <BarItem key={`${b.kind}-${b.start}-${b.userIds.join()}`} bar={b} nameOf={nameOf} zone={zone} />)}
      </ul>
    </div>
  );
}

export function ScheduleTimeline(props: Props) {
  const { window, viewerZone, nameOf } = props;
  const ticks = dayTicks(window, viewerZone);
  const layers = layerRows(props.layers, props.scheduleZone, window);
  const overrides = overrideRow(props.overrides, window);
  const final = finalRow(props.shifts, props.gaps, window);
  return (
    <section className="timeline-chart" aria-label={`Timeline of ${props.scheduleName}, times in ${viewerZone}`}>
      {/* Focusable so the keyboard can scroll it sideways on a phone. */}
      <div className="tl-scroll" tabIndex={0}>
        <div className="tl-grid">
          <div className="tl-row tl-ticks" aria-hidden="true">
            <div className="tl-label" />
            <div className="tl-track">
              {ticks.map((t) => <span key={t.at} className="tl-tick" style={{ left: `${t.left * 100}%` }}>{t.label}</span>)}
            </div>
          </div>
          {layers.map((row, i) => <Row key={`layer-${i}`} row={row} nameOf={nameOf} zone={viewerZone} />)}
          {overrides.bars.length > 0 && <Row row={overrides} nameOf={nameOf} zone={viewerZone} className="tl-overrides" />}
          <Row row={final} nameOf={nameOf} zone={viewerZone} className="tl-final" />
        </div>
      </div>
    </section>
  );
}
