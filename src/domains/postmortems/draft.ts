/**
 * A postmortem draft from the incident's log, following the postmortem template (docs/practices.md#blameless-postmortems):
 * header, summary, impact, a UTC timeline of typed events, first symptom and
 * first causal change with the detection delay, root cause, contributing
 * factors, what went well and poorly prefilled with facts. Every generated
 * line names the event it came from. Pure: the caller reads the log.
 */
import type { IncidentEvent } from '../incidents/events.js';
import type { IncidentState } from '../incidents/model.js';
import { commitmentOutcomes, type CommitmentOutcome } from '../metrics/facts.js';

/** A generated line and the event it came from. */
export interface DraftLine {
  text: string;
  seq: number;
}

export interface TimelineRow extends DraftLine {
  /** When it happened, UTC (corrected by amendments). */
  at: string;
  kind: string;
}

export interface PostmortemDraft {
  header: { ref: string; title: string; date: string; durationSeconds: number | null; severity: string; author: string; drill: boolean };
  summary: DraftLine[];
  impact: DraftLine[];
  timeline: TimelineRow[];
  detection: {
    firstSymptom: { at: string; seq: number } | null;
    firstCausalChange: { at: string; seq: number } | null;
    declaredAt: string;
    /** First symptom to declaration, in seconds. */
    detectionDelaySeconds: number | null;
  };
  rootCause: DraftLine[];
  contributingFactors: DraftLine[];
  wentWell: DraftLine[];
  wentPoorly: DraftLine[];
  facts: {
    timeToSharedPictureSeconds: number | null;
    missedUpdates: CommitmentOutcome[];
    failedMitigations: Array<{ seq: number; failedSeq: number; action: string; observed: string }>;
    rejectedHypotheses: Array<{ seq: number; rejectedSeq: number; text: string; reason: string }>;
    remindersSent: Array<{ seq: number; reason: string; dueAt: string }>;
  };
}

const seconds = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 1000);
const minutes = (s: number) => `${Math.round(s / 60)} min`;

