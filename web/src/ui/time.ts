/** One shared second-ticker for every countdown on screen. */
import { useSyncExternalStore } from 'react';
import { browserZone } from './time-format.js';

export { browserZone, formatIn, formatWeekday, validZone } from './time-format.js';

let now = Date.now();
const listeners = new Set<() => void>();
let timer: number | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  timer ??= window.setInterval(() => {
    now = Date.now();
    for (const l of listeners) l();
  }, 1000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      window.clearInterval(timer);
      timer = undefined;
    }
  };
}

export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}

/** "4m 05s", "1h 12m", "3d 2h": for countdowns and ages. */
export function formatSpan(ms: number): string {
  const s = Math.floor(Math.abs(ms) / 1000);
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  if (s < 86400) return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  return `${Math.floor(s / 86400)}d ${Math.floor((s % 86400) / 3600)}h`;
}

/**
 * This module is the only place the web app turns instants into text
 * (test/web/one-clock checks it): every screen shows times in the person's
 * profile zone on one 24-hour clock, and names the zone once (the top bar).
 *
 * One time format and one zone per person: the zone of their profile (set at
 * sign-in, the same one the on-call screens use), else the browser's; 24-hour
 * clock everywhere.
 */
let zone = browserZone();
let clock = formatter(zone, false);
let dated = formatter(zone, true);

function formatter(timeZone: string, withDay: boolean): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', ...(withDay ? { month: 'short', day: 'numeric', second: undefined } : {}) });
}

/** Shows every time from now on in `timeZone` (the signed-in person's profile zone); an unknown zone is ignored. */
export function setDisplayZone(timeZone: string | null | undefined): void {
  if (!timeZone || timeZone === zone) return;
  try {
    clock = formatter(timeZone, false);
    dated = formatter(timeZone, true);
    zone = timeZone;
  } catch {
    // Not a zone this browser knows: keep the current one.
  }
}

/** The zone times are shown in. */
export function displayZone(): string {
  return zone;
}

/** "14:03:27" in the person's zone. */
export function formatClock(iso: string): string {
  return clock.format(new Date(iso));
}

/** "14:03" in the person's zone: for times a person says ("by 14:30"). */
export function formatTime(iso: string): string {
  return formatClock(iso).slice(0, 5);
}

/** "6 Dec, 14:03" in the person's zone. */
export function formatDate(iso: string): string {
  return dated.format(new Date(iso));
}

/** "6 Dec" in the person's zone: for due dates and days. */
export function formatDay(iso: string | number): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: zone, day: 'numeric', month: 'short' }).format(new Date(iso));
}

