/**
 * Each event kind as command-line words and flags, so nobody has to guess
 * JSON: `decision "roll back" --rationale … --rejected "hotfix: too slow"`,
 * `role commander ana@example.com`, `check queues pass`. Turns the words into
 * the same body the API takes; people are named by email, times as 23:50,
 * 15m or ISO in the person's zone.
 */
import { UsageError } from '../../cli/support.js';
import { parseWhen } from '../../cli/when.js';
import { didYouMean } from '../../suggest.js';
import type { EventKind } from './events.js';
import type { ChecklistItem } from './model.js';
import { PERSON_KINDS } from './validate.js';

type Parse = 'text' | 'seq' | 'int' | 'number' | 'past' | 'future' | 'person' | 'holder' | 'journey' | 'rejected' | 'cohort' | 'check' | 'override';

interface Arg {
  name: string;
  field: string;
  parse?: Parse;
  optional?: boolean;
}

interface Flag {
  flag: string;
  field: string;
  parse?: Parse;
  repeat?: boolean;
  /** A switch: present sets field to this value. */
  sets?: unknown;
  help: string;
}

export interface Form {
  kind: EventKind;
  alias?: string;
  args: Arg[];
  flags: Flag[];
  defaults?: Record<string, unknown>;
}

const text = (name: string, field = name, optional = false): Arg => ({ name, field, optional });
const seq = (name: string, field: string): Arg => ({ name, field, parse: 'seq' });
const f = (flag: string, field: string, help: string, more: Partial<Flag> = {}): Flag => ({ flag, field, help, ...more });
const evidence = f('evidence', 'evidence', 'an evidence event number (repeatable)', { parse: 'seq', repeat: true });

