/**
 * What Slack and Mattermost send: slash commands, button presses, message
 * shortcuts and events. Public at the edge; each request is verified before
 * anything is read into the model (Slack: signing secret, 5-minute window,
 * each signature accepted once; Mattermost: the slash command token, and
 * buttons carry Firebreak's own signature). An unverified request gets 401
 * and changes nothing.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { App, AppContext } from '../../app/context.js';
import { HttpProblem } from '../../http/problem.js';
import { screenJson } from '../../http/input.js';
import { captureMessage, CAPTURE_REACTIONS } from './capture-service.js';
import { runChatCommand, type ChatReply } from './commands-service.js';
import { checkPayload, MattermostAction, SlackBlockActions, SlackEventEnvelope, SlackMessageAction, SlashCommandForm } from './inbound-schemas.js';
import { scheduleNotice } from './notice.js';
import { pressPageButton } from './page-service.js';
import { actionSignatureValid, signingSecretOf } from './service.js';
import * as store from './store.js';
import type { ChatProvider } from './tables.js';
import { REPLAY_WINDOW_SECONDS, replayKey, verifyMattermostToken, verifySlackRequest } from './verify.js';

const rawBodies = new WeakMap<FastifyRequest, string>();

function refused(detail: string): HttpProblem {
  return new HttpProblem(401, 'chat-request-unverified', `${detail}; nothing was changed`);
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

function parseJson(raw: string, where: string): unknown {
  let value: unknown;
  try {
    value = screenJson(JSON.parse(raw), 'refuse', where);
  } catch (err) {
    if (err instanceof HttpProblem) throw err;
    throw new HttpProblem(400, 'invalid-chat-payload', `${where} is not JSON; nothing was recorded`, [{ field: where, message: 'is not JSON' }]);
  }
  // Every chat payload is an object; null, a number or a list is refused before anything reads its fields.
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new HttpProblem(400, 'invalid-chat-payload', `${where} must be a JSON object; nothing was recorded`, [{ field: where, message: 'must be an object' }]);
  return value;
}

function formOf(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(raw)) out[key] = value;
  return out;
}

const slackAnswer = (reply: ChatReply) => ({ response_type: reply.visibility, text: reply.text });

export function chatInboundRoutes(app: App, ctx: AppContext): void {
  const { store: st, config } = ctx;
  const tags = ['chat'];

  async function workspaceOf(provider: ChatProvider, teamId: string | undefined): Promise<store.WorkspaceRow> {
    const row = teamId ? await store.findWorkspaceByTeam(st.db, provider, teamId) : undefined;
    if (!row) throw refused(`no ${provider} workspace with team id ${teamId ?? '(none)'} is connected`);
    return row;
  }

  /** Verifies a Slack request against the workspace its body names, and refuses a signature seen before. */
  async function verifiedSlack(request: FastifyRequest, teamId: string | undefined): Promise<store.WorkspaceRow> {
    const workspace = await workspaceOf('slack', teamId);
    const secret = signingSecretOf(config, workspace);
    if (!secret) throw refused('this workspace has no signing secret');
    const now = new Date();
    const verdict = verifySlackRequest(secret, { signature: header(request, 'x-slack-signature'), timestamp: header(request, 'x-slack-request-timestamp') }, rawBodies.get(request) ?? '', now);
    if (!verdict.ok) throw refused(verdict.reason);
    await store.forgetRequestsBefore(st.db, new Date(now.getTime() - 2 * REPLAY_WINDOW_SECONDS * 1000).toISOString());
    if (!(await store.rememberRequest(st.db, replayKey(['slack', header(request, 'x-slack-signature')!]), now.toISOString()))) throw refused('this request was already received (a replay)');
    return workspace;
  }

  void app.register(async (plain) => {
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    // Signatures cover the exact bytes: keep them, and parse only after verifying.
    scope.removeContentTypeParser(['application/json', 'text/plain']);
    scope.addContentTypeParser(['application/json', 'application/x-www-form-urlencoded'], { parseAs: 'string', bodyLimit: config.bodyLimitBytes }, (request, text, done) => {
      rawBodies.set(request, text as string);
      done(null, text);
    });
    const options = { config: { access: 'public' as const } };

    scope.post('/chat/slack/commands', { ...options, schema: { tags, summary: 'Slack slash command /firebreak (signed by Slack)' } }, async (request) => {
      const form = formOf(rawBodies.get(request) ?? '');
      const workspace = await verifiedSlack(request, form.team_id);
      const command = checkPayload(SlashCommandForm, { team_id: form.team_id, user_id: form.user_id, channel_id: form.channel_id, text: form.text ?? '' }, 'body');
      return slackAnswer(await runChatCommand(ctx, { workspace, chatUserId: command.user_id, channelId: command.channel_id, text: command.text, requestId: String(request.id) }));
    });

    scope.post('/chat/slack/interactions', { ...options, schema: { tags, summary: 'Slack interactivity: page buttons and message shortcuts (signed by Slack)' } }, async (request, reply) => {
      const form = formOf(rawBodies.get(request) ?? '');
      const payload = parseJson(form.payload ?? '', 'body.payload') as { type?: unknown; team?: { id?: string } };
      const workspace = await verifiedSlack(request, payload.team?.id);
      if (payload.type === 'block_actions') {
        const press = checkPayload(SlackBlockActions, payload, 'body.payload');
        const action = press.actions[0]!;
        const channel = press.channel?.id ?? press.container?.channel_id;
        if (action.action_id === 'open' || !channel) return reply.status(200).send();
        const answer = await pressPageButton(ctx, workspace, press.user.id, action.action_id, action.value ?? '', String(request.id));
        await scheduleNotice(st.db, ctx.jobs, { workspace: workspace.id, channel, user: press.user.id, text: answer.text });
        return reply.status(200).send();
      }
      if (payload.type === 'message_action') {
        const shortcut = checkPayload(SlackMessageAction, payload, 'body.payload');
        const as = shortcut.callback_id === 'firebreak_observation' ? 'observation' : 'evidence';
        const message = shortcut.message.user && shortcut.message.text ? { text: shortcut.message.text, authorId: shortcut.message.user, at: new Date(Number(shortcut.message.ts) * 1000).toISOString() } : undefined;
        const answer = await captureMessage(ctx, { workspace, chatUserId: shortcut.user.id, channelId: shortcut.channel.id, messageId: shortcut.message.ts, as, requestId: String(request.id), message });
        await scheduleNotice(st.db, ctx.jobs, { workspace: workspace.id, channel: shortcut.channel.id, user: shortcut.user.id, text: answer.text });
        return reply.status(200).send();
      }
      return reply.status(200).send();
    });

    scope.post('/chat/slack/events', { ...options, schema: { tags, summary: 'Slack Events API: reactions that capture messages (signed by Slack)' } }, async (request, reply) => {
      const body = parseJson(rawBodies.get(request) ?? '', 'body') as { team_id?: string; api_app_id?: string; type?: string; token?: string };
      if (body.type === 'url_verification') {
        // Slack's handshake names no team: it is checked against any connected Slack workspace's secret.
        for (const workspace of (await store.listWorkspaces(st.db)).filter((w) => w.provider === 'slack')) {
          const secret = signingSecretOf(config, workspace);
          if (secret && verifySlackRequest(secret, { signature: header(request, 'x-slack-signature'), timestamp: header(request, 'x-slack-request-timestamp') }, rawBodies.get(request) ?? '', new Date()).ok) {
            const handshake = checkPayload(SlackEventEnvelope, body, 'body');
            return { challenge: handshake.type === 'url_verification' ? handshake.challenge : '' };
          }
        }
        throw refused('the handshake is not signed by a connected Slack app');
      }
      const workspace = await verifiedSlack(request, body.team_id);
      const envelope = checkPayload(SlackEventEnvelope, body, 'body');
      if (envelope.type !== 'event_callback') return reply.status(200).send();
      const event = envelope.event;
      const as = event.type === 'reaction_added' && event.reaction ? CAPTURE_REACTIONS[event.reaction] : undefined;
      if (as && event.user && event.item?.type === 'message' && event.item.channel && event.item.ts) {
        const answer = await captureMessage(ctx, { workspace, chatUserId: event.user, channelId: event.item.channel, messageId: event.item.ts, as, requestId: String(request.id) });
        await scheduleNotice(st.db, ctx.jobs, { workspace: workspace.id, channel: event.item.channel, user: event.user, text: answer.text });
      }
      return reply.status(200).send();
    });

    scope.post('/chat/mattermost/commands', { ...options, schema: { tags, summary: 'Mattermost slash command /firebreak (its token verified)' } }, async (request) => {
      const form = formOf(rawBodies.get(request) ?? '');
      const workspace = await workspaceOf('mattermost', form.team_id);
      const auth = header(request, 'authorization');
      const token = form.token ?? (auth?.startsWith('Token ') ? auth.slice(6) : undefined);
      const verdict = verifyMattermostToken(workspace.command_token_hash, token);
      if (!verdict.ok) throw refused(verdict.reason);
      const command = checkPayload(SlashCommandForm, { team_id: form.team_id, user_id: form.user_id, channel_id: form.channel_id, text: form.text ?? '' }, 'body');
      return slackAnswer(await runChatCommand(ctx, { workspace, chatUserId: command.user_id, channelId: command.channel_id, text: command.text, requestId: String(request.id) }));
    });

    scope.post('/chat/mattermost/actions', { ...options, schema: { tags, summary: 'Mattermost interactive message buttons (Firebreak signed each button)' } }, async (request) => {
      const body = parseJson(rawBodies.get(request) ?? '', 'body') as { team_id?: string };
      const workspace = await workspaceOf('mattermost', body.team_id);
      const action = checkPayload(MattermostAction, body, 'body');
      if (!actionSignatureValid(config, workspace.id, action.context.action, action.context.value, action.context.sig)) throw refused('the button is not one Firebreak made for this workspace');
      const answer = await pressPageButton(ctx, workspace, action.user_id, action.context.action, action.context.value, String(request.id));
      return { ephemeral_text: answer.text };
    });
  });
}
