/**
 * Chat workspaces: connecting Slack or Mattermost (secrets sealed), testing
 * and disconnecting them, their channel policy, and the Slack app manifest
 * with this server's URLs. Every change is audited in its transaction.
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Config } from '../../config.js';
import type { Db } from '../../db/schema.js';
import type { Store } from '../../db/store.js';
import { fromJson, toJson } from '../../db/dialect.js';
import { DomainError, notFound, unprocessable } from '../../errors.js';
import type { Actor } from '../auth/identity.js';
import { recordAudit } from '../audit/service.js';
import type { ChatApi } from './api.js';
import { mattermostApi } from './mattermost-api.js';
import { ChatCallError } from './outbound.js';
import { DEFAULT_CHANNEL_POLICY, type ChannelPolicy } from './policy.js';
import { seal, secretKeyBytes, unseal } from '../../crypto/sealed.js';
import { slackApi } from './slack-api.js';
import * as store from './store.js';
import type { ChatProvider } from './tables.js';
import { tokenHash } from './verify.js';
import { outboundPolicy } from '../../http/outbound.js';
import { clockNow } from '../../clock.js';

export interface ConnectInput {
  provider: ChatProvider;
  name: string;
  botToken?: string | undefined;
  signingSecret?: string | undefined;
  commandToken?: string | undefined;
  baseUrl?: string | undefined;
  teamId?: string | undefined;
  teamName?: string | undefined;
  pageChannelId?: string | undefined;
}

export interface WorkspaceView {
  id: string;
  provider: ChatProvider;
  name: string;
  baseUrl: string;
  teamId: string;
  teamName: string | null;
  pageChannelId: string | null;
  policy: ChannelPolicy;
  lastTestAt: string | null;
  lastTestError: string | null;
  /** What this workspace still needs to do everything (set FIREBREAK_PUBLIC_URL, a page channel, …). */
  missing: string[];
  createdAt: string;
}

/** The inbound URLs a vendor calls, under this server's public URL. */
export function inboundUrls(config: Config): { slackCommands: string; slackInteractions: string; slackEvents: string; mattermostCommands: string; mattermostActions: string } {
  const base = (config.publicUrl ?? `http://${config.host}:${config.port}`).replace(/\/$/, '');
  return {
    slackCommands: `${base}/chat/slack/commands`,
    slackInteractions: `${base}/chat/slack/interactions`,
    slackEvents: `${base}/chat/slack/events`,
    mattermostCommands: `${base}/chat/mattermost/commands`,
    mattermostActions: `${base}/chat/mattermost/actions`,
  };
}

/** Links into the web app. */
export function warRoomUrl(config: Config, ref: string): string {
  return `${(config.publicUrl ?? `http://${config.host}:${config.port}`).replace(/\/$/, '')}/incidents/${ref}`;
}

function sealingKey(config: Config): Buffer {
  if (!config.secretKey) throw unprocessable('chat-secret-key-missing', 'set FIREBREAK_SECRET_KEY (32 random bytes, base64: `openssl rand -base64 32`) so chat tokens can be stored encrypted; nothing was stored');
  return secretKeyBytes(config.secretKey);
}

/** The secret a workspace's signing secret opens to (Slack verifies with it). */
export function signingSecretOf(config: Config, row: store.WorkspaceRow): string | null {
  return row.signing_secret_sealed ? unseal(sealingKey(config), row.signing_secret_sealed) : null;
}

/** Signs a Mattermost button's context: Mattermost calls back without a signature of its own. */
export function actionSignature(config: Config, workspaceId: string, action: string, value: string): string {
  return createHmac('sha256', sealingKey(config)).update(`chat-action\n${workspaceId}\n${action}\n${value}`).digest('base64url');
}

