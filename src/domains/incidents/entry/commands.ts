import { fail, holder, ok, parseWhen, splitAt, textCommand, type Command, type EntryContext, type Parsed, type Room } from './command-kit.js';
import { FOLLOW_UP_COMMANDS } from './commands-follow-up.js';

export type { Command, Draft, EntryContext, Parsed, Room, RoomItem } from './command-kit.js';
export { parseClock, parseDuration } from './command-kit.js';

/**
 * The entry bar's slash commands: "/hyp consumer stuck" becomes a typed event.
 * Pure parsing, so what a responder types maps to exactly one API request and
 * a mistake is explained before anything is sent.
 */

type Effect = 'down' | 'slow' | 'degraded';

export const COMMANDS: Command[] = [
  textCommand('obs', 'observation', 'text', '/obs queue depth rising @14:03', 'An observation: something seen, with when it happened'),
  textCommand('hyp', 'hypothesis_proposed', 'text', '/hyp consumer stuck on a poison message', 'A hypothesis, kept apart from facts until confirmed'),
  {
    name: 'impact',
    kind: 'impact_stated',
    usage: '/impact checkout down: EU customers cannot pay',
    help: 'The impact in plain words: which user journey is broken, and how (down, slow, degraded)',
    parse(rest) {
      const m = /^(.+?)\s+(down|slow|degraded)\b\s*[:—-]?\s*(.*)$/i.exec(rest.trim());
      if (!m) return fail('name the journey and how it is broken, e.g. /impact checkout down: EU customers cannot pay');
      const journey = m[1]!.trim();
      const effect = m[2]!.toLowerCase() as Effect;
      const statement = m[3]!.trim() || `${journey} is ${effect}`;
      return ok('impact_stated', { statement, journeys: [{ journey, effect }], writesSafe: 'unknown' });
    },
  },
  {
    name: 'dec',
    kind: 'decision',
    usage: '/dec roll back 4.2 because the errors started with it',
    help: 'A decision and why ("because …" is required)',
    parse(rest) {
      const m = /^(.+?)\s+because\s+(.+)$/i.exec(rest.trim());
      if (!m) return fail('add the rationale: /dec <decision> because <why>');
      return ok('decision', { decision: m[1]!.trim(), rationale: m[2]!.trim(), alternativesRejected: [] });
    },
  },
  {
    name: 'mit',
    kind: 'mitigation_started',
    usage: '/mit restart consumers expect lag < 1k by 15m',
    help: 'A mitigation with the signal that would confirm it and a deadline',
    parse(rest, now) {
      const m = /^(.+?)\s+expect\s+(.+?)\s+by\s+(\S+)$/i.exec(rest.trim());
      if (!m) return fail('say what should change and by when: /mit <action> expect <signal> by 15m');
      const deadline = parseWhen(m[3]!, now);
      if (!deadline) return fail(`"${m[3]}" is not a deadline like 15m or 14:30`);
      return ok('mitigation_started', { action: m[1]!.trim(), expectedSignal: m[2]!.trim(), deadline });
    },
  },
  {
    name: 'update',
    kind: 'update_posted',
    usage: '/update public Checkout is failing for some EU customers; we are rolling back. next 15m',
    help: 'An update (internal unless it starts with "public") and when the next one is due',
    parse(rest, now) {
      let text = rest.trim();
      let audience: 'internal' | 'public' = 'internal';
      const aud = /^(public|internal)\s+/i.exec(text);
      if (aud) {
        audience = aud[1]!.toLowerCase() as 'internal' | 'public';
        text = text.slice(aud[0].length);
      }
      const next = /\s*\bnext\s+(\S+)\s*$/i.exec(text);
      let nextUpdateAt: string | undefined;
      if (next) {
        const at = parseWhen(next[1]!, now);
        if (!at) return fail(`"${next[1]}" is not a time like 15m or 14:30`);
        nextUpdateAt = at;
        text = text.slice(0, next.index).trim();
      }
      if (!text) return fail('write the update text, then "next 15m"');
      return ok('update_posted', { audience, text, ...(nextUpdateAt ? { nextUpdateAt } : {}) });
    },
  },
  {
    name: 'unsafe',
    kind: 'unsafe_action_noted',
    usage: '/unsafe do not restart the primary because a backup is running',
    help: 'Something nobody must do now ("because …" explains why); "/unsafe none" when the room knows of none',
    parse(rest) {
      const text = rest.trim();
      if (/^none(\s+known)?\.?$/i.test(text)) return ok('no_unsafe_actions_known', {});
      if (!text) return fail('say what must not be done, e.g. /unsafe do not restart the primary because …');
      const m = /^(.+?)\s+because\s+(.+)$/i.exec(text);
      return ok('unsafe_action_noted', { action: (m ? m[1]! : text).trim(), reason: m ? m[2]!.trim() : 'stated without a reason in the war room' });
    },
  },
  {
    name: 'next',
    kind: 'next_decision',
    usage: '/next roll back or fail over owner me by 15m',
    help: 'The next decision the room faces, who takes it ("owner me" or a name) and by when',
    parse(rest, now, context) {
      const m = /^(.+?)\s+owner\s+(.+?)\s+by\s+(\S+)$/i.exec(rest.trim());
      if (!m) return fail('name the decision, its owner and the time: /next <decision> owner me by 15m');
      const dueAt = parseWhen(m[3]!, now);
      if (!dueAt) return fail(`"${m[3]}" is not a time like 15m or 14:30`);
      const who = m[2]!.trim();
      const owner = holder(who, context);
      return ok('next_decision', { decision: m[1]!.trim(), owner, dueAt });
    },
  },
  {
    name: 'investigating',
    kind: 'no_hypothesis',
    usage: '/investigating the queue consumers',
    help: 'No hypothesis yet: say what the room is investigating',
    parse(rest) {
      if (!rest.trim()) return fail('say what is being investigated: /investigating the queue consumers');
      return ok('no_hypothesis', { investigating: rest.trim() });
    },
  },
  textCommand('note', 'note', 'text', '/note paged the database team', 'A note for the record'),
  {
    name: 'status',
    kind: 'status_changed',
    usage: '/status mitigating rollback in progress',
    help: 'Change the status: investigating, identified, mitigating, monitoring',
    parse(rest) {
      const m = /^(investigating|identified|mitigating|monitoring)\b\s*(.*)$/i.exec(rest.trim());
      if (!m) return fail('use one of investigating, identified, mitigating, monitoring (resolve with the Resolve button)');
      return ok('status_changed', { status: m[1]!.toLowerCase(), ...(m[2] ? { reason: m[2] } : {}) });
    },
  },
  {
    name: 'sev',
    kind: 'severity_changed',
    usage: '/sev SEV1 all regions affected',
    help: 'Change the severity, with the reason',
    parse(rest) {
      const m = /^(SEV[1-4])\s+(.+)$/i.exec(rest.trim());
      if (!m) return fail('give the severity and why: /sev SEV1 all regions affected');
      return ok('severity_changed', { severity: m[1]!.toUpperCase(), reason: m[2]!.trim() });
    },
  },
  {
    name: 'confirm',
    kind: 'severity_confirmed',
    usage: '/confirm the severity is right',
    help: 'Confirm the current severity (ends triage of an alert-declared incident)',
    parse(rest) {
      return ok('severity_confirmed', rest.trim() ? { note: rest.trim() } : {});
    },
  },
  {
    name: 'marker',
    kind: 'marker',
    usage: '/marker first_symptom @13:58',
    help: 'Mark the first symptom, the first causal change or detection',
    parse(rest, now) {
      const { text, occurredAt, error } = splitAt(rest, now);
      if (error) return fail(error);
      const m = /^(first_symptom|first_causal_change|detection)\b\s*(.*)$/.exec(text);
      if (!m) return fail('use first_symptom, first_causal_change or detection');
      return ok('marker', { marker: m[1], ...(m[2] ? { note: m[2] } : {}) }, occurredAt);
    },
  },
  ...FOLLOW_UP_COMMANDS,
];

