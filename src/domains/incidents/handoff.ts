/**
 * The handoff summary: what the next commander needs to take over, generated
 * from the state (never typed by hand), as data and as Markdown. Pure.
 */
import type { IncidentState, SharedPictureItem } from './model.js';

/** What the handoff reads from the log rather than the bounded projection: recent decisions and what was ruled out. */
export interface HandoffHistory {
  recentDecisions: Array<{ seq: number; decision: string; rationale: string }>;
  rejectedHypotheses: Array<{ seq: number; text: string; reason: string | null }>;
}

const SHARED_PICTURE_ITEMS: Record<SharedPictureItem, string> = {
  impact: 'impact stated by a person (which user journey is broken, for whom)',
  commander: 'a commander',
  hypothesis: 'a leading hypothesis, or "no hypothesis yet, investigating …"',
  unsafeActions: 'unsafe actions reviewed (one noted, or "none known")',
  nextDecision: 'the next decision, with its owner and time',
  nextUpdate: 'the time of the next update',
};

/** An action_taken event as the handoff lists it. */
export interface TakenAction {
  seq: number;
  at: string;
  action: string;
  result: string | null;
  by: string;
}

/** A runbook shown on the incident (its services' and its alerts'), with whether it is rotting. */
export interface HandoffRunbook {
  id: string;
  title: string;
  path: string;
  rotting: boolean;
  rot: string[];
}

export interface HandoffSummary {
  ref: string;
  title: string;
  severity: string;
  status: string;
  drill: boolean;
  generatedAt: string;
  declaredAt: string;
  impact: { statement: string; journeys: Array<{ journey: string; effect: string }>; writesSafe: string } | null;
  cohorts: Array<{ dimension: string; value: string }>;
  /** Cohorts known to be safe (who is safe, who is harmed: docs/practices.md#shared-picture). */
  cohortsUnaffected: Array<{ dimension: string; value: string }>;
  /** The shared-picture items still missing, in words. */
  sharedPictureMissing: Array<{ item: SharedPictureItem; text: string }>;
  triage: { pending: boolean; dueAt: string | null };
  severityReview: string | null;
  nextDecision: { decision: string; owner: string; dueAt: string } | null;
  roles: Array<{ role: string; specialty: string | null; label: string }>;
  leadingHypothesis: { seq: number; text: string; confirmed: boolean } | null;
  otherOpenHypotheses: Array<{ seq: number; text: string }>;
  rejectedHypotheses: Array<{ seq: number; text: string; reason: string | null }>;
  activeMitigations: Array<{ seq: number; action: string; expectedSignal: string; deadline: string; deadlinePassed: boolean }>;
  /** Unsafe actions in force, with the condition or expiry that ends them. */
  unsafeActions: Array<{ seq: number; action: string; reason: string; condition: string | null; until: string | null }>;
  unsafeActionsNoneKnown: boolean;
  pendingChecks: Array<{ item: string; negative: boolean }>;
  failedChecks: Array<{ item: string; note: string | null }>;
  openReconciliations: Array<{ scope: string; owner: string | null; lastProgress: string | null }>;
  recentDecisions: Array<{ seq: number; decision: string; rationale: string }>;
  actionsTaken: TakenAction[];
  amendments: Array<{ seq: number; targetSeq: number; correction: string; correctedOccurredAt: string | null }>;
  lastUpdate: { at: string; audience: string; text: string } | null;
  nextUpdateDue: string | null;
  updateOverdue: boolean;
  warnings: string[];
  runbooks: HandoffRunbook[];
}

