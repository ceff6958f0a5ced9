/** Setting up Firebreak with chat stand-ins for the chat tests: the app, the worker, a connected workspace, and requests signed as the vendors sign them. */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../../../src/clock.js';
import type { Store } from '../../../src/db/store.js';
import { createTestApp, type TestApp } from '../../../src/app/testing.js';
import { domains } from '../../../src/app/domains.js';
import { registerFactConsumers } from '../../../src/domains/incidents/fact-consumers.js';
import { until } from '../../../src/testing/until.js';
import { SlackStandIn } from './slack-standin.js';
import { MattermostStandIn } from './mattermost-standin.js';

export { until };

export interface ChatWorld {
  t: TestApp;
  admin: Awaited<ReturnType<TestApp['user']>>;
  close(): Promise<void>;
}

/** A test app whose fact consumers are registered as at process start, with its worker running (on `clock`'s product time when given). */
export async function chatWorld(store: Store, slackUrl: string, clock?: Clock): Promise<ChatWorld> {
  registerFactConsumers(domains.flatMap((d) => d.facts ?? []));
  const t = await createTestApp(store, { config: { publicUrl: 'http://firebreak.test', secretKey: randomBytes(32).toString('base64'), slackApiUrl: slackUrl }, ...(clock ? { clock } : {}) });
  await t.startWorker();
  const admin = await t.user('admin');
  return { t, admin, close: () => t.close() };
}

/** Connects the Slack stand-in as a workspace, with a fast mirror for tests. */
export async function connectSlack(world: ChatWorld, slack: SlackStandIn, settings: Record<string, unknown> = {}): Promise<string> {
  const res = await world.t.app.inject({ method: 'POST', url: '/api/v1/chat/workspaces', headers: world.admin.auth, payload: { provider: 'slack', name: 'Stand-in Slack', botToken: slack.token, signingSecret: slack.signingSecret } });
  if (res.statusCode !== 201) throw new Error(`connecting Slack: ${res.statusCode} ${res.body}`);
  const id = res.json().id as string;
  const patch = await world.t.app.inject({ method: 'PATCH', url: `/api/v1/chat/workspaces/${id}`, headers: world.admin.auth, payload: { policy: { mirrorPostsPerMinute: 600, ...settings } } });
  if (patch.statusCode !== 200) throw new Error(`configuring Slack: ${patch.statusCode} ${patch.body}`);
  return id;
}

export async function connectMattermost(world: ChatWorld, mm: MattermostStandIn, settings: Record<string, unknown> = {}): Promise<string> {
  const res = await world.t.app.inject({
    method: 'POST',
    url: '/api/v1/chat/workspaces',
    headers: world.admin.auth,
    payload: { provider: 'mattermost', name: 'Stand-in Mattermost', botToken: mm.token, commandToken: mm.commandToken, baseUrl: mm.url, teamId: mm.teamId, teamName: mm.teamName },
  });
  if (res.statusCode !== 201) throw new Error(`connecting Mattermost: ${res.statusCode} ${res.body}`);
  const id = res.json().id as string;
  await world.t.app.inject({ method: 'PATCH', url: `/api/v1/chat/workspaces/${id}`, headers: world.admin.auth, payload: { policy: { mirrorPostsPerMinute: 600, ...settings } } });
  return id;
}

/** A Slack slash command as Slack sends it (form fields per Slack's docs), signed. */
export function slackCommand(slack: SlackStandIn, user: { id: string; name: string }, channel: string, text: string, timestamp?: number): { headers: Record<string, string>; payload: string } {
  const payload = new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: slack.teamId,
    team_domain: 'standin',
    channel_id: channel,
    channel_name: slack.channels.get(channel)?.name ?? 'directmessage',
    user_id: user.id,
    user_name: user.name,
    command: '/firebreak',
    text,
    api_app_id: 'A0FIREBRK',
    is_enterprise_install: 'false',
    response_url: 'https://hooks.slack.test/commands/T0FIREBRK/1/abc',
    trigger_id: `${Date.now()}.1.abc`,
  }).toString();
  return { headers: { 'content-type': 'application/x-www-form-urlencoded', ...slack.sign(payload, timestamp) }, payload };
}

/** An interactivity request (`payload=<json>`), signed. */
export function slackInteraction(slack: SlackStandIn, body: Record<string, unknown>): { headers: Record<string, string>; payload: string } {
  const payload = new URLSearchParams({ payload: JSON.stringify(body) }).toString();
  return { headers: { 'content-type': 'application/x-www-form-urlencoded', ...slack.sign(payload) }, payload };
}

/** A button press on a message the bot posted (Slack's block_actions payload). */
export function slackButton(slack: SlackStandIn, user: { id: string; name: string }, message: { channel: string; ts: string }, action: string, value: string): Record<string, unknown> {
  return {
    type: 'block_actions',
    user: { id: user.id, username: user.name, name: user.name, team_id: slack.teamId },
    api_app_id: 'A0FIREBRK',
    token: 'deprecated-verification-token',
    container: { type: 'message', message_ts: message.ts, channel_id: message.channel, is_ephemeral: false },
    trigger_id: `${Date.now()}.1.def`,
    team: { id: slack.teamId, domain: 'standin' },
    channel: { id: message.channel, name: message.channel },
    response_url: 'https://hooks.slack.test/actions/T0FIREBRK/1/def',
    actions: [{ action_id: action, block_id: 'firebreak', text: { type: 'plain_text', text: action }, value, type: 'button', action_ts: String(Date.now() / 1000) }],
  };
}

/** A signed Events API JSON request. */
export function slackEvent(slack: SlackStandIn, body: Record<string, unknown>, timestamp?: number): { headers: Record<string, string>; payload: string } {
  const payload = JSON.stringify(body);
  return { headers: { 'content-type': 'application/json', ...slack.sign(payload, timestamp) }, payload };
}

/** A Mattermost slash command as Mattermost sends it (form fields and `Authorization: Token`). */
export function mattermostCommand(mm: MattermostStandIn, user: { id: string; username: string }, channel: string, text: string, token = mm.commandToken): { headers: Record<string, string>; payload: string } {
  const payload = new URLSearchParams({
    channel_id: channel,
    channel_name: mm.channels.get(channel)?.name ?? 'town-square',
    command: '/firebreak',
    response_url: `${mm.url}/hooks/commands/abc`,
    team_domain: mm.teamName,
    team_id: mm.teamId,
    text,
    token,
    trigger_id: 'trigger',
    user_id: user.id,
    user_name: user.username,
  }).toString();
  return { headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Token ${token}` }, payload };
}
