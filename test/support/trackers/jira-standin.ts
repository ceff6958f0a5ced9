/**
 * A local Jira Cloud: create issue, get issue and user search (REST API v3),
 * each request checked against Atlassian's published description
 * (test/fixtures/vendor/jira) with basic auth (email and API token), and
 * answered in its documented shapes (checked too). The description leaves an
 * issue's `fields` open (a site's fields come from its create screen), so the
 * stand-in also checks the system fields Firebreak sets as Jira's create-issue
 * documentation shows them: `project.key`, `issuetype.name`, `summary`, an
 * Atlassian Document `description`, `labels`, `duedate` (YYYY-MM-DD) and
 * `assignee.accountId`.
 */
import { createHmac } from 'node:crypto';
import { StandInServer, type Answer, type Received } from '../chat/http-harness.js';
import { OpenApiSpec } from './openapi-check.js';

export const jiraSpec = new OpenApiSpec('jira', 'jira/jira-platform-v3.issues.json');

export interface JiraIssue {
  id: string;
  key: string;
  fields: Record<string, unknown>;
  done: boolean;
}

export interface JiraUser {
  accountId: string;
  emailAddress: string;
  displayName: string;
}

const STATUS = {
  todo: { self: 'https://standin.atlassian.net/rest/api/3/status/10000', id: '10000', name: 'To Do', description: '', iconUrl: 'https://standin.atlassian.net/', statusCategory: { self: 'https://standin.atlassian.net/rest/api/3/statuscategory/2', id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' } },
  done: { self: 'https://standin.atlassian.net/rest/api/3/status/10002', id: '10002', name: 'Done', description: '', iconUrl: 'https://standin.atlassian.net/', statusCategory: { self: 'https://standin.atlassian.net/rest/api/3/statuscategory/3', id: 3, key: 'done', colorName: 'green', name: 'Done' } },
};

export class JiraStandIn {
  readonly email = 'firebreak-bot@example.com';
  readonly token = `ATATT3standin${Math.random().toString(36).slice(2)}`;
  readonly projectKey = 'OPS';
  readonly issues = new Map<string, JiraIssue>();
  readonly users: JiraUser[] = [];
  readonly server: StandInServer;

  constructor() {
    this.server = new StandInServer((r) => this.answer(r));
  }

  get url(): string {
    return `http://127.0.0.1:${this.server.port}`;
  }

  get violations(): string[] {
    return this.server.violations;
  }

  start(): Promise<void> {
    return this.server.start();
  }

  close(): Promise<void> {
    return this.server.close();
  }

  addUser(email: string, displayName: string): JiraUser {
    const user = { accountId: `5b10ac8d82e05b22cc7d${String(this.users.length).padStart(4, '0')}`, emailAddress: email, displayName };
    this.users.push(user);
    return user;
  }

  private userJson(u: JiraUser): Record<string, unknown> {
    return { self: `${this.url}/rest/api/3/user?accountId=${u.accountId}`, accountId: u.accountId, accountType: 'atlassian', emailAddress: u.emailAddress, displayName: u.displayName, active: true, timeZone: 'Europe/Berlin', avatarUrls: {} };
  }

  issueJson(issue: JiraIssue): Record<string, unknown> {
    return { id: issue.id, self: `${this.url}/rest/api/3/issue/${issue.id}`, key: issue.key, fields: { ...issue.fields, status: issue.done ? STATUS.done : STATUS.todo } };
  }

  /** A `jira:issue_updated` delivery for a status change, its `issue` checked against the published issue schema. */
  statusWebhook(key: string, done: boolean, timestamp: number): { body: string; problems: string[] } {
    const issue = this.issues.get(key)!;
    issue.done = done;
    const json = this.issueJson(issue);
    const [from, to] = done ? [STATUS.todo, STATUS.done] : [STATUS.done, STATUS.todo];
    const payload = {
      timestamp, webhookEvent: 'jira:issue_updated', issue_event_type_name: 'issue_generic', user: this.userJson(this.users[0] ?? this.addUser('someone@example.com', 'Someone')),
      issue: json, changelog: { id: String(timestamp), items: [{ field: 'status', fieldtype: 'jira', fieldId: 'status', from: from.id, fromString: from.name, to: to.id, toString: to.name }] },
    };
    return { body: JSON.stringify(payload), problems: [...jiraSpec.validate(jiraSpec.schema('IssueBean'), json, 'webhook issue'), ...jiraSpec.validate(jiraSpec.schema('ChangeDetails'), payload.changelog.items[0], 'webhook changelog item')] };
  }

  /** Jira's admin-webhook signature: HMAC-SHA256 of the body with the secret, `sha256=<hex>`. */
  deliveryHeaders(secret: string, body: string, identifier: string): Record<string, string> {
    return { 'content-type': 'application/json', 'x-hub-signature': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`, 'x-atlassian-webhook-identifier': identifier, 'user-agent': 'Atlassian Webhook HTTP Client' };
  }

  private fieldProblems(fields: Record<string, unknown>): string[] {
    const problems: string[] = [];
    const project = fields.project as { key?: unknown } | undefined;
    if (project?.key !== this.projectKey) problems.push(`fields.project.key must be ${this.projectKey}`);
    if (typeof (fields.issuetype as { name?: unknown } | undefined)?.name !== 'string') problems.push('fields.issuetype.name is required');
    if (typeof fields.summary !== 'string' || fields.summary.length === 0 || fields.summary.length > 255) problems.push('fields.summary must be 1–255 characters');
    if (/[\r\n]/.test(String(fields.summary))) problems.push('fields.summary must be one line');
    const description = fields.description as { type?: unknown; version?: unknown; content?: unknown } | undefined;
    if (description !== undefined && (description.type !== 'doc' || description.version !== 1 || !Array.isArray(description.content))) problems.push('fields.description must be an Atlassian Document (type doc, version 1)');
    if (fields.duedate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(fields.duedate))) problems.push('fields.duedate must be YYYY-MM-DD');
    if (fields.labels !== undefined && (!Array.isArray(fields.labels) || fields.labels.some((l) => typeof l !== 'string' || /\s/.test(l)))) problems.push('fields.labels must be strings without spaces');
    const assignee = fields.assignee as { accountId?: unknown } | undefined;
    if (assignee !== undefined && !this.users.some((u) => u.accountId === assignee.accountId)) problems.push('fields.assignee.accountId is no user');
    return problems;
  }

  private answer(r: Received): Answer {
    const checked = jiraSpec.check(r.method, r.path, r.headers, r.query, r.body);
    if (checked.problems.length > 0) {
      this.violations.push(...checked.problems);
      return { status: 400, body: { errorMessages: checked.problems, errors: {} } };
    }
    const template = checked.template!;
    const basic = `Basic ${Buffer.from(`${this.email}:${this.token}`).toString('base64')}`;
    if (!jiraSpec.security(template, r.method).includes('basicAuth') || r.headers.authorization !== basic) {
      this.violations.push(`${r.method} ${template}: no basic auth with the account's email and API token`);
      return { status: 401, body: { errorMessages: ['unauthorized'], errors: {} } };
    }
    if (template === '/rest/api/3/user/search') {
      const query = (r.query.get('query') ?? '').toLowerCase();
      return this.reply(r.method, template, { status: 200, body: this.users.filter((u) => u.emailAddress.toLowerCase().startsWith(query)).map((u) => this.userJson(u)) });
    }
    if (template === '/rest/api/3/issue') {
      const fields = (checked.json as { fields?: Record<string, unknown> }).fields ?? {};
      const problems = this.fieldProblems(fields);
      if (problems.length > 0) {
        this.violations.push(...problems);
        return this.reply(r.method, template, { status: 400, body: { errorMessages: problems, errors: {} } });
      }
      const id = String(10000 + this.issues.size);
      const issue: JiraIssue = { id, key: `${this.projectKey}-${this.issues.size + 1}`, fields, done: false };
      this.issues.set(issue.key, issue);
      return this.reply(r.method, template, { status: 201, body: { id, key: issue.key, self: `${this.url}/rest/api/3/issue/${id}` } });
    }
    const issue = this.issues.get(checked.params.issueIdOrKey!);
    if (!issue) return this.reply(r.method, template, { status: 404, body: { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} } });
    return this.reply(r.method, template, { status: 200, body: this.issueJson(issue) });
  }

  private reply(verb: string, template: string, answer: Answer): Answer {
    this.violations.push(...jiraSpec.checkAnswer(verb, template, answer.status, answer.body));
    return answer;
  }
}
