/**
 * The pure half of the one formatting module (web/src/ui/time.ts, which
 * re-exports all of this): the person's zone and the one 24-hour format, zone
 * checks and formatting in a given zone — free of the browser and React, so
 * pure code compiled for the server's tests (the on-call timeline, refusals)
 * can use it.
 */
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