/** The timeline text of one event; null for kinds that add nothing to a postmortem's timeline. */
function describe(e: IncidentEvent, texts: Map<number, string>): string | null {
  switch (e.kind) {
    case 'declared': return `Declared ${e.body.severity}: ${e.body.title}`;
    case 'severity_changed': return `Severity changed to ${e.body.severity}: ${e.body.reason}`;
    case 'severity_confirmed': return 'Severity confirmed';
    case 'status_changed': return `Status ${e.body.status}${e.body.reason ? `: ${e.body.reason}` : ''}`;
    case 'resolved': return `Resolved${e.body.summary ? `: ${e.body.summary}` : ''}`;
    case 'reopened': return `Reopened: ${e.body.reason}`;
    case 'role_assigned': return `${e.body.label ?? e.actorLabel} took ${e.body.specialty ?? e.body.role}`;
    case 'role_released': return `${e.body.specialty ?? e.body.role} released`;
    case 'handoff': return `Handoff of ${e.body.specialty ?? e.body.role ?? 'work'} to ${e.body.to.label ?? e.body.to.userId ?? 'someone'}`;
    case 'impact_stated': return `Impact: ${e.body.statement}`;
    case 'cohort_affected': return `Affected ${e.body.dimension} ${e.body.value}`;
    case 'cohort_unaffected': return `Unaffected ${e.body.dimension} ${e.body.value}`;
    case 'cohort_cleared': return `Cleared ${e.body.dimension} ${e.body.value}`;
    case 'observation': return `Observed: ${e.body.text}`;
    case 'no_hypothesis': return `No hypothesis yet; investigating ${e.body.investigating}`;
    case 'hypothesis_proposed': return `Hypothesis: ${e.body.text}`;
    case 'hypothesis_confirmed': return `Hypothesis confirmed: ${texts.get(e.body.hypothesisSeq) ?? `#${e.body.hypothesisSeq}`}`;
    case 'hypothesis_rejected': return `Hypothesis rejected: ${texts.get(e.body.hypothesisSeq) ?? `#${e.body.hypothesisSeq}`} (${e.body.reason})`;
    case 'decision': return `Decision: ${e.body.decision} (rationale: ${e.body.rationale})`;
    case 'next_decision': return `Next decision named: ${e.body.decision}`;
    case 'action_taken': return `Action: ${e.body.action}${e.body.result ? ` (result: ${e.body.result})` : ''}`;
    case 'mitigation_started': return `Mitigation started: ${e.body.action} (expecting ${e.body.expectedSignal})`;
    case 'mitigation_verified': return `Mitigation worked: ${texts.get(e.body.mitigationSeq) ?? `#${e.body.mitigationSeq}`} (observed ${e.body.observed})`;
    case 'mitigation_failed': return `Mitigation failed: ${texts.get(e.body.mitigationSeq) ?? `#${e.body.mitigationSeq}`} (observed ${e.body.observed})`;
    case 'unsafe_action_noted': return `Unsafe: ${e.body.action} (${e.body.reason})`;
    case 'unsafe_action_lifted': return `No longer unsafe: ${texts.get(e.body.unsafeSeq) ?? `#${e.body.unsafeSeq}`}`;
    case 'update_posted': return `${e.body.audience === 'public' ? 'Public' : 'Internal'} update: ${e.body.text}`;
    case 'checklist_item_checked': return e.body.result === 'fail' ? `Recovery check failed: ${e.body.item}` : null;
    case 'reconciliation_opened': return `Reconciliation opened: ${e.body.scope}`;
    case 'reconciliation_closed': return `Reconciliation closed: ${e.body.outcome}`;
    case 'evidence_attached': return `Evidence: ${e.body.title}`;
    case 'marker': return `Marked ${e.body.marker.replace(/_/g, ' ')}${e.body.note ? `: ${e.body.note}` : ''}`;
    case 'reminder': return `Reminder sent: ${e.body.reason.replace(/_/g, ' ')}`;
    case 'alert_attached': return `Alert: ${e.body.summary} (${e.body.source})`;
    case 'alert_resolved': return `Alert resolved: ${e.body.alertGroupId}`;
    case 'responder_paged': return `Paged ${e.body.target.name}: ${e.body.reason}`;
    case 'amended': return `Correction of #${e.body.targetSeq}: ${e.body.correction}`;
    case 'member_added': case 'no_unsafe_actions_known': case 'reconciliation_progressed': case 'note':
      return null;
  }
}

/** The text each referable event is known by (hypotheses, mitigations, unsafe actions). */
function referableTexts(events: readonly IncidentEvent[]): Map<number, string> {
  const texts = new Map<number, string>();
  for (const e of events) {
    if (e.kind === 'hypothesis_proposed') texts.set(e.seq, e.body.text);
    else if (e.kind === 'mitigation_started' || e.kind === 'unsafe_action_noted') texts.set(e.seq, e.body.action);
  }
  return texts;
}

