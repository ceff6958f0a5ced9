/**
 * One way to say what the API refused, as a person would: field names become
 * the labels a person sees ("override.reason" → "the reason for the
 * override"), times become the person's clock and how long ago or ahead,
 * ids and JSON never reach the screen. Every screen shows refusals through
 * `refusalText`; a field's own message beside it goes through `plainMessage`.
 */
import { formatSpan, formatTime } from './time-format.js';

/** What a refusal carries (ApiError's shape; no import, so the API client can use this module too). */
interface Refusal {
  status?: number;
  message: string;
  errors?: ReadonlyArray<{ field: string; message: string }>;
}

/** Field names a person would not recognise, as the label the screens use. */
const LABELS: Record<string, string> = {
  '(body)': 'the form',
  'override.reason': 'the reason for the override',
  'override': 'the override',
  'reason': 'the reason',
  'userId': 'the person',
  'userIds': 'the people',
  'ownerId': 'the owner',
  'incidentId': 'the incident',
  'serviceId': 'the service',
  'serviceIds': 'the services',
  'services': 'the services',
  'teamId': 'the team',
  'scheduleId': 'the schedule',
  'policyId': 'the policy',
  'escalationPolicyId': 'the escalation policy',
  'contactMethodId': 'the contact method',
  'componentId': 'the component',
  'componentIds': 'the components',
  'runbookId': 'the runbook',
  'hypothesisSeq': 'the hypothesis',
  'mitigationSeq': 'the mitigation',
  'unsafeSeq': 'the unsafe action',
  'targetSeq': 'the event',
  'decisionSeq': 'the decision',
  'dueAt': 'the due time',
  'scheduledFor': 'the start',
  'scheduledUntil': 'the end',
  'endsAt': 'the end',
  'startsAt': 'the start',
  'at': 'the time',
  'occurredAt': 'when it happened',
  'deadline': 'the deadline',
  'timeZone': 'the time zone',
  'expectedSignal': 'the expected signal',
  'minSeverity': 'the lowest severity',
  'delaySeconds': 'the delay',
  'repeatDelaySeconds': 'the delay between passes',
  'header.content-type': 'the kind of data sent',
};

const ISO_TIME = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})\b/g;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
/** `/body/override/reason`, `body.override.reason`, `query.after`, `params.id`. */
const PREFIXED_PATH = /(?:\/(?:body|query|params|querystring|headers?)(?:\/[\w~-]+)*|\b(?:body|query|params|querystring|headers?)(?:\.[A-Za-z_][\w-]*|\[\d+\])+)/g;
/** A field the API names in a sentence ("must be after scheduledFor"): a camelCase word. */
const CAMEL_FIELD = /\b[a-z]+(?:[A-Z][a-z0-9]*)+\b/g;
/** A dotted field path the API names (`override.reason`, `impact.journeys[0].effect`): only camelCase words, never a host name. */
const DOTTED_PATH = /\b[a-z][A-Za-z]*(?:\[\d+\])?(?:\.[a-z][A-Za-z]*(?:\[\d+\])?)+\b(?!\.[a-z])/g;

/** A dotted word is a field path when it is camelCase, indexed or a field the screens label (not a host name). */
function isFieldPath(path: string): boolean {
  return /[A-Z[]/.test(path) || LABELS[path] !== undefined || path.split('.').some((part) => LABELS[part] !== undefined);
}

function words(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
}

/** The label a person sees for a field path the API named. */
export function fieldLabel(field: string): string {
  const path = field
    .replace(/^\//, '')
    .replace(/\//g, '.')
    .replace(/^(?:body|query|querystring|params|headers?)(?=[.[]|$)\.?/, '');
  if (!path) return 'the form';
  if (LABELS[path]) return LABELS[path];
  const parts = path.split('.').filter(Boolean);
  const described = parts.map((part) => {
    const item = /^(.*?)\[(\d+)\]$/.exec(part) ?? (/^\d+$/.test(part) ? ['', '', part] : null);
    if (item) {
      const name = item[1] ? LABELS[item[1]]?.replace(/^the /, '') ?? words(item[1]) : 'item';
      return `${name} ${Number(item[2]) + 1}`;
    }
    return LABELS[part]?.replace(/^the /, '') ?? words(part);
  });
  // "impact journeys 1 effect" reads "the effect of journeys 1 of impact".
  return `the ${described.reverse().join(' of ')}`;
}

/** "14:03 (12m ago)" in the person's zone. */
function spokenTime(iso: string, now: number): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const delta = at - now;
  const relative = Math.abs(delta) < 60_000 ? 'just now' : delta < 0 ? `${formatSpan(delta)} ago` : `in ${formatSpan(delta)}`;
  return `${formatTime(iso)} (${relative})`;
}

function sentence(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (!trimmed) return trimmed;
  const first = trimmed[0]!.toUpperCase() + trimmed.slice(1);
  return /[.!?…]$/.test(first) ? first : `${first}.`;
}

/** One message from the API without field paths, ISO times, ids or JSON. */
export function plainMessage(message: string, now = Date.now()): string {
  return sentence(
    message
      // Advice for the command line ("(--override …)") is no help on a screen.
      .replace(/\s*\([^)]*--[a-z][^)]*\)/g, '')
      .replace(ISO_TIME, (iso) => spokenTime(iso, now))
      .replace(PREFIXED_PATH, (path) => fieldLabel(path))
      .replace(DOTTED_PATH, (path) => (isFieldPath(path) ? fieldLabel(path) : path))
      .replace(CAMEL_FIELD, (name) => fieldLabel(name))
      .replace(UUID, 'it')
      .replace(/[{}[\]"]/g, '')
      .replace(/\bHTTP (\d{3})\b/, (_, code: string) => (code.startsWith('5') ? 'Firebreak could not do this just now; try again' : `refused (${code})`)),
  );
}

/** A refusal, whole: each named field with its label, else the API's sentence, said plainly. */
export function refusalText(err: unknown, now = Date.now()): string {
  if (err === null || err === undefined) return '';
  const refusal = typeof err === 'object' && 'message' in err ? (err as Refusal) : { message: String(err) };
  const fields = refusal.errors ?? [];
  if (fields.length === 0) return plainMessage(refusal.message, now);
  return fields.map((f) => plainMessage(`${fieldLabel(f.field)} ${f.message}`, now)).join(' ');
}
