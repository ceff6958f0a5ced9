/**
 * The incident channel policy and the texts Firebreak posts into chat, pure:
 * which severities get a channel, its name, what the topic says, how a burst
 * of timeline events becomes at most one post per rate slot.
 */
import type { IncidentState, Severity, SharedPictureItem, StoredEvent } from '../incidents/model.js';

export interface ChannelPolicy {
  /** Severities that get their own channel. */
  severities: Severity[];
  /** `{ref}`, `{title}`, `{severity}`, `{date}` are filled in; the result is made a valid channel name. */
  namePattern: string;
  /** Whether channels of non-private incidents are private too (a private incident's always are). */
  privateChannels: boolean;
  /** At most this many timeline posts a minute into a channel; a burst is folded into fewer posts. */
  mirrorPostsPerMinute: number;
  /** At most this many events are listed in one post; the rest are counted. */
  mirrorEventsPerPost: number;
  /** Missing shared-picture items are posted again when still missing after this long. */
  missingItemsAfterMinutes: number;
  /** The channel is archived after resolve only once the postmortem is published (or at once when false). */
  archiveAfterPostmortem: boolean;
}

export const DEFAULT_CHANNEL_POLICY: ChannelPolicy = {
  severities: ['SEV1', 'SEV2'],
  namePattern: '{ref}-{title}',
  privateChannels: false,
  mirrorPostsPerMinute: 6,
  mirrorEventsPerPost: 10,
  missingItemsAfterMinutes: 10,
  archiveAfterPostmortem: true,
};

/** Whether an incident of this severity gets a channel. */
export function wantsChannel(policy: ChannelPolicy, severity: Severity): boolean {
  return policy.severities.includes(severity);
}

/** A private incident only ever gets a private channel. */
export function channelIsPrivate(policy: ChannelPolicy, incidentPrivate: boolean): boolean {
  return incidentPrivate || policy.privateChannels;
}

/** The channel name: lower case, letters, digits, - and _, at most 80 characters (both vendors accept it). */
export function channelName(pattern: string, incident: { ref: string; title: string; severity: string; declaredAt: string }): string {
  const filled = pattern
    .replaceAll('{ref}', incident.ref)
    .replaceAll('{title}', incident.title)
    .replaceAll('{severity}', incident.severity)
    .replaceAll('{date}', incident.declaredAt.slice(0, 10));
  const name = filled
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return name || incident.ref.toLowerCase();
}

/** Time between two timeline posts into one channel. */
export function mirrorIntervalMs(policy: ChannelPolicy): number {
  return Math.ceil(60_000 / policy.mirrorPostsPerMinute);
}

function commanderOf(state: IncidentState): string {
  return state.roles.find((r) => r.role === 'commander')?.label ?? 'no commander';
}

/** The channel topic: severity, status, commander and the next update due. */
export function channelTopic(state: IncidentState): string {
  const next = state.status === 'resolved' ? 'resolved' : state.nextUpdateDue ? `next update ${state.nextUpdateDue.slice(11, 16)} UTC` : 'no update due';
  return `${state.ref} ${state.severity} · ${state.status} · IC ${commanderOf(state)} · ${next}`;
}

const MISSING_WORDS: Record<SharedPictureItem, string> = {
  impact: 'impact: who is harmed and how (`/firebreak impact checkout down: EU customers cannot pay`)',
  commander: 'a commander (`/firebreak role commander me`)',
  hypothesis: 'a hypothesis, or what is being investigated (`/firebreak hyp …` or `/firebreak investigating …`)',
  unsafeActions: 'unsafe actions reviewed (`/firebreak unsafe … because …` or `/firebreak unsafe none`)',
  nextDecision: 'the next decision, its owner and time (`/firebreak next … owner me by 15m`)',
  nextUpdate: 'when the next update is due (`/firebreak update … next 15m`)',
};

/** The post listing what the room still lacks for a shared picture; null when nothing is missing. */
export function missingItemsText(state: IncidentState): string | null {
  const missing = state.sharedPicture.missing;
  if (missing.length === 0) return null;
  return [`${state.ref} still lacks for a shared picture:`, ...missing.map((item) => `• ${MISSING_WORDS[item]}`)].join('\n');
}

/** One line for a timeline event: time, who, kind and its main words. Chat markup in the text is neutralised by the caller's escaper. */
export function eventLine(event: StoredEvent): string {
  const body = event.body as Record<string, unknown>;
  const words = ['text', 'statement', 'decision', 'action', 'investigating', 'status', 'severity', 'summary', 'note', 'reason', 'title']
    .map((key) => body[key])
    .find((value): value is string => typeof value === 'string' && value.length > 0);
  const what = event.kind.replaceAll('_', ' ');
  return `${event.occurredAt.slice(11, 16)} ${event.actorLabel} — ${what}${words ? `: ${words.length > 300 ? `${words.slice(0, 297)}…` : words}` : ''}`;
}

/** A batch of events as one post: the first `max` listed, the rest counted (they stay in the timeline). */
export function mirrorPost(events: readonly StoredEvent[], max: number, escape: (text: string) => string, warRoomUrl: string): string {
  const shown = events.slice(0, max).map((e) => escape(eventLine(e)));
  const rest = events.length - shown.length;
  if (rest > 0) shown.push(`… and ${rest} more event${rest === 1 ? '' : 's'} in the timeline: ${warRoomUrl}`);
  return shown.join('\n');
}

/** The resolution post: summary, key times and the postmortem's link. */
export function resolvedText(state: IncidentState, links: { warRoom: string; postmortem: string | null }, escape: (text: string) => string): string {
  const summary = state.resolution?.summary ? escape(state.resolution.summary) : 'no summary given';
  const lines = [`${state.ref} resolved: ${summary}`, `Declared ${state.keyTimes.declaredAt}, resolved ${state.keyTimes.resolvedAt ?? state.statusSince}.`, `Timeline: ${links.warRoom}`];
  lines.push(links.postmortem ? `Postmortem: ${links.postmortem}` : 'No postmortem is due for this severity.');
  return lines.join('\n');
}
