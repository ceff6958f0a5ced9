/**
 * The pure half of the one formatting module (web/src/ui/time.ts): zone
 * checks and formatting in a given zone, free of the browser and React so the
 * on-call timeline's pure code (also compiled for its tests) can use it.
 */

/** The zone the browser runs in (a default before the profile is known, and for forms that ask for a zone). */
export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Whether this browser knows the IANA zone. */
export function validZone(timeZone: string | null | undefined): timeZone is string {
  if (!timeZone) return false;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** "Tue 1 Dec, 09:00" in a given zone (a schedule's or the viewer's), 24-hour. */
export function formatIn(iso: string | number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** "Tue 1" in a given zone: day ticks of the on-call timeline. */
export function formatWeekday(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric' }).format(new Date(at));
}
