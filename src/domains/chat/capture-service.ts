/**
 * Bringing a chat message into the incident's timeline (a reaction, a message
 * shortcut, or `/firebreak capture <permalink>`): recorded by the person who
 * asked, attributed in its words to the message's author, at the message's
 * own time; evidence keeps the text and the permalink. A message is captured
 * once.
 */
import { appendInTx } from '../incidents/service.js';
import { requireVisibleIncident } from '../incidents/access.js';
import { isDomainError } from '../../errors.js';
import type { ChatDeps, ChatReply } from './commands-service.js';
import { identifyChatUser } from './identity.js';
import { apiFor } from './service.js';
import * as store from './store.js';
import { clockNow } from '../../clock.js';

export type CaptureAs = 'evidence' | 'observation';

/** Slack reactions that capture a message. */
export const CAPTURE_REACTIONS: Record<string, CaptureAs> = { pushpin: 'evidence', memo: 'observation' };

export interface CaptureRequest {
  workspace: store.WorkspaceRow;
  chatUserId: string;
  channelId: string;
  messageId: string;
  as: CaptureAs;
  requestId: string | null;
  /** The message as the vendor sent it with the request (shortcuts do); fetched otherwise. */
  message?: { text: string; authorId: string; at: string } | undefined;
}

/** Captures one message into the timeline of the incident whose channel it is in. */
export async function captureMessage(deps: ChatDeps, request: CaptureRequest): Promise<ChatReply> {
  const reply = (text: string): ChatReply => ({ visibility: 'ephemeral', text });
  const channel = await store.channelByVendorId(deps.store.db, request.workspace.id, request.channelId);
  if (!channel) return reply('This channel is not an incident channel: messages are captured from an incident\'s own channel. Nothing was recorded.');
  const api = apiFor(deps.config, request.workspace);
  const who = await identifyChatUser(deps.store.db, api, request.chatUserId, request.requestId);
  if (!who.ok) return reply(who.reply);
  const message = request.message ?? (await api.fetchMessage(request.channelId, request.messageId));
  if (!message || !message.text.trim()) return reply('That message could not be read (deleted, or empty). Nothing was recorded.');
  const author = (await api.userProfile(message.authorId))?.name ?? message.authorId;
  const permalink = await api.permalink(request.channelId, request.messageId);
  const text = message.text.trim();
  const event =
    request.as === 'evidence'
      ? { kind: 'evidence_attached', occurredAt: message.at, body: { type: 'snapshot', title: `Chat message from ${author}`.slice(0, 300), content: text.slice(0, 256 * 1024), url: permalink } }
      : { kind: 'observation', occurredAt: message.at, body: { text: `${author} (in chat): ${text}`.slice(0, 4000) } };
  try {
    return await deps.store.transaction(async (trx) => {
      await requireVisibleIncident(trx, who.actor, channel.incident_id);
      const result = await appendInTx(trx, deps, who.actor, channel.incident_id, event);
      const first = await store.insertCapture(trx, { workspace_id: request.workspace.id, channel_id: request.channelId, message_id: request.messageId, incident_id: channel.incident_id, seq: result.event.seq, created_at: clockNow().toISOString() });
      if (!first) throw new AlreadyCaptured();
      return reply(`Captured into ${result.incident.ref} as ${request.as} (#${result.event.seq}), attributed to ${author} at ${message.at}.`);
    });
  } catch (err) {
    if (err instanceof AlreadyCaptured) return reply('That message is already in the timeline.');
    if (isDomainError(err)) return reply(`Refused: ${err.message}. Nothing was recorded.`);
    throw err;
  }
}

/** Rolls the append back when the message was captured before. */
class AlreadyCaptured extends Error {}

/**
 * `/firebreak capture <permalink> [as observation]`, for Mattermost, which has
 * no message actions without a plugin (and in Slack too): a Mattermost
 * permalink ends in `/pl/<post id>`, a Slack one in `/p<ts without the dot>`.
 */
export function parseCapture(text: string): { messageId: string; as: CaptureAs } | { error: string } | null {
  const m = /^capture\b\s*(\S*)(?:\s+as\s+(\S+))?\s*$/i.exec(text.trim());
  if (!m) return null;
  const as = (m[2]?.toLowerCase() ?? 'evidence') as CaptureAs;
  if (as !== 'evidence' && as !== 'observation') return { error: 'capture as evidence or as observation' };
  const link = m[1]!;
  const mattermost = /\/pl\/([a-z0-9]{26})$/i.exec(link)?.[1];
  const slack = /\/p(\d{10})(\d{6})$/.exec(link);
  const messageId = mattermost ?? (slack ? `${slack[1]}.${slack[2]}` : null);
  if (!messageId) return { error: 'give the message\'s permalink: /firebreak capture <link> [as observation]' };
  return { messageId, as };
}
