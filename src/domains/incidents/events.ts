/**
 * Every event kind and the schema of its body. Bodies refuse unknown fields;
 * cross-field rules a schema cannot say live in `checks`.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Body, RefId } from '../../http/schemas.js';
import { OPEN_STATUSES, ROLE_NAMES, SEVERITIES, STATUSES } from './model.js';
import { PUBLIC_UPDATE_FIELDS } from './public-update.js';

const Text = (maxLength = 4000) => Type.String({ minLength: 1, maxLength });
const Time = Type.String({ format: 'date-time' });
const Seq = Type.Integer({ minimum: 1 });
const UserId = RefId('user');
const SeveritySchema = Type.Union(SEVERITIES.map((s) => Type.Literal(s)));
const Role = Type.Union(ROLE_NAMES.map((r) => Type.Literal(r)));
const Specialty = Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' });
const Evidence = Type.Array(Seq, { maxItems: 50, description: 'Sequence numbers of evidence_attached events this cites' });
const HolderInput = Type.Object(
  { userId: Type.Optional(UserId), label: Type.Optional(Text(200)) },
  { additionalProperties: false, description: 'A user (userId) or someone without an account (label)' },
);
const CohortDimension = Type.Union(['tenant', 'region', 'endpoint', 'plan', 'custom'].map((d) => Type.Literal(d)));
const Override = Body({ reason: Text(2000) });
/** A body with a description of what the kind records. */
const Described = <P extends Record<string, TSchema>>(properties: P, options: { description: string }) =>
  Type.Object(properties, { additionalProperties: false, ...options });

export const SeverityDefinitionSchema = Type.Object(
  {
    definition: Type.String({ minLength: 1, maxLength: 2000 }),
    responseTargetMinutes: Type.Union([Type.Integer({ minimum: 1, maximum: 100_000 }), Type.Null()]),
    responseTargetLabel: Type.String({ minLength: 1, maxLength: 100 }),
    updateCadenceMinutes: Type.Union([Type.Integer({ minimum: 1, maximum: 100_000 }), Type.Null()]),
    monitoringMinutes: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 10_080, description: 'Time in monitoring before resolving (recovery is a phase; 15 to 30 minutes is usual); 0 for none' }),
    ),
  },
  { additionalProperties: false },
);

export const PolicySchema = Type.Object(
  {
    severities: Type.Object(
      { SEV1: SeverityDefinitionSchema, SEV2: SeverityDefinitionSchema, SEV3: SeverityDefinitionSchema, SEV4: SeverityDefinitionSchema },
      { additionalProperties: false },
    ),
    recoveryChecklist: Type.Array(
      Type.Object({ item: Type.String({ minLength: 1, maxLength: 300 }), negative: Type.Boolean() }, { additionalProperties: false }),
      { maxItems: 50 },
    ),
    roleHandoffMinutes: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 10_080, description: 'Suggest handing off a role held longer than this (rotate roles before people are exhausted)' }),
    ),
  },
  { additionalProperties: false },
);

