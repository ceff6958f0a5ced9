/**
 * Incident channels, a consumer of incident facts: a channel opens for the
 * policy's severities (private for a private incident, always), the right
 * people are invited, the topic follows the incident, missing shared-picture
 * items are posted, the timeline is mirrored into a thread at most at the
 * policy's rate, and on resolve the summary and postmortem link are posted;
 * archiving waits for the published postmortem when the policy says so.
 * Every vendor call runs in a `chat.channel` job step (`calls.ts`).
 */
import { clockMs, clockNow } from '../../clock.js';
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Config } from '../../config.js';
import type { Database, Db } from '../../db/schema.js';
import type { JobQueue } from '../../jobs/queue.js';
import { handleJob, type JobContext } from '../../jobs/definition.js';
import type { FactConsumer, FactDeps } from '../incidents/fact-consumers.js';
import type { FactContext, IncidentFact } from '../incidents/facts.js';
import { getIncidentRow, listEventsAfter } from '../incidents/service.js';
import { stateOf } from '../incidents/access.js';
import type { IncidentState } from '../incidents/model.js';
import { getUser } from '../auth/service.js';
import { listEscalations } from '../oncall/escalation-service.js';
import { getPostmortem, owesPostmortem } from '../postmortems/service.js';
import { isDomainError } from '../../errors.js';
import { channelStepKind, runChatStep, scheduleChannelStep, type ChannelStep } from './calls.js';
import { channelIsPrivate, channelName, channelTopic, mirrorIntervalMs, mirrorPost, missingItemsText, resolvedText, wantsChannel } from './policy.js';
import { apiFor, policyOf, warRoomUrl } from './service.js';
import * as store from './store.js';

const ADMIN_VIEW = { userId: null, role: 'admin' as const };
const POSTMORTEM_RECHECK_MS = 60 * 60_000;
/** Events read per mirror post; the post lists the policy's number and counts the rest. */
const MIRROR_BATCH = 500;

/** Opens a channel row (and its open step) when the incident's severity calls for one. */
async function ensureChannel(trx: Transaction<Database>, jobs: JobQueue, workspace: store.WorkspaceRow, state: IncidentState, now: Date): Promise<void> {
  const policy = policyOf(workspace);
  if (!wantsChannel(policy, state.severity) || state.status === 'resolved') return;
  const id = randomUUID();
  const inserted = await store.insertChannel(trx, {
    id,
    workspace_id: workspace.id,
    incident_id: state.id,
    channel_id: null,
    name: channelName(policy.namePattern, { ref: state.ref, title: state.title, severity: state.severity, declaredAt: state.keyTimes.declaredAt }),
    is_private: channelIsPrivate(policy, state.private) ? 1 : 0,
    thread_id: null,
    mirrored_seq: 0,
    next_post_at: null,
    posts: 0,
    topic: null,
    missing_posted_at: null,
    resolved_posted_at: null,
    archived_at: null,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  });
  if (inserted) await scheduleChannelStep(trx, jobs, id, 'open', 'first');
}

/** What one fact means for each workspace's channel of the incident. */
async function onFact(trx: Transaction<Database>, deps: FactDeps, fact: IncidentFact, context: FactContext): Promise<void> {
  const now = clockNow();
  const seq = String(context.event.seq);
  const workspaces = await store.listWorkspaces(trx);
  const channels = await store.channelsOfIncident(trx, context.incident.id);
  for (const workspace of workspaces) {
    const channel = channels.find((c) => c.workspace_id === workspace.id);
    if (!channel) {
      if (fact.kind === 'declared' || fact.kind === 'severity_changed' || fact.kind === 'reopened') await ensureChannel(trx, deps.jobs, workspace, context.after, now);
      continue;
    }
    if (channel.archived_at) continue;
    if (fact.kind === 'visibility_changed' && fact.private && !channel.is_private) {
      // A private incident only ever has a private channel: leave the public one and open a private one.
      await scheduleChannelStep(trx, deps.jobs, channel.id, 'archive', `private:${seq}`);
      continue;
    }
    await scheduleChannelStep(trx, deps.jobs, channel.id, 'topic', seq);
    if (fact.kind === 'commander_assigned') await scheduleChannelStep(trx, deps.jobs, channel.id, 'invite', seq);
    if (fact.kind === 'resolved') await scheduleChannelStep(trx, deps.jobs, channel.id, 'resolved', seq);
    if (fact.kind === 'reopened') await scheduleChannelStep(trx, deps.jobs, channel.id, 'mirror', `reopened:${seq}`);
  }
}

/** The chat domain's consumer of incident facts (a job, so chat never slows or fails an append). */
export const channelFacts: FactConsumer = {
  name: 'chat.channels',
  kinds: ['declared', 'severity_changed', 'commander_assigned', 'acknowledged', 'mitigated', 'resolved', 'reopened', 'visibility_changed'],
  mode: 'job',
  handle: onFact,
};

interface StepContext {
  ctx: JobContext;
  config: Config;
  channel: store.ChannelRow;
  workspace: store.WorkspaceRow;
  state: IncidentState;
}

