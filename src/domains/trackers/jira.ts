/**
 * Jira Cloud: the create-issue request (REST API v3, `POST /rest/api/3/issue`,
 * the description as an Atlassian Document whose text nodes are plain text),
 * the assignee looked up by email (`GET /rest/api/3/user/search?query=`), and
 * reading its answers. Basic auth with the account's email and API token. Pure.
 */
import type { IssueFacts } from './issue-text.js';
import type { CreatedIssue, TrackerRequest } from './github.js';

export interface JiraSettings {
  /** https://your-site.atlassian.net */
  siteUrl: string;
  email: string;
  projectKey: string;
  issueType: string;
  labels: string[];
}

export const JIRA_DEFAULT_ISSUE_TYPE = 'Task';

function headers(settings: JiraSettings, token: string): Record<string, string> {
  return { accept: 'application/json', authorization: `Basic ${Buffer.from(`${settings.email}:${token}`).toString('base64')}`, 'user-agent': 'firebreak' };
}

export function jiraUserSearch(settings: JiraSettings, token: string, email: string): TrackerRequest {
  return { method: 'GET', url: `${settings.siteUrl}/rest/api/3/user/search?query=${encodeURIComponent(email)}`, headers: headers(settings, token) };
}

/** The account id of the one active user the search found with exactly this email; undefined otherwise. */
export function jiraAccountId(body: string, email: string): string | undefined {
  const users = JSON.parse(body) as Array<{ accountId?: unknown; emailAddress?: unknown; active?: unknown }>;
  if (!Array.isArray(users)) return undefined;
  const matches = users.filter((u) => typeof u.accountId === 'string' && u.active !== false && (typeof u.emailAddress !== 'string' || u.emailAddress.toLowerCase() === email.toLowerCase()));
  return matches.length === 1 ? (matches[0]!.accountId as string) : undefined;
}

const text = (t: string) => ({ type: 'text', text: t });
const link = (t: string, href: string) => ({ type: 'text', text: t, marks: [{ type: 'link', attrs: { href } }] });
const paragraph = (...content: object[]) => ({ type: 'paragraph', content });

/** The description as an Atlassian Document: what people typed goes into text nodes, which Jira shows as typed. */
export function jiraDescription(f: IssueFacts): object {
  return {
    version: 1,
    type: 'doc',
    content: [
      paragraph(text(`Action item from the postmortem of ${f.incidentRef}${f.incidentTitle === null ? ' (a private incident)' : `: ${f.incidentTitle}`}`)),
      paragraph(text(`Type: ${f.type}, priority: ${f.priority}`)),
      paragraph(text('Postmortem: '), link(f.postmortemUrl, f.postmortemUrl)),
      paragraph(text('Resolving this issue closes the action item in Firebreak; reopening it reopens the item.')),
    ],
  };
}

export function jiraCreateIssue(settings: JiraSettings, token: string, facts: IssueFacts, accountId: string | undefined): TrackerRequest {
  const fields: Record<string, unknown> = {
    project: { key: settings.projectKey },
    issuetype: { name: settings.issueType },
    summary: facts.title,
    description: jiraDescription(facts),
    ...(settings.labels.length > 0 ? { labels: settings.labels } : {}),
    ...(facts.due ? { duedate: facts.due } : {}),
    ...(accountId ? { assignee: { accountId } } : {}),
  };
  return { method: 'POST', url: `${settings.siteUrl}/rest/api/3/issue`, headers: { ...headers(settings, token), 'content-type': 'application/json' }, body: JSON.stringify({ fields }) };
}

/** The issue Jira created, from its 201 answer (`{ id, key, self }`). */
export function jiraCreated(settings: JiraSettings, body: string): CreatedIssue {
  const issue = JSON.parse(body) as { key?: unknown };
  if (typeof issue.key !== 'string') throw new Error('the answer has no issue key');
  return { key: issue.key, url: `${settings.siteUrl}/browse/${encodeURIComponent(issue.key)}`, state: 'open' };
}
