/**
 * A local Mattermost: the REST API v4 routes Firebreak calls, each request
 * checked against Mattermost's published API reference (test/fixtures/mattermost)
 * and answered in its documented shapes (checked too).
 */
import { randomBytes } from 'node:crypto';
import { MattermostSpec } from './spec-check.js';
import { StandInServer, type Answer, type Received } from './http-harness.js';

export interface MattermostUser {
  id: string;
  username: string;
  email: string;
  email_verified: boolean;
}

export interface MattermostChannel {
  id: string;
  name: string;
  type: 'O' | 'P' | 'D';
  header: string;
  members: Set<string>;
  deleted: boolean;
}

export interface MattermostPost {
  id: string;
  channel_id: string;
  user_id: string;
  message: string;
  root_id: string;
  props: Record<string, unknown>;
  create_at: number;
}

const spec = new MattermostSpec();
const newId = () => randomBytes(13).toString('hex').slice(0, 26);

export class MattermostStandIn {
  readonly teamId = newId();
  readonly teamName = 'firebreak';
  readonly token = `standin${newId()}`;
  readonly commandToken = `cmd${newId()}`;
  readonly bot: MattermostUser = { id: newId(), username: 'firebreak', email: 'firebreak-bot@localhost', email_verified: true };
  readonly users = new Map<string, MattermostUser>([[this.bot.id, this.bot]]);
  readonly channels = new Map<string, MattermostChannel>();
  readonly posts: MattermostPost[] = [];
  readonly ephemerals: Array<{ user_id: string; channel_id: string; message: string }> = [];
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

  addUser(email: string, username: string, verified = true): MattermostUser {
    const user = { id: newId(), username, email, email_verified: verified };
    this.users.set(user.id, user);
    return user;
  }

  addChannel(name: string): MattermostChannel {
    const channel: MattermostChannel = { id: newId(), name, type: 'O', header: '', members: new Set(), deleted: false };
    this.channels.set(channel.id, channel);
    return channel;
  }

  say(channelId: string, userId: string, message: string): MattermostPost {
    const post = { id: newId(), channel_id: channelId, user_id: userId, message, root_id: '', props: {}, create_at: Date.now() - 60_000 };
    this.posts.push(post);
    return post;
  }

  channelByName(name: string): MattermostChannel | undefined {
    return [...this.channels.values()].find((c) => c.name === name);
  }

  botPosts(channelId: string): MattermostPost[] {
    return this.posts.filter((p) => p.channel_id === channelId && p.user_id === this.bot.id);
  }

  private channelObject(c: MattermostChannel): Record<string, unknown> {
    return { id: c.id, create_at: 1, update_at: 1, delete_at: c.deleted ? 2 : 0, team_id: c.type === 'D' ? '' : this.teamId, type: c.type, display_name: c.name, name: c.name, header: c.header, purpose: '', last_post_at: 0, total_msg_count: 0, extra_update_at: 0, creator_id: this.bot.id };
  }

  private userObject(u: MattermostUser): Record<string, unknown> {
    return { id: u.id, create_at: 1, update_at: 1, delete_at: 0, username: u.username, first_name: u.username, last_name: '', nickname: '', email: u.email, email_verified: u.email_verified, auth_service: '', roles: 'system_user', locale: 'en' };
  }

  private postObject(p: MattermostPost): Record<string, unknown> {
    return { id: p.id, create_at: p.create_at, update_at: p.create_at, delete_at: 0, edit_at: 0, user_id: p.user_id, channel_id: p.channel_id, root_id: p.root_id, original_id: '', message: p.message, type: '', props: p.props, hashtag: '', file_ids: [], pending_post_id: '' };
  }

  private error(status: number, id: string, message: string): { status: number; body: Record<string, unknown> } {
    return { status, body: { status_code: status, id, message, request_id: newId() } };
  }

  private answer(r: Received): Answer {
    const path = r.path.replace(/^\/api\/v4/, '/api/v4');
    const auth = typeof r.headers.authorization === 'string' ? r.headers.authorization : undefined;
    const checked = spec.check(r.method, path, r.headers['content-type'], auth, r.query, r.body);
    if (checked.problems.length > 0) {
      this.violations.push(...checked.problems);
      return this.error(400, 'api.context.invalid_body_param.app_error', checked.problems.join('; '));
    }
    const result = auth === `Bearer ${this.token}` ? this.call(r.method, checked.template!, checked.params, checked.json as Record<string, unknown>) : this.error(401, 'api.context.session_expired.app_error', 'Invalid or expired session');
    const shape = spec.checkAnswer(r.method, checked.template!, result.status, result.body);
    if (shape.length > 0) this.violations.push(...shape);
    return result;
  }

