/** What the postmortem API answers with, and the section anchors review comments attach to. */
import type { LintFinding } from './lint.js';
import type { PostmortemDraft } from './draft.js';
import { lintBlame } from './lint.js';
import type { ActionItemRow, CommentRow, PostmortemRow } from './store.js';

export interface Sections {
  summary?: string | undefined;
  rootCause?: string | undefined;
  contributingFactors?: string[] | undefined;
  wentWell?: string[] | undefined;
  wentPoorly?: string[] | undefined;
}

/** A five-whys chain: each step a statement with the events or evidence it rests on; the last is a condition, not a person. */
export interface WhyChain {
  steps: Array<{ statement: string; seqs?: number[] | undefined; evidenceUrl?: string | undefined }>;
}

export interface ActionItemView {
  id: string;
  incidentId: string;
  title: string;
  type: ActionItemRow['type'];
  priority: ActionItemRow['priority'];
  status: ActionItemRow['status'];
  ownerId: string | null;
  dueAt: string | null;
  trackerUrl: string | null;
  evidenceUrl: string | null;
  createdAt: string;
  closedAt: string | null;
  /** The issue in the team's tracker (GitHub, Jira), when one is configured. */
  tracker: TrackerLinkView | null;
}

/** An action item's issue in the tracker and how its sync stands. */
export interface TrackerLinkView {
  provider: 'github' | 'jira';
  /** `owner/repo#12` or `OPS-12`; null until the issue exists. */
  key: string | null;
  url: string | null;
  /** The state in the tracker as last heard; null until created. */
  state: 'open' | 'closed' | null;
  /** pending: being created (retried with back-off); created; failed: gave up (see lastError). */
  sync: 'pending' | 'created' | 'failed';
  attempts: number;
  lastError: string | null;
  lastAttemptAt: string | null;
}

export interface CommentView {
  id: string;
  section: string;
  authorId: string | null;
  author: string;
  body: string;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

export interface PostmortemView {
  id: string;
  incidentId: string;
  ref: string;
  status: PostmortemRow['status'];
  required: boolean;
  ownerId: string | null;
  dueAt: string;
  reviewers: string[];
  meeting: { at: string; minutes: number } | null;
  publicSummary: string | null;
  sections: Sections;
  whys: WhyChain[];
  actionItems: ActionItemView[];
  comments: CommentView[];
  /** Blame language or named people in root cause, contributing factors and the last step of each why chain. */
  blameFindings: Array<LintFinding & { section: string }>;
  publishedAt: string | null;
  draft: PostmortemDraft;
}

export function itemView(r: ActionItemRow): ActionItemView {
  return {
    id: r.id, incidentId: r.incident_id, title: r.title, type: r.type, priority: r.priority, status: r.status, ownerId: r.owner_id,
    dueAt: r.due_at, trackerUrl: r.tracker_url, evidenceUrl: r.evidence_url, createdAt: r.created_at, closedAt: r.closed_at, tracker: null,
  };
}

export function commentView(r: CommentRow): CommentView {
  return { id: r.id, section: r.section, authorId: r.author_id, author: r.author_label, body: r.body, createdAt: r.created_at, resolvedAt: r.resolved_at, resolvedBy: r.resolved_by };
}

export function blameFindings(sections: Sections, whys: WhyChain[], people: string[]): PostmortemView['blameFindings'] {
  const out: PostmortemView['blameFindings'] = [];
  const check = (section: string, text: string | undefined) => {
    if (text) for (const f of lintBlame(text, people).findings) out.push({ ...f, section });
  };
  check('rootCause', sections.rootCause);
  sections.contributingFactors?.forEach((c, i) => check(`contributingFactors[${i}]`, c));
  whys.forEach((w, i) => check(`whys[${i}]`, w.steps[w.steps.length - 1]?.statement));
  return out;
}

/** Sections a comment can anchor to as a whole. */
export const SECTION_ANCHORS = ['summary', 'impact', 'timeline', 'detection', 'rootCause', 'contributingFactors', 'wentWell', 'wentPoorly', 'whys', 'actionItems'] as const;

/**
 * Whether `anchor` names a section of this postmortem: a whole section, or
 * one entry of a list section that exists (`contributingFactors[0]`,
 * `whys[1]`, `actionItems[2]`).
 */
export function anchorExists(anchor: string, sections: Sections, whys: readonly WhyChain[], actionItems: number): boolean {
  if ((SECTION_ANCHORS as readonly string[]).includes(anchor)) return true;
  const m = /^(contributingFactors|wentWell|wentPoorly|whys|actionItems)\[(\d{1,4})\]$/.exec(anchor);
  if (!m) return false;
  const index = Number(m[2]);
  const length = m[1] === 'whys' ? whys.length : m[1] === 'actionItems' ? actionItems : (sections[m[1] as 'contributingFactors' | 'wentWell' | 'wentPoorly']?.length ?? 0);
  return index < length;
}

/** A postmortem in a list. */
export interface PostmortemSummary {
  id: string;
  incidentId: string;
  ref: string;
  title: string;
  severity: string;
  status: PostmortemRow['status'];
  required: boolean;
  ownerId: string | null;
  dueAt: string;
  publishedAt: string | null;
}
