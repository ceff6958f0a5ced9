/**
 * Slash commands that follow up on what the room already recorded: settle a
 * hypothesis or a mitigation, lift an unsafe action, answer the recovery
 * checklist, name cohorts, run a reconciliation, attach evidence, correct an
 * entry, and hold or release every role. Pure parsing, like commands.ts.
 */
import { fail, holder, ok, pickSeq, splitAt, type Command, type Room, type RoomItem, type Suggestion } from './command-kit.js';

const seqs = (items: RoomItem[]): Suggestion[] => items.map((i) => ({ insert: `#${i.seq} `, label: `#${i.seq} ${i.text}` }));
/** "because …" is optional in front of a reason. */
const reasonOf = (text: string) => text.replace(/^because\s+/i, '').trim();

/** A command on one open item of the room, named by #seq, then a text; `ask` says what is missing when the text is required. */
function settle(name: string, kind: string, what: string, field: 'hypothesisSeq' | 'mitigationSeq' | 'unsafeSeq' | 'reconciliationSeq', itemsOf: (room: Room) => RoomItem[], usage: string, help: string, textField: 'note' | 'reason' | 'observed' | 'outcome', ask?: string): Command {
  return {
    name,
    kind,
    usage,
    help,
    suggest: (room) => seqs(itemsOf(room)),
    parse(rest, _now, context) {
      const picked = pickSeq(rest, context.room ? itemsOf(context.room) : undefined, what, usage);
      if ('error' in picked) return fail(picked.error);
      const text = textField === 'reason' ? reasonOf(picked.rest) : picked.rest;
      if (ask && !text) return fail(`${ask}, e.g. ${usage}`);
      return ok(kind, { [field]: picked.seq, ...(text ? { [textField]: text } : {}) });
    },
  };
}

const COHORT_DIMENSIONS = ['tenant', 'region', 'endpoint', 'plan', 'custom'] as const;

function cohort(name: string, kind: string, usage: string, help: string): Command {
  return {
    name,
    kind,
    usage,
    help,
    suggest: () => COHORT_DIMENSIONS.map((d) => ({ insert: `${d} `, label: d })),
    parse(rest) {
      const m = /^(\S+)\s+([^:]+?)\s*(?::\s*(.*))?$/s.exec(rest.trim());
      const dimension = m?.[1]?.toLowerCase();
      if (!m || !(COHORT_DIMENSIONS as readonly string[]).includes(dimension ?? '')) return fail(`name the cohort as ${COHORT_DIMENSIONS.join(', ')} and its value, e.g. ${usage}`);
      return ok(kind, { dimension, value: m[2]!.trim(), ...(m[3]?.trim() ? { note: m[3].trim() } : {}) });
    },
  };
}

/** The words a responder may use for each role. */
export const ROLE_ALIASES: Record<string, string> = {
  commander: 'commander',
  ic: 'commander',
  incident_commander: 'commander',
  tech: 'tech_lead',
  tech_lead: 'tech_lead',
  techlead: 'tech_lead',
  comms: 'communications',
  communications: 'communications',
  communications_lead: 'communications',
  ops: 'operations',
  operations: 'operations',
  operations_lead: 'operations',
  scribe: 'scribe',
  specialist: 'specialist',
};
const ROLE_CHOICES = ['commander', 'tech', 'comms', 'ops', 'scribe', 'specialist'];

/** "ops", "comms lead", "specialist database": the role (and a specialist's specialty) at the start of the text. */
function parseRole(text: string): { role: string; specialty?: string; rest: string } | null {
  const m = /^(\S+)(?:\s+lead\b)?\s*(.*)$/is.exec(text.trim());
  const role = m ? ROLE_ALIASES[m[1]!.toLowerCase()] : undefined;
  if (!m || !role) return null;
  if (role !== 'specialist') return { role, rest: m[2]!.trim() };
  const s = /^(\S+)\s*(.*)$/s.exec(m[2]!.trim());
  if (!s) return null;
  return { role, specialty: s[1]!, rest: s[2]!.trim() };
}

const roleSuggestions = (): Suggestion[] => ROLE_CHOICES.map((r) => ({ insert: `${r} `, label: r }));

