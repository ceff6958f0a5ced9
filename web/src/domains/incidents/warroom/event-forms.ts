/**
 * The small forms behind the war room's buttons, for entries that need more
 * than a click: what each asks and the event it becomes. Pure, so every form
 * is checked against the server's schemas without a browser.
 */
import { holder, parseClock, type Draft, type EntryContext, type RoomItem } from '../../../../../src/domains/incidents/entry/command-kit.js';

export interface FormField {
  /** The body field it fills: the API's error for `body.<name>` is shown beside it. */
  name: string;
  label: string;
  type?: 'text' | 'textarea' | 'select';
  options?: Array<[value: string, label: string]>;
  required?: boolean;
  initial?: string;
  hint?: string;
  /** Other body fields this one fills, whose API errors are shown here too. */
  alsoFills?: string[];
}

export type FormResult = { ok: true; draft: Draft } | { ok: false; field: string; error: string };

export interface EventForm {
  title: string;
  submit: string;
  fields: FormField[];
  toDraft(values: Record<string, string>, context: EntryContext): FormResult;
}

const ok = (kind: string, body: Record<string, unknown>): FormResult => ({ ok: true, draft: { kind, body } });
const refuse = (field: string, error: string): FormResult => ({ ok: false, field, error });
const v = (values: Record<string, string>, name: string) => (values[name] ?? '').trim();
const optional = (name: string, value: string) => (value ? { [name]: value } : {});

function oneText(title: string, submit: string, kind: string, field: string, label: string, fixed: Record<string, unknown>): EventForm {
  return {
    title,
    submit,
    fields: [{ name: field, label, type: 'textarea', required: true }],
    toDraft: (values) => (v(values, field) ? ok(kind, { ...fixed, [field]: v(values, field) }) : refuse(field, `${label.toLowerCase()} is required`)),
  };
}

export const rejectHypothesis = (h: RoomItem) => oneText(`Reject hypothesis #${h.seq}: ${h.text}`, 'Reject', 'hypothesis_rejected', 'reason', 'Why it is wrong', { hypothesisSeq: h.seq });
export const settleMitigation = (m: RoomItem, outcome: 'verified' | 'failed') =>
  oneText(`${outcome === 'verified' ? 'It worked' : 'It did not work'}: ${m.text}`, outcome === 'verified' ? 'Mark verified' : 'Mark failed', `mitigation_${outcome}`, 'observed', 'What was observed', { mitigationSeq: m.seq });
export const liftUnsafe = (u: RoomItem) => oneText(`Lift "${u.text}"`, 'Lift', 'unsafe_action_lifted', 'reason', 'Why it is safe now', { unsafeSeq: u.seq });
export const closeReconciliation = (r: RoomItem) => oneText(`Close reconciliation: ${r.text}`, 'Close', 'reconciliation_closed', 'outcome', 'Outcome', { reconciliationSeq: r.seq });

const ROLE_OPTIONS: Array<[string, string]> = [
  ['commander', 'Commander'],
  ['tech_lead', 'Tech lead'],
  ['communications', 'Communications lead'],
  ['operations', 'Operations lead'],
  ['scribe', 'Scribe'],
  ['specialist', 'Specialist'],
];

export const assignRole: EventForm = {
  title: 'Give a role',
  submit: 'Assign',
  fields: [
    { name: 'role', label: 'Role', type: 'select', options: ROLE_OPTIONS, initial: 'operations' },
    { name: 'specialty', label: 'Specialty (specialists only)', hint: 'database, network, payments…' },
    { name: 'who', label: 'Who', required: true, initial: 'me', hint: '"me", or the name of someone without an account' },
  ],
  toDraft(values, context) {
    const role = v(values, 'role');
    const specialty = v(values, 'specialty');
    if (role === 'specialist' && !specialty) return refuse('specialty', 'a specialist needs a specialty');
    if (!v(values, 'who')) return refuse('who', 'say who holds the role');
    return ok('role_assigned', { role, ...optional('specialty', role === 'specialist' ? specialty : ''), ...holder(v(values, 'who'), context) });
  },
};

const DIMENSIONS: Array<[string, string]> = ['region', 'tenant', 'endpoint', 'plan', 'custom'].map((d) => [d, d]);