/** The draft of `state`'s postmortem from its full log; `now` decides which update commitments are due. */
export function draftPostmortem(state: IncidentState, events: readonly IncidentEvent[], author: string, now: Date): PostmortemDraft {
  const texts = referableTexts(events);
  const corrected = new Map<number, string>();
  for (const e of events) if (e.kind === 'amended' && e.body.occurredAt) corrected.set(e.body.targetSeq, e.body.occurredAt);
  const timeline: TimelineRow[] = [];
  for (const e of events) {
    const text = describe(e, texts);
    if (text !== null) timeline.push({ at: new Date(corrected.get(e.seq) ?? e.occurredAt).toISOString(), kind: e.kind, text, seq: e.seq });
  }
  timeline.sort((a, b) => a.at.localeCompare(b.at) || a.seq - b.seq);

  const k = state.keyTimes;
  const firstSymptom = state.markers.first_symptom;
  const firstCause = state.markers.first_causal_change;
  // The declaration is always event 1; a log read in part still links there.
  const declared = { seq: events.find((e) => e.kind === 'declared')?.seq ?? 1 };
  const failedMitigations = events.flatMap((e) => (e.kind === 'mitigation_failed' ? [{ seq: e.body.mitigationSeq, failedSeq: e.seq, action: texts.get(e.body.mitigationSeq) ?? '', observed: e.body.observed }] : []));
  const rejectedHypotheses = events.flatMap((e) => (e.kind === 'hypothesis_rejected' ? [{ seq: e.body.hypothesisSeq, rejectedSeq: e.seq, text: texts.get(e.body.hypothesisSeq) ?? '', reason: e.body.reason }] : []));
  const remindersSent = events.flatMap((e) => (e.kind === 'reminder' ? [{ seq: e.seq, reason: e.body.reason, dueAt: e.body.dueAt }] : []));
  const outcomes = commitmentOutcomes(events, now);
  const missedUpdates = outcomes.filter((o) => !o.met);
  const timeToSharedPictureSeconds = k.firstSharedPictureAt ? seconds(k.declaredAt, k.firstSharedPictureAt) : null;
  const detectionDelaySeconds = firstSymptom ? seconds(firstSymptom.at, k.declaredAt) : null;

  const wentWell: DraftLine[] = [];
  const wentPoorly: DraftLine[] = [];
  const pictureLine = (at: string) => ({ text: `Shared picture (impact, commander, hypothesis, unsafe actions, next decision, next update) reached ${minutes(seconds(k.declaredAt, at))} after declaration`, seq: declared.seq });
  if (k.firstSharedPictureAt) wentWell.push(pictureLine(k.firstSharedPictureAt));
  else wentPoorly.push({ text: 'The room never had a complete shared picture', seq: declared.seq });
  for (const e of events) if (e.kind === 'mitigation_verified') wentWell.push({ text: `Mitigation worked: ${texts.get(e.body.mitigationSeq) ?? ''}`, seq: e.seq });
  const kept = outcomes.length - missedUpdates.length;
  if (outcomes.length > 0) wentWell.push({ text: `${kept} of ${outcomes.length} update commitments kept`, seq: outcomes[0]!.seq });
  for (const m of missedUpdates) wentPoorly.push({ text: `Update promised for ${m.promisedAt} ${m.keptBy ? `came at ${m.keptBy.at}` : 'never came'}`, seq: m.seq });
  for (const f of failedMitigations) wentPoorly.push({ text: `Mitigation did not work: ${f.action} (observed ${f.observed})`, seq: f.failedSeq });
  for (const h of rejectedHypotheses) wentPoorly.push({ text: `Hypothesis ruled out: ${h.text} (${h.reason})`, seq: h.rejectedSeq });
  for (const r of remindersSent) wentPoorly.push({ text: `Reminder needed: ${r.reason.replace(/_/g, ' ')} due ${r.dueAt}`, seq: r.seq });

  const impact: DraftLine[] = [];
  for (const e of events) {
    if (e.kind === 'impact_stated') {
      const affected = e.body.affected ? ` (${[e.body.affected.users !== undefined ? `${e.body.affected.users} users` : '', e.body.affected.percent !== undefined ? `${e.body.affected.percent}%` : ''].filter(Boolean).join(', ')})` : '';
      impact.push({ text: `${e.occurredAt}: ${e.body.statement}${affected}${e.body.since ? `, since ${e.body.since}` : ''}`, seq: e.seq });
    } else if (e.kind === 'cohort_affected') impact.push({ text: `${e.occurredAt}: ${e.body.dimension} ${e.body.value} affected`, seq: e.seq });
  }

  const resolution = state.resolution;
  const summary: DraftLine[] = [{ text: `${state.severity} ${state.title}, declared ${k.declaredAt}${k.resolvedAt ? `, resolved ${k.resolvedAt}` : ', not resolved'}`, seq: declared.seq }];
  if (resolution?.summary) summary.push({ text: resolution.summary, seq: resolution.seq });

  return {
    header: {
      ref: state.ref,
      title: state.title,
      date: k.declaredAt.slice(0, 10),
      durationSeconds: k.resolvedAt ? seconds(k.declaredAt, k.resolvedAt) : null,
      severity: state.severity,
      author,
      drill: state.drill,
    },
    summary,
    impact,
    timeline,
    detection: { firstSymptom, firstCausalChange: firstCause, declaredAt: k.declaredAt, detectionDelaySeconds },
    rootCause: state.hypotheses.confirmed.map((h) => ({ text: h.text, seq: h.seq })),
    contributingFactors: [],
    wentWell,
    wentPoorly,
    facts: { timeToSharedPictureSeconds, missedUpdates, failedMitigations, rejectedHypotheses, remindersSent },
  };
}
