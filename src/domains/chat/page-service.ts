/**
 * Pages in chat: each paged person who has an account in a connected
 * workspace (found by their Firebreak email) gets a direct message, and the
 * workspace's page channel gets one too, with Acknowledge / Escalate now /
 * Open war room buttons. The message is updated in place as the escalation
 * is acknowledged, escalated or resolved, by any path. A button acts once: a
 * second press says who already acknowledged.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Config } from '../../config.js';
import type { Database } from '../../db/schema.js';
import type { JobQueue } from '../../jobs/queue.js';
import { handleJob } from '../../jobs/definition.js';
import { getUser } from '../auth/service.js';
import { getIncidentRow } from '../incidents/service.js';
import { actOnEscalation } from '../oncall/ack-links-service.js';
import { getEscalation } from '../oncall/escalation-service.js';
import type { PageNotice, PageObserver } from '../oncall/page-observers.js';
import { isDomainError } from '../../errors.js';
import type { ChatButton, ChatMessage } from './api.js';
import { pageStepKind, runChatStep } from './calls.js';
import type { ChatDeps, ChatReply } from './commands-service.js';
import { identifyChatUser } from './identity.js';
import { apiFor, warRoomUrl } from './service.js';
import * as store from './store.js';
import { clockNow } from '../../clock.js';

/** A page row's channel before the person's direct-message channel is known. */
const PERSON = 'person:';

async function schedulePage(trx: Transaction<Database>, jobs: JobQueue, page: string, step: 'post' | 'update', key: string): Promise<void> {
  await jobs.schedule(trx, pageStepKind, { page, step }, { key: `${page}:${step}:${key}` });
}

async function linkOf(trx: Transaction<Database>, config: Config, notice: Extract<PageNotice, { kind: 'paged' }>): Promise<string | null> {
  if (notice.incidentId) {
    const incident = await getIncidentRow(trx, notice.incidentId);
    return incident ? warRoomUrl(config, incident.ref) : null;
  }
  return notice.alertGroupId ? `${(config.publicUrl ?? `http://${config.host}:${config.port}`).replace(/\/$/, '')}/alerts?group=${notice.alertGroupId}` : null;
}

/** Paging's observer: a page row per person and per page channel, and their post or update jobs. */
export const chatPageObserver: PageObserver = {
  name: 'chat.pages',
  async carriesPages(trx) {
    return (await store.listWorkspaces(trx)).length > 0;
  },
  async handle(trx, deps, notice) {
    const now = clockNow().toISOString();
    if (notice.kind === 'paged') {
      const link = await linkOf(trx, deps.config, notice);
      for (const workspace of await store.listWorkspaces(trx)) {
        const targets = [...notice.userIds.map((id) => `${PERSON}${id}`), ...(workspace.page_channel_id ? [workspace.page_channel_id] : [])];
        for (const target of targets) {
          const id = randomUUID();
          const row = { id, workspace_id: workspace.id, escalation_id: notice.escalationId, channel_id: target, message_id: null, title: notice.title, link, state: 'paged', acted_by_label: null, created_at: now, updated_at: now };
          if (await store.insertPage(trx, row)) await schedulePage(trx, deps.jobs, id, 'post', 'first');
        }
      }
      return;
    }
    for (const escalationId of notice.escalationIds) {
      for (const page of await store.pagesOfEscalation(trx, escalationId)) {
        await store.updatePage(trx, page.id, { state: notice.kind, acted_by_label: notice.by, updated_at: now });
        await schedulePage(trx, deps.jobs, page.id, 'update', `${notice.kind}:${now}`);
      }
    }
  },
};

