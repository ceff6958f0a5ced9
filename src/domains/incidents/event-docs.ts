/**
 * What each event kind a person logs means, field by field, with an example
 * body and the same event as a command line. The OpenAPI document, the CLI's
 * `incident kinds` and `incident log --help KIND` all read this table, and a
 * test appends every example through the API and through the CLI. Pure data.
 */
import { Type, type TSchema } from '@sinclair/typebox';
import { EVENT_BODIES, SYSTEM_KINDS, type EventKind } from './events.js';

export interface KindDoc {
  summary: string;
  fields: Record<string, string>;
  /** A body the API accepts on an incident with the test preamble (hypothesis #2, mitigation #3, reconciliation #4). */
  example: Record<string, unknown>;
  /** The same event as `firebreak incident log INC-n <cli...>`. */
  cli: string[];
}

/** The user in examples: ana@example.com (tests create her and put her id here). */
export const EXAMPLE_USER_ID = '00000000-0000-4000-8000-00000000a1a1';

const EVIDENCE = 'Sequence numbers of evidence_attached events this cites';

export const KIND_DOCS: Record<Exclude<EventKind, 'declared' | 'reminder' | 'alert_attached' | 'alert_resolved' | 'responder_paged'>, KindDoc> = {
  severity_changed: {
    summary: 'Raise or lower the severity, saying why.',
    fields: { severity: 'The new severity', reason: 'Why it changed' },
    example: { severity: 'SEV1', reason: 'all regions affected' },
    cli: ['severity_changed', 'SEV1', '--reason', 'all regions affected'],
  },
  severity_confirmed: {
    summary: 'Confirm the current severity is right: ends triage and any pending severity review.',
    fields: { note: 'Why it stays' },
    example: { note: 'SEV2 is right: one region' },
    cli: ['severity_confirmed', '--note', 'SEV2 is right: one region'],
  },
  cohort_unaffected: {
    summary: 'Mark a cohort known to be safe.',
    fields: { dimension: 'tenant, region, endpoint, plan or custom', value: 'Which one', note: 'How we know' },
    example: { dimension: 'region', value: 'us-west' },
    cli: ['safe', 'region=us-west'],
  },
  no_hypothesis: {
    summary: 'No hypothesis yet: say what the room is investigating instead.',
    fields: { investigating: 'What is being looked at', note: 'Anything to add' },
    example: { investigating: 'the 14:00 deploy' },
    cli: ['investigating', 'the 14:00 deploy'],
  },
  next_decision: {
    summary: 'The next decision the room faces, who takes it and by when.',
    fields: { decision: 'The decision to take', owner: 'Who takes it: { userId } or { label } (the CLI takes an email or a name)', dueAt: 'When (the CLI takes 15m, 23:50 or ISO)' },
    example: { decision: 'fail over or wait', owner: { label: 'Dana the DBA' }, dueAt: '2030-01-01T00:30:00.000Z' },
    cli: ['next', 'fail over or wait', '--owner', 'Dana the DBA', '--due', '2030-01-01T00:30Z'],
  },
  unsafe_action_lifted: {
    summary: 'An unsafe action is safe again.',
    fields: { unsafeSeq: 'The unsafe_action_noted event', reason: 'Why it is safe now' },
    example: { unsafeSeq: 6, reason: 'replica caught up' },
    cli: ['lifted', '6', '--reason', 'replica caught up'],
  },
  no_unsafe_actions_known: {
    summary: 'The room reviewed unsafe actions and knows of none.',
    fields: { note: 'Who reviewed' },
    example: { note: 'reviewed with the DBA' },
    cli: ['no_unsafe_actions_known', '--note', 'reviewed with the DBA'],
  },
  status_changed: {
    summary: 'Move the incident to another status; resolving needs an impact statement and the recovery checklist, or an override.',
    fields: { status: 'The new status', reason: 'Why', summary: 'A closing summary when resolving', override: 'Resolve although prerequisites are missing: { reason }' },
    example: { status: 'identified', reason: 'found the poison message' },
    cli: ['status_changed', 'identified', '--reason', 'found the poison message'],
  },
  resolved: {
    summary: 'Resolve the incident (same rules as status_changed to resolved).',
    fields: { summary: 'What happened and how it ended', override: 'Resolve although prerequisites are missing: { reason }' },
    example: { summary: 'consumers restarted', override: { reason: 'drill' } },
    cli: ['resolved', 'consumers restarted', '--override', 'drill'],
  },
  reopened: {
    summary: 'Reopen a resolved incident.',
    fields: { reason: 'Why it is not over', status: 'The status to reopen into (default investigating)' },
    example: { reason: 'errors are back', status: 'investigating' },
    cli: ['reopened', 'errors are back', '--status', 'investigating'],
  },
  role_assigned: {
    summary: 'Give someone a role (commander, communications, operations, scribe, or a specialist).',
    fields: { role: 'The role', specialty: 'For specialists: database, networking, …', userId: 'The user taking it (the CLI takes an email)', label: 'Someone without an account' },
    example: { role: 'scribe', label: 'Sam from support' },
    cli: ['role', 'scribe', 'Sam from support'],
  },
  role_released: {
    summary: 'Release a role nobody should hold any more.',
    fields: { role: 'The role', specialty: 'For specialists', reason: 'Why' },
    example: { role: 'commander', reason: 'shift over' },
    cli: ['role_released', 'commander', '--reason', 'shift over'],
  },
  member_added: {
    summary: 'Let a user see a private incident.',
    fields: { userId: 'The user (the CLI takes an email)' },
    example: { userId: EXAMPLE_USER_ID },
    cli: ['member_added', 'ana@example.com'],
  },
  impact_stated: {
    summary: 'Say who is affected and how, in plain language; replaces the previous statement.',
    fields: {
      statement: 'Impact in plain words',
      journeys: 'User journeys and their effect: down, degraded or slow (priority: true on the one that matters most)',
      writesSafe: 'Whether writes are safe: yes, no or unknown',
      affected: 'How many are affected: { users, percent }',
      since: 'Since when users are affected',
    },
    example: { statement: 'checkout failing for EU', journeys: [{ journey: 'checkout', effect: 'degraded' }], writesSafe: 'unknown' },
    cli: ['impact', 'checkout failing for EU', '--journey', 'checkout=degraded'],
  },
  cohort_affected: {
    summary: 'Mark a tenant, region, endpoint or plan as affected.',
    fields: { dimension: 'tenant, region, endpoint, plan or custom', value: 'Which one', note: 'Anything to add' },
    example: { dimension: 'region', value: 'eu-west' },
    cli: ['cohort', 'region=eu-west'],
  },
  cohort_cleared: {
    summary: 'Mark an affected cohort as recovered.',
    fields: { dimension: 'tenant, region, endpoint, plan or custom', value: 'Which one', note: 'Anything to add' },
    example: { dimension: 'region', value: 'us-east', note: 'recovered' },
    cli: ['cohort_cleared', 'region=us-east', '--note', 'recovered'],
  },
  observation: {
    summary: 'Something someone saw.',
    fields: { text: 'What was seen', evidence: EVIDENCE },
    example: { text: 'queue depth rising' },
    cli: ['observation', 'queue depth rising'],
  },
  hypothesis_proposed: {
    summary: 'A possible cause, to confirm or rule out.',
    fields: { text: 'The hypothesis', basis: 'What suggests it', evidence: EVIDENCE },
    example: { text: 'poison message', basis: 'one partition stuck' },
    cli: ['hypothesis', 'poison message', '--basis', 'one partition stuck'],
  },
  hypothesis_confirmed: {
    summary: 'Confirm a hypothesis as the cause.',
    fields: { hypothesisSeq: 'The hypothesis_proposed event', note: 'How it was confirmed', evidence: EVIDENCE },
    example: { hypothesisSeq: 2, note: 'found it in the DLQ' },
    cli: ['confirmed', '2', '--note', 'found it in the DLQ'],
  },
  hypothesis_rejected: {
    summary: 'Rule a hypothesis out, saying why.',
    fields: { hypothesisSeq: 'The hypothesis_proposed event', reason: 'Why it is ruled out', evidence: EVIDENCE },
    example: { hypothesisSeq: 2, reason: 'all partitions move' },
    cli: ['rejected', '2', '--reason', 'all partitions move'],
  },
  decision: {
    summary: 'A decision, its rationale and the options rejected.',
    fields: { decision: 'What was decided', rationale: 'Why', alternativesRejected: 'Options considered and why not: [{ option, reason }]', nextDecisionSeq: 'The next_decision event this decision takes' },
    example: { decision: 'roll back 4.2', rationale: 'fastest safe path', alternativesRejected: [{ option: 'hotfix', reason: 'too slow' }] },
    cli: ['decision', 'roll back 4.2', '--rationale', 'fastest safe path', '--rejected', 'hotfix: too slow'],
  },
  action_taken: {
    summary: 'Something someone did.',
    fields: { action: 'What was done', result: 'What happened', decisionSeq: 'The decision it carries out' },
    example: { action: 'drained node 3', result: 'errors down' },
    cli: ['action', 'drained node 3', '--result', 'errors down'],
  },
  mitigation_started: {
    summary: 'A mitigation in flight, with the signal that will show it worked and a deadline.',
    fields: { action: 'What is being done', expectedSignal: 'What will show it worked', deadline: 'When to call it failed (the CLI takes 15m, 23:50 or ISO)', hypothesisSeq: 'The hypothesis it acts on' },
    example: { action: 'restart consumers', expectedSignal: 'lag < 1k', deadline: '2030-01-01T00:15:00.000Z' },
    cli: ['mitigation', 'restart consumers', '--expect', 'lag < 1k', '--by', '2030-01-01T00:15Z'],
  },
  mitigation_verified: {
    summary: 'The mitigation worked.',
    fields: { mitigationSeq: 'The mitigation_started event', observed: 'What was observed', evidence: EVIDENCE },
    example: { mitigationSeq: 3, observed: 'lag at 200' },
    cli: ['verified', '3', 'lag at 200'],
  },
  mitigation_failed: {
    summary: 'The mitigation did not work.',
    fields: { mitigationSeq: 'The mitigation_started event', observed: 'What was observed', evidence: EVIDENCE },
    example: { mitigationSeq: 3, observed: 'lag still 50k' },
    cli: ['failed', '3', 'lag still 50k'],
  },
  unsafe_action_noted: {
    summary: 'Something nobody should do now, and why.',
    fields: { action: 'The dangerous action', reason: 'Why it is unsafe', condition: 'When it becomes safe', until: 'When it stops being unsafe on its own' },
    example: { action: 'restart the primary', reason: 'replica is behind' },
    cli: ['unsafe', 'restart the primary', '--reason', 'replica is behind'],
  },
  update_posted: {
    summary: 'A status update, internal or public, with the next update promised.',
    fields: { audience: 'internal or public', text: 'The update', nextUpdateAt: 'When the next update is due (the CLI takes 30m, 23:50 or ISO)' },
    example: { audience: 'public', text: 'we are restarting consumers' },
    cli: ['update', 'we are restarting consumers', '--public'],
  },
  checklist_item_checked: {
    summary: 'Answer a recovery check: pass, fail or not_applicable.',
    fields: { item: 'The check (the CLI takes its number or an unambiguous prefix)', result: 'pass, fail or not_applicable', negative: 'A check that something did not happen', note: 'Anything to add' },
    example: { item: 'Queues and backlogs drained', result: 'pass', negative: false },
    cli: ['check', 'queues', 'pass'],
  },
  reconciliation_opened: {
    summary: 'Start repairing data the incident damaged.',
    fields: { scope: 'What needs checking or repair', owner: 'Who owns it: { userId } or { label } (the CLI takes an email or a name)' },
    example: { scope: 'orders 14:00-15:00', owner: { label: 'payments team' } },
    cli: ['reconciliation_opened', 'orders 14:00-15:00', '--owner', 'payments team'],
  },
  reconciliation_progressed: {
    summary: 'Progress on a reconciliation.',
    fields: { reconciliationSeq: 'The reconciliation_opened event', note: 'Progress', owner: 'A new owner', recordsChecked: 'Records checked so far', recordsRepaired: 'Records repaired so far' },
    example: { reconciliationSeq: 4, note: 'half done', recordsChecked: 500 },
    cli: ['reconciliation_progressed', '4', 'half done', '--checked', '500'],
  },
  reconciliation_closed: {
    summary: 'Close a reconciliation with its outcome (it needs an owner).',
    fields: { reconciliationSeq: 'The reconciliation_opened event', outcome: 'How it ended' },
    example: { reconciliationSeq: 4, outcome: 'all repaired' },
    cli: ['reconciliation_closed', '4', 'all repaired'],
  },
  evidence_attached: {
    summary: 'Attach evidence kept in the database: a log excerpt, request ids, a link or a snapshot.',
    fields: { type: 'log_excerpt, request_ids, link or snapshot', title: 'What it is', content: 'The text (log_excerpt, snapshot)', requestIds: 'Request ids (request_ids)', url: 'The link (link)', alertPayloadId: 'A raw alert payload this cites (kept for the life of the incident)' },
    example: { type: 'link', title: 'lag dashboard', url: 'https://grafana.example.com/d/lag' },
    cli: ['evidence', 'link', 'lag dashboard', '--url', 'https://grafana.example.com/d/lag'],
  },
  marker: {
    summary: 'Mark a key moment: first_symptom, first_causal_change or detection (use --at for when).',
    fields: { marker: 'first_symptom, first_causal_change or detection', note: 'Anything to add' },
    example: { marker: 'first_symptom', note: 'first 502s' },
    cli: ['marker', 'first_symptom', '--note', 'first 502s'],
  },
  handoff: {
    summary: 'Hand a role (commander by default) to someone else.',
    fields: { role: 'The role handed over (default commander)', specialty: 'For specialists', to: 'Who takes it: { userId } or { label } (the CLI takes an email or a name)', notes: 'What they need to know' },
    example: { role: 'commander', to: { label: 'Bo on night shift' }, notes: 'rollback in flight' },
    cli: ['handoff', 'Bo on night shift', '--role', 'commander', '--notes', 'rollback in flight'],
  },
  note: {
    summary: 'A free-form note.',
    fields: { text: 'The note' },
    example: { text: 'vendor ticket opened' },
    cli: ['note', 'vendor ticket opened'],
  },
  amended: {
    summary: 'Correct an earlier event (events are never edited), optionally its time.',
    fields: { targetSeq: 'The event corrected', correction: 'What was wrong', occurredAt: 'The corrected time (the CLI takes --occurred 23:50, 15m or ISO)' },
    example: { targetSeq: 2, correction: 'it was partition 7' },
    cli: ['amended', '2', 'it was partition 7'],
  },
};

