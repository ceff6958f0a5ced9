/**
 * Uptime bars from a component's state history: one bar per day in the page's
 * time zone, coloured by the worst state of the day, with the share of the day
 * the component was up. Statuspage counts a partial outage as 30% down; so do we.
 */
import { DateTime } from 'luxon';
import { worseStatus, type ComponentStatus } from './model.js';

export interface StateSpan {
  status: ComponentStatus;
  startedAt: string;
}

export interface UptimeDay {
  /** yyyy-mm-dd in the page's zone. */
  date: string;
  /** Worst state of the day, or null before the component existed. */
  worst: ComponentStatus | null;
  /** 0..1 of the day up, or null before the component existed. */
  uptime: number | null;
}

const DOWN_WEIGHT: Record<ComponentStatus, number> = { operational: 0, under_maintenance: 0, degraded_performance: 0, partial_outage: 0.3, major_outage: 1 };

/**
 * `spans` are the component's state changes in time order, the first one at
 * or before the window (its state when the window opens). Days before the
 * first span have no data.
 */
export function uptimeDays(spans: readonly StateSpan[], now: Date, zone: string, days = 90): { days: UptimeDay[]; uptime: number | null } {
  const end = DateTime.fromJSDate(now, { zone });
  const firstDay = end.startOf('day').minus({ days: days - 1 });
  const result: UptimeDay[] = [];
  let downMs = 0;
  let knownMs = 0;
  const times = spans.map((s) => Date.parse(s.startedAt));
  for (let d = 0; d < days; d++) {
    const dayStart = firstDay.plus({ days: d });
    const from = dayStart.toMillis();
    const to = Math.min(dayStart.plus({ days: 1 }).toMillis(), now.getTime());
    let worst: ComponentStatus | null = null;
    let dayDown = 0;
    let dayKnown = 0;
    for (let i = 0; i < spans.length; i++) {
      const spanFrom = Math.max(times[i]!, from);
      const spanTo = Math.min(i + 1 < spans.length ? times[i + 1]! : Number.POSITIVE_INFINITY, to);
      if (spanTo <= spanFrom) continue;
      const status = spans[i]!.status;
      worst = worst === null ? status : worseStatus(worst, status);
      dayKnown += spanTo - spanFrom;
      dayDown += (spanTo - spanFrom) * DOWN_WEIGHT[status];
    }
    downMs += dayDown;
    knownMs += dayKnown;
    result.push({ date: dayStart.toISODate()!, worst, uptime: dayKnown > 0 ? 1 - dayDown / dayKnown : null });
  }
  return { days: result, uptime: knownMs > 0 ? 1 - downMs / knownMs : null };
}
