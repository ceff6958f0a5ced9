/**
 * The pieces every slash command is made of: what a parsed entry is, what the
 * parser knows about the room (who types, when, and the open items a command
 * can point at), and the small parsers for times, durations and "#12".
 */

export interface Draft {
  kind: string;
  body: Record<string, unknown>;
  occurredAt?: string;
}

export type Parsed = { ok: true; draft: Draft } | { ok: false; error: string };

/** Who is typing, and when: "owner me" and relative times resolve against it. */
export interface EntryContext {
  now: Date;
  me: { id: string; name: string };
  /** The open items of the incident, so "/confirmed" can find the hypothesis and Tab can offer them. */
  room?: Room;
}

/** An item a command can point at by its seq ("#12"), with words to recognise it by. */
export interface RoomItem {
  seq: number;
  text: string;
}

export interface Room {
  hypotheses: RoomItem[];
  mitigations: RoomItem[];
  unsafe: RoomItem[];
  reconciliations: RoomItem[];
  /** Recovery checklist items not answered yet. */
  checks: string[];
  /** Roles held now. */
  roles: string[];
  /** People with an account: a name or email typed for a role or an owner becomes that user. */
  people?: Array<{ id: string; name: string; email: string }>;
}

export interface Command {
  name: string;
  kind: string;
  usage: string;
  help: string;
  parse(rest: string, now: Date, context: EntryContext): Parsed;
  /** What Tab can put after the command name: the open items it can point at. */
  suggest?(room: Room): Suggestion[];
}

/** One completion for a command's argument: the text inserted and what it shows. */
export interface Suggestion {
  insert: string;
  label: string;
}

export const fail = (error: string): Parsed => ({ ok: false, error });
export const ok = (kind: string, body: Record<string, unknown>, occurredAt?: string): Parsed => ({ ok: true, draft: { kind, body, ...(occurredAt ? { occurredAt } : {}) } });

/** "15m", "1h", "90s", "2h30m" → milliseconds; null when not a duration. */
export function parseDuration(text: string): number | null {
  const m = /^(?:(\d+)h)?(?:(\d+)m(?:in)?)?(?:(\d+)s)?$/.exec(text.trim());
  if (!m || (!m[1] && !m[2] && !m[3])) return null;
  return ((Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 1000;
}

/** "14:03" → that clock time today (local), or yesterday when it would be in the future. */
export function parseClock(text: string, now: Date): string | null {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  if (!m) return null;
  const at = new Date(now);
  at.setHours(Number(m[1]), Number(m[2]), 0, 0);
  if (at.getTime() > now.getTime() + 60_000) at.setDate(at.getDate() - 1);
  return at.toISOString();
}

/** A time given as "15m" (from now) or "14:03" (clock). */
export function parseWhen(text: string, now: Date): string | null {
  const span = parseDuration(text);
  if (span !== null) return new Date(now.getTime() + span).toISOString();
  return parseClock(text, now);
}

/** Splits a trailing "@14:03" (when it happened) off the text. */
export function splitAt(rest: string, now: Date): { text: string; occurredAt?: string; error?: string } {
  const m = /\s*@(\S+)\s*$/.exec(rest);
  if (!m) return { text: rest.trim() };
  const at = parseClock(m[1]!, now);
  if (!at) return { text: rest.trim(), error: `"@${m[1]}" is not a time of day like @14:03` };
  return { text: rest.slice(0, m.index).trim(), occurredAt: at };
}

export function textCommand(name: string, kind: string, field: string, usage: string, help: string): Command {
  return {
    name,
    kind,
    usage,
    help,
    parse(rest, now) {
      const { text, occurredAt, error } = splitAt(rest, now);
      if (error) return fail(error);
      if (!text) return fail(`say what to record, e.g. ${usage}`);
      return ok(kind, { [field]: text }, occurredAt);
    },
  };
}


/**
 * The item a command points at: "#12 rest" names it; without a
 * number, the only open item of its sort is meant. Returns the seq and the
 * rest of the text, or an error listing the choices.
 */
export function pickSeq(text: string, items: RoomItem[] | undefined, what: string, usage: string): { seq: number; rest: string } | { error: string } {
  const m = /^#(\d{1,9})\b\s*(.*)$/s.exec(text.trim());
  if (m) return { seq: Number(m[1]), rest: m[2]!.trim() };
  if (items && items.length === 1) return { seq: items[0]!.seq, rest: text.trim() };
  if (items && items.length > 1) return { error: `which ${what}? ${items.map((i) => `#${i.seq} (${i.text.slice(0, 40)})`).join(', ')} — e.g. ${usage}` };
  return { error: `name the ${what} by its number, e.g. ${usage}` };
}

/** "me" (or "myself", "I") is the person typing; a person's name or email is that user; anyone else is named by a label. */
export function holder(who: string, context: EntryContext): { userId: string } | { label: string } {
  const text = who.trim();
  if (/^(me|myself|i)$/i.test(text)) return { userId: context.me.id };
  const lower = text.toLowerCase();
  const person = context.room?.people?.find((p) => p.name.toLowerCase() === lower || p.email.toLowerCase() === lower);
  return person ? { userId: person.id } : { label: text };
}
