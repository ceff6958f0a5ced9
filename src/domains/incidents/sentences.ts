/**
 * Timeline events as sentences a person reads (the CLI's timeline): what was
 * said, by whom, in words; never the body as JSON (`--json` gives machines the
 * data). Pure: the clock formatter is passed in, in the reader's zone.
 */
import type { StoredEvent } from './model.js';

type Clock = (iso: string) => string;

const str = (b: Record<string, unknown>, k: string): string => (typeof b[k] === 'string' ? (b[k] as string) : '');
const holder = (v: unknown): string => ((v ?? {}) as { label?: string; userId?: string }).label ?? 'someone';
const words = (v: string): string => v.replace(/_/g, ' ');

/** One sentence for an event's body. */
export function eventSentence(kind: string, body: unknown, clock: Clock): string {
  const b = (body ?? {}) as Record<string, unknown>;
  const s = (k: string) => str(b, k);
  const at = (k: string) => (typeof b[k] === 'string' ? clock(b[k] as string) : '?');
  switch (kind) {
    case 'declared':
      return `Declared ${s('severity')}: ${s('title')}${s('impact') ? ` (impact: ${s('impact')})` : ''}${b.commander ? `, commanded by ${holder(b.commander)}` : ''}.`;
    case 'severity_changed':
      return `Severity changed to ${s('severity')}: ${s('reason')}.`;
    case 'severity_confirmed':
      return `Severity confirmed${s('note') ? `: ${s('note')}` : ''}.`;
    case 'status_changed':
      return `Status changed to ${s('status')}${s('reason') ? `: ${s('reason')}` : ''}${b.override ? ` (override: ${str(b.override as Record<string, unknown>, 'reason')})` : ''}.`;
    case 'resolved':
      return `Resolved${s('summary') ? `: ${s('summary')}` : ''}${b.override ? ` (override: ${str(b.override as Record<string, unknown>, 'reason')})` : ''}.`;
    case 'reopened':
      return `Reopened: ${s('reason')}.`;
    case 'role_assigned':
      return `${holder(b)} is ${words(s('specialty') || s('role'))}.`;
    case 'role_released':
      return `${words(s('specialty') || s('role'))} released${s('reason') ? `: ${s('reason')}` : ''}.`;
    case 'member_added':
      return 'A member joined the incident.';
    case 'handoff':
      return `Handed ${words(s('specialty') || s('role') || 'the work')} to ${holder(b.to)}${s('notes') ? `: ${s('notes')}` : ''}.`;
    case 'impact_stated': {
      const journeys = Array.isArray(b.journeys) ? (b.journeys as Array<{ journey: string; effect: string }>).map((j) => `${j.journey} ${j.effect}`).join(', ') : '';
      return `Impact: ${s('statement')}${journeys ? ` (${journeys})` : ''}; writes safe: ${s('writesSafe') || 'unknown'}.`;
    }
    case 'cohort_affected':
      return `Harmed: ${s('dimension')} ${s('value')}${s('note') ? ` (${s('note')})` : ''}.`;
    case 'cohort_unaffected':
      return `Safe: ${s('dimension')} ${s('value')}${s('note') ? ` (${s('note')})` : ''}.`;
    case 'cohort_cleared':
      return `No longer harmed: ${s('dimension')} ${s('value')}.`;
    case 'observation':
      return `Observed: ${s('text')}`;
    case 'no_hypothesis':
      return `No hypothesis yet; investigating ${s('investigating')}.`;
    case 'hypothesis_proposed':
      return `Hypothesis: ${s('text')}`;
    case 'hypothesis_confirmed':
      return `Hypothesis #${String(b.hypothesisSeq)} confirmed${s('note') ? `: ${s('note')}` : ''}.`;
    case 'hypothesis_rejected':
      return `Hypothesis #${String(b.hypothesisSeq)} ruled out: ${s('reason')}`;
    case 'decision':
      return `Decided: ${s('decision')}, because ${s('rationale')}.`;
    case 'next_decision':
      return `Next decision: ${s('decision')}; ${holder(b.owner)} decides by ${at('dueAt')}.`;
    case 'action_taken':
      return `Did: ${s('action')}${s('result') ? ` → ${s('result')}` : ''}`;
    case 'mitigation_started':
      return `Mitigation: ${s('action')}; expect ${s('expectedSignal')} by ${at('deadline')}.`;
    case 'mitigation_verified':
      return `Mitigation #${String(b.mitigationSeq)} worked: ${s('observed')}`;
    case 'mitigation_failed':
      return `Mitigation #${String(b.mitigationSeq)} failed: ${s('observed')}`;
    case 'unsafe_action_noted':
      return `Do not ${s('action').replace(/^do not\s+/i, '')}: ${s('reason')}${s('condition') ? ` (until ${s('condition')})` : ''}${b.until ? ` (until ${at('until')})` : ''}.`;
    case 'unsafe_action_lifted':
      return `Unsafe action #${String(b.unsafeSeq)} lifted: ${s('reason')}`;
    case 'no_unsafe_actions_known':
      return `No unsafe actions known${s('note') ? `: ${s('note')}` : ''}.`;
    case 'update_posted':
      return `${s('audience') === 'public' ? 'Public' : 'Internal'} update: ${s('text')}${b.nextUpdateAt ? ` Next update by ${at('nextUpdateAt')}.` : ''}`;
    case 'checklist_item_checked':
      return `Recovery check "${s('item')}": ${words(s('result'))}${s('note') ? ` (${s('note')})` : ''}.`;
    case 'marker':
      return `Marker: ${words(s('marker'))}${s('note') ? ` (${s('note')})` : ''}.`;
    case 'amended':
      return `Corrects #${String(b.targetSeq)}: ${s('correction')}`;
    case 'reminder':
      return s('reason') === 'update_due' ? 'Reminder: the committed update is due.' : `Reminder: ${words(s('reason'))}.`;
    case 'alert_attached':
      return `Alert: ${s('summary') || s('title') || 'an alert joined'}.`;
    case 'note':
      return `Note: ${s('text')}`;
    default:
      return plain(b);
  }
}

/** Any other body, in words: its text fields and plain values, never braces. */
function plain(b: Record<string, unknown>): string {
  const text = ['text', 'summary', 'title', 'scope', 'note', 'reason'].map((k) => str(b, k)).find(Boolean);
  if (text) return text;
  return Object.entries(b)
    .filter(([, v]) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
    .map(([k, v]) => `${k.replace(/([A-Z])/g, ' $1').toLowerCase()} ${String(v)}`)
    .join(', ');
}

/** "#5 14:03:27 Ada Admin: Hypothesis: …", the event's time in the reader's zone. */
export function timelineLine(e: Pick<StoredEvent, 'seq' | 'kind' | 'occurredAt' | 'actorLabel' | 'body'>, clock: Clock): string {
  return `#${e.seq} ${clock(e.occurredAt)} ${e.actorLabel}: ${eventSentence(e.kind, e.body, clock)}`;
}
