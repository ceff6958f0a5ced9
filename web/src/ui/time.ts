/**
 * One shared second-ticker for every countdown on screen, and (re-exported from
 * its pure half, time-format.ts) the only formatting of instants in the web app.
 */
import { useSyncExternalStore } from 'react';
export { browserZone, displayZone, formatClock, formatDate, formatDay, formatIn, formatSpan, formatTime, formatWeekday, setDisplayZone, validZone } from './time-format.js';

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

