/**
 * A local Slack: the Web API methods Firebreak calls, each request checked
 * against Slack's published OpenAPI description (test/fixtures/slack) and
 * answered in its documented shapes (checked too). It also signs inbound
 * requests the way Slack does (v0 HMAC-SHA256 over `v0:timestamp:body`).
 */
import { createHmac } from 'node:crypto';
import { SlackSpec } from './spec-check.js';
import { StandInServer, type Answer, type Received } from './http-harness.js';

export interface SlackUser {
  id: string;
  name: string;
  email: string;
}

export interface SlackChannel {
  id: string;
  name: string;
  is_private: boolean;
  members: Set<string>;
  topic: string;
  archived: boolean;
  created: number;
}

export interface SlackMessage {
  channel: string;
  ts: string;
  text: string;
  user: string;
  thread_ts?: string;
  blocks?: unknown[];
}

const spec = new SlackSpec();

export class SlackStandIn {
  readonly teamId = 'T0FIREBRK';
  readonly token = 'xoxb-standin-0000000000-abcdefghijklmnop';
  readonly signingSecret = 'standin-signing-secret-0123456789abcdef';
  readonly botUserId = 'UBOTFIREBRK';
  readonly users = new Map<string, SlackUser>();
  readonly channels = new Map<string, SlackChannel>();
  readonly messages: SlackMessage[] = [];
  readonly ephemerals: Array<{ channel: string; user: string; text: string }> = [];
  readonly server: StandInServer;
  private seq = 0;
  private readonly clock = Math.floor(Date.now() / 1000);

  constructor() {
    this.server = new StandInServer((r) => this.answer(r));
  }