export const cohort: EventForm = {
  title: 'A cohort: harmed, safe or no longer harmed',
  submit: 'Record',
  fields: [
    { name: 'change', label: 'The cohort is', type: 'select', options: [['cohort_affected', 'harmed'], ['cohort_unaffected', 'safe'], ['cohort_cleared', 'no longer harmed']] },
    { name: 'dimension', label: 'By', type: 'select', options: DIMENSIONS },
    { name: 'value', label: 'Which', required: true, hint: 'eu-west, acme-corp, /checkout…' },
    { name: 'note', label: 'Note', type: 'textarea' },
  ],
  toDraft(values) {
    if (!v(values, 'value')) return refuse('value', 'name the cohort');
    return ok(v(values, 'change') || 'cohort_affected', { dimension: v(values, 'dimension') || 'region', value: v(values, 'value'), ...optional('note', v(values, 'note')) });
  },
};

export const openReconciliation: EventForm = {
  title: 'Open a reconciliation',
  submit: 'Open',
  fields: [
    { name: 'scope', label: 'What must be repaired', type: 'textarea', required: true },
    { name: 'owner', label: 'Owner', hint: '"me", a name, or empty for now' },
  ],
  toDraft(values, context) {
    if (!v(values, 'scope')) return refuse('scope', 'say what must be repaired');
    return ok('reconciliation_opened', { scope: v(values, 'scope'), ...(v(values, 'owner') ? { owner: holder(v(values, 'owner'), context) } : {}) });
  },
};

const count = (text: string) => (/^\d{1,9}$/.test(text) ? Number(text) : null);

export const progressReconciliation = (r: RoomItem): EventForm => ({
  title: `Progress: ${r.text}`,
  submit: 'Record progress',
  fields: [
    { name: 'note', label: 'How it is going', type: 'textarea', required: true },
    { name: 'recordsChecked', label: 'Records checked' },
    { name: 'recordsRepaired', label: 'Records repaired' },
    { name: 'owner', label: 'Owner', hint: '"me", a name, or empty to keep the owner' },
  ],
  toDraft(values, context) {
    if (!v(values, 'note')) return refuse('note', 'say how it is going');
    const body: Record<string, unknown> = { reconciliationSeq: r.seq, note: v(values, 'note') };
    for (const field of ['recordsChecked', 'recordsRepaired']) {
      const text = v(values, field);
      if (!text) continue;
      const n = count(text);
      if (n === null) return refuse(field, 'a whole number, like 400');
      body[field] = n;
    }
    if (v(values, 'owner')) body.owner = holder(v(values, 'owner'), context);
    return ok('reconciliation_progressed', body);
  },
});

export const attachEvidence: EventForm = {
  title: 'Attach evidence',
  submit: 'Attach',
  fields: [
    { name: 'type', label: 'Kind', type: 'select', options: [['link', 'a link'], ['log_excerpt', 'a log excerpt (kept here)'], ['request_ids', 'request ids']] },
    { name: 'title', label: 'Title', required: true },
    { name: 'url', label: 'URL (for a link)' },
    { name: 'content', label: 'Excerpt or request ids', type: 'textarea', hint: 'request ids separated by spaces, commas or lines', alsoFills: ['requestIds'] },
  ],
  toDraft(values) {
    const type = v(values, 'type') || 'link';
    if (!v(values, 'title')) return refuse('title', 'give it a title');
    if (type === 'link') return v(values, 'url') ? ok('evidence_attached', { type, title: v(values, 'title'), url: v(values, 'url') }) : refuse('url', 'a link needs its URL');
    if (!v(values, 'content')) return refuse('content', type === 'log_excerpt' ? 'paste the excerpt' : 'list the request ids');
    if (type === 'log_excerpt') return ok('evidence_attached', { type, title: v(values, 'title'), content: v(values, 'content') });
    return ok('evidence_attached', { type, title: v(values, 'title'), requestIds: v(values, 'content').split(/[\s,]+/).filter(Boolean) });
  },
};

export const amendEntry = (seq: number, text: string): EventForm => ({
  title: `Correct #${seq}: ${text.slice(0, 80)}`,
  submit: 'Record the correction',
  fields: [
    { name: 'correction', label: 'The correction', type: 'textarea', required: true },
    { name: 'occurredAt', label: 'It really happened at (HH:MM, optional)' },
  ],
  toDraft(values, context) {
    if (!v(values, 'correction')) return refuse('correction', 'write the correction');
    const time = v(values, 'occurredAt');
    const occurredAt = time ? parseClock(time, context.now) : null;
    if (time && !occurredAt) return refuse('occurredAt', `"${time}" is not a time of day like 14:03`);
    return ok('amended', { targetSeq: seq, correction: v(values, 'correction'), ...(occurredAt ? { occurredAt } : {}) });
  },
});
