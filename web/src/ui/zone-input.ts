/** `<input type="datetime-local">` values read and written in a chosen IANA zone (not the browser's). */
import { ZoneClock } from '../../../src/domains/oncall/schedule-zone.js';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** "2026-12-01T09:00" in `zone` → ISO instant; null when the text is not a local date-time. */
export function localToIso(value: string, zone: string): string | null {
  const m = LOCAL.exec(value);
  if (!m) return null;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  return new Date(ZoneClock.of(zone).instantOf(wall)).toISOString();
}

/** ISO instant → "2026-12-01T09:00" as read on a clock in `zone`. */
export function isoToLocal(iso: string | number, zone: string): string {
  const wall = ZoneClock.of(zone).wallOf(typeof iso === 'number' ? iso : Date.parse(iso));
  return new Date(wall).toISOString().slice(0, 16);
}

const known: string[] = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
/** IANA zones for a select, UTC first (some engines leave it out of their list). */
export const ZONES: readonly string[] = ['UTC', ...known.filter((z) => z !== 'UTC')];