/** Copies a schema, putting a description on each top-level property. */
function describe(schema: TSchema, fields: Record<string, string>): TSchema {
  const copy = structuredClone(schema) as TSchema & { properties?: Record<string, TSchema> };
  for (const [name, prop] of Object.entries(copy.properties ?? {})) {
    if (fields[name]) prop.description = fields[name];
  }
  return copy;
}

/** The events request body as OpenAPI documents it: one object per kind, discriminated by `kind`. */
export function eventRequestDocSchema(): TSchema {
  const variants = (Object.keys(KIND_DOCS) as Array<keyof typeof KIND_DOCS>).map((kind) => {
    const doc = KIND_DOCS[kind];
    return Type.Object(
      {
        kind: Type.Literal(kind),
        occurredAt: Type.Optional(Type.String({ format: 'date-time', description: 'When it happened (default: now); more than a day before the declaration needs force' })),
        force: Type.Optional(Type.Boolean({ description: 'Accept an occurredAt more than a day before the declaration' })),
        body: describe(EVENT_BODIES[kind], doc.fields),
      },
      { additionalProperties: false, title: kind, description: doc.summary, example: { kind, body: doc.example } },
    );
  });
  return { oneOf: variants, discriminator: { propertyName: 'kind' }, description: 'One event; its body schema depends on kind' } as unknown as TSchema;
}

export const DOCUMENTED_KINDS = Object.keys(KIND_DOCS) as Array<keyof typeof KIND_DOCS>;
// Every kind a person may log is documented: a new kind without docs fails here at load.
for (const kind of Object.keys(EVENT_BODIES) as EventKind[]) {
  if (!SYSTEM_KINDS.has(kind) && !(kind in KIND_DOCS)) throw new Error(`event kind ${kind} has no entry in KIND_DOCS`);
}