/** The page message for its current state. */
export function pageChatMessage(page: Pick<store.PageRow, 'escalation_id' | 'title' | 'link' | 'state' | 'acted_by_label'>, escape: (text: string) => string): ChatMessage {
  const title = escape(page.title);
  const by = page.acted_by_label ? escape(page.acted_by_label) : 'someone';
  const open: ChatButton[] = page.link ? [{ action: 'open', label: 'Open war room', value: page.escalation_id, url: page.link }] : [];
  switch (page.state) {
    case 'acknowledged':
      return { text: `Acknowledged by ${by}: ${title}`, buttons: open };
    case 'resolved':
      return { text: `Resolved by ${by}: ${title}`, buttons: open };
    case 'escalated':
      return { text: `Escalated by ${by}, still unacknowledged: ${title}`, buttons: [{ action: 'ack', label: 'Acknowledge', value: page.escalation_id, style: 'primary' }, ...open] };
    default:
      return {
        text: `Page: ${title}`,
        buttons: [{ action: 'ack', label: 'Acknowledge', value: page.escalation_id, style: 'primary' }, { action: 'escalate', label: 'Escalate now', value: page.escalation_id, style: 'danger' }, ...open],
      };
  }
}

export const pageJobs = [
  handleJob(pageStepKind, async (payload, ctx) => {
    const page = await store.findPage(ctx.store.db, payload.page);
    const workspace = page ? await store.findWorkspace(ctx.store.db, page.workspace_id) : undefined;
    if (!page || !workspace) return;
    const api = apiFor(ctx.config, workspace);
    await runChatStep(
      ctx,
      async () => {
        if (payload.step === 'update') {
          if (page.message_id) await api.update(page.channel_id, page.message_id, pageChatMessage(page, api.escape));
          return;
        }
        if (page.message_id) return;
        let channel = page.channel_id;
        if (channel.startsWith(PERSON)) {
          const user = await getUser(ctx.store.db, channel.slice(PERSON.length)).catch(() => null);
          const chatId = user && !user.disabled ? await api.userIdByEmail(user.email) : null;
          // No chat account with this person's email: their other contact methods carry the page.
          if (!chatId) return;
          channel = await api.openDirect(chatId);
        }
        const posted = await api.post(channel, pageChatMessage(page, api.escape));
        return async (trx) => store.updatePage(trx, page.id, { channel_id: channel, message_id: posted.id, updated_at: clockNow().toISOString() });
      },
      (trx, at) => ctx.jobs.schedule(trx, pageStepKind, payload, { key: `${page.id}:${payload.step}:retry:${ctx.jobId}:${ctx.attempt}`, runAt: at }),
    );
  }),
];

/** A page button pressed in chat: acknowledge or escalate once, or say who already did. */
export async function pressPageButton(deps: ChatDeps, workspace: store.WorkspaceRow, chatUserId: string, action: string, escalationId: string, requestId: string | null): Promise<ChatReply> {
  const reply = (text: string): ChatReply => ({ visibility: 'ephemeral', text });
  if (action !== 'ack' && action !== 'escalate') return reply(`Unknown action "${action}".`);
  const who = await identifyChatUser(deps.store.db, apiFor(deps.config, workspace), chatUserId, requestId);
  if (!who.ok) return reply(who.reply);
  try {
    const before = await getEscalation(deps.store.db, escalationId, who.actor);
    if (before.status === 'acknowledged' || before.status === 'resolved') return reply(await alreadyText(deps, before.status, before.acknowledgedBy));
    await actOnEscalation({ ...deps, store: deps.store }, who.actor, escalationId, action === 'ack' ? 'acknowledge' : 'escalate');
    const after = await getEscalation(deps.store.db, escalationId, who.actor);
    if (action === 'ack' && after.acknowledgedBy !== who.user.id) return reply(await alreadyText(deps, after.status, after.acknowledgedBy));
    return reply(action === 'ack' ? 'Acknowledged: the escalation has stopped.' : 'Escalated: the next step is paging now.');
  } catch (err) {
    if (isDomainError(err)) return reply(`Refused: ${err.message}`);
    throw err;
  }
}

async function alreadyText(deps: ChatDeps, status: string, by: string | null): Promise<string> {
  const name = by ? await getUser(deps.store.db, by).then((u) => u.name, () => by) : 'someone';
  return status === 'resolved' ? `Already resolved by ${name}.` : `Already acknowledged by ${name}.`;
}
