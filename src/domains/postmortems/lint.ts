/**
 * Two lints for postmortems. Pure heuristics with
 * reasons, meant to prompt a rewrite, not to judge people:
 * - an action item must name a concrete change and an outcome, not an intent
 *   ("Improve observability", "Be more careful", "Investigate further");
 * - root cause and contributing factors describe system conditions, without
 *   blame language or named people ("human error", "X forgot").
 */

export interface LintFinding {
  /** The words that triggered it. */
  match: string;
  reason: string;
  suggestion: string;
}

export interface LintResult {
  ok: boolean;
  findings: LintFinding[];
}

/** Intents that never describe a change by themselves. */
const VAGUE_PHRASES: Array<[RegExp, string]> = [
  [/\bbe (?:more )?(?:careful|vigilant|diligent|aware|cautious)\b/i, 'asks people to behave differently; name the guard rail that makes the mistake impossible'],
  [/\b(?:investigate|look into|dig into|research)(?: (?:this|it|that))?(?: further| more)?\b/i, 'an investigation is not a change; name what will change when it is done, or make it a question with an answer due'],
  [/\b(?:double[- ]check|pay (?:more )?attention|communicate better|try (?:harder|to)|think about|keep an eye on|stay on top of)\b/i, 'an intention without a mechanism'],
  [/\b(?:more|better|additional) (?:testing|monitoring|observability|alerting|documentation|training|communication|visibility)\b/i, 'how much more, of what, measured how?'],
];

/** Verbs that announce a wish unless a measurable outcome follows. */
const WEAK_START = /^(?:improve|enhance|increase|reduce|optimi[sz]e|strengthen|ensure|make sure|consider|review|revisit|monitor|harden|fix|update|clean up|address|work on|follow up on|discuss)\b/i;
/** Something checkable: a number, a threshold, a condition, a deadline or a named artefact. */
const MEASURABLE = /\d|%|\b(?:so that|when|whenever|if|within|below|above|under|over|before|after|fails? (?:the|a)|blocks?|rejects?|pages?|alerts?)\b|`[^`]+`|\/[\w-]+/i;

/** Refuses action items that state an intent instead of a concrete object and outcome. */
export function lintActionItem(title: string): LintResult {
  const text = title.trim().replace(/\s+/g, ' ');
  const findings: LintFinding[] = [];
  for (const [pattern, reason] of VAGUE_PHRASES) {
    const m = pattern.exec(text);
    if (m) findings.push({ match: m[0], reason, suggestion: 'Say what will exist afterwards and how you will know: "Alert when checkout 5xx > 2% for 5 min, paging payments on-call".' });
  }
  const words = text.split(' ').filter(Boolean);
  if (findings.length === 0 && WEAK_START.test(text) && !MEASURABLE.test(text.replace(WEAK_START, ''))) {
    findings.push({ match: WEAK_START.exec(text)![0], reason: 'starts with a direction, not a change, and names no measurable outcome', suggestion: 'Name the object and the outcome: "Reduce payment client timeout alerts to below 1 per week by adding retries with backoff".' });
  }
  if (findings.length === 0 && words.length < 4) {
    findings.push({ match: text, reason: 'too short to say what changes and how it is checked', suggestion: 'Add the object and the expected outcome.' });
  }
  return { ok: findings.length === 0, findings };
}

const BLAME_PHRASES: Array<[RegExp, string]> = [
  [/\b(?:human|operator|user|engineer|developer|manual) error\b/i, '"human error" ends the inquiry where it should start'],
  [/\bshould(?: not)? have (?:been (?:more )?(?:careful|attentive|aware)|known|noticed|checked|caught|realized|realised|double-checked)\b/i, 'hindsight about a person'],
  [/\b(?:careless(?:ly|ness)?|negligen(?:t|ce)|sloppy|lazy|incompeten(?:t|ce)|reckless(?:ly)?|inattentive)\b/i, 'a judgement of a person'],
  [/\b(?:fault of|blame[ds]?|to blame|responsible for the (?:outage|incident|failure))\b/i, 'assigns fault'],
  [/\b(?:someone|somebody|the (?:engineer|developer|operator|on-?call|intern|admin|dba|sre))(?: had)? (?:forgot|forgotten|missed|ignored|failed to|didn't|did not|neglected|broke|messed up|screwed up)\b/i, 'makes a person the cause'],
];

/** A capitalised name followed by something a person did wrong: "Dave forgot", "Priya didn't run". */
const NAMED_PERSON = /\b([A-Z][a-z]+(?: [A-Z][a-z]+)?)(?:'s)? (?:forgot|forgotten|missed|ignored|failed to|didn't|did not|neglected|broke|messed up|screwed up|accidentally|mistakenly|wrongly|pushed|deployed|ran|deleted|made a mistake|caused|should have)\b/g;
/** Capitalised words that are not people. */
const NOT_PEOPLE = new Set(['The', 'A', 'An', 'This', 'That', 'It', 'We', 'They', 'Our', 'Nobody', 'No', 'Deploy', 'Config', 'Kubernetes', 'Terraform', 'Postgres', 'PostgreSQL', 'Redis', 'Nginx', 'Firebreak', 'CI', 'When', 'After', 'Because', 'Monitoring', 'Alerting', 'System', 'Automation', 'Job', 'Script', 'Cron', 'Server', 'Service', 'Pipeline']);

const SYSTEM_SUGGESTION = 'Describe the system condition instead: what made the action possible and the outcome likely (e.g. "the deploy tool applied config without review or a canary").';

/** Flags blame language and named people in a root cause or contributing factor; `people` adds known names (role holders). */
export function lintBlame(sentence: string, people: readonly string[] = []): LintResult {
  const findings: LintFinding[] = [];
  for (const [pattern, reason] of BLAME_PHRASES) {
    const m = pattern.exec(sentence);
    if (m) findings.push({ match: m[0], reason, suggestion: SYSTEM_SUGGESTION });
  }
  for (const m of sentence.matchAll(NAMED_PERSON)) {
    const first = m[1]!.split(' ')[0]!;
    if (NOT_PEOPLE.has(first)) continue;
    findings.push({ match: m[0], reason: `names a person (${m[1]}) as the cause`, suggestion: SYSTEM_SUGGESTION });
  }
  for (const name of people) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (name.trim() && new RegExp(`\\b${escaped}\\b`, 'i').test(sentence) && !findings.some((f) => f.match.includes(name))) {
      findings.push({ match: name, reason: `names a responder (${name}); root causes and contributing factors name conditions, not people`, suggestion: SYSTEM_SUGGESTION });
    }
  }
  return { ok: findings.length === 0, findings };
}