export const FORMS: Form[] = [
  { kind: 'severity_changed', alias: 'severity', args: [text('severity')], flags: [f('reason', 'reason', 'why')] },
  { kind: 'severity_confirmed', alias: 'confirm-severity', args: [], flags: [f('note', 'note', 'why it stays')] },
  { kind: 'cohort_unaffected', alias: 'safe', args: [{ name: 'dimension=value', field: '', parse: 'cohort' }], flags: [f('note', 'note', 'how we know')] },
  { kind: 'no_hypothesis', alias: 'investigating', args: [text('what', 'investigating')], flags: [f('note', 'note', 'anything to add')] },
  {
    kind: 'next_decision',
    alias: 'next',
    args: [text('decision')],
    flags: [f('owner', 'owner', 'email or name of who decides', { parse: 'holder' }), f('due', 'dueAt', 'when: 15m, 23:50 or ISO', { parse: 'future' })],
  },
  { kind: 'unsafe_action_lifted', alias: 'lifted', args: [seq('unsafe#', 'unsafeSeq')], flags: [f('reason', 'reason', 'why it is safe now')] },
  { kind: 'no_unsafe_actions_known', alias: 'no-unsafe', args: [], flags: [f('note', 'note', 'who reviewed')] },
  { kind: 'status_changed', alias: 'status', args: [text('status')], flags: [f('reason', 'reason', 'why'), f('summary', 'summary', 'closing summary'), f('override', 'override', 'resolve anyway, recording why', { parse: 'override' })] },
  { kind: 'resolved', args: [text('summary', 'summary', true)], flags: [f('override', 'override', 'resolve anyway, recording why', { parse: 'override' })] },
  { kind: 'reopened', alias: 'reopen', args: [text('reason')], flags: [f('status', 'status', 'status to reopen into')] },
  { kind: 'role_assigned', alias: 'role', args: [text('role'), { name: 'email-or-name', field: '', parse: 'person' }], flags: [f('specialty', 'specialty', 'for specialists: database, networking, …')] },
  { kind: 'role_released', alias: 'release', args: [text('role')], flags: [f('specialty', 'specialty', 'for specialists'), f('reason', 'reason', 'why')] },
  { kind: 'member_added', alias: 'member', args: [{ name: 'email', field: '', parse: 'person' }], flags: [] },
  {
    kind: 'impact_stated',
    alias: 'impact',
    args: [text('statement')],
    flags: [
      f('journey', 'journeys', 'journey=down|degraded|slow (repeatable)', { parse: 'journey', repeat: true }),
      f('writes-safe', 'writesSafe', 'yes, no or unknown (default unknown)'),
      f('cohort', '', 'dimension=value, also marked affected (repeatable)', { parse: 'cohort', repeat: true }),
      f('priority', 'priority', 'the journey that matters most (one of the --journey names)'),
      f('users', 'affected.users', 'how many users are affected', { parse: 'int' }),
      f('percent', 'affected.percent', 'share affected, in percent', { parse: 'number' }),
      f('since', 'since', 'since when users are affected: 23:50, 15m or ISO', { parse: 'past' }),
    ],
    defaults: { writesSafe: 'unknown' },
  },
  { kind: 'cohort_affected', alias: 'cohort', args: [{ name: 'dimension=value', field: '', parse: 'cohort' }], flags: [f('note', 'note', 'anything to add')] },
  { kind: 'cohort_cleared', args: [{ name: 'dimension=value', field: '', parse: 'cohort' }], flags: [f('note', 'note', 'anything to add')] },
  { kind: 'observation', alias: 'observed', args: [text('text')], flags: [evidence] },
  { kind: 'hypothesis_proposed', alias: 'hypothesis', args: [text('text')], flags: [f('basis', 'basis', 'what suggests it'), evidence] },
  { kind: 'hypothesis_confirmed', alias: 'confirmed', args: [seq('hypothesis#', 'hypothesisSeq')], flags: [f('note', 'note', 'how it was confirmed'), evidence] },
  { kind: 'hypothesis_rejected', alias: 'rejected', args: [seq('hypothesis#', 'hypothesisSeq')], flags: [f('reason', 'reason', 'why it is ruled out'), evidence] },
  {
    kind: 'decision',
    args: [text('decision')],
    flags: [
      f('rationale', 'rationale', 'why'),
      f('rejected', 'alternativesRejected', '"option: reason" (repeatable)', { parse: 'rejected', repeat: true }),
      f('takes', 'nextDecisionSeq', 'the next_decision event this decision takes', { parse: 'seq' }),
    ],
    defaults: { alternativesRejected: [] },
  },
  { kind: 'action_taken', alias: 'action', args: [text('action')], flags: [f('result', 'result', 'what happened'), f('decision', 'decisionSeq', 'the decision it carries out', { parse: 'seq' })] },
  {
    kind: 'mitigation_started',
    alias: 'mitigation',
    args: [text('action')],
    flags: [f('expect', 'expectedSignal', 'the signal that shows it worked'), f('by', 'deadline', 'deadline: 15m, 23:50 or ISO', { parse: 'future' }), f('hypothesis', 'hypothesisSeq', 'the hypothesis it acts on', { parse: 'seq' })],
  },
  { kind: 'mitigation_verified', alias: 'verified', args: [seq('mitigation#', 'mitigationSeq'), text('observed')], flags: [evidence] },
  { kind: 'mitigation_failed', alias: 'failed', args: [seq('mitigation#', 'mitigationSeq'), text('observed')], flags: [evidence] },
  {
    kind: 'unsafe_action_noted',
    alias: 'unsafe',
    args: [text('action')],
    flags: [f('reason', 'reason', 'why it is unsafe'), f('condition', 'condition', 'when it becomes safe'), f('until', 'until', 'when it stops being unsafe on its own: 2h, 23:50 or ISO', { parse: 'future' })],
  },
  {
    kind: 'update_posted',
    alias: 'update',
    args: [text('text')],
    flags: [f('public', 'audience', 'a public update (default internal)', { sets: 'public' }), f('next', 'nextUpdateAt', 'next update due: 30m, 23:50 or ISO', { parse: 'future' })],
    defaults: { audience: 'internal' },
  },
  { kind: 'checklist_item_checked', alias: 'check', args: [{ name: 'item', field: 'item', parse: 'check' }, text('result')], flags: [f('note', 'note', 'anything to add')] },
  { kind: 'reconciliation_opened', alias: 'reconcile', args: [text('scope')], flags: [f('owner', 'owner', 'email or name of the owner', { parse: 'holder' })] },
  {
    kind: 'reconciliation_progressed',
    args: [seq('reconciliation#', 'reconciliationSeq'), text('note')],
    flags: [f('owner', 'owner', 'email or name of a new owner', { parse: 'holder' }), f('checked', 'recordsChecked', 'records checked', { parse: 'int' }), f('repaired', 'recordsRepaired', 'records repaired', { parse: 'int' })],
  },
  { kind: 'reconciliation_closed', args: [seq('reconciliation#', 'reconciliationSeq'), text('outcome')], flags: [] },
  {
    kind: 'evidence_attached',
    alias: 'evidence',
    args: [text('type'), text('title')],
    flags: [
      f('url', 'url', 'the link'),
      f('content', 'content', 'the text kept'),
      f('request-id', 'requestIds', 'a request id (repeatable)', { repeat: true }),
      f('alert-payload', 'alertPayloadId', 'a raw alert payload id this cites', { parse: 'int' }),
    ],
  },
  { kind: 'marker', args: [text('marker')], flags: [f('note', 'note', 'anything to add')] },
  { kind: 'handoff', args: [{ name: 'email-or-name', field: 'to', parse: 'holder' }], flags: [f('role', 'role', 'the role handed over (default commander)'), f('specialty', 'specialty', 'for specialists'), f('notes', 'notes', 'what they need to know')] },
  { kind: 'note', args: [text('text')], flags: [] },
  { kind: 'amended', alias: 'amend', args: [seq('event#', 'targetSeq'), text('correction')], flags: [f('occurred', 'occurredAt', 'the corrected time: 23:50, 15m or ISO', { parse: 'past' })] },
];