export function actionSignatureValid(config: Config, workspaceId: string, action: string, value: string, sig: string): boolean {
  const expected = Buffer.from(actionSignature(config, workspaceId, action, value));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The vendor API of a workspace, with its token unsealed. */
export function apiFor(config: Config, row: store.WorkspaceRow): ChatApi {
  const token = unseal(sealingKey(config), row.bot_token_sealed);
  const policy = outboundPolicy(config.outboundAllow);
  if (row.provider === 'slack') return slackApi(row.base_url, token, policy);
  return mattermostApi({
    policy,
    baseUrl: row.base_url,
    token,
    teamId: row.team_id,
    teamName: row.team_name ?? row.team_id,
    actionUrl: inboundUrls(config).mattermostActions,
    signAction: (action, value) => actionSignature(config, row.id, action, value),
  });
}

export function policyOf(row: store.WorkspaceRow): ChannelPolicy {
  return { ...DEFAULT_CHANNEL_POLICY, ...fromJson<Partial<ChannelPolicy>>(row.policy) };
}

function missingOf(config: Config, row: store.WorkspaceRow): string[] {
  const missing: string[] = [];
  if (!config.publicUrl) missing.push('FIREBREAK_PUBLIC_URL is not set: Slack and Mattermost cannot reach this server, and links in chat point at localhost');
  if (!row.page_channel_id) missing.push('no team channel for pages (pageChannelId): pages go to each person directly only');
  if (row.last_test_error) missing.push(`the last test failed: ${row.last_test_error}`);
  return missing;
}

function toView(config: Config, row: store.WorkspaceRow): WorkspaceView {
  return {
    id: row.id,
    provider: row.provider,
    name: row.name,
    baseUrl: row.base_url,
    teamId: row.team_id,
    teamName: row.team_name,
    pageChannelId: row.page_channel_id,
    policy: policyOf(row),
    lastTestAt: row.last_test_at,
    lastTestError: row.last_test_error,
    missing: missingOf(config, row),
    createdAt: row.created_at,
  };
}

/** The fields a provider needs that the input lacks, every one named at once. */
function requireFields(input: ConnectInput): void {
  const needed: Array<[keyof ConnectInput, string]> =
    input.provider === 'slack'
      ? [['botToken', "the bot's OAuth token (xoxb-…), from OAuth & Permissions"], ['signingSecret', 'the app\'s signing secret, from Basic Information']]
      : [['botToken', "a bot account's access token"], ['commandToken', "the /firebreak slash command's token"], ['baseUrl', 'the Mattermost server URL'], ['teamId', 'the team id'], ['teamName', 'the team name (as in its URLs)']];
  const errors = needed.filter(([field]) => !input[field]).map(([field, what]) => ({ field: `body.${field}`, message: `is required for ${input.provider}: ${what}` }));
  if (errors.length > 0) throw new DomainError('invalid', 'chat-workspace-incomplete', `${input.provider} needs ${errors.map((e) => e.field.slice(5)).join(', ')}; nothing was stored`, { errors });
}

/** Connects a workspace after checking its token with the vendor (the team id comes from Slack's answer). */
export async function connectWorkspace(st: Store, config: Config, actor: Actor, input: ConnectInput): Promise<WorkspaceView> {
  requireFields(input);
  const key = sealingKey(config);
  const baseUrl = input.provider === 'slack' ? (input.baseUrl ?? config.slackApiUrl) : input.baseUrl!;
  const now = clockNow().toISOString();
  const row: store.WorkspaceRow = {
    id: randomUUID(),
    provider: input.provider,
    name: input.name,
    base_url: baseUrl.replace(/\/+$/, ''),
    team_id: input.teamId ?? '',
    team_name: input.teamName ?? null,
    bot_token_sealed: seal(key, input.botToken!),
    signing_secret_sealed: input.signingSecret ? seal(key, input.signingSecret) : null,
    command_token_hash: input.commandToken ? tokenHash(input.commandToken) : null,
    page_channel_id: input.pageChannelId ?? null,
    policy: toJson(DEFAULT_CHANNEL_POLICY),
    last_test_at: now,
    last_test_error: null,
    created_by: actor.label,
    created_at: now,
    updated_at: now,
  };
  let identity: { team: string; teamId: string };
  try {
    identity = await apiFor(config, row).test();
  } catch (err) {
    const detail = err instanceof ChatCallError ? err.message : (err as Error).message;
    throw unprocessable('chat-workspace-unreachable', `${input.provider} refused or could not be reached with this token (${detail}); nothing was stored`);
  }
  if (input.provider === 'slack') row.team_id = identity.teamId;
  return st.transaction(async (trx) => {
    if (await store.findWorkspaceByTeam(trx, row.provider, row.team_id)) throw new DomainError('conflict', 'chat-workspace-exists', `${row.provider} team ${row.team_id} is already connected; disconnect it first`);
    await store.insertWorkspace(trx, row);
    await recordAudit(trx, actor, { action: 'chat.connect', targetType: 'chat_workspace', targetId: row.id, detail: { provider: row.provider, teamId: row.team_id } });
    return toView(config, row);
  });
}

async function requireWorkspace(db: Db, id: string): Promise<store.WorkspaceRow> {
  const row = await store.findWorkspace(db, id);
  if (!row) throw notFound(`chat workspace ${id}`);
  return row;
}

/** Checks the token with the vendor now and records the outcome. */
export async function testWorkspace(st: Store, config: Config, id: string): Promise<WorkspaceView & { ok: boolean; team: string | null }> {
  const row = await requireWorkspace(st.db, id);
  let error: string | null = null;
  let team: string | null = null;
  try {
    team = (await apiFor(config, row).test()).team;
  } catch (err) {
    error = (err as Error).message;
  }
  const now = clockNow().toISOString();
  await store.updateWorkspace(st.db, id, { last_test_at: now, last_test_error: error, updated_at: now });
  const view = toView(config, { ...row, last_test_at: now, last_test_error: error });
  return { ...view, ok: error === null, team };
}

/** Disconnects a workspace: its channels' rows go with it (the channels themselves stay in chat). */
export async function disconnectWorkspace(st: Store, actor: Actor, id: string): Promise<void> {
  await st.transaction(async (trx) => {
    await requireWorkspace(trx, id);
    await store.deleteWorkspace(trx, id);
    await recordAudit(trx, actor, { action: 'chat.disconnect', targetType: 'chat_workspace', targetId: id });
  });
}

export async function listWorkspaces(db: Db, config: Config): Promise<WorkspaceView[]> {
  return (await store.listWorkspaces(db)).map((row) => toView(config, row));
}

export async function getWorkspace(db: Db, config: Config, id: string): Promise<WorkspaceView> {
  return toView(config, await requireWorkspace(db, id));
}

/** Changes a workspace's channel policy and page channel. */
export async function updateWorkspaceSettings(st: Store, config: Config, actor: Actor, id: string, changes: { policy?: Partial<ChannelPolicy> | undefined; pageChannelId?: string | null | undefined }): Promise<WorkspaceView> {
  return st.transaction(async (trx) => {
    const row = await requireWorkspace(trx, id);
    const policy = { ...policyOf(row), ...changes.policy };
    const now = clockNow().toISOString();
    const update = { policy: toJson(policy), updated_at: now, ...(changes.pageChannelId === undefined ? {} : { page_channel_id: changes.pageChannelId }) };
    await store.updateWorkspace(trx, id, update);
    await recordAudit(trx, actor, { action: 'chat.settings', targetType: 'chat_workspace', targetId: id, detail: { policy, pageChannelId: update.page_channel_id ?? row.page_channel_id } });
    return toView(config, { ...row, ...update });
  });
}

/** The Slack app manifest to paste at api.slack.com/apps, with this server's URLs. */
export function slackManifest(config: Config): Record<string, unknown> {
  const urls = inboundUrls(config);
  return {
    display_information: { name: 'Firebreak', description: 'Incident response: pages, incident channels and the war room in Slack' },
    features: {
      bot_user: { display_name: 'Firebreak', always_online: true },
      slash_commands: [{ command: '/firebreak', url: urls.slackCommands, description: 'Declare, acknowledge and run an incident', usage_hint: 'declare SEV2 checkout errors | ack | hyp … | help', should_escape: false }],
      shortcuts: [
        { name: 'Add to timeline as evidence', type: 'message', callback_id: 'firebreak_evidence', description: 'Attach this message to the incident as evidence' },
        { name: 'Add to timeline as observation', type: 'message', callback_id: 'firebreak_observation', description: 'Record this message as an observation' },
      ],
    },
    oauth_config: {
      scopes: { bot: ['commands', 'chat:write', 'channels:manage', 'groups:write', 'channels:read', 'groups:read', 'channels:history', 'groups:history', 'im:write', 'users:read', 'users:read.email', 'reactions:read'] },
    },
    settings: {
      event_subscriptions: { request_url: urls.slackEvents, bot_events: ['reaction_added'] },
      interactivity: { is_enabled: true, request_url: urls.slackInteractions },
      org_deploy_enabled: false,
      socket_mode_enabled: false,
      token_rotation_enabled: false,
    },
  };
}
