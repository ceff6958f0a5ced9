/**
 * Silence matchers, as in Alertmanager: `=` and `!=` compare a label's value,
 * `=~` and `!~` match it against a regular expression anchored at both ends.
 * A missing label has the value "". An alert is silenced when every matcher of
 * a silence matches. Pure.
 *
 * Regular expressions run on RE2JS, a port of Go's RE2 engine (the one
 * Alertmanager uses): matching takes time linear in the label's length, so a
 * pattern like `(a+)+b` cannot stall intake. Backreferences and lookaheads,
 * which need backtracking, are refused at compile time.
 */
import { RE2JS } from 're2js';

export const MATCH_OPS = ['=', '!=', '=~', '!~'] as const;
export type MatchOp = (typeof MATCH_OPS)[number];

export interface Matcher {
  name: string;
  op: MatchOp;
  value: string;
}

export interface CompiledMatcher extends Matcher {
  test(labels: Record<string, string>): boolean;
}

/** Compiles a matcher; throws with a message naming the problem (an invalid regular expression). */
export function compileMatcher(m: Matcher): CompiledMatcher {
  if (m.op === '=~' || m.op === '!~') {
    let re: RE2JS;
    try {
      // matches() is anchored at both ends, as Alertmanager anchors with ^(?:…)$.
      re = RE2JS.compile(m.value);
    } catch (err) {
      throw new Error(`"${m.value}" is not a valid regular expression (RE2 syntax, as in Alertmanager): ${(err as Error).message.replace(/^error parsing regexp: /, '')}`);
    }
    const negate = m.op === '!~';
    return { ...m, test: (labels) => re.matches(labels[m.name] ?? '') !== negate };
  }
  const negate = m.op === '!=';
  return { ...m, test: (labels) => ((labels[m.name] ?? '') === m.value) !== negate };
}

/** True when every matcher matches the labels. */
export function matchesAll(matchers: readonly CompiledMatcher[], labels: Record<string, string>): boolean {
  return matchers.every((m) => m.test(labels));
}

const TEXT = /^\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*(=~|!~|!=|=)\s*(.*?)\s*$/;

/** Parses `alertname=~"High.*"` (quotes optional) as typed on the command line. */
export function parseMatcher(text: string): Matcher {
  const match = TEXT.exec(text);
  if (!match) throw new Error(`"${text}" is not a matcher; write label=value, label!=value, label=~regex or label!~regex`);
  let value = match[3]!;
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = JSON.parse(value) as string;
  return { name: match[1]!, op: match[2] as MatchOp, value };
}

/** Prints a matcher the way parseMatcher reads it. */
export function formatMatcher(m: Matcher): string {
  return `${m.name}${m.op}${JSON.stringify(m.value)}`;
}
