/**
 * Mattermost's REST API v4 (https://api.mattermost.com), as its reference
 * describes it: JSON bodies, the bot's personal access token as
 * `Authorization: Bearer`, errors as `AppError` with the HTTP status, rate
 * limits as 429 with Retry-After (X-Ratelimit-Reset).
 */
import type { ChatApi, ChatButton, ChatMessage } from './api.js';
import { ChatCallError, retryAfterMs, sendChatRequest } from './outbound.js';
import type { OutboundPolicy } from '../../http/outbound.js';
import { clockMs, clockNow } from '../../clock.js';

const TIMEOUT_MS = 10_000;

/** Neutralises mass mentions (@channel, @all, @here) and Markdown links/images in stored text. */
export function escapeMattermost(text: string): string {
  return text.replace(/@(channel|all|here)\b/gi, '@\u200b$1').replace(/([[\]()<>!*_`~|#])/g, '\\$1');
}

export interface MattermostOptions {
  baseUrl: string;
  token: string;
  /** Where outbound calls may go (src/http/outbound.ts). */
  policy: OutboundPolicy;
  teamId: string;
  teamName: string;
  /** Where Mattermost calls back when a button is pressed. */
  actionUrl: string;
  /** Signs each button's context: Mattermost does not sign the calls back. */
  signAction: (action: string, value: string) => string;
  now?: () => Date;
}

function attachments(message: ChatMessage, options: MattermostOptions): Record<string, unknown> | undefined {
  if (!message.buttons?.length) return undefined;
  return {
    attachments: [
      {
        text: '',
        actions: message.buttons
          .filter((b: ChatButton) => !b.url)
          .map((b: ChatButton) => ({ id: b.action, name: b.label, type: 'button', ...(b.style ? { style: b.style } : {}), integration: { url: options.actionUrl, context: { action: b.action, value: b.value, sig: options.signAction(b.action, b.value) } } })),
      },
    ],
  };
}

export function mattermostApi(options: MattermostOptions): ChatApi {
  const base = `${options.baseUrl.replace(/\/+$/, '')}/api/v4`;
  const now = options.now ?? (() => clockNow());

  async function call<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown, allow404 = false): Promise<T | null> {
    const headers: Record<string, string> = { authorization: `Bearer ${options.token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await sendChatRequest(options.policy, { method, url: `${base}${path}`, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }), timeoutMs: TIMEOUT_MS });
    if (response.status === 429) throw new ChatCallError(`Mattermost ${method} ${path}: rate limited`, true, retryAfterMs(response.retryAfter, now()), 'rate_limited');
    if (response.status === 404 && allow404) return null;
    if (response.status >= 300) {
      let detail = `HTTP ${response.status}`;
      try {
        const error = JSON.parse(response.text) as { id?: string; message?: string };
        detail = `${error.message ?? detail} (${error.id ?? response.status})`;
      } catch {
        // not an AppError: keep the status
      }
      throw new ChatCallError(`Mattermost ${method} ${path}: ${detail}`, response.status >= 500 || response.status === 408, null, String(response.status));
    }
    return (response.text ? JSON.parse(response.text) : {}) as T;
  }

  const enc = encodeURIComponent;
  let botUserId: string | null = null;
  const me = async () => (botUserId ??= (await call<{ id: string }>('GET', '/users/me'))!.id);

  return {
    async test() {
      const user = (await call<{ id: string; username: string }>('GET', '/users/me'))!;
      botUserId = user.id;
      return { team: options.teamName, teamId: options.teamId, botUserId: user.id };
    },
    async userProfile(chatUserId) {
      const user = await call<{ email?: string; email_verified?: boolean; username?: string; first_name?: string; last_name?: string }>('GET', `/users/${enc(chatUserId)}`, undefined, true);
      if (!user) return null;
      const name = [user.first_name, user.last_name].filter(Boolean).join(' ') || user.username || chatUserId;
      return { email: user.email || null, emailVerified: user.email_verified === true, name };
    },
    async userIdByEmail(email) {
      const user = await call<{ id: string }>('GET', `/users/email/${enc(email)}`, undefined, true);
      return user?.id ?? null;
    },
    async createChannel(name, isPrivate) {
      const create = (candidate: string) => call<{ id: string; name: string }>('POST', '/channels', { team_id: options.teamId, name: candidate, display_name: candidate, type: isPrivate ? 'P' : 'O' });
      try {
        const channel = (await create(name))!;
        return { id: channel.id, name: channel.name };
      } catch (err) {
        if (!(err instanceof ChatCallError && err.vendorError === '400')) throw err;
        const channel = (await create(`${name.slice(0, 58)}-${clockMs().toString(36).slice(-5)}`))!;
        return { id: channel.id, name: channel.name };
      }
    },
    async invite(channelId, chatUserIds) {
      for (const userId of chatUserIds) await call('POST', `/channels/${enc(channelId)}/members`, { user_id: userId });
    },
    async setTopic(channelId, topic) {
      await call('PUT', `/channels/${enc(channelId)}/patch`, { header: topic.slice(0, 1024) });
    },
    async openDirect(chatUserId) {
      const channel = (await call<{ id: string }>('POST', '/channels/direct', [await me(), chatUserId]))!;
      return channel.id;
    },
    async post(channelId, message, threadId) {
      const props = attachments(message, options);
      const post = (await call<{ id: string }>('POST', '/posts', { channel_id: channelId, message: message.text, ...(threadId ? { root_id: threadId } : {}), ...(props ? { props } : {}) }))!;
      return { id: post.id };
    },
    async postEphemeral(channelId, chatUserId, text) {
      await call('POST', '/posts/ephemeral', { user_id: chatUserId, post: { channel_id: channelId, message: text } });
    },
    async update(_channelId, messageId, message) {
      // The reference types a patch's props as a string, so an update changes the text only; pressed buttons answer for themselves.
      await call('PUT', `/posts/${enc(messageId)}/patch`, { message: message.text });
    },
    async archive(channelId) {
      await call('DELETE', `/channels/${enc(channelId)}`);
    },
    async permalink(_channelId, messageId) {
      return `${options.baseUrl.replace(/\/+$/, '')}/${options.teamName}/pl/${messageId}`;
    },
    async fetchMessage(_channelId, messageId) {
      const post = await call<{ message?: string; user_id?: string; create_at?: number; channel_id?: string }>('GET', `/posts/${enc(messageId)}`, undefined, true);
      if (!post) return null;
      return { text: post.message ?? '', authorId: post.user_id ?? '', at: new Date(post.create_at ?? 0).toISOString() };
    },
    escape: escapeMattermost,
  };
}