/** Commands whose name starts with what was typed after "/". */
export function completions(input: string): Command[] {
  const m = /^\/(\S*)$/.exec(input);
  if (!m) return [];
  return COMMANDS.filter((c) => c.name.startsWith(m[1]!.toLowerCase()));
}

/** Parses an entry; plain text without a slash is an observation. */
export function parseEntry(input: string, context: EntryContext): Parsed {
  const { now } = context;
  const text = input.trim();
  if (!text) return fail('type an entry, or "/" for the list of commands');
  if (!text.startsWith('/')) return COMMANDS[0]!.parse(text, now, context);
  const m = /^\/(\S+)\s*(.*)$/s.exec(text);
  const command = COMMANDS.find((c) => c.name === m?.[1]?.toLowerCase());
  if (!command) return fail(`unknown command "/${m?.[1] ?? ''}"; type "/" to see them all`);
  return command.parse(m![2] ?? '', now, context);
}

/**
 * What Tab can put after a command's name: the open items it can point at
 * ("/confirmed " offers the open hypotheses), filtered by what was typed.
 */
export function argumentOptions(input: string, room: Room | undefined): Array<{ value: string; label: string }> {
  const m = /^\/(\S+)\s+(.*)$/s.exec(input);
  if (!m || !room) return [];
  const command = COMMANDS.find((c) => c.name === m[1]!.toLowerCase());
  if (!command?.suggest) return [];
  const typed = m[2]!.toLowerCase();
  return command
    .suggest(room)
    .filter((s) => s.insert.toLowerCase().startsWith(typed) && s.insert.toLowerCase() !== typed)
    .slice(0, 8)
    .map((s) => ({ value: `/${command.name} ${s.insert}`, label: s.label }));
}