  get url(): string {
    return `http://127.0.0.1:${this.server.port}/api`;
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

  addUser(email: string, name: string): SlackUser {
    const user = { id: `U${String(++this.seq).padStart(8, '0')}`, name, email };
    this.users.set(user.id, user);
    return user;
  }

  addChannel(name: string, members: string[] = []): SlackChannel {
    const channel = { id: `C${String(++this.seq).padStart(8, '0')}`, name, is_private: false, members: new Set(members), topic: '', archived: false, created: this.clock };
    this.channels.set(channel.id, channel);
    return channel;
  }

  /** A person writes in a channel (a message a test then captures). */
  say(channel: string, user: string, text: string): SlackMessage {
    const message = { channel, ts: this.nextTs(), text, user };
    this.messages.push(message);
    return message;
  }

  channelByName(name: string): SlackChannel | undefined {
    return [...this.channels.values()].find((c) => c.name === name);
  }

  /** Messages posted into a channel by the bot, thread replies included. */
  posts(channel: string): SlackMessage[] {
    return this.messages.filter((m) => m.channel === channel && m.user === this.botUserId);
  }

  /** Headers Slack would send with this body. */
  sign(body: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
    const signature = `v0=${createHmac('sha256', this.signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
    return { 'x-slack-signature': signature, 'x-slack-request-timestamp': String(timestamp) };
  }

  /** Slack's message ids are the time in seconds with a unique suffix. */
  private nextTs(): string {
    return `${Math.floor(Date.now() / 1000)}.${String(++this.seq).padStart(6, '0')}`;
  }

  private conversation(c: SlackChannel): Record<string, unknown> {
    const topic = { value: c.topic, creator: this.botUserId, last_set: this.clock };
    return {
      id: c.id, name: c.name, created: c.created, creator: this.botUserId, is_archived: c.archived, is_channel: !c.is_private, is_general: false, is_mpim: false, is_group: c.is_private,
      is_org_shared: false, is_im: false, is_shared: false, is_private: c.is_private, name_normalized: c.name, topic, purpose: { value: '', creator: '', last_set: 0 },
    };
  }

  private userObject(u: SlackUser): Record<string, unknown> {
    return {
      id: u.id, name: u.name, is_bot: false, updated: this.clock, is_app_user: false, team_id: this.teamId, real_name: u.name,
      profile: { real_name: u.name, display_name: u.name, avatar_hash: 'ge3b51ca72de', real_name_normalized: u.name, display_name_normalized: u.name, title: '', phone: '', skype: '', status_text: '', status_emoji: '', fields: null, email: u.email },
    };
  }

  private answer(r: Received): Answer {
    const method = r.path.replace(/^\/api\//, '');
    const params: Record<string, string> = {};
    const source = r.method === 'GET' ? r.query : new URLSearchParams(r.body);
    for (const [k, v] of source) params[k] = v;
    const auth = typeof r.headers.authorization === 'string' ? r.headers.authorization : undefined;
    const problems = spec.check(method, r.method, r.headers['content-type'], auth, params);
    if (problems.length > 0) {
      this.violations.push(...problems);
      return { status: 200, body: { ok: false, error: 'invalid_arguments' } };
    }
    const body = auth === `Bearer ${this.token}` ? this.call(method, params) : { ok: false, error: 'invalid_auth' };
    const shape = spec.checkAnswer(method, r.method, body);
    if (shape.length > 0) this.violations.push(...shape);
    return { status: 200, body };
  }

  private call(method: string, p: Record<string, string>): Record<string, unknown> {
    const channel = p.channel ? this.channels.get(p.channel) : undefined;
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://standin.slack.test/', team: 'Stand-in', user: 'firebreak', team_id: this.teamId, user_id: this.botUserId, bot_id: 'B0FIREBRK' };
      case 'users.info': {
        const user = this.users.get(p.user ?? '');
        return user ? { ok: true, user: this.userObject(user) } : { ok: false, error: 'user_not_found' };
      }
      case 'users.lookupByEmail': {
        const user = [...this.users.values()].find((u) => u.email === p.email);
        return user ? { ok: true, user: this.userObject(user) } : { ok: false, error: 'users_not_found' };
      }
      case 'conversations.create': {
        if (this.channelByName(p.name ?? '')) return { ok: false, error: 'name_taken' };
        const created = this.addChannel(p.name ?? '', [this.botUserId]);
        created.is_private = p.is_private === 'true';
        return { ok: true, channel: this.conversation(created) };
      }
      case 'conversations.invite':
        if (!channel) return { ok: false, error: 'channel_not_found' };
        for (const id of (p.users ?? '').split(',')) {
          if (!this.users.has(id)) return { ok: false, error: 'user_not_found' };
          channel.members.add(id);
        }
        return { ok: true, channel: this.conversation(channel) };
      case 'conversations.setTopic':
        if (!channel) return { ok: false, error: 'channel_not_found' };
        channel.topic = p.topic ?? '';
        return { ok: true, channel: this.conversation(channel) };
      case 'conversations.archive':
        if (!channel) return { ok: false, error: 'channel_not_found' };
        channel.archived = true;
        return { ok: true };
      case 'conversations.open': {
        const id = `D${p.users}`;
        if (!this.channels.has(id)) this.channels.set(id, { id, name: id, is_private: true, members: new Set([p.users ?? '', this.botUserId]), topic: '', archived: false, created: this.clock });
        return { ok: true, channel: { id } };
      }
      case 'conversations.history': {
        const found = this.messages.find((m) => m.channel === p.channel && m.ts === p.latest);
        if (!found) return { ok: false, error: 'channel_not_found' };
        return { ok: true, messages: [{ type: 'message', text: found.text, user: found.user, ts: found.ts }], has_more: false, pin_count: 0, channel_actions_ts: null, channel_actions_count: 0 };
      }
      case 'chat.postMessage': {
        if (!channel) return { ok: false, error: 'channel_not_found' };
        if (channel.archived) return { ok: false, error: 'is_archived' };
        const message: SlackMessage = { channel: channel.id, ts: this.nextTs(), text: p.text ?? '', user: this.botUserId, ...(p.thread_ts ? { thread_ts: p.thread_ts } : {}), ...(p.blocks ? { blocks: JSON.parse(p.blocks) as unknown[] } : {}) };
        this.messages.push(message);
        return { ok: true, channel: channel.id, ts: message.ts, message: { type: 'message', text: message.text, ts: message.ts, user: this.botUserId } };
      }
      case 'chat.postEphemeral':
        if (!channel) return { ok: false, error: 'channel_not_found' };
        this.ephemerals.push({ channel: channel.id, user: p.user ?? '', text: p.text ?? '' });
        return { ok: true, message_ts: this.nextTs() };
      case 'chat.update': {
        const message = this.messages.find((m) => m.channel === p.channel && m.ts === p.ts);
        if (!message) return { ok: false, error: 'message_not_found' };
        message.text = p.text ?? message.text;
        message.blocks = p.blocks ? (JSON.parse(p.blocks) as unknown[]) : [];
        return { ok: true, channel: message.channel, ts: message.ts, text: message.text, message: { text: message.text } };
      }
      case 'chat.getPermalink':
        return { ok: true, channel: p.channel, permalink: `https://standin.slack.test/archives/${p.channel}/p${(p.message_ts ?? '').replace('.', '')}` };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}