/** Builds the summary from a state (as of `now`, so overdue flags are current) and what it reads from the log. */
export function buildHandoff(
  state: IncidentState & { updateOverdue?: boolean },
  now: Date,
  history: HandoffHistory = { recentDecisions: [], rejectedHypotheses: [] },
  actions: TakenAction[] = [],
  amendments: HandoffSummary['amendments'] = [],
  runbooks: HandoffRunbook[] = [],
): HandoffSummary {
  const confirmed = state.hypotheses.confirmed.at(-1);
  const newestOpen = state.hypotheses.open.at(-1);
  const leading = confirmed ? { seq: confirmed.seq, text: confirmed.text, confirmed: true } : newestOpen ? { seq: newestOpen.seq, text: newestOpen.text, confirmed: false } : null;
  return {
    ref: state.ref,
    title: state.title,
    severity: state.severity,
    status: state.status,
    drill: state.drill,
    generatedAt: now.toISOString(),
    declaredAt: state.keyTimes.declaredAt,
    impact: state.impact ? { statement: state.impact.statement, journeys: state.impact.journeys, writesSafe: state.impact.writesSafe } : null,
    cohorts: state.cohorts.map((c) => ({ dimension: c.dimension, value: c.value })),
    cohortsUnaffected: state.cohortsUnaffected.map((c) => ({ dimension: c.dimension, value: c.value })),
    sharedPictureMissing: state.sharedPicture.missing.map((item) => ({ item, text: SHARED_PICTURE_ITEMS[item] })),
    triage: { pending: state.triage.pending, dueAt: state.triage.dueAt },
    severityReview: state.severityReview?.reason ?? null,
    nextDecision: state.nextDecision ? { decision: state.nextDecision.decision, owner: state.nextDecision.owner.label, dueAt: state.nextDecision.dueAt } : null,
    roles: state.roles.map((r) => ({ role: r.role, specialty: r.specialty, label: r.label })),
    leadingHypothesis: leading,
    otherOpenHypotheses: state.hypotheses.open.filter((h) => h.seq !== leading?.seq).map((h) => ({ seq: h.seq, text: h.text })),
    rejectedHypotheses: history.rejectedHypotheses,
    activeMitigations: state.mitigations.active.map((m) => ({ seq: m.seq, action: m.action, expectedSignal: m.expectedSignal, deadline: m.deadline, deadlinePassed: m.deadlinePassed })),
    unsafeActions: state.unsafeActions.map((u) => ({ seq: u.seq, action: u.action, reason: u.reason, condition: u.condition, until: u.until })),
    unsafeActionsNoneKnown: state.unsafeActionsReviewed?.noneKnown === true && state.unsafeActions.length === 0,
    pendingChecks: state.checklist.items.filter((i) => i.result === null).map((i) => ({ item: i.item, negative: i.negative })),
    failedChecks: state.checklist.items.filter((i) => i.result === 'fail').map((i) => ({ item: i.item, note: i.note })),
    openReconciliations: state.reconciliations
      .filter((r) => r.status === 'open')
      .map((r) => ({ scope: r.scope, owner: r.owner?.label ?? null, lastProgress: r.lastProgress?.note ?? null })),
    recentDecisions: history.recentDecisions,
    actionsTaken: actions,
    amendments,
    lastUpdate: state.lastUpdate ? { at: state.lastUpdate.at, audience: state.lastUpdate.audience, text: state.lastUpdate.text } : null,
    nextUpdateDue: state.nextUpdateDue,
    updateOverdue: state.updateOverdue ?? false,
    warnings: state.warnings.map((w) => w.message),
    runbooks,
  };
}

function list<T>(items: T[], line: (item: T) => string, empty: string): string {
  return items.length === 0 ? `_${empty}_` : items.map((i) => `- ${line(i)}`).join('\n');
}

const roleName = (r: { role: string; specialty: string | null }) => (r.specialty ? `${r.specialty} specialist` : r.role);