type StepResult = ((trx: Db) => Promise<void>) | void;

/** Firebreak users who belong in the channel: commander and role holders, members, and everyone paged. */
async function peopleOf(db: Db, state: IncidentState): Promise<string[]> {
  const ids = new Set<string>();
  for (const role of state.roles) if (role.userId) ids.add(role.userId);
  for (const member of state.members) ids.add(member);
  for (const esc of await listEscalations(db, ADMIN_VIEW, { incidentId: state.id, limit: 100 })) for (const page of esc.pages) ids.add(page.userId);
  return [...ids];
}

const STEPS: Record<ChannelStep, (s: StepContext) => Promise<StepResult>> = {
  async open({ ctx, config, channel, workspace, state }) {
    if (channel.channel_id) return;
    // Privacy as the incident is now: it may have turned private since the row was written.
    const isPrivate = channel.is_private === 1 || state.private;
    const created = await apiFor(config, workspace).createChannel(channel.name, isPrivate);
    return async (trx) => {
      await store.updateChannel(trx, channel.id, { channel_id: created.id, name: created.name, is_private: isPrivate ? 1 : 0, updated_at: clockNow().toISOString() });
      for (const step of ['invite', 'intro', 'topic'] as const) await scheduleChannelStep(trx, ctx.jobs, channel.id, step, `open:${created.id}`);
    };
  },
  async invite({ ctx, config, channel, workspace, state }) {
    const api = apiFor(config, workspace);
    const chatIds: string[] = [];
    for (const userId of await peopleOf(ctx.store.db, state)) {
      const user = await getUser(ctx.store.db, userId).catch(() => null);
      const chatId = user && !user.disabled ? await api.userIdByEmail(user.email) : null;
      if (chatId) chatIds.push(chatId);
    }
    await api.invite(channel.channel_id!, chatIds);
  },
  async topic({ config, channel, workspace, state }) {
    const topic = channelTopic(state);
    if (topic === channel.topic) return;
    await apiFor(config, workspace).setTopic(channel.channel_id!, topic);
    return async (trx) => store.updateChannel(trx, channel.id, { topic, updated_at: clockNow().toISOString() });
  },
  async intro({ ctx, config, channel, workspace, state }) {
    if (channel.thread_id) return;
    const api = apiFor(config, workspace);
    const root = await api.post(channel.channel_id!, { text: `${state.ref} ${state.severity}: ${api.escape(state.title)}\nWar room: ${warRoomUrl(config, state.ref)}\nThe timeline is mirrored in this thread. Run the incident with \`/firebreak …\` (\`/firebreak help\`).` });
    const missing = missingItemsText(state);
    if (missing) await api.post(channel.channel_id!, { text: missing });
    const policy = policyOf(workspace);
    return async (trx) => {
      const now = clockNow();
      await store.updateChannel(trx, channel.id, { thread_id: root.id, missing_posted_at: missing ? now.toISOString() : null, updated_at: now.toISOString() });
      await scheduleChannelStep(trx, ctx.jobs, channel.id, 'mirror', `tick:0`);
      if (missing) await scheduleChannelStep(trx, ctx.jobs, channel.id, 'missing', String(now.getTime()), new Date(now.getTime() + policy.missingItemsAfterMinutes * 60_000));
    };
  },
  async missing({ ctx, config, channel, workspace, state }) {
    const missing = state.status === 'resolved' ? null : missingItemsText(state);
    if (!missing) return;
    await apiFor(config, workspace).post(channel.channel_id!, { text: missing });
    const after = policyOf(workspace).missingItemsAfterMinutes * 60_000;
    return async (trx) => {
      const now = clockNow();
      await store.updateChannel(trx, channel.id, { missing_posted_at: now.toISOString(), updated_at: now.toISOString() });
      await scheduleChannelStep(trx, ctx.jobs, channel.id, 'missing', String(now.getTime()), new Date(now.getTime() + after));
    };
  },
  async mirror(s) {
    return mirrorStep(s);
  },
  async resolved({ ctx, config, channel, workspace, state }) {
    if (channel.resolved_posted_at || state.status !== 'resolved') return;
    const api = apiFor(config, workspace);
    // The postmortem a SEV1/SEV2 owes is opened by a job of its own, which may not have run yet: link it all the same.
    const postmortem = (await postmortemOf(ctx.store.db, state.id)) ?? (owesPostmortem(state.severity) ? 'owed' : null);
    await api.post(channel.channel_id!, { text: resolvedText(state, { warRoom: warRoomUrl(config, state.ref), postmortem: postmortem ? postmortemUrl(config, state.ref) : null }, api.escape) });
    return async (trx) => {
      await store.updateChannel(trx, channel.id, { resolved_posted_at: clockNow().toISOString(), updated_at: clockNow().toISOString() });
      await scheduleChannelStep(trx, ctx.jobs, channel.id, 'archive', `resolved:${state.lastSeq}`);
    };
  },
  async archive({ ctx, config, channel, workspace, state }) {
    const leavingPublic = state.private && channel.is_private === 0;
    if (!leavingPublic) {
      if (state.status !== 'resolved') return;
      // An owed postmortem not opened yet (its job runs after the resolution) is waited for like a draft.
      const postmortem = (await postmortemOf(ctx.store.db, state.id)) ?? (owesPostmortem(state.severity) ? 'owed' : null);
      if (policyOf(workspace).archiveAfterPostmortem && postmortem && postmortem !== 'published') {
        const at = new Date(clockMs() + POSTMORTEM_RECHECK_MS);
        return async (trx) => void (await scheduleChannelStep(trx, ctx.jobs, channel.id, 'archive', `wait:${at.getTime()}`, at));
      }
    }
    const api = apiFor(config, workspace);
    if (leavingPublic) await api.post(channel.channel_id!, { text: 'This incident is now private: this channel gets no more updates, and a private channel takes over.' });
    await api.archive(channel.channel_id!);
    return async (trx) => {
      const now = clockNow().toISOString();
      if (!leavingPublic) return store.updateChannel(trx, channel.id, { archived_at: now, updated_at: now });
      // The private channel continues the same row: the mirror goes on from where it was.
      await store.updateChannel(trx, channel.id, { channel_id: null, is_private: 1, thread_id: null, topic: null, updated_at: now });
      await scheduleChannelStep(trx, ctx.jobs, channel.id, 'open', `private:${now}`);
    };
  },
};

