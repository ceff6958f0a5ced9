/**
 * The on-call burden report, as plain data: per person, pages received, at
 * night (22:00–07:00 in their own zone), on weekends, nights with sleep
 * interrupted, hours on call and time to acknowledge; ranked, with the
 * spread that says how fairly the load falls.
 */
import { DateTime } from 'luxon';

export interface BurdenPage {
  userId: string;
  at: string;
  acknowledgedAt: string | null;
  /** True when this person acknowledged it (time to acknowledge counts for them). */
  acknowledgedByRecipient: boolean;
}

export interface BurdenPerson {
  id: string;
  name: string;
  timeZone: string;
}

export interface PersonBurden {
  userId: string;
  name: string;
  pages: number;
  nightPages: number;
  weekendPages: number;
  /** Nights (evening to morning, local) with at least one page between 22:00 and 07:00. */
  nightsInterrupted: number;
  hoursOnCall: number;
  medianSecondsToAcknowledge: number | null;
  rank: number;
}

export interface Spread {
  min: number;
  max: number;
  mean: number;
  /** Standard deviation over the mean: 0 when everyone carries the same. */
  coefficientOfVariation: number;
}

const NIGHT_START = 22;
const NIGHT_END = 7;

/** True for an instant between 22:00 and 07:00 in the zone. */
export function atNight(at: string, zone: string): boolean {
  const local = DateTime.fromISO(at, { zone });
  return local.hour >= NIGHT_START || local.hour < NIGHT_END;
}

/** The night an instant belongs to, named by the date it began on (02:00 on the 5th is the night of the 4th). */
function nightOf(at: string, zone: string): string {
  const local = DateTime.fromISO(at, { zone });
  return (local.hour < NIGHT_END ? local.minus({ days: 1 }) : local).toISODate()!;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function spreadOf(values: readonly number[]): Spread {
  if (values.length === 0) return { min: 0, max: 0, mean: 0, coefficientOfVariation: 0 };
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
  return { min: Math.min(...values), max: Math.max(...values), mean: Math.round(mean * 100) / 100, coefficientOfVariation: mean === 0 ? 0 : Math.round((Math.sqrt(variance) / mean) * 1000) / 1000 };
}

/**
 * The burden of each person, heaviest first: ranked by nights interrupted,
 * then night pages, then all pages (sleep costs more than daytime work).
 */
export function burdenReport(people: readonly BurdenPerson[], pages: readonly BurdenPage[], hoursOnCall: ReadonlyMap<string, number>): { people: PersonBurden[]; spread: { pages: Spread; nightPages: Spread; hoursOnCall: Spread } } {
  const rows = people.map((person): PersonBurden => {
    const mine = pages.filter((p) => p.userId === person.id);
    const night = mine.filter((p) => atNight(p.at, person.timeZone));
    const weekend = mine.filter((p) => DateTime.fromISO(p.at, { zone: person.timeZone }).weekday >= 6);
    const acked = mine.filter((p) => p.acknowledgedByRecipient && p.acknowledgedAt).map((p) => (Date.parse(p.acknowledgedAt!) - Date.parse(p.at)) / 1000);
    return {
      userId: person.id,
      name: person.name,
      pages: mine.length,
      nightPages: night.length,
      weekendPages: weekend.length,
      nightsInterrupted: new Set(night.map((p) => nightOf(p.at, person.timeZone))).size,
      hoursOnCall: Math.round((hoursOnCall.get(person.id) ?? 0) * 100) / 100,
      medianSecondsToAcknowledge: median(acked),
      rank: 0,
    };
  });
  rows.sort((a, b) => b.nightsInterrupted - a.nightsInterrupted || b.nightPages - a.nightPages || b.pages - a.pages || a.name.localeCompare(b.name));
  rows.forEach((r, i) => (r.rank = i + 1));
  return {
    people: rows,
    spread: { pages: spreadOf(rows.map((r) => r.pages)), nightPages: spreadOf(rows.map((r) => r.nightPages)), hoursOnCall: spreadOf(rows.map((r) => r.hoursOnCall)) },
  };
}
