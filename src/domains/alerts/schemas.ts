import { Type } from '@sinclair/typebox';
import { Body, IsoTime, Uuid, RefId } from '../../http/schemas.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const LabelName = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z_][A-Za-z0-9_.-]*$' });
const GroupBy = Type.Array(LabelName, { maxItems: 10, uniqueItems: true, description: 'Label names that split alert groups (overrides the service)' });
const Mappings = Type.Record(Type.String({ maxLength: 50 }), Type.String({ maxLength: 300 }), {
  description: 'Generic integrations: JSONPath per field (dedupKey and summary required; severity, status, labels, rule, startsAt, alerts optional)',
});
export const StatusSchema = Type.Union([Type.Literal('triggered'), Type.Literal('acknowledged'), Type.Literal('resolved')]);
export const SeveritySchema = Type.Union([Type.Literal('critical'), Type.Literal('error'), Type.Literal('warning'), Type.Literal('info')]);

export const IntegrationSchema = Type.Object({
  id: Uuid,
  serviceId: Uuid,
  kind: Type.String(),
  name: Type.String(),
  keyPrefix: Type.String(),
  enabled: Type.Boolean(),
  mappings: Nullable(Type.Record(Type.String(), Type.String())),
  groupBy: Nullable(Type.Array(Type.String())),
  intakePath: Type.String(),
  heartbeat: Nullable(
    Type.Object({
      intervalSeconds: Type.Integer(),
      state: Type.Union([Type.Literal('waiting'), Type.Literal('ok'), Type.Literal('missed')]),
      dueAt: Type.String(),
      lastPingAt: Nullable(Type.String()),
      missedAt: Nullable(Type.String()),
      pings: Type.Integer(),
      misses: Type.Integer(),
    }),
  ),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export const CreatedIntegrationSchema = Type.Composite([
  IntegrationSchema,
  Type.Object({ key: Type.String({ description: 'Shown once; store it now' }), intakeUrl: Type.String({ description: 'Path to send to, including the key' }) }),
]);
export const NewIntegrationBody = Body({
  kind: Type.Union([Type.Literal('alertmanager'), Type.Literal('pagerduty'), Type.Literal('grafana'), Type.Literal('generic'), Type.Literal('opsgenie'), Type.Literal('heartbeat')]),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  mappings: Type.Optional(Mappings),
  groupBy: Type.Optional(GroupBy),
  heartbeat: Type.Optional(Type.Object({ intervalSeconds: Type.Integer({ minimum: 1, maximum: 604800, description: 'A ping must come within this many seconds of the last one' }) }, { additionalProperties: false })),
});
export const IntegrationChangesBody = Body({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  enabled: Type.Optional(Type.Boolean()),
  mappings: Type.Optional(Mappings),
  groupBy: Type.Optional(GroupBy),
  heartbeat: Type.Optional(Type.Object({ intervalSeconds: Type.Integer({ minimum: 1, maximum: 604800, description: 'A ping must come within this many seconds of the last one' }) }, { additionalProperties: false })),
});

export const AlertSchema = Type.Object({
  id: Uuid,
  integrationId: Uuid,
  serviceId: Uuid,
  dedupKey: Type.String(),
  source: Type.String(),
  status: StatusSchema,
  severity: SeveritySchema,
  summary: Type.String(),
  rule: Nullable(Type.String()),
  labels: Type.Record(Type.String(), Type.String()),
  links: Type.Array(Type.Object({ href: Type.String(), text: Type.String() })),
  groupId: Nullable(Type.String()),
  suppressedBy: Nullable(Type.String()),
  firstSeenAt: Type.String(),
  lastSeenAt: Type.String(),
  count: Type.Integer(),
  triggerCount: Type.Integer(),
  stateChanges: Type.Integer(),
  flapping: Type.Boolean(),
  acknowledgedAt: Nullable(Type.String()),
  acknowledgedBy: Nullable(Type.String()),
  resolvedAt: Nullable(Type.String()),
  resolvedBy: Nullable(Type.String()),
});
export const AlertDetailSchema = Type.Composite([
  AlertSchema,
  Type.Object({
    payload: Type.Unknown(),
    history: Type.Array(Type.Object({ at: Type.String(), from: Nullable(Type.String()), to: Type.String(), actor: Type.String(), flapping: Type.Boolean() })),
  }),
]);

export const GroupSchema = Type.Object({
  id: Uuid,
  serviceId: Uuid,
  groupLabels: Type.Record(Type.String(), Type.String()),
  status: StatusSchema,
  severity: SeveritySchema,
  summary: Type.String(),
  open: Type.Boolean(),
  openedAt: Type.String(),
  lastAlertAt: Type.String(),
  acknowledgedAt: Nullable(Type.String()),
  resolvedAt: Nullable(Type.String()),
  alertCount: Type.Integer(),
  openCount: Type.Integer(),
  occurrences: Type.Integer(),
  incidentId: Nullable(Type.String()),
  incidentRef: Nullable(Type.String()),
  escalationPolicyId: Nullable(Type.String()),
  drill: Type.Boolean({ description: 'Opened by a drill' }),
});

export const AlertListQuery = Type.Object(
  {
    serviceId: Type.Optional(Uuid),
    integrationId: Type.Optional(Uuid),
    groupId: Type.Optional(Uuid),
    status: Type.Optional(StatusSchema),
    severity: Type.Optional(SeveritySchema),
    dedupKey: Type.Optional(Type.String({ maxLength: 255 })),
    rule: Type.Optional(Type.String({ maxLength: 200 })),
    suppressed: Type.Optional(Type.Boolean()),
    flapping: Type.Optional(Type.Boolean()),
    since: Type.Optional(IsoTime),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);
export const GroupListQuery = Type.Object(
  {
    serviceId: Type.Optional(Uuid),
    status: Type.Optional(StatusSchema),
    since: Type.Optional(IsoTime),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);
export const NoteBody = Body({ note: Type.Optional(Type.String({ maxLength: 2000 })) });

export const MatcherSchema = Type.Object(
  {
    name: LabelName,
    op: Type.Union([Type.Literal('='), Type.Literal('!='), Type.Literal('=~'), Type.Literal('!~')]),
    value: Type.String({ maxLength: 1024 }),
  },
  { additionalProperties: false },
);
export const SilenceSchema = Type.Object({
  id: Uuid,
  matchers: Type.Array(Type.Object({ name: Type.String(), op: Type.String(), value: Type.String() })),
  serviceId: Nullable(Type.String()),
  startsAt: Type.String(),
  endsAt: Type.String(),
  createdBy: Type.String(),
  comment: Type.String(),
  createdAt: Type.String(),
  expiredAt: Nullable(Type.String()),
  active: Type.Boolean(),
});
export const NewSilenceBody = Body({
  matchers: Type.Array(MatcherSchema, { minItems: 1, maxItems: 20 }),
  serviceId: Type.Optional(RefId('service')),
  startsAt: Type.Optional(IsoTime),
  endsAt: IsoTime,
  comment: Type.String({ minLength: 1, maxLength: 2000 }),
});
export const SilenceListQuery = Type.Object({ active: Type.Optional(Type.Boolean()) }, { additionalProperties: false });

export const MaintenanceSchema = Type.Object({
  id: Uuid,
  serviceId: Uuid,
  startsAt: Type.String(),
  endsAt: Type.String(),
  reason: Type.String(),
  createdBy: Type.String(),
  createdAt: Type.String(),
});
export const NewMaintenanceBody = Body({ startsAt: IsoTime, endsAt: IsoTime, reason: Type.String({ minLength: 1, maxLength: 2000 }) });
export const MaintenanceParams = Type.Object({ id: Uuid, windowId: Uuid });

export const TestAlertBody = Body({
  serviceId: RefId('service'),
  summary: Type.String({ minLength: 1, maxLength: 1024 }),
  severity: Type.Optional(SeveritySchema),
  dedupKey: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
  labels: Type.Optional(Type.Record(Type.String({ maxLength: 100 }), Type.String({ maxLength: 1024 }), { maxProperties: 64 })),
  resolve: Type.Optional(Type.Boolean()),
});

export const NoiseQuery = Type.Object(
  { from: Type.Optional(IsoTime), to: Type.Optional(IsoTime), serviceId: Type.Optional(Uuid), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })) },
  { additionalProperties: false },
);
const NoiseRow = Type.Object({
  serviceId: Type.String(),
  rule: Type.Optional(Nullable(Type.String())),
  alerts: Type.Integer(),
  fired: Type.Integer(),
  acknowledgedShare: Type.Number(),
  incidentShare: Type.Number(),
  neverActedOnShare: Type.Number(),
});
export const NoiseSchema = Type.Object({ from: Type.String(), to: Type.String(), services: Type.Array(NoiseRow), rules: Type.Array(NoiseRow), advice: Type.String() });

/** An intake journal entry set aside after failing to apply too often. */
export const SetAsideEntrySchema = Type.Object({
  id: Type.Integer(),
  serviceId: Type.String(),
  integrationId: Type.String(),
  receivedAt: IsoTime,
  requestId: Nullable(Type.String()),
  attempts: Type.Integer(),
  lastError: Nullable(Type.String()),
  setAsideAt: IsoTime,
  signals: Type.Integer({ description: 'How many alert signals the request carried' }),
});

export const JournalEntryParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 9007199254740991 }) });