/** Posts the events after the cursor as one threaded post, at most once per rate slot, then schedules the next slot while the channel lives. */
async function mirrorStep({ ctx, config, channel, workspace, state }: StepContext): Promise<StepResult> {
  const policy = policyOf(workspace);
  const interval = mirrorIntervalMs(policy);
  const now = clockMs();
  const nextAt = channel.next_post_at ? Date.parse(channel.next_post_at) : 0;
  const tick = (at: number) => `tick:${Math.floor(at / interval)}`;
  if (nextAt > now) return async (trx) => void (await scheduleChannelStep(trx, ctx.jobs, channel.id, 'mirror', tick(nextAt), new Date(nextAt)));
  const events = await listEventsAfter(ctx.store.db, state.id, channel.mirrored_seq, MIRROR_BATCH);
  const caughtUp = events.length < MIRROR_BATCH;
  const idle = events.length === 0 && state.status === 'resolved' && channel.resolved_posted_at !== null;
  if (events.length > 0) {
    const api = apiFor(config, workspace);
    await api.post(channel.channel_id!, { text: mirrorPost(events, policy.mirrorEventsPerPost, api.escape, warRoomUrl(config, state.ref)) }, channel.thread_id);
  }
  return async (trx) => {
    const next = events.length > 0 ? now + interval : now + (caughtUp ? interval : 0);
    if (events.length > 0) {
      await store.updateChannel(trx, channel.id, { mirrored_seq: events.at(-1)!.seq, next_post_at: new Date(now + interval).toISOString(), posts: channel.posts + 1, updated_at: new Date(now).toISOString() });
    }
    // The loop ends once the resolved incident is mirrored; a reopen starts it again.
    if (!idle) await scheduleChannelStep(trx, ctx.jobs, channel.id, 'mirror', tick(next), new Date(next));
  };
}

async function postmortemOf(db: Db, incidentId: string): Promise<string | null> {
  try {
    return (await getPostmortem(db, ADMIN_VIEW, incidentId)).status;
  } catch (err) {
    if (isDomainError(err, 'not_found')) return null;
    throw err;
  }
}

function postmortemUrl(config: Config, ref: string): string {
  return `${(config.publicUrl ?? `http://${config.host}:${config.port}`).replace(/\/$/, '')}/postmortems/${ref}`;
}

/** Runs one channel step against the channel's current row and incident state. */
export const channelJobs = [
  handleJob(channelStepKind, async (payload, ctx) => {
    const channel = await store.findChannel(ctx.store.db, payload.channel);
    if (!channel || (channel.archived_at && payload.step !== 'archive')) return;
    const workspace = await store.findWorkspace(ctx.store.db, channel.workspace_id);
    const row = await getIncidentRow(ctx.store.db, channel.incident_id);
    if (!workspace || !row) return;
    if (payload.step !== 'open' && !channel.channel_id) return;
    const s: StepContext = { ctx, config: ctx.config, channel, workspace, state: stateOf(row) };
    if (s.state.private && channel.is_private === 0 && payload.step !== 'archive') {
      // Nothing of a private incident goes into a public channel: hand over to the archive step instead.
      return void (await ctx.store.transaction(async (trx) => {
        await scheduleChannelStep(trx, ctx.jobs, channel.id, 'archive', `private:${s.state.lastSeq}`);
        await ctx.complete(trx);
      }));
    }
    await runChatStep(ctx, () => STEPS[payload.step](s), (trx, at) => scheduleChannelStep(trx, ctx.jobs, channel.id, payload.step, `retry:${ctx.jobId}:${ctx.attempt}`, at));
  }),
];
