/**
 * GitHub Issues: the create-issue request (REST API, `POST
 * /repos/{owner}/{repo}/issues`), reading its answer, and reading an `issues`
 * webhook (closed, reopened). Pure: the job and the route do the I/O.
 * Assignee: GitHub cannot find a user by email reliably (only public
 * emails are searchable), so issues are left unassigned and the owner stays
 * in Firebreak.
 */
import { githubBody, type IssueFacts } from './issue-text.js';

export interface GithubSettings {
  /** `owner/repo`. */
  repository: string;
  /** https://api.github.com, or a GitHub Enterprise Server's `https://host/api/v3`. */
  apiUrl: string;
  labels: string[];
}

export const GITHUB_API_URL = 'https://api.github.com';

export interface TrackerRequest {
  method: 'POST' | 'GET';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export function githubCreateIssue(settings: GithubSettings, token: string, facts: IssueFacts): TrackerRequest {
  const [owner, repo] = settings.repository.split('/');
  return {
    method: 'POST',
    url: `${settings.apiUrl.replace(/\/$/, '')}/repos/${encodeURIComponent(owner!)}/${encodeURIComponent(repo!)}/issues`,
    headers: {
      accept: 'application/vnd.github+json',
      authorization: `Bearer ${token}`,
      'x-github-api-version': '2022-11-28',
      'content-type': 'application/json',
      'user-agent': 'firebreak',
    },
    body: JSON.stringify({ title: facts.title, body: githubBody(facts), ...(settings.labels.length > 0 ? { labels: settings.labels } : {}) }),
  };
}

export interface CreatedIssue {
  key: string;
  url: string;
  state: 'open' | 'closed';
}

/** The issue GitHub created, from its 201 answer; throws naming what is missing. */
export function githubCreated(settings: GithubSettings, body: string): CreatedIssue {
  const issue = JSON.parse(body) as { number?: unknown; html_url?: unknown; state?: unknown };
  if (typeof issue.number !== 'number' || typeof issue.html_url !== 'string') throw new Error('the answer has no issue number or html_url');
  // The link is shown as a link on the postmortem: only a web address.
  if (!/^https?:\/\//i.test(issue.html_url)) throw new Error('the issue html_url is not an http(s) address');
  return { key: githubKey(settings.repository, issue.number), url: issue.html_url, state: issue.state === 'closed' ? 'closed' : 'open' };
}

export function githubKey(repository: string, number: number): string {
  return `${repository.toLowerCase()}#${number}`;
}