  private call(verb: string, template: string, params: Record<string, string>, body: Record<string, unknown>): { status: number; body: unknown } {
    const channel = params.channel_id ? this.channels.get(params.channel_id) : undefined;
    switch (`${verb} ${template}`) {
      case 'GET /api/v4/users/{user_id}': {
        const user = params.user_id === 'me' ? this.bot : this.users.get(params.user_id!);
        return user ? { status: 200, body: this.userObject(user) } : this.error(404, 'store.sql_user.missing.app_error', 'We couldn’t find an existing account matching your details.');
      }
      case 'GET /api/v4/users/email/{email}': {
        const user = [...this.users.values()].find((u) => u.email === params.email);
        return user ? { status: 200, body: this.userObject(user) } : this.error(404, 'store.sql_user.missing.app_error', 'We couldn’t find an existing account matching your details.');
      }
      case 'POST /api/v4/channels': {
        if (body.team_id !== this.teamId) return this.error(403, 'api.context.permissions.app_error', 'You do not have the appropriate permissions.');
        if (this.channelByName(String(body.name))) return this.error(400, 'store.sql_channel.save_channel.exists.app_error', 'A channel with that name already exists on the same team.');
        const created: MattermostChannel = { id: newId(), name: String(body.name), type: body.type === 'P' ? 'P' : 'O', header: String(body.header ?? ''), members: new Set([this.bot.id]), deleted: false };
        this.channels.set(created.id, created);
        return { status: 201, body: this.channelObject(created) };
      }
      case 'POST /api/v4/channels/direct': {
        const [a, b] = body as unknown as string[];
        const id = `${a}__${b}`;
        if (!this.channels.has(id)) this.channels.set(id, { id, name: id, type: 'D', header: '', members: new Set([a!, b!]), deleted: false });
        return { status: 201, body: this.channelObject(this.channels.get(id)!) };
      }
      case 'POST /api/v4/channels/{channel_id}/members':
        if (!channel) return this.error(404, 'app.channel.get.existing.app_error', 'Unable to find the existing channel.');
        if (!this.users.has(String(body.user_id))) return this.error(404, 'app.user.missing_account.const', 'Unable to find the user.');
        channel.members.add(String(body.user_id));
        return { status: 201, body: { channel_id: channel.id, user_id: body.user_id, roles: 'channel_user', last_viewed_at: 0, msg_count: 0, mention_count: 0, notify_props: {}, last_update_at: 0 } };
      case 'PUT /api/v4/channels/{channel_id}/patch':
        if (!channel) return this.error(404, 'app.channel.get.existing.app_error', 'Unable to find the existing channel.');
        if (typeof body.header === 'string') channel.header = body.header;
        return { status: 200, body: this.channelObject(channel) };
      case 'DELETE /api/v4/channels/{channel_id}':
        if (!channel) return this.error(404, 'app.channel.get.existing.app_error', 'Unable to find the existing channel.');
        channel.deleted = true;
        return { status: 200, body: { status: 'OK' } };
      case 'POST /api/v4/posts': {
        const target = this.channels.get(String(body.channel_id));
        if (!target || target.deleted) return this.error(403, 'api.context.permissions.app_error', 'You do not have the appropriate permissions.');
        const post: MattermostPost = { id: newId(), channel_id: target.id, user_id: this.bot.id, message: String(body.message), root_id: String(body.root_id ?? ''), props: (body.props as Record<string, unknown>) ?? {}, create_at: Date.now() };
        this.posts.push(post);
        return { status: 201, body: this.postObject(post) };
      }
      case 'POST /api/v4/posts/ephemeral': {
        const post = body.post as { channel_id: string; message: string };
        this.ephemerals.push({ user_id: String(body.user_id), channel_id: post.channel_id, message: post.message });
        return { status: 201, body: { id: newId(), channel_id: post.channel_id, message: post.message, user_id: this.bot.id, create_at: Date.now() } };
      }
      case 'GET /api/v4/posts/{post_id}': {
        const post = this.posts.find((p) => p.id === params.post_id);
        return post ? { status: 200, body: this.postObject(post) } : this.error(404, 'app.post.get.app_error', 'Unable to get the post.');
      }
      case 'PUT /api/v4/posts/{post_id}/patch': {
        const post = this.posts.find((p) => p.id === params.post_id);
        if (!post) return this.error(404, 'app.post.get.app_error', 'Unable to get the post.');
        if (typeof body.message === 'string') post.message = body.message;
        return { status: 200, body: this.postObject(post) };
      }
      default:
        return this.error(501, 'standin.not_implemented', `${verb} ${template}`);
    }
  }
}