export const FOLLOW_UP_COMMANDS: Command[] = [
  settle('confirmed', 'hypothesis_confirmed', 'hypothesis', 'hypothesisSeq', (r) => r.hypotheses, '/confirmed #12 the consumer logs show the poison message', 'Confirm an open hypothesis (it becomes a fact)', 'note'),
  settle('rejected', 'hypothesis_rejected', 'hypothesis', 'hypothesisSeq', (r) => r.hypotheses, '/rejected #12 because the consumers are healthy', 'Reject an open hypothesis, saying why', 'reason', 'say why'),
  settle('verified', 'mitigation_verified', 'mitigation', 'mitigationSeq', (r) => r.mitigations, '/verified #14 lag back under 1k', 'A mitigation worked: what was observed', 'observed', 'say what was observed'),
  settle('failed', 'mitigation_failed', 'mitigation', 'mitigationSeq', (r) => r.mitigations, '/failed #14 lag still climbing', 'A mitigation did not work: what was observed', 'observed', 'say what was observed'),
  settle('lift', 'unsafe_action_lifted', 'unsafe action', 'unsafeSeq', (r) => r.unsafe, '/lift #9 because the backup finished', 'An unsafe action is safe again: lift it, saying why', 'reason', 'say why it is safe now'),
  {
    name: 'check',
    kind: 'checklist_item_checked',
    usage: '/check pass error rate back to baseline',
    help: 'Answer a recovery check: pass, fail or na, then the item (note: … adds a note)',
    suggest: (room) => room.checks.flatMap((c) => ['pass', 'fail'].map((r) => ({ insert: `${r} ${c}`, label: `${r} ${c}` }))),
    parse(rest, _now, context) {
      const m = /^(pass|passed|fail|failed|na|n\/a|not_applicable)\s+(.+?)(?:\s+note:\s*(.+))?$/is.exec(rest.trim());
      if (!m) return fail('say pass, fail or na, then the item: /check pass error rate back to baseline');
      const word = m[1]!.toLowerCase();
      const result = word.startsWith('pass') ? 'pass' : word.startsWith('fail') ? 'fail' : 'not_applicable';
      const typed = m[2]!.trim();
      // The checklist's own wording, when what was typed starts it.
      const item = context.room?.checks.find((c) => c.toLowerCase() === typed.toLowerCase()) ?? context.room?.checks.find((c) => c.toLowerCase().startsWith(typed.toLowerCase())) ?? typed;
      return ok('checklist_item_checked', { item, result, ...(m[3] ? { note: m[3].trim() } : {}) });
    },
  },
  cohort('affected', 'cohort_affected', '/affected region eu-west: card payments fail', 'A cohort that is harmed (tenant, region, endpoint, plan or custom)'),
  cohort('unaffected', 'cohort_unaffected', '/unaffected region us-east', 'A cohort known to be safe'),
  cohort('cleared', 'cohort_cleared', '/cleared region eu-west: payments succeed again', 'A cohort no longer harmed'),
  {
    name: 'recon',
    kind: 'reconciliation_opened',
    usage: '/recon duplicate card charges since 03:00 owner me',
    help: 'Open a reconciliation: the data to repair and (owner …) who repairs it',
    parse(rest, _now, context) {
      const m = /^(.+?)(?:\s+owner\s+(.+))?$/is.exec(rest.trim());
      if (!m || !m[1]) return fail('say what must be reconciled: /recon duplicate card charges owner me');
      return ok('reconciliation_opened', { scope: m[1].trim(), ...(m[2] ? { owner: holder(m[2], context) } : {}) });
    },
  },
  {
    name: 'recon-note',
    kind: 'reconciliation_progressed',
    usage: '/recon-note #20 refunds running checked 400 repaired 12 owner me',
    help: 'Progress on a reconciliation (checked N, repaired N, owner … are optional)',
    suggest: (room) => seqs(room.reconciliations),
    parse(rest, _now, context) {
      const usage = '/recon-note #20 refunds running checked 400 repaired 12';
      const picked = pickSeq(rest, context.room?.reconciliations, 'reconciliation', usage);
      if ('error' in picked) return fail(picked.error);
      let text = picked.rest;
      const body: Record<string, unknown> = { reconciliationSeq: picked.seq };
      const owner = /\s*\bowner\s+(.+)$/i.exec(text);
      if (owner) {
        body.owner = holder(owner[1]!, context);
        text = text.slice(0, owner.index);
      }
      for (const [word, field] of [['checked', 'recordsChecked'], ['repaired', 'recordsRepaired']] as const) {
        const n = new RegExp(`\\s*\\b${word}\\s+(\\d{1,9})\\b`, 'i').exec(text);
        if (n) {
          body[field] = Number(n[1]);
          text = text.slice(0, n.index) + text.slice(n.index + n[0].length);
        }
      }
      if (!text.trim()) return fail(`say how it is going, e.g. ${usage}`);
      return ok('reconciliation_progressed', { ...body, note: text.trim() });
    },
  },
  settle('recon-done', 'reconciliation_closed', 'reconciliation', 'reconciliationSeq', (r) => r.reconciliations, '/recon-done #20 all 40 duplicate charges refunded', 'Close a reconciliation with its outcome', 'outcome', 'say the outcome'),
  {
    name: 'evidence',
    kind: 'evidence_attached',
    usage: '/evidence https://grafana.example/d/checkout checkout error dashboard',
    help: 'Attach evidence: a link (URL then title), "log <title>: <excerpt>" or "ids <title>: <request ids>"',
    suggest: () => [{ insert: 'https://', label: 'https://… a link, then its title' }, { insert: 'log ', label: 'log <title>: <excerpt>' }, { insert: 'ids ', label: 'ids <title>: <request ids>' }],
    parse(rest) {
      const text = rest.trim();
      const link = /^(https?:\/\/\S+)\s*(.*)$/is.exec(text);
      if (link) return ok('evidence_attached', { type: 'link', url: link[1], title: link[2]!.trim() || link[1]! });
      const kept = /^(log|ids)\s+([^:]+?)\s*:\s*(.+)$/is.exec(text);
      if (!kept) return fail('give a link (/evidence https://… title), "log <title>: <excerpt>" or "ids <title>: <request ids>"');
      if (kept[1]!.toLowerCase() === 'log') return ok('evidence_attached', { type: 'log_excerpt', title: kept[2]!.trim(), content: kept[3]!.trim() });
      const requestIds = kept[3]!.split(/[\s,]+/).filter(Boolean);
      return ok('evidence_attached', { type: 'request_ids', title: kept[2]!.trim(), requestIds });
    },
  },
  {
    name: 'amend',
    kind: 'amended',
    usage: '/amend #3 errors began at 02:58, not 03:02 @02:58',
    help: 'Correct an earlier entry (events are never edited); @time corrects when it happened',
    parse(rest, now) {
      const m = /^#?(\d{1,9})\s+(.*)$/s.exec(rest.trim());
      if (!m) return fail('name the entry by its number: /amend #3 <the correction>');
      const { text, occurredAt, error } = splitAt(m[2]!, now);
      if (error) return fail(error);
      if (!text) return fail('write the correction: /amend #3 <the correction>');
      return ok('amended', { targetSeq: Number(m[1]), correction: text, ...(occurredAt ? { occurredAt } : {}) });
    },
  },
  {
    name: 'role',
    kind: 'role_assigned',
    usage: '/role comms me',
    help: 'Give a role — commander, tech, comms, ops, scribe, or specialist <specialty> — to me or a named person',
    suggest: roleSuggestions,
    parse(rest, _now, context) {
      const role = parseRole(rest);
      if (!role) return fail(`name the role (${ROLE_CHOICES.join(', ')}) and who holds it: /role ops me`);
      if (!role.rest) return fail(`say who holds it ("me" or a name): /role ${rest.trim()} me`);
      return ok('role_assigned', { role: role.role, ...(role.specialty ? { specialty: role.specialty } : {}), ...holder(role.rest, context) });
    },
  },
  {
    name: 'release',
    kind: 'role_released',
    usage: '/release scribe no longer needed',
    help: 'Release a role (the reason is optional)',
    suggest: (room) => room.roles.map((r) => ({ insert: `${r} `, label: r })),
    parse(rest) {
      const role = parseRole(rest);
      if (!role) return fail(`name the role to release (${ROLE_CHOICES.join(', ')}): /release scribe`);
      return ok('role_released', { role: role.role, ...(role.specialty ? { specialty: role.specialty } : {}), ...(role.rest ? { reason: role.rest } : {}) });
    },
  },
  {
    name: 'handoff',
    kind: 'handoff',
    usage: '/handoff commander to Sam notes: rollback half done',
    help: 'Hand a role (commander unless named) to someone, with notes',
    suggest: roleSuggestions,
    parse(rest, _now, context) {
      const m = /^(?:(\S+(?:\s+\S+)?)\s+)?to\s+(.+?)(?:\s+notes?:\s*(.+))?$/is.exec(rest.trim());
      if (!m) return fail('say to whom: /handoff commander to Sam notes: …');
      const role = m[1] ? parseRole(m[1]) : { role: 'commander', rest: '' };
      if (!role || role.rest) return fail(`name the role (${ROLE_CHOICES.join(', ')}) before "to"`);
      return ok('handoff', { role: role.role, ...(role.specialty ? { specialty: role.specialty } : {}), to: holder(m[2]!, context), ...(m[3] ? { notes: m[3].trim() } : {}) });
    },
  },
  {
    name: 'action',
    kind: 'action_taken',
    usage: '/action restarted consumer-3 result: lag falling',
    help: 'Something done (result: … says what it did)',
    parse(rest) {
      const m = /^(.+?)(?:\s+result:\s*(.+))?$/is.exec(rest.trim());
      if (!m || !m[1]) return fail('say what was done: /action restarted consumer-3');
      return ok('action_taken', { action: m[1].trim(), ...(m[2] ? { result: m[2].trim() } : {}) });
    },
  },
];

