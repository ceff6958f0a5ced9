/**
 * The words of an issue, built from an action item. Everything people typed
 * (the item's title, the incident's title) is escaped for the tracker:
 * GitHub's body is Markdown, so every ASCII punctuation character Markdown,
 * inline HTML, an autolink or an @mention would read is backslash-escaped and
 * shows as typed; Jira's body is an Atlassian Document (text nodes are plain
 * text by construction). Pure.
 */
import type { ActionItemForTracker } from '../postmortems/action-items.js';

/** GitHub Markdown: a backslash before each character that could start markup, a mention or an entity; line breaks kept as spaces. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_{}[\]()#+\-.!|<>@~&:"'=$%^]/g, (c) => `\\${c}`);
}

/** An issue title: one line, at most 256 characters (Jira's summary limit; GitHub takes more). */
export function issueTitle(title: string): string {
  const line = title.replace(/[\r\n\t]+/g, ' ').trim();
  return line.length > 255 ? `${line.slice(0, 254)}…` : line;
}

export interface IssueFacts {
  title: string;
  /** Where the postmortem is in Firebreak. */
  postmortemUrl: string;
  incidentRef: string;
  /** Null for a private incident (the tracker is outside Firebreak's visibility rules). */
  incidentTitle: string | null;
  type: string;
  priority: string;
  /** YYYY-MM-DD, or null. */
  due: string | null;
}

export function issueFacts(detail: ActionItemForTracker, baseUrl: string): IssueFacts {
  return {
    title: issueTitle(detail.item.title),
    postmortemUrl: `${baseUrl.replace(/\/$/, '')}/postmortems/${encodeURIComponent(detail.incidentRef)}`,
    incidentRef: detail.incidentRef,
    incidentTitle: detail.incidentTitle,
    type: detail.item.type,
    priority: detail.item.priority,
    due: detail.item.dueAt ? detail.item.dueAt.slice(0, 10) : null,
  };
}

/**
 * The GitHub issue body. GitHub issues have no due date: it is written in the
 * body (a milestone is shared by the whole repository and would have to exist
 * for each date, so none is set).
 */
export function githubBody(f: IssueFacts): string {
  return [
    `Action item from the postmortem of ${escapeMarkdown(f.incidentRef)}${f.incidentTitle === null ? ' (a private incident)' : `: ${escapeMarkdown(f.incidentTitle)}`}`,
    '',
    `- Action: ${escapeMarkdown(f.title)}`,
    `- Type: ${f.type}, priority: ${f.priority}`,
    `- Due: ${f.due ?? 'not set'}`,
    `- Postmortem: <${f.postmortemUrl}>`,
    '',
    'Closing this issue closes the action item in Firebreak; reopening it reopens the item.',
  ].join('\n');
}
