/**
 * What the tracker sends back: GitHub `issues` webhooks (closed, reopened)
 * and Jira Cloud `jira:issue_updated` webhooks. Both are HMAC-SHA256 over the
 * exact body, keyed with the webhook secret, as `sha256=<hex>`: GitHub in
 * `X-Hub-Signature-256`, Jira (admin webhooks registered with a secret) in
 * `X-Hub-Signature`. A delivery id (`X-GitHub-Delivery`,
 * `X-Atlassian-Webhook-Identifier`) is applied once; Jira's signed
 * `timestamp` must be within the replay window. An issue Firebreak did not
 * create is acknowledged with 202 and ignored: the repository or project
 * holds other issues too, and a 4xx would only make the tracker report
 * failing deliveries.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { verify } from '@octokit/webhooks-methods';
import type { Store } from '../../db/store.js';
import { HttpProblem } from '../../http/problem.js';
import { clockNow } from '../../clock.js';
import { systemActor } from '../auth/identity.js';
import { setActionItemStatusFromTracker } from '../postmortems/action-items.js';
import { githubKey } from './github.js';
import * as store from './store.js';

/** How far a Jira webhook's signed timestamp may be from now. */
export const REPLAY_WINDOW_MS = 5 * 60_000;

/** How long delivery ids are remembered: GitHub's deliveries carry no timestamp, so a captured one stays refused this long. */
export const SEEN_DELIVERY_RETENTION_MS = 30 * 24 * 3_600_000;

export interface WebhookAnswer {
  outcome: 'applied' | 'unchanged' | 'ignored';
  reason?: string;
  actionItemId?: string;
}

export function refused(detail: string): HttpProblem {
  return new HttpProblem(401, 'tracker-webhook-unverified', `${detail}; nothing was changed`);
}

function malformed(field: string, message: string): HttpProblem {
  return new HttpProblem(400, 'invalid-tracker-webhook', `${field}: ${message}; nothing was changed`, [{ field, message }]);
}

function checked<S extends TSchema>(schema: S, value: unknown, where: string): Static<S> {
  if (Value.Check(schema, value)) return value as Static<S>;
  const error = Value.Errors(schema, value).First();
  throw malformed(`${where}${error?.path.replaceAll('/', '.') ?? ''}`, error?.message ?? 'is invalid');
}

export function parseBody(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw malformed('body', 'is not JSON');
  }
}

/** Checks `sha256=<hex>` over the raw body with the secret (timing-safe). */
export async function signatureValid(secret: string, raw: string, signature: string | undefined): Promise<boolean> {
  if (!signature || !raw) return false;
  return verify(secret, raw, signature);
}

const GithubIssuesEvent = Type.Object({
  action: Type.String({ maxLength: 64 }),
  issue: Type.Object({ number: Type.Integer({ minimum: 1 }), html_url: Type.String({ maxLength: 2048 }) }),
  repository: Type.Object({ full_name: Type.String({ maxLength: 200 }) }),
});

const JiraIssueEvent = Type.Object({
  webhookEvent: Type.String({ maxLength: 100 }),
  timestamp: Type.Integer(),
  issue: Type.Object({
    key: Type.String({ maxLength: 100 }),
    fields: Type.Object({ status: Type.Optional(Type.Object({ statusCategory: Type.Optional(Type.Object({ key: Type.String({ maxLength: 40 }) })) })) }),
  }),
  changelog: Type.Optional(Type.Object({ items: Type.Array(Type.Object({ field: Type.String({ maxLength: 200 }) }), { maxItems: 500 }) })),
});

/** Applies a state the tracker reports to the issue's action item, once per delivery. */
async function apply(st: Store, provider: 'github' | 'jira', deliveryKey: string, key: string, issueUrl: string, state: 'open' | 'closed'): Promise<WebhookAnswer> {
  const now = clockNow();
  return st.transaction(async (trx) => {
    await store.forgetDeliveriesBefore(trx, new Date(now.getTime() - SEEN_DELIVERY_RETENTION_MS).toISOString());
    if (!(await store.rememberDelivery(trx, `${provider}:${deliveryKey}`, now.toISOString()))) return { outcome: 'ignored', reason: 'this delivery was already received' };
    const issue = await store.findIssueByKey(trx, provider, key);
    if (!issue) return { outcome: 'ignored', reason: `${key} is not an issue Firebreak created` };
    await store.updateIssue(trx, issue.action_item_id, { state, updated_at: now.toISOString() });
    const changed = await setActionItemStatusFromTracker(trx, systemActor(`tracker:${provider}`), issue.action_item_id, state, issue.issue_url ?? issueUrl, now);
    return { outcome: changed ? 'applied' : 'unchanged', actionItemId: issue.action_item_id };
  });
}

/** A verified GitHub delivery: `issues` closed or reopened moves the action item; other events and actions are acknowledged. */
export async function githubDelivery(st: Store, headers: { event: string | undefined; delivery: string | undefined }, raw: string): Promise<WebhookAnswer> {
  if (!headers.delivery) throw malformed('headers.x-github-delivery', 'is required');
  if (!headers.event) throw malformed('headers.x-github-event', 'is required');
  if (headers.event === 'ping') return { outcome: 'ignored', reason: 'ping' };
  if (headers.event !== 'issues') return { outcome: 'ignored', reason: `event ${headers.event} is not followed` };
  const event = checked(GithubIssuesEvent, parseBody(raw), 'body');
  if (event.action !== 'closed' && event.action !== 'reopened') return { outcome: 'ignored', reason: `issues.${event.action} is not followed` };
  return apply(st, 'github', headers.delivery, githubKey(event.repository.full_name, event.issue.number), event.issue.html_url, event.action === 'closed' ? 'closed' : 'open');
}

/** A verified Jira delivery: an updated issue whose status category is (or is no longer) done closes (or reopens) the action item. */
export async function jiraDelivery(st: Store, siteUrl: string, identifier: string | undefined, signature: string, raw: string): Promise<WebhookAnswer> {
  const event = checked(JiraIssueEvent, parseBody(raw), 'body');
  if (Math.abs(clockNow().getTime() - event.timestamp) > REPLAY_WINDOW_MS) throw refused('the webhook timestamp is outside the 5-minute window (a replay, or a clock far off)');
  if (event.webhookEvent !== 'jira:issue_updated') return { outcome: 'ignored', reason: `${event.webhookEvent} is not followed` };
  // Only a change of status moves the item: an edit of another field leaves an item closed (or opened) in Firebreak as it is.
  if (!event.changelog?.items.some((i) => i.field === 'status')) return { outcome: 'ignored', reason: 'the status did not change' };
  const category = event.issue.fields.status?.statusCategory?.key;
  if (!category) throw malformed('body.issue.fields.status.statusCategory.key', 'is required');
  return apply(st, 'jira', identifier ?? signature, event.issue.key, `${siteUrl}/browse/${encodeURIComponent(event.issue.key)}`, category === 'done' ? 'closed' : 'open');
}