/** Every flag any form takes, once, for the `log` command's option list. */
export const ALL_FORM_FLAGS: Flag[] = [...new Map(FORMS.flatMap((form) => form.flags).map((fl) => [fl.flag, fl] as const)).values()];

const WORDS = [...FORMS.map((form) => form.kind), ...FORMS.flatMap((form) => (form.alias ? [form.alias] : []))];

/** The form for a kind or its short name; unknown words are refused with the closest kind. */
export function formFor(word: string): Form {
  const form = FORMS.find((x) => x.kind === word || x.alias === word);
  if (form) return form;
  throw new UsageError(`"${word}" is not an event kind${didYouMean(word, WORDS)}. Kinds: ${PERSON_KINDS.join(', ')} (see \`firebreak incident kinds\`)`);
}

/** What a form needs from outside: the person's zone and clock, people by email, the incident's checklist. */
export interface FormContext {
  zone: string;
  now: Date;
  person(emailOrName: string, field: string): Promise<{ userId?: string; label?: string }>;
  checklist: ChecklistItem[];
}

export interface BuiltEvent {
  kind: EventKind;
  body: Record<string, unknown>;
  /** Events the same command line implies (impact --cohort marks each cohort affected). */
  followUps: Array<{ kind: EventKind; body: Record<string, unknown> }>;
}

function splitPair(value: string, what: string, example: string): [string, string] {
  const at = value.indexOf(what === 'rejected' ? ':' : '=');
  if (at <= 0 || at === value.length - 1) throw new UsageError(`"${value}": give ${example}`);
  return [value.slice(0, at).trim(), value.slice(at + 1).trim()];
}

/** Picks a recovery check by its number (1-based) or an unambiguous, case-insensitive prefix or part of its text. */
export function pickChecklistItem(items: ChecklistItem[], typed: string): ChecklistItem {
  const listing = items.map((it, i) => `${i + 1}. ${it.item}${it.result ? ` (${it.result})` : ''}`).join('; ');
  if (/^\d+$/.test(typed)) {
    const item = items[Number(typed) - 1];
    if (item) return item;
    throw new UsageError(`there is no check ${typed}; the checks are: ${listing}`);
  }
  const t = typed.trim().toLowerCase();
  const exact = items.filter((it) => it.item.toLowerCase() === t);
  const prefix = items.filter((it) => it.item.toLowerCase().startsWith(t));
  const part = items.filter((it) => it.item.toLowerCase().includes(t));
  const found = exact.length ? exact : prefix.length ? prefix : part;
  if (found.length === 1) return found[0]!;
  if (found.length > 1) throw new UsageError(`"${typed}" matches ${found.length} checks (${found.map((it) => `"${it.item}"`).join(', ')}); give its number or more words; the checks are: ${listing}`);
  throw new UsageError(`"${typed}" is not on the recovery checklist (unknown checks are not added); the checks are: ${listing}`);
}

