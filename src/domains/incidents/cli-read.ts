/**
 * What the CLI's reading commands print beside the state: times in the
 * reader's zone, the triage and the paging of an incident, in words.
 */
import { DateTime } from 'luxon';

/** "2026-12-06 03:02:11 Europe/Berlin"-style clock in the reader's zone (the zone is named once, by the caller). */
export function readerClock(zone: string): (iso: string) => string {
  return (iso) => DateTime.fromISO(iso, { zone }).toFormat('yyyy-MM-dd HH:mm:ss');
}

/** Triage of an alert-declared incident: pending (with its target) or confirmed. */
export function triageText(s: { triage: { pending: boolean; dueAt: string | null; confirmedAt: string | null } }, clock: (iso: string) => string): string {
  if (s.triage.pending) return `pending: confirm or change the severity${s.triage.dueAt ? ` (target ${clock(s.triage.dueAt)})` : ''}`;
  return s.triage.confirmedAt ? `severity confirmed ${clock(s.triage.confirmedAt)}` : 'declared by a person';
}

export interface PagingState {
  /** One word for a table: paging, acknowledged, unanswered, resolved or none. */
  short: string;
  /** For `incident show`, under the word: a line per escalation, each followed by its pages and how they were delivered. */
  lines: string[];
}