/** Body schemas by kind. */
export const EVENT_BODIES = {
  declared: Body({
    ref: Type.String(),
    title: Text(200),
    severity: SeveritySchema,
    impact: Type.Union([Type.String(), Type.Null()]),
    services: Type.Array(Type.String()),
    private: Type.Boolean(),
    drill: Type.Boolean(),
    commander: Type.Union([Type.Object({ userId: Type.Union([UserId, Type.Null()]), label: Type.String() }), Type.Null()]),
    policy: PolicySchema,
  }),
  severity_changed: Body({ severity: SeveritySchema, reason: Text(2000) }),
  severity_confirmed: Described({ note: Type.Optional(Text(2000)) }, { description: 'A person confirms the current severity: ends triage and any pending severity review' }),
  status_changed: Body({
    status: Type.Union(STATUSES.map((s) => Type.Literal(s))),
    reason: Type.Optional(Text(2000)),
    summary: Type.Optional(Text()),
    override: Type.Optional(Override),
  }),
  resolved: Body({ summary: Type.Optional(Text()), override: Type.Optional(Override) }),
  reopened: Body({ reason: Text(2000), status: Type.Optional(Type.Union(OPEN_STATUSES.map((s) => Type.Literal(s)))) }),
  role_assigned: Body({ role: Role, specialty: Type.Optional(Specialty), userId: Type.Optional(UserId), label: Type.Optional(Text(200)) }),
  role_released: Body({ role: Role, specialty: Type.Optional(Specialty), reason: Type.Optional(Text(2000)) }),
  member_added: Body({ userId: UserId }),
  impact_stated: Body({
    statement: Text(),
    journeys: Type.Array(
      Type.Object(
        {
          journey: Text(200),
          effect: Type.Union([Type.Literal('degraded'), Type.Literal('down'), Type.Literal('slow')]),
          priority: Type.Optional(Type.Boolean({ description: 'The immediate business priority; only one journey can be' })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 50 },
    ),
    writesSafe: Type.Union([Type.Literal('yes'), Type.Literal('no'), Type.Literal('unknown')]),
    affected: Type.Optional(
      Type.Object(
        {
          users: Type.Optional(Type.Integer({ minimum: 0, maximum: 2_147_483_647, description: 'How many users are affected' })),
          percent: Type.Optional(Type.Number({ minimum: 0, maximum: 100, description: 'Share of users or requests affected, in percent' })),
        },
        { additionalProperties: false, minProperties: 1, description: 'How many are affected (how many users)' },
      ),
    ),
    since: Type.Optional(Type.String({ format: 'date-time', description: 'Since when users are affected' })),
  }),
  cohort_affected: Body({ dimension: CohortDimension, value: Text(200), note: Type.Optional(Text(2000)) }),
  cohort_unaffected: Described(
    { dimension: CohortDimension, value: Text(200), note: Type.Optional(Text(2000)) },
    { description: 'A cohort known to be safe (who is safe, who is harmed)' },
  ),
  cohort_cleared: Body({ dimension: CohortDimension, value: Text(200), note: Type.Optional(Text(2000)) }),
  observation: Body({ text: Text(), evidence: Type.Optional(Evidence) }),
  no_hypothesis: Described(
    { investigating: Text(), note: Type.Optional(Text()) },
    { description: 'No hypothesis yet: says what the room is investigating instead' },
  ),
  hypothesis_proposed: Body({ text: Text(), basis: Type.Optional(Text()), evidence: Type.Optional(Evidence) }),
  hypothesis_confirmed: Body({ hypothesisSeq: Seq, note: Type.Optional(Text()), evidence: Type.Optional(Evidence) }),
  hypothesis_rejected: Body({ hypothesisSeq: Seq, reason: Text(), evidence: Type.Optional(Evidence) }),
  decision: Body({
    decision: Text(),
    rationale: Text(),
    alternativesRejected: Type.Array(Type.Object({ option: Text(1000), reason: Text(2000) }, { additionalProperties: false }), { maxItems: 20 }),
    nextDecisionSeq: Type.Optional(Type.Integer({ minimum: 1, description: 'The next_decision event this decision takes' })),
  }),
  next_decision: Described(
    { decision: Text(1000), owner: HolderInput, dueAt: Type.String({ format: 'date-time', description: 'When the decision will be taken' }) },
    { description: 'The next decision the room faces, who takes it and by when' },
  ),
  action_taken: Body({ action: Text(), result: Type.Optional(Text()), decisionSeq: Type.Optional(Seq) }),
  mitigation_started: Body({ action: Text(), expectedSignal: Text(), deadline: Time, hypothesisSeq: Type.Optional(Seq) }),
  mitigation_verified: Body({ mitigationSeq: Seq, observed: Text(), evidence: Type.Optional(Evidence) }),
  mitigation_failed: Body({ mitigationSeq: Seq, observed: Text(), evidence: Type.Optional(Evidence) }),
  unsafe_action_noted: Body({
    action: Text(),
    reason: Text(),
    condition: Type.Optional(Text(1000)),
    until: Type.Optional(Type.String({ format: 'date-time', description: 'When it stops being unsafe on its own' })),
  }),
  unsafe_action_lifted: Body({ unsafeSeq: Seq, reason: Text(2000) }),
  no_unsafe_actions_known: Described({ note: Type.Optional(Text(2000)) }, { description: 'The room reviewed unsafe actions and knows of none' }),
  update_posted: Body({
    audience: Type.Union([Type.Literal('internal'), Type.Literal('public')]),
    text: Text(10_000),
    nextUpdateAt: Type.Optional(Time),
    ...PUBLIC_UPDATE_FIELDS,
  }),
  checklist_item_checked: Body({
    item: Text(300),
    result: Type.Union([Type.Literal('pass'), Type.Literal('fail'), Type.Literal('not_applicable')]),
    negative: Type.Optional(Type.Boolean({ description: 'A check that something did not happen, such as "no duplicate charges"' })),
    note: Type.Optional(Text()),
  }),
  reconciliation_opened: Body({ scope: Text(), owner: Type.Optional(HolderInput) }),
  reconciliation_progressed: Body({
    reconciliationSeq: Seq,
    note: Text(),
    owner: Type.Optional(HolderInput),
    recordsChecked: Type.Optional(Type.Integer({ minimum: 0 })),
    recordsRepaired: Type.Optional(Type.Integer({ minimum: 0 })),
  }),
  reconciliation_closed: Body({ reconciliationSeq: Seq, outcome: Text() }),
  evidence_attached: Body({
    type: Type.Union([Type.Literal('log_excerpt'), Type.Literal('request_ids'), Type.Literal('link'), Type.Literal('snapshot')]),
    title: Text(300),
    content: Type.Optional(Type.String({ minLength: 1, maxLength: 256 * 1024, description: 'Kept in the database, so it outlives the source' })),
    requestIds: Type.Optional(Type.Array(Text(200), { minItems: 1, maxItems: 1000 })),
    url: Type.Optional(Type.String({ format: 'uri', pattern: '^[Hh][Tt][Tt][Pp][Ss]?://', maxLength: 2000, description: 'an http(s) URL' })),
    alertPayloadId: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'A raw alert payload this cites; it is then kept for the life of the incident' }),
    ),
  }),
  marker: Body({
    marker: Type.Union([Type.Literal('first_symptom'), Type.Literal('first_causal_change'), Type.Literal('detection')]),
    note: Type.Optional(Text()),
  }),
  handoff: Body({ role: Type.Optional(Role), specialty: Type.Optional(Specialty), to: HolderInput, notes: Type.Optional(Text(10_000)) }),
  note: Body({ text: Text(10_000) }),
  amended: Body({ targetSeq: Seq, correction: Text(), occurredAt: Type.Optional(Time) }),
  reminder: Body({
    reason: Type.Union([Type.Literal('update_due'), Type.Literal('mitigation_deadline'), Type.Literal('triage_due'), Type.Literal('public_update_due')]),
    /** Consecutive missed updates (heartbeat); absent on the first reminder. */
    miss: Type.Optional(Type.Integer({ minimum: 1 })),
    dueAt: Time,
    mitigationSeq: Type.Optional(Seq),
  }),
  alert_attached: Body({
    alertGroupId: Text(200),
    serviceId: Text(200),
    summary: Text(),
    severity: Text(40),
    source: Text(200),
    alertCount: Type.Optional(Type.Integer({ minimum: 0 })),
    incidentSeverity: Type.Optional(SeveritySchema),
    rules: Type.Optional(Type.Array(Text(200), { maxItems: 50, description: 'Alert rule names (alertname) in the group when it was attached' })),
    fingerprints: Type.Optional(Type.Array(Text(200), { maxItems: 50, description: 'Fingerprints (dedup keys) of the alerts in the group when it was attached' })),
  }),
  alert_resolved: Body({ alertGroupId: Text(200), summary: Type.Optional(Text()) }),
  responder_paged: Described(
    {
      target: Type.Object(
        { type: Type.Union([Type.Literal('user'), Type.Literal('schedule'), Type.Literal('team')]), id: Text(200), name: Text(300) },
        { additionalProperties: false },
      ),
      reason: Text(2000),
      escalationId: Text(200),
    },
    { description: 'A responder paged a person, a schedule or a team into the incident, with a reason (missing authority, expertise or capacity); written by Firebreak with the page' },
  ),
} satisfies Record<string, TSchema>;

export type EventKind = keyof typeof EVENT_BODIES;
export type BodyOf<K extends EventKind> = Static<(typeof EVENT_BODIES)[K]>;
export const EVENT_KINDS = Object.keys(EVENT_BODIES) as EventKind[];

/** Kinds Firebreak writes itself; the events endpoint refuses them. */
export const SYSTEM_KINDS: ReadonlySet<EventKind> = new Set<EventKind>(['declared', 'reminder', 'alert_attached', 'alert_resolved', 'responder_paged']);

export function isEventKind(kind: string): kind is EventKind {
  return Object.hasOwn(EVENT_BODIES, kind);
}

/** An event whose body has been validated against its kind's schema. */
export type IncidentEvent = {
  [K in EventKind]: { kind: K; incidentId: string; seq: number; actorId: string | null; actorLabel: string; occurredAt: string; recordedAt: string; body: BodyOf<K> };
}[EventKind];

export type EventOf<K extends EventKind> = Extract<IncidentEvent, { kind: K }>;
