/**
 * Update templates (docs/practices.md#update-cadence): the declaration, update and
 * resolution texts as defaults, editable per workspace, rendered logic-less
 * with Mustache from the incident's state. Rendering is pure; the draft is
 * what the responder edits before posting.
 */
import Mustache from 'mustache';
import { DateTime } from 'luxon';
import type { IncidentState } from '../incidents/model.js';
import { publicStatusFor, type PublicIncidentStatus } from './model.js';
import type { TemplateKind } from './schemas.js';

export const DEFAULT_TEMPLATES: Record<TemplateKind, string> = {
  declaration: [
    'INCIDENT DECLARED - {{severity}}',
    'Summary: {{summary}}',
    'Impact: {{impact}}',
    'Status: {{status}}',
    'IC: {{ic}}',
    'Tech Lead: {{techLead}}',
    'Bridge: {{bridge}}',
    'Next update in {{nextUpdateMinutes}} minutes',
  ].join('\n'),
  update: [
    'INCIDENT UPDATE - {{time}} UTC',
    'Status: {{status}}',
    'Impact: {{impact}}',
    'Progress: {{progress}}',
    'ETA: {{eta}}',
    'Next update: {{nextUpdateTime}} UTC',
  ].join('\n'),
  resolution: [
    'INCIDENT RESOLVED - {{time}} UTC',
    'Duration: {{duration}}',
    'Impact: {{impact}}',
    'Resolution: {{resolution}}',
    'Postmortem scheduled: {{postmortemDate}}',
  ].join('\n'),
  public_update: 'We are {{publicStatusPhrase}}. We will post another update by {{nextUpdateTime}} UTC.',
  public_resolution: 'This incident has been resolved. Services have been operating normally since {{time}} UTC. We apologise for the disruption.',
};

const PUBLIC_PHRASES: Record<PublicIncidentStatus, string> = {
  investigating: 'investigating reports of a problem',
  identified: 'aware of the cause and working on a fix',
  monitoring: 'monitoring the results of a fix',
  resolved: 'no longer seeing the problem',
};

export interface DraftContext {
  now: Date;
  /** When the postmortem is due (scheduled or, before resolution, the date the policy will set); null when none is planned. */
  postmortemDate?: string | null;
  /** The workspace's standing bridge, from the update channels settings. */
  bridge?: string | null;
}

const hhmm = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).toFormat('HH:mm');

/** "47 minutes (14:15 - 15:02 UTC)": the resolution's duration line. */
export function durationText(fromIso: string, toIso: string): string {
  const minutes = Math.max(0, Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 60_000));
  const length = minutes < 120 ? `${minutes} minutes` : `${Math.floor(minutes / 60)} hours ${minutes % 60} minutes`;
  return `${length} (${hhmm(fromIso)} - ${hhmm(toIso)} UTC)`;
}

/** The values a template can use, from the incident's state. */
export function templateView(state: IncidentState, ctx: DraftContext): Record<string, string> {
  const now = ctx.now.toISOString();
  const holder = (role: string) => state.roles.find((r) => r.role === role)?.label;
  const cadence = state.policy.severities[state.severity].updateCadenceMinutes;
  const nextUpdateAt = state.nextUpdateDue ?? (cadence ? new Date(ctx.now.getTime() + cadence * 60_000).toISOString() : null);
  const confirmed = state.hypotheses.confirmed.at(-1)?.text;
  const mitigation = state.mitigations.active.at(-1);
  const progress = mitigation ? `${mitigation.action} (expecting: ${mitigation.expectedSignal})` : confirmed ? `Cause identified: ${confirmed}` : (state.hypotheses.open.at(-1)?.text ?? 'Investigating');
  const end = state.keyTimes.resolvedAt ?? now;
  return {
    severity: state.severity,
    summary: state.title,
    impact: state.impact?.statement ?? 'Not yet assessed',
    status: state.status,
    ic: holder('commander') ?? 'unassigned',
    techLead: holder('tech_lead') ?? holder('operations') ?? 'unassigned',
    bridge: ctx.bridge ?? 'not set',
    progress,
    eta: mitigation ? `verification expected by ${hhmm(mitigation.deadline)} UTC` : 'unknown',
    time: hhmm(now),
    duration: durationText(state.keyTimes.declaredAt, end),
    resolution: state.resolution?.summary ?? (state.mitigations.lastSettled?.outcome === 'verified' ? state.mitigations.lastSettled.action : undefined) ?? 'to be described',
    nextUpdateMinutes: nextUpdateAt ? String(Math.max(1, Math.round((Date.parse(nextUpdateAt) - ctx.now.getTime()) / 60_000))) : 'n/a',
    nextUpdateTime: nextUpdateAt ? hhmm(nextUpdateAt) : 'n/a',
    postmortemDate: ctx.postmortemDate ?? 'none planned',
    publicStatusPhrase: PUBLIC_PHRASES[publicStatusFor(state.status)],
  };
}

/** Renders a template as plain text (no HTML escaping: updates are text). */
export function renderTemplate(template: string, view: Record<string, string>): string {
  return Mustache.render(template, view, {}, { escape: (value: string) => value });
}

/** Checks a template parses, so a broken one is refused when saved rather than when an incident needs it. */
export function templateError(template: string): string | null {
  try {
    Mustache.parse(template);
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

/** A prefilled draft: the text, its audience and the update time it commits to. */
export function draftUpdate(kind: TemplateKind, template: string, state: IncidentState, ctx: DraftContext) {
  const view = templateView(state, ctx);
  const audience = kind === 'public_update' || kind === 'public_resolution' ? ('public' as const) : ('internal' as const);
  const cadence = state.policy.severities[state.severity].updateCadenceMinutes;
  const resolving = kind === 'resolution' || kind === 'public_resolution';
  const nextUpdateAt = resolving || !cadence ? null : new Date(ctx.now.getTime() + cadence * 60_000).toISOString();
  return {
    template: kind,
    audience,
    text: renderTemplate(template, view),
    nextUpdateAt,
    publicStatus: audience === 'public' ? (resolving ? ('resolved' as const) : publicStatusFor(state.status)) : null,
  };
}
