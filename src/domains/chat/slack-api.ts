/**
 * Slack's Web API (https://api.slack.com/web), as described by Slack's
 * OpenAPI document: form-encoded POSTs and query GETs with the bot token as
 * `Authorization: Bearer`; every answer is `{ok, …}` or `{ok: false, error}`,
 * and rate limits are HTTP 429 with Retry-After.
 */
import type { ChatApi, ChatButton, ChatMessage } from './api.js';
import { ChatCallError, retryAfterMs, sendChatRequest } from './outbound.js';
import type { OutboundPolicy } from '../../http/outbound.js';
import { clockMs, clockNow } from '../../clock.js';

const TIMEOUT_MS = 10_000;
/** Errors no retry can fix: the token, the scopes or the arguments are wrong. */
const PERMANENT = new Set(['not_authed', 'invalid_auth', 'account_inactive', 'token_revoked', 'missing_scope', 'channel_not_found', 'is_archived', 'not_in_channel', 'invalid_arguments', 'user_not_found', 'users_not_found', 'message_not_found', 'cant_update_message', 'invalid_blocks', 'msg_too_long', 'no_text', 'restricted_action']);

type SlackAnswer = Record<string, unknown> & { ok: boolean; error?: string };

/** Escapes Slack's control characters: `<!channel>`, `<@U…>` and links cannot be forged from stored text. */
export function escapeSlack(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function blocksOf(message: ChatMessage): string | undefined {
  if (!message.buttons?.length) return undefined;
  return JSON.stringify([
    { type: 'section', text: { type: 'mrkdwn', text: message.text.slice(0, 3000) } },
    { type: 'actions', block_id: 'firebreak', elements: message.buttons.map(buttonBlock) },
  ]);
}

function buttonBlock(button: ChatButton): Record<string, unknown> {
  return {
    type: 'button',
    action_id: button.action,
    text: { type: 'plain_text', text: button.label },
    ...(button.url ? { url: button.url } : { value: button.value }),
    ...(button.style ? { style: button.style } : {}),
  };
}

export function slackApi(baseUrl: string, token: string, policy: OutboundPolicy, now: () => Date = () => clockNow()): ChatApi {
  const base = baseUrl.replace(/\/+$/, '');

  async function call(method: string, args: Record<string, string | undefined>, verb: 'GET' | 'POST' = 'POST'): Promise<SlackAnswer> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(args)) if (value !== undefined) params.set(key, value);
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    let url = `${base}/${method}`;
    let body: string | undefined;
    if (verb === 'GET') url += params.size ? `?${params.toString()}` : '';
    else {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = params.toString();
    }
    const response = await sendChatRequest(policy, { method: verb, url, headers, ...(body === undefined ? {} : { body }), timeoutMs: TIMEOUT_MS });
    if (response.status === 429) throw new ChatCallError(`Slack ${method}: rate limited`, true, retryAfterMs(response.retryAfter, now()), 'ratelimited');
    if (response.status >= 500) throw new ChatCallError(`Slack ${method}: HTTP ${response.status}`, true);
    let answer: SlackAnswer;
    try {
      answer = JSON.parse(response.text) as SlackAnswer;
    } catch {
      throw new ChatCallError(`Slack ${method}: HTTP ${response.status}, not JSON`, response.status >= 500);
    }
    if (!answer.ok) {
      const error = answer.error ?? `HTTP ${response.status}`;
      throw new ChatCallError(`Slack ${method}: ${error}`, !PERMANENT.has(error) && response.status < 400, null, error);
    }
    return answer;
  }

  const str = (value: unknown): string => (typeof value === 'string' ? value : '');

  return {
    async test() {
      const answer = await call('auth.test', {}, 'GET');
      return { team: str(answer.team), teamId: str(answer.team_id), botUserId: str(answer.user_id) };
    },
    async userProfile(chatUserId) {
      try {
        const answer = await call('users.info', { user: chatUserId }, 'GET');
        const user = answer.user as { name?: string; real_name?: string; is_bot?: boolean; profile?: { email?: string } };
        // Slack shows an address only to apps with users:read.email, and only one the person confirmed.
        const email = user.profile?.email ?? null;
        return { email, emailVerified: email !== null && user.is_bot !== true, name: user.real_name || user.name || chatUserId };
      } catch (err) {
        if (err instanceof ChatCallError && err.vendorError === 'user_not_found') return null;
        throw err;
      }
    },
    async userIdByEmail(email) {
      try {
        const answer = await call('users.lookupByEmail', { email }, 'GET');
        return str((answer.user as { id?: string }).id) || null;
      } catch (err) {
        if (err instanceof ChatCallError && (err.vendorError === 'users_not_found' || err.vendorError === 'user_not_found')) return null;
        throw err;
      }
    },
    async createChannel(name, isPrivate) {
      const create = (candidate: string) => call('conversations.create', { name: candidate, is_private: String(isPrivate) });
      let answer: SlackAnswer;
      try {
        answer = await create(name);
      } catch (err) {
        if (!(err instanceof ChatCallError && err.vendorError === 'name_taken')) throw err;
        // A channel of that name exists (a reopened incident, a person's): take a fresh one rather than join someone else's.
        answer = await create(`${name.slice(0, 74)}-${clockMs().toString(36).slice(-5)}`);
      }
      const channel = answer.channel as { id: string; name: string };
      return { id: channel.id, name: channel.name };
    },
    async invite(channelId, chatUserIds) {
      if (chatUserIds.length === 0) return;
      try {
        await call('conversations.invite', { channel: channelId, users: chatUserIds.join(',') });
      } catch (err) {
        if (err instanceof ChatCallError && err.vendorError === 'already_in_channel') return;
        throw err;
      }
    },
    async setTopic(channelId, topic) {
      await call('conversations.setTopic', { channel: channelId, topic: topic.slice(0, 250) });
    },
    async openDirect(chatUserId) {
      const answer = await call('conversations.open', { users: chatUserId });
      return str((answer.channel as { id?: string }).id);
    },
    async post(channelId, message, threadId) {
      const answer = await call('chat.postMessage', { channel: channelId, text: message.text, blocks: blocksOf(message), thread_ts: threadId ?? undefined });
      return { id: str(answer.ts) };
    },
    async postEphemeral(channelId, chatUserId, text) {
      await call('chat.postEphemeral', { channel: channelId, user: chatUserId, text });
    },
    async update(channelId, messageId, message) {
      await call('chat.update', { channel: channelId, ts: messageId, text: message.text, blocks: blocksOf(message) ?? '[]' });
    },
    async archive(channelId) {
      try {
        await call('conversations.archive', { channel: channelId });
      } catch (err) {
        if (err instanceof ChatCallError && err.vendorError === 'already_archived') return;
        throw err;
      }
    },
    async permalink(channelId, messageId) {
      const answer = await call('chat.getPermalink', { channel: channelId, message_ts: messageId }, 'GET');
      return str(answer.permalink);
    },
    async fetchMessage(channelId, messageId) {
      const answer = await call('conversations.history', { channel: channelId, latest: messageId, inclusive: 'true', limit: '1' }, 'GET');
      const message = (answer.messages as Array<{ text?: string; user?: string; ts?: string }> | undefined)?.[0];
      if (!message || message.ts !== messageId) return null;
      return { text: str(message.text), authorId: str(message.user), at: new Date(Number(messageId) * 1000).toISOString() };
    },
    escape: escapeSlack,
  };
}
