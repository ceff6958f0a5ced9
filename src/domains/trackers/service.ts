/**
 * The team's tracker (GitHub Issues, Jira Cloud): configured by an admin
 * (tokens and webhook secrets sealed with FIREBREAK_SECRET_KEY, never
 * answered back), told about each new action item (an issue is created
 * through the `trackers.create-issue` job, retried with back-off, every try
 * recorded), and kept in step by the tracker's webhooks (webhooks.ts).
 */
import type { Transaction } from 'kysely';
import type { Config } from '../../config.js';
import { seal, sealingKeyOf, unseal } from '../../crypto/sealed.js';
import { fromJson, toJson } from '../../db/dialect.js';
import type { Database, Db } from '../../db/schema.js';
import type { Store } from '../../db/store.js';
import { invalidField, notFound, unprocessable } from '../../errors.js';
import type { JobQueue } from '../../jobs/queue.js';
import { clockNow } from '../../clock.js';
import { recordAudit } from '../audit/service.js';
import type { Actor } from '../auth/identity.js';
import { newSecret } from '../auth/secrets.js';
import type { ActionItemTracker } from '../postmortems/action-item-trackers.js';
import type { TrackerLinkView } from '../postmortems/views.js';
import { GITHUB_API_URL, type GithubSettings } from './github.js';
import { JIRA_DEFAULT_ISSUE_TYPE, type JiraSettings } from './jira.js';
import { createIssueKind } from './job-kinds.js';
import * as store from './store.js';

export type TrackerInput =
  | { provider: 'github'; repository: string; token: string; webhookSecret?: string | undefined; labels?: string[] | undefined; apiUrl?: string | undefined }
  | { provider: 'jira'; siteUrl: string; email: string; token: string; projectKey: string; issueType?: string | undefined; webhookSecret?: string | undefined; labels?: string[] | undefined };

export interface TrackerView {
  provider: 'github' | 'jira';
  /** GitHub: repository, apiUrl, labels. Jira: siteUrl, email, projectKey, issueType, labels. Never a token or secret. */
  settings: GithubSettings | JiraSettings;
  /** Where the tracker's webhooks should be sent. */
  webhookUrl: string;
  createdAt: string;
  updatedAt: string;
}

export type Settings = GithubSettings | JiraSettings;

function baseUrlOf(config: Pick<Config, 'publicUrl' | 'host' | 'port'>): string {
  return (config.publicUrl ?? `http://${config.host}:${config.port}`).replace(/\/$/, '');
}

export function webhookUrlOf(config: Pick<Config, 'publicUrl' | 'host' | 'port'>, provider: 'github' | 'jira'): string {
  return `${baseUrlOf(config)}/api/v1/tracker/webhooks/${provider}`;
}

function sealingKey(config: Pick<Config, 'secretKey'>): Buffer {
  const key = sealingKeyOf(config);
  if (!key) throw unprocessable('tracker-secret-key-missing', 'set FIREBREAK_SECRET_KEY (32 random bytes, base64: `openssl rand -base64 32`) so the tracker token can be stored encrypted; nothing was stored');
  return key;
}

