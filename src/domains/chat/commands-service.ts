/**
 * `/firebreak …` from Slack or Mattermost: one command language with the war
 * room's entry bar. `declare`, `ack`, `resolve` and `help` are chat's own;
 * everything else is the entry bar's parser (`incidents/entry/commands.ts`)
 * and then the incident service's validation and rules, so chat refuses
 * exactly what the war room refuses, privately, naming what to fix.
 */
import type { AppContext } from '../../app/context.js';
import { isDomainError } from '../../errors.js';
import { requireVisibleIncident, stateOf } from '../incidents/access.js';
import { COMMANDS, parseEntry } from '../incidents/entry/commands.js';
import { roomOf } from '../incidents/entry/room.js';
import { appendEvent, declareIncident } from '../incidents/service.js';
import { SEVERITIES, type Severity } from '../incidents/model.js';
import { actOnEscalation } from '../oncall/ack-links-service.js';
import { listEscalations } from '../oncall/escalation-service.js';
import type { Actor } from '../auth/identity.js';
import { getUser } from '../auth/service.js';
import { captureMessage, parseCapture } from './capture-service.js';
import { identifyChatUser } from './identity.js';
import { apiFor, warRoomUrl } from './service.js';
import * as store from './store.js';
import { clockNow } from '../../clock.js';

export type ChatDeps = Pick<AppContext, 'store' | 'config' | 'bus' | 'jobs' | 'logger'>;

export interface ChatReply {
  visibility: 'ephemeral' | 'in_channel';
  text: string;
}

export interface InboundCommand {
  workspace: store.WorkspaceRow;
  chatUserId: string;
  channelId: string;
  text: string;
  requestId: string | null;
}

const ephemeral = (text: string): ChatReply => ({ visibility: 'ephemeral', text });

/** The help text: chat's own commands and every entry-bar command, as `/firebreak …`. */
export function helpText(): string {
  return [
    '*/firebreak* runs an incident from chat. In an incident channel the incident is implied; elsewhere start with its ref (`/firebreak INC-12 hyp …`).',
    '`/firebreak declare SEV2 checkout errors [private]` — declare an incident (you become commander)',
    '`/firebreak ack` — acknowledge the incident\'s pages',
    '`/firebreak resolve <summary> [override <why>]` — resolve with a summary (an override records why open recovery checks are accepted)',
    '`/firebreak capture <message link> [as observation]` — bring a message into the timeline (as evidence by default); in Slack also a 📌 reaction or the message shortcut',
    ...COMMANDS.map((c) => `\`/firebreak ${c.usage.slice(1)}\` — ${c.help}`),
  ].join('\n');
}

/** Splits a leading incident ref off the text. */
function refOf(text: string): { ref: string | null; rest: string } {
  const m = /^(INC-\d{1,15})\b\s*(.*)$/is.exec(text);
  return m ? { ref: m[1]!.toUpperCase(), rest: m[2]!.trim() } : { ref: null, rest: text };
}

function refusal(err: unknown): ChatReply {
  if (isDomainError(err)) {
    const fields = err.errors?.length ? `\n${err.errors.map((e) => `• ${e.field}: ${e.message}`).join('\n')}` : '';
    return ephemeral(`Refused: ${err.message}${fields}\nNothing was recorded.`);
  }
  throw err;
}

