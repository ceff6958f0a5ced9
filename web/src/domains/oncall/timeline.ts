/**
 * The schedule timeline's geometry: each layer's shifts (from the server's own
 * pure rotation math, so the bars agree with the API), the final row from the
 * API's final shifts, overrides and gaps, as fractions of the visible window;
 * day ticks at midnight in the viewer's zone. Pure functions, no I/O.
 */
import { compileLayer, layerShifts, type RotationLayer, type RotationUnit } from '../../../../src/domains/oncall/rotation.js';
import { DAY_MS, ZoneClock, wallDayStart } from '../../../../src/domains/oncall/schedule-zone.js';
import { formatWeekday } from '../../ui/time-format.js';

/** A schedule layer as the API answers it (its length unit a plain string). */
export interface Layer {
  name: string;
  start: string;
  length: { unit: string; count: number };
  participants: string[];
  restrictions: Array<{ days: number[]; from: string; to: string }>;
  id: string;
}

export interface Bar {
  start: number;
  end: number;
  /** Left edge and width as fractions of the window (0..1). */
  left: number;
  width: number;
  userIds: string[];
  kind: 'shift' | 'gap' | 'override';
}

export interface TimelineRow {
  label: string;
  bars: Bar[];
}

export interface Window {
  from: number;
  to: number;
}

function place(window: Window, start: number, end: number, userIds: string[], kind: Bar['kind']): Bar | null {
  const s = Math.max(start, window.from);
  const e = Math.min(end, window.to);
  if (e <= s) return null;
  const span = window.to - window.from;
  return { start: s, end: e, left: (s - window.from) / span, width: (e - s) / span, userIds, kind };
}

function present(bar: Bar | null): bar is Bar {
  return bar !== null;
}

/** One row per layer (bottom layer first, as the schedule lists them). */
export function layerRows(layers: readonly Layer[], zone: string, window: Window): TimelineRow[] {
  const clock = ZoneClock.of(zone);
  return layers.map((layer) => {
    const rules: RotationLayer = { ...layer, length: { unit: layer.length.unit as RotationUnit, count: layer.length.count } };
    const shifts = layerShifts(compileLayer(rules, clock), window.from, window.to);
    return { label: layer.name, bars: shifts.map((s) => place(window, s.start, s.end, [s.userId], 'shift')).filter(present) };
  });
}

interface Span {
  start: string;
  end: string;
}

/** The final row: who is really on call (after layers and overrides), with the gaps as bars of their own. */
export function finalRow(shifts: ReadonlyArray<Span & { userIds: string[] }>, gaps: readonly Span[], window: Window): TimelineRow {
  const bars = [
    ...shifts.map((s) => place(window, Date.parse(s.start), Date.parse(s.end), s.userIds, 'shift')),
    ...gaps.map((g) => place(window, Date.parse(g.start), Date.parse(g.end), [], 'gap')),
  ].filter(present);
  return { label: 'Final', bars: bars.sort((a, b) => a.start - b.start) };
}

/** Overrides as marks over the final row. */
export function overrideRow(overrides: ReadonlyArray<Span & { userId: string }>, window: Window): TimelineRow {
  return { label: 'Overrides', bars: overrides.map((o) => place(window, Date.parse(o.start), Date.parse(o.end), [o.userId], 'override')).filter(present) };
}

/** Midnights in the viewer's zone inside the window, with their position. */
export function dayTicks(window: Window, viewerZone: string): Array<{ at: number; left: number; label: string }> {
  const clock = ZoneClock.of(viewerZone);
  const ticks: Array<{ at: number; left: number; label: string }> = [];
  // Midnight of the window's first local day, then each next local midnight (DST-safe: ask the zone each time).
  let midnight = wallDayStart(clock.wallOf(window.from));
  for (let i = 0; i < 400; i++, midnight += DAY_MS) {
    const at = clock.instantOf(midnight);
    if (at >= window.to) break;
    if (at >= window.from) ticks.push({ at, left: (at - window.from) / (window.to - window.from), label: formatWeekday(at, viewerZone) });
  }
  return ticks;
}