function httpsUrl(field: string, text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalidField(field, 'must be an absolute http(s) URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalidField(field, 'must be an absolute http(s) URL');
  if (url.search || url.hash) throw invalidField(field, 'must have no query or fragment');
  return url.toString().replace(/\/$/, '');
}

function labelsOf(labels: string[] | undefined): string[] {
  return [...new Set((labels ?? []).map((l) => l.trim()).filter(Boolean))];
}

/** Checks an admin's input; answers the settings to store. */
export function checkedSettings(input: TrackerInput): Settings {
  if (input.provider === 'github') {
    if (!/^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/.test(input.repository)) throw invalidField('repository', 'must be owner/repo');
    return { repository: input.repository, apiUrl: httpsUrl('apiUrl', input.apiUrl ?? GITHUB_API_URL), labels: labelsOf(input.labels) };
  }
  if (!/^[A-Z][A-Z0-9_]{1,9}$/.test(input.projectKey)) throw invalidField('projectKey', 'must be a Jira project key (capital letters and digits, like OPS)');
  if (!/^[^@\s]+@[^@\s]+$/.test(input.email)) throw invalidField('email', 'must be the email address of the Atlassian account the token belongs to');
  if (input.labels?.some((l) => /\s/.test(l))) throw invalidField('labels', 'Jira labels cannot contain spaces');
  return { siteUrl: httpsUrl('siteUrl', input.siteUrl), email: input.email, projectKey: input.projectKey, issueType: input.issueType?.trim() || JIRA_DEFAULT_ISSUE_TYPE, labels: labelsOf(input.labels) };
}

function toView(config: Pick<Config, 'publicUrl' | 'host' | 'port'>, row: store.TrackerRow): TrackerView {
  return { provider: row.provider, settings: fromJson<Settings>(row.settings)!, webhookUrl: webhookUrlOf(config, row.provider), createdAt: row.created_at, updatedAt: row.updated_at };
}

/** Configures (or replaces) the tracker. A generated webhook secret is answered here only; a given one is never answered. */
export async function configureTracker(st: Store, config: Config, actor: Actor, input: TrackerInput): Promise<{ tracker: TrackerView; webhookSecret?: string }> {
  const settings = checkedSettings(input);
  if (!input.token.trim()) throw invalidField('token', 'must not be empty');
  const key = sealingKey(config);
  const generated = input.webhookSecret ? undefined : newSecret('fbtw');
  const secret = input.webhookSecret ?? generated!;
  return st.transaction(async (trx) => {
    const before = await store.findTracker(trx);
    const now = clockNow().toISOString();
    const row: store.TrackerRow = {
      id: store.TRACKER_ID, provider: input.provider, settings: toJson(settings), token_sealed: seal(key, input.token.trim()), webhook_secret_sealed: seal(key, secret),
      created_at: before?.created_at ?? now, updated_at: now,
    };
    await store.saveTracker(trx, row);
    await recordAudit(trx, actor, { action: before ? 'tracker.update' : 'tracker.configure', targetType: 'tracker', targetId: row.id, detail: { provider: row.provider, settings, webhookSecret: generated ? 'generated' : 'given' } });
    return { tracker: toView(config, row), ...(generated ? { webhookSecret: generated } : {}) };
  });
}

export async function getTracker(db: Db, config: Config): Promise<TrackerView> {
  const row = await store.findTracker(db);
  if (!row) throw notFound('tracker', 'tracker-not-configured');
  return toView(config, row);
}

/** Removes the tracker: new action items stay in Firebreak only; existing links are kept. */
export async function removeTracker(st: Store, actor: Actor): Promise<void> {
  await st.transaction(async (trx) => {
    if (!(await store.deleteTracker(trx))) throw notFound('tracker', 'tracker-not-configured');
    await recordAudit(trx, actor, { action: 'tracker.remove', targetType: 'tracker', targetId: store.TRACKER_ID, detail: {} });
  });
}

/** The tracker with its secrets opened (for the job and the webhook check only). */
export async function openTracker(db: Db, config: Pick<Config, 'secretKey'>): Promise<{ row: store.TrackerRow; settings: Settings; token: string; webhookSecret: string } | undefined> {
  const row = await store.findTracker(db);
  if (!row) return undefined;
  const key = sealingKey(config);
  return { row, settings: fromJson<Settings>(row.settings)!, token: unseal(key, row.token_sealed), webhookSecret: unseal(key, row.webhook_secret_sealed) };
}

export function linkView(row: store.IssueRow): TrackerLinkView {
  return { provider: row.provider, key: row.issue_key, url: row.issue_url, state: row.state, sync: row.sync, attempts: row.attempts, lastError: row.last_error, lastAttemptAt: row.last_attempt_at };
}

export interface AttemptView {
  attempt: number;
  at: string;
  outcome: 'created' | 'retry' | 'failed';
  detail: string;
}

/** An action item's issue with every try at creating it. */
export async function issueOf(db: Db, actionItemId: string): Promise<{ link: TrackerLinkView; attempts: AttemptView[] }> {
  const row = await store.findIssue(db, actionItemId);
  if (!row) throw notFound(`tracker issue of action item ${actionItemId}`);
  return { link: linkView(row), attempts: (await store.attemptsOf(db, actionItemId)).map((a) => ({ attempt: a.attempt, at: a.at, outcome: a.outcome, detail: a.detail })) };
}

/** Tries a failed creation again (admin): a fresh round of attempts. */
export async function retryIssue(st: Store, jobs: JobQueue, actor: Actor, actionItemId: string): Promise<TrackerLinkView> {
  return st.transaction(async (trx) => {
    const row = await store.findIssue(trx, actionItemId);
    if (!row) throw notFound(`tracker issue of action item ${actionItemId}`);
    if (row.sync !== 'failed') throw unprocessable('tracker-issue-not-failed', `the issue is ${row.sync}; only a failed creation is retried`);
    const now = clockNow().toISOString();
    await store.updateIssue(trx, actionItemId, { sync: 'pending', updated_at: now });
    await jobs.schedule(trx, createIssueKind, { actionItemId }, { key: `${actionItemId}:${row.attempts}` });
    await recordAudit(trx, actor, { action: 'tracker.retry', targetType: 'action_item', targetId: actionItemId, detail: { attempts: row.attempts } });
    return linkView((await store.findIssue(trx, actionItemId))!);
  });
}

/** Postmortems tell the tracker about new action items and ask for their links (registered at assembly). */
export const actionItemTracker: ActionItemTracker = {
  name: 'trackers',
  async created(trx: Transaction<Database>, deps: { jobs: JobQueue }, notice) {
    const tracker = await store.findTracker(trx);
    if (!tracker) return;
    const now = clockNow().toISOString();
    await store.insertIssue(trx, { action_item_id: notice.item.id, provider: tracker.provider, issue_key: null, issue_url: null, state: null, sync: 'pending', attempts: 0, last_error: null, last_attempt_at: null, created_at: now, updated_at: now });
    await deps.jobs.schedule(trx, createIssueKind, { actionItemId: notice.item.id }, { key: notice.item.id });
  },
  async links(db, itemIds) {
    return new Map((await store.issuesOf(db, itemIds)).map((row) => [row.action_item_id, linkView(row)]));
  },
};