/** Runs one slash command for a verified chat request; never throws a domain refusal (it becomes the reply). */
export async function runChatCommand(deps: ChatDeps, command: InboundCommand): Promise<ChatReply> {
  const text = command.text.trim();
  if (text === '' || /^help$/i.test(text)) return ephemeral(helpText());
  const api = apiFor(deps.config, command.workspace);
  const who = await identifyChatUser(deps.store.db, api, command.chatUserId, command.requestId);
  if (!who.ok) return ephemeral(who.reply);
  try {
    const capture = parseCapture(text);
    if (capture && 'error' in capture) return ephemeral(`Refused: ${capture.error}. Nothing was recorded.`);
    if (capture) return await captureMessage(deps, { workspace: command.workspace, chatUserId: command.chatUserId, channelId: command.channelId, messageId: capture.messageId, as: capture.as, requestId: command.requestId });
    const declare = /^declare\b\s*(.*)$/is.exec(text);
    if (declare) return await declareFromChat(deps, who.actor, declare[1]!);
    const { ref, rest } = refOf(text);
    const incidentId = ref ?? (await store.channelByVendorId(deps.store.db, command.workspace.id, command.channelId))?.incident_id;
    if (!incidentId) return ephemeral('Which incident? Run this in its channel, or start with its ref: `/firebreak INC-12 …`. Nothing was recorded.');
    if (/^ack$/i.test(rest)) return await acknowledgeFromChat(deps, who.actor, incidentId);
    const resolve = /^resolve\b\s*(.*)$/is.exec(rest);
    const row = await requireVisibleIncident(deps.store.db, who.actor, incidentId);
    if (resolve) {
      // "override <reason>" records why the room resolves with recovery checks open, as the war room's Resolve panel does.
      const [summary, override] = resolve[1]!.split(/\s+override\s+/i, 2).map((part) => part.trim());
      const body = { ...(summary ? { summary } : {}), ...(override ? { override: { reason: override } } : {}) };
      const result = await appendEvent(deps.store, deps, who.actor, row.id, { kind: 'resolved', body });
      return { visibility: 'in_channel', text: `${result.incident.ref} resolved by ${who.user.name}.` };
    }
    const parsed = parseEntry(`/${rest}`, { now: clockNow(), me: { id: who.user.id, name: who.user.name }, room: roomOf(stateOf(row)) });
    if (!parsed.ok) return ephemeral(`Refused: ${parsed.error}\nNothing was recorded.`);
    const result = await appendEvent(deps.store, deps, who.actor, row.id, { kind: parsed.draft.kind, body: parsed.draft.body, occurredAt: parsed.draft.occurredAt });
    const warnings = result.warnings.length ? `\n${result.warnings.map((w) => `⚠ ${w}`).join('\n')}` : '';
    return ephemeral(`Recorded in ${result.incident.ref} (#${result.event.seq} ${result.event.kind.replaceAll('_', ' ')}).${warnings}`);
  } catch (err) {
    return refusal(err);
  }
}

async function declareFromChat(deps: ChatDeps, actor: Actor, rest: string): Promise<ChatReply> {
  const m = /^(SEV[1-4])\s+(.+)$/is.exec(rest.trim());
  if (!m) return ephemeral(`Refused: name the severity and a title: \`/firebreak declare SEV2 checkout errors\` (severities: ${SEVERITIES.join(', ')}). Nothing was recorded.`);
  let title = m[2]!.trim();
  const isPrivate = /\s+private$/i.test(title);
  if (isPrivate) title = title.replace(/\s+private$/i, '').trim();
  const view = await declareIncident(deps.store, deps, actor, { title, severity: m[1]!.toUpperCase() as Severity, private: isPrivate });
  if (isPrivate) return ephemeral(`${view.ref} declared (${view.state.severity}, private): ${title}\nWar room: ${warRoomUrl(deps.config, view.ref)}`);
  return { visibility: 'in_channel', text: `${view.ref} declared (${view.state.severity}) by ${actor.label}: ${title}\nWar room: ${warRoomUrl(deps.config, view.ref)}` };
}

async function acknowledgeFromChat(deps: ChatDeps, actor: Actor, incidentIdOrRef: string): Promise<ChatReply> {
  const row = await requireVisibleIncident(deps.store.db, actor, incidentIdOrRef);
  const escalations = await listEscalations(deps.store.db, actor, { incidentId: row.id, limit: 50 });
  const open = escalations.filter((e) => e.status === 'active' || e.status === 'exhausted');
  if (open.length === 0) {
    const acked = escalations.find((e) => e.acknowledgedBy);
    if (!acked) return ephemeral(`${row.ref} has no page waiting for an acknowledgement.`);
    // Escalations record the acknowledging user's id (or an integration's label).
    const by = await getUser(deps.store.db, acked.acknowledgedBy!).then((u) => u.name, () => acked.acknowledgedBy);
    return ephemeral(`${row.ref} was already acknowledged by ${by}.`);
  }
  for (const esc of open) await actOnEscalation({ ...deps, store: deps.store }, actor, esc.id, 'acknowledge');
  return { visibility: 'in_channel', text: `${row.ref}: pages acknowledged by ${actor.label}.` };
}
