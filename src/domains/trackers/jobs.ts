/**
 * The outbox worker: creates one action item's issue in the tracker. Each try
 * is recorded (attempt, time, what the tracker answered); a tracker that is
 * down or rate-limits is retried with the job engine's back-off, one that
 * refuses (bad token, unknown repository) fails at once with why.
 */
import { callOut, outboundPolicy } from '../../http/outbound.js';
import { handleJob, PermanentJobError, type JobContext } from '../../jobs/definition.js';
import { clockNow } from '../../clock.js';
import { actionItemForTracker } from '../postmortems/action-items.js';
import { githubCreated, githubCreateIssue, type CreatedIssue, type GithubSettings, type TrackerRequest } from './github.js';
import { issueFacts } from './issue-text.js';
import { jiraAccountId, jiraCreated, jiraCreateIssue, jiraUserSearch, type JiraSettings } from './jira.js';
import { CREATE_ISSUE_MAX_ATTEMPTS, createIssueKind } from './job-kinds.js';
import { answerLine, verdictOf, type Verdict } from './outcome.js';
import { openTracker } from './service.js';
import * as store from './store.js';

const TIMEOUT_MS = 10_000;

type Outcome = { verdict: Verdict; detail: string; issue?: CreatedIssue };

async function send(ctx: JobContext, request: TrackerRequest) {
  return callOut(outboundPolicy(ctx.config.outboundAllow), request.url, { method: request.method, headers: request.headers, ...(request.body === undefined ? {} : { body: request.body }), timeoutMs: ctx.config.outboundTimeoutMs ?? TIMEOUT_MS, signal: ctx.signal });
}

async function createIn(ctx: JobContext, tracker: NonNullable<Awaited<ReturnType<typeof openTracker>>>, actionItemId: string): Promise<Outcome> {
  const detail = await actionItemForTracker(ctx.store.db, actionItemId);
  if (!detail) return { verdict: 'failed', detail: 'the action item is gone' };
  const facts = issueFacts(detail, ctx.config.publicUrl ?? `http://${ctx.config.host}:${ctx.config.port}`);
  let request: TrackerRequest;
  if (tracker.row.provider === 'github') request = githubCreateIssue(tracker.settings as GithubSettings, tracker.token, facts);
  else {
    const settings = tracker.settings as JiraSettings;
    let accountId: string | undefined;
    if (detail.ownerEmail) {
      const found = await send(ctx, jiraUserSearch(settings, tracker.token, detail.ownerEmail));
      // No match (or an error on the look-up) leaves the issue unassigned rather than holding it back.
      if (found.status === 200) accountId = jiraAccountId(found.body, detail.ownerEmail);
      else if (verdictOf(found.status) === 'retry') return { verdict: 'retry', detail: `user search: ${answerLine(found.status, found.body)}` };
    }
    request = jiraCreateIssue(settings, tracker.token, facts, accountId);
  }
  const answer = await send(ctx, request);
  const verdict = verdictOf(answer.status);
  if (verdict !== 'created') return { verdict, detail: answerLine(answer.status, answer.body) };
  const issue = tracker.row.provider === 'github' ? githubCreated(tracker.settings as GithubSettings, answer.body) : jiraCreated(tracker.settings as JiraSettings, answer.body);
  return { verdict, detail: `HTTP ${answer.status}: ${issue.key}`, issue };
}

export const createIssueJob = handleJob(createIssueKind, async ({ actionItemId }, ctx) => {
  const issue = await store.findIssue(ctx.store.db, actionItemId);
  if (!issue || issue.sync !== 'pending') return;
  const tracker = await openTracker(ctx.store.db, ctx.config);
  let outcome: Outcome;
  if (!tracker || tracker.row.provider !== issue.provider) outcome = { verdict: 'failed', detail: 'the tracker was removed or replaced before the issue was created' };
  else {
    try {
      outcome = await createIn(ctx, tracker, actionItemId);
    } catch (err) {
      const error = err as Error;
      outcome = { verdict: error.name === 'OutboundRefused' ? 'failed' : 'retry', detail: `${error.name === 'TimeoutError' ? 'timed out' : error.message}`.slice(0, 500) };
    }
  }
  const final = outcome.verdict === 'failed' || (outcome.verdict === 'retry' && ctx.attempt >= CREATE_ISSUE_MAX_ATTEMPTS);
  const now = clockNow().toISOString();
  const recorded: Verdict = outcome.verdict === 'retry' && final ? 'failed' : outcome.verdict;
  await ctx.store.transaction(async (trx) => {
    const attempts = issue.attempts + 1;
    await store.insertAttempt(trx, { action_item_id: actionItemId, attempt: attempts, at: now, outcome: recorded, detail: outcome.detail });
    await store.updateIssue(trx, actionItemId, {
      attempts,
      last_attempt_at: now,
      updated_at: now,
      ...(outcome.issue ? { sync: 'created', issue_key: outcome.issue.key, issue_url: outcome.issue.url, state: outcome.issue.state, last_error: null } : { last_error: outcome.detail, ...(final ? { sync: 'failed' } : {}) }),
    });
    if (outcome.issue) await ctx.complete(trx);
  });
  // The attempt is recorded; a retry is the job engine's (with back-off).
  if (outcome.verdict === 'retry' && !final) throw new Error(outcome.detail);
  if (final && outcome.verdict !== 'created') throw new PermanentJobError(outcome.detail);
});

export const trackerJobs = [createIssueJob];
