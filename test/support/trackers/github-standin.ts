/**
 * A local GitHub REST API for issues: create, get and update an issue, each
 * request checked against GitHub's published description
 * (test/fixtures/vendor/github) and answered in its documented shapes
 * (checked too). `issuesWebhook` builds an `issues` webhook payload and checks
 * it against the published webhook schema before a test signs and sends it.
 */
import { createRequire } from 'node:module';
import { sign } from '@octokit/webhooks-methods';
import { StandInServer, type Answer, type Received } from '../chat/http-harness.js';
import { OpenApiSpec } from './openapi-check.js';

export const githubSpec = new OpenApiSpec('github', 'github/api.github.com.issues.json');

/** The community's captured `issues` deliveries (@octokit/webhooks-examples): the repository and sender of a real one. */
const captured = (createRequire(import.meta.url)('@octokit/webhooks-examples') as Array<{ name: string; examples: Array<Record<string, unknown> & { action: string }> }>)
  .find((e) => e.name === 'issues')!.examples.find((e) => e.action === 'reopened')!;

export interface StoredIssue {
  number: number;
  title: string;
  body: string;
  labels: string[];
  state: 'open' | 'closed';
  closedAt: string | null;
  createdAt: string;
}

const stamp = () => new Date(Math.floor(Date.now() / 1000) * 1000).toISOString().replace('.000Z', 'Z');