/** Renders the summary as Markdown for chat or a document. */
export function handoffMarkdown(h: HandoffSummary): string {
  const impact = h.impact
    ? [
        h.impact.statement,
        ...h.impact.journeys.map((j) => `- ${j.journey}: ${j.effect}`),
        `- Writes safe: ${h.impact.writesSafe}`,
      ].join('\n')
    : '_No impact statement yet._';
  const cohorts = [
    `- Harmed: ${h.cohorts.length ? h.cohorts.map((c) => `${c.dimension} ${c.value}`).join(', ') : '_none marked_'}`,
    `- Safe: ${h.cohortsUnaffected.length ? h.cohortsUnaffected.map((c) => `${c.dimension} ${c.value}`).join(', ') : '_none marked_'}`,
  ].join('\n');
  const unsafe = (u: HandoffSummary['unsafeActions'][number]) =>
    `${u.action}: ${u.reason}${u.condition ? ` (until ${u.condition})` : ''}${u.until ? ` (expires ${u.until})` : ''}`;
  const leading = h.leadingHypothesis
    ? `${h.leadingHypothesis.confirmed ? 'Confirmed cause' : 'Leading hypothesis'} (#${h.leadingHypothesis.seq}): ${h.leadingHypothesis.text}`
    : '_No hypothesis yet._';
  const sections = [
    `# Handoff: ${h.ref} ${h.title}${h.drill ? ' (drill)' : ''}`,
    `**${h.severity}**, ${h.status}. Declared ${h.declaredAt}; summary generated ${h.generatedAt}.`,
    ...(h.warnings.length ? [`> **Warning:** ${h.warnings.join(' ')}`] : []),
    ...(h.triage.pending ? [`> **Triage:** severity not yet confirmed by a person${h.triage.dueAt ? ` (response target ${h.triage.dueAt})` : ''}.`] : []),
    ...(h.severityReview ? [`> **Severity review:** ${h.severityReview}`] : []),
    `## Shared picture\n${list(h.sharedPictureMissing, (m) => `Missing: ${m.text}`, 'Complete.')}`,
    `## Impact\n${impact}`,
    `## Cohorts\n${cohorts}`,
    `## Roles\n${list(h.roles, (r) => `${roleName(r)}: ${r.label}`, 'No roles assigned.')}`,
    `## Cause\n${leading}${h.otherOpenHypotheses.length ? `\n\nAlso open:\n${list(h.otherOpenHypotheses, (x) => `#${x.seq} ${x.text}`, '')}` : ''}`,
    `## Ruled out\n${list(h.rejectedHypotheses, (x) => `#${x.seq} ${x.text}${x.reason ? `: ${x.reason}` : ''}`, 'Nothing ruled out yet.')}`,
    `## Active mitigations\n${list(
      h.activeMitigations,
      (m) => `#${m.seq} ${m.action}. Expect: ${m.expectedSignal}. By ${m.deadline}${m.deadlinePassed ? ' (**deadline passed**)' : ''}`,
      'None in flight.',
    )}`,
    `## Runbooks\n${list(h.runbooks, (r) => `[${r.title}](${r.path})${r.rotting ? ` (**rotting**: ${r.rot.join(', ')})` : ''}`, 'No runbook for these services or alerts.')}`,
    `## Do not\n${list(h.unsafeActions, unsafe, h.unsafeActionsNoneKnown ? 'None known (reviewed).' : 'No unsafe actions noted.')}`,
    `## Next decision\n${h.nextDecision ? `${h.nextDecision.decision}: ${h.nextDecision.owner} by ${h.nextDecision.dueAt}` : '_Not named._'}`,
    `## Pending checks\n${list(h.pendingChecks, (c) => `[ ] ${c.item}${c.negative ? ' (negative check)' : ''}`, 'All recovery checks answered.')}${
      h.failedChecks.length ? `\n\nFailed:\n${list(h.failedChecks, (c) => `${c.item}${c.note ? `: ${c.note}` : ''}`, '')}` : ''
    }`,
    `## Open reconciliation\n${list(h.openReconciliations, (r) => `${r.scope} (owner: ${r.owner ?? '**none**'})${r.lastProgress ? `; last: ${r.lastProgress}` : ''}`, 'None open.')}`,
    `## Recent decisions\n${list(h.recentDecisions, (d) => `#${d.seq} ${d.decision}, because ${d.rationale}`, 'No decisions recorded.')}`,
    `## Actions taken\n${list(h.actionsTaken, (a) => `#${a.seq} ${a.at} ${a.action}${a.result ? ` -> ${a.result}` : ''} (${a.by})`, 'No actions recorded.')}`,
    `## Amendments\n${list(h.amendments, (a) => `#${a.seq} corrects #${a.targetSeq}: ${a.correction}${a.correctedOccurredAt ? ` (happened at ${a.correctedOccurredAt})` : ''}`, 'No corrections.')}`,
    `## Updates\n${h.lastUpdate ? `Last (${h.lastUpdate.audience}, ${h.lastUpdate.at}): ${h.lastUpdate.text}` : '_No update posted yet._'}\n\nNext update due: ${
      h.nextUpdateDue ?? 'no cadence'
    }${h.updateOverdue ? ' (**overdue**)' : ''}`,
  ];
  return `${sections.join('\n\n')}\n`;
}