async function parseValue(parse: Parse | undefined, value: string, what: string, ctx: FormContext): Promise<unknown> {
  switch (parse) {
    case undefined:
    case 'text':
      return value;
    case 'seq':
    case 'int': {
      const n = value.replace(/^#/, '');
      if (!/^\d{1,9}$/.test(n) || (parse === 'seq' && Number(n) < 1)) throw new UsageError(`${what} "${value}" is not ${parse === 'seq' ? 'an event number such as 3' : 'a whole number'}`);
      return Number(n);
    }
    case 'number':
      if (!/^\d{1,9}(\.\d{1,6})?$/.test(value)) throw new UsageError(`${what} "${value}" is not a number`);
      return Number(value);
    case 'past':
    case 'future':
      try {
        return parseWhen(value, ctx.zone, ctx.now, parse, what);
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
    case 'person':
    case 'holder':
      return ctx.person(value, what);
    case 'journey': {
      const [journey, effect] = splitPair(value, 'journey', 'journey=effect such as checkout=degraded');
      return { journey, effect };
    }
    case 'rejected': {
      const [option, reason] = splitPair(value, 'rejected', '"option: reason" such as "hotfix: too slow"');
      return { option, reason };
    }
    case 'cohort': {
      const [dimension, v] = splitPair(value, 'cohort', 'dimension=value such as region=eu-west');
      return { dimension, value: v };
    }
    case 'check':
      return pickChecklistItem(ctx.checklist, value);
    case 'override':
      return { reason: value };
  }
}

/**
 * Builds an event body from positional words and flags (each flag's values
 * as given, repeatable ones in order). `base` is the --body JSON, which words
 * and flags complete.
 */
export async function buildFromForm(form: Form, words: string[], flags: Record<string, string[] | true>, base: Record<string, unknown>, ctx: FormContext): Promise<BuiltEvent> {
  const body: Record<string, unknown> = { ...form.defaults, ...base };
  const followUps: BuiltEvent['followUps'] = [];
  const usage = `${form.alias ?? form.kind} ${form.args.map((a) => (a.optional ? `[${a.name}]` : `<${a.name}>`)).join(' ')}`;
  if (words.length > form.args.length) throw new UsageError(`too many words for ${form.kind}: ${usage}${form.args.length ? ' (quote text with spaces)' : ''}`);
  for (const given of Object.keys(flags)) {
    if (!form.flags.some((fl) => fl.flag === given)) {
      const takes = form.flags.map((fl) => `--${fl.flag}`).join(', ') || 'no flags of its own';
      throw new UsageError(`--${given} does not apply to ${form.kind}; it takes ${takes}`);
    }
  }
  for (const [i, arg] of form.args.entries()) {
    const word = words[i];
    if (word === undefined) {
      if (!arg.optional && !(arg.field && arg.field in body)) throw new UsageError(`${form.kind} needs <${arg.name}>: ${usage}`);
      continue;
    }
    const value = await parseValue(arg.parse, word, `<${arg.name}>`, ctx);
    if (arg.parse === 'check') {
      const item = value as ChecklistItem;
      Object.assign(body, { item: item.item, negative: item.negative });
    } else if (form.kind === 'member_added') {
      const who = value as { userId?: string };
      if (!who.userId) throw new UsageError(`member_added needs a user's email; "${word}" is not one`);
      body.userId = who.userId;
    } else if (arg.parse === 'cohort' || arg.parse === 'person') Object.assign(body, value);
    else body[arg.field] = value;
  }
  for (const fl of form.flags) {
    const given = flags[fl.flag];
    if (given === undefined) continue;
    if (fl.sets !== undefined) {
      body[fl.field] = fl.sets;
      continue;
    }
    const values = await Promise.all((given === true ? [] : given).map((v) => parseValue(fl.parse, v, `--${fl.flag}`, ctx)));
    if (fl.flag === 'cohort') followUps.push(...values.map((v) => ({ kind: 'cohort_affected' as const, body: v as Record<string, unknown> })));
    else if (fl.flag === 'priority') markPriority(body, String(values[values.length - 1]));
    else setField(body, fl.field, fl.repeat ? values : values[values.length - 1]);
  }
  return { kind: form.kind, body, followUps };
}

/** Sets `a.b` as a nested field. */
function setField(body: Record<string, unknown>, path: string, value: unknown): void {
  const [head, ...rest] = path.split('.');
  if (rest.length === 0) return void (body[head!] = value);
  const inner = (typeof body[head!] === 'object' && body[head!] !== null ? body[head!] : {}) as Record<string, unknown>;
  body[head!] = inner;
  setField(inner, rest.join('.'), value);
}

/** impact --priority checkout: marks that journey as the immediate business priority. */
function markPriority(body: Record<string, unknown>, journey: string): void {
  const journeys = (body.journeys ?? []) as Array<{ journey: string; priority?: boolean }>;
  const found = journeys.find((j) => j.journey === journey);
  if (!found) throw new UsageError(`--priority ${journey}: name one of the --journey journeys (${journeys.map((j) => j.journey).join(', ') || 'none given'})`);
  found.priority = true;
}

/** One kind's form as help text. */
export function formHelp(form: Form): string {
  const words = form.args.map((a) => (a.optional ? `[${a.name}]` : `<${a.name}>`)).join(' ');
  const flags = form.flags.map((fl) => `  --${fl.flag}${fl.sets !== undefined ? '' : ` <${fl.parse === 'future' || fl.parse === 'past' ? 'time' : 'value'}>`}  ${fl.help}`);
  return [`firebreak incident log INC-n ${form.alias ?? form.kind} ${words}`.trimEnd(), ...(form.alias ? [`  (or: ${form.kind})`] : []), ...flags].join('\n');
}