function user(login: string, id: number): Record<string, unknown> {
  const api = `https://api.github.com/users/${login}`;
  return {
    login, id, node_id: `MDQ6VXNlcj${id}`, avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`, gravatar_id: '', url: api, html_url: `https://github.com/${login}`,
    followers_url: `${api}/followers`, following_url: `${api}/following{/other_user}`, gists_url: `${api}/gists{/gist_id}`, starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`, organizations_url: `${api}/orgs`, repos_url: `${api}/repos`, events_url: `${api}/events{/privacy}`, received_events_url: `${api}/received_events`,
    type: 'User', site_admin: false,
  };
}

export class GithubStandIn {
  readonly token = `github_pat_standin${Math.random().toString(36).slice(2)}`;
  readonly issues = new Map<number, StoredIssue>();
  readonly server: StandInServer;

  constructor(readonly owner = 'acme', readonly repo = 'reliability') {
    this.server = new StandInServer((r) => this.answer(r));
  }

  get url(): string {
    return `http://127.0.0.1:${this.server.port}`;
  }

  get violations(): string[] {
    return this.server.violations;
  }

  /** Requests that reached the stand-in's routes (not injected failures' bookkeeping). */
  get received(): Received[] {
    return this.server.received;
  }

  start(): Promise<void> {
    return this.server.start();
  }

  close(): Promise<void> {
    return this.server.close();
  }

  /** The issue as GitHub's REST API shows it (components/schemas/issue). */
  issueJson(issue: StoredIssue): Record<string, unknown> {
    const repoApi = `https://api.github.com/repos/${this.owner}/${this.repo}`;
    const url = `${repoApi}/issues/${issue.number}`;
    return {
      id: 1000 + issue.number, node_id: `I_kwDOstandin${issue.number}`, url, repository_url: repoApi, labels_url: `${url}/labels{/name}`, comments_url: `${url}/comments`,
      events_url: `${url}/events`, html_url: `https://github.com/${this.owner}/${this.repo}/issues/${issue.number}`, number: issue.number, state: issue.state,
      state_reason: issue.state === 'closed' ? 'completed' : null, title: issue.title, body: issue.body, user: user('firebreak-bot', 42),
      labels: issue.labels.map((name, i) => ({ id: 200 + i, node_id: `LA_standin${i}`, url: `${repoApi}/labels/${encodeURIComponent(name)}`, name, description: null, color: 'ededed', default: false })),
      assignee: null, assignees: [], milestone: null, locked: false, active_lock_reason: null, comments: 0, closed_at: issue.closedAt, created_at: issue.createdAt, updated_at: stamp(),
      author_association: 'NONE',
    };
  }

  /** Closes or reopens an issue as a person would on github.com. */
  setState(number: number, state: 'open' | 'closed'): StoredIssue {
    const issue = this.issues.get(number)!;
    issue.state = state;
    issue.closedAt = state === 'closed' ? stamp() : null;
    return issue;
  }

  /** An `issues` webhook (closed or reopened) about a stored issue, checked against the published webhook schema; throws if it does not conform. */
  issuesWebhook(number: number, action: 'closed' | 'reopened'): { body: string; problems: string[] } {
    const api = this.issueJson(this.issues.get(number)!);
    const reactions = { url: `${String(api.url)}/reactions`, total_count: 0, '+1': 0, '-1': 0, laugh: 0, hooray: 0, confused: 0, heart: 0, rocket: 0, eyes: 0 };
    const issue = { ...api, reactions, timeline_url: `${String(api.url)}/timeline`, performed_via_github_app: null };
    const repository = { ...(captured.repository as Record<string, unknown>), name: this.repo, full_name: `${this.owner}/${this.repo}`, html_url: `https://github.com/${this.owner}/${this.repo}` };
    const payload = { action, issue, repository, sender: captured.sender };
    return { body: JSON.stringify(payload), problems: githubSpec.checkWebhook(`issues-${action}`, payload) };
  }

  /** The headers GitHub sends with a delivery, signed with the webhook secret. */
  async deliveryHeaders(secret: string, body: string, deliveryId: string): Promise<Record<string, string>> {
    return { 'content-type': 'application/json', 'x-github-event': 'issues', 'x-github-delivery': deliveryId, 'x-hub-signature-256': await sign(secret, body), 'user-agent': 'GitHub-Hookshot/standin' };
  }

  private answer(r: Received): Answer {
    const checked = githubSpec.check(r.method, r.path, r.headers, r.query, r.body);
    if (checked.problems.length > 0) {
      this.violations.push(...checked.problems);
      return { status: 422, body: { message: 'Validation Failed', documentation_url: 'https://docs.github.com/rest', errors: checked.problems.map((p) => ({ code: 'invalid', message: p })) } };
    }
    const template = checked.template!;
    if (r.headers.authorization !== `Bearer ${this.token}`) {
      this.violations.push(`${r.method} ${template}: Authorization is not the token's Bearer`);
      return this.reply(r.method, template, { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } });
    }
    if (checked.params.owner !== this.owner || checked.params.repo !== this.repo) return this.reply(r.method, template, { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } });
    const json = checked.json as { title?: string | number; body?: string; labels?: Array<string | { name?: string }>; state?: 'open' | 'closed' } | undefined;
    if (template === '/repos/{owner}/{repo}/issues' && r.method === 'POST') {
      const issue: StoredIssue = { number: this.issues.size + 1, title: String(json!.title), body: json!.body ?? '', labels: (json!.labels ?? []).map((l) => (typeof l === 'string' ? l : (l.name ?? ''))), state: 'open', closedAt: null, createdAt: stamp() };
      this.issues.set(issue.number, issue);
      return this.reply(r.method, template, { status: 201, body: this.issueJson(issue), headers: { location: `https://api.github.com/repos/${this.owner}/${this.repo}/issues/${issue.number}` } });
    }
    const issue = this.issues.get(Number(checked.params.issue_number));
    if (!issue) return this.reply(r.method, template, { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } });
    if (r.method === 'PATCH' && json?.state) this.setState(issue.number, json.state);
    return this.reply(r.method, template, { status: 200, body: this.issueJson(issue) });
  }

  private reply(verb: string, template: string, answer: Answer): Answer {
    this.violations.push(...githubSpec.checkAnswer(verb, template, answer.status, answer.body));
    return answer;
  }
}
