import { Type } from '@sinclair/typebox';
import { Body, Cursor, IsoTime, Limit, Reference, RefId, Uuid } from '../../http/schemas.js';
import { PolicySchema } from './events.js';
import { SEVERITIES, STATUSES } from './model.js';

const Severity = Type.Union(SEVERITIES.map((s) => Type.Literal(s)));
const Status = Type.Union(STATUSES.map((s) => Type.Literal(s)));

export const IncidentParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64, description: 'The incident: its reference (INC-42, inc-42, INC-042), its number (42) or its id' }),
});

export const DeclareBody = Body({
  title: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
  severity: Severity,
  impact: Type.Optional(Type.String({ minLength: 1, maxLength: 4000 })),
  services: Type.Optional(Type.Array(Reference('service', Type.String({ minLength: 1, maxLength: 200, description: 'Service name or id' })), { maxItems: 100 })),
  private: Type.Optional(Type.Boolean()),
  drill: Type.Optional(Type.Boolean()),
  commanderId: Type.Optional(RefId('user')),
});

export const NewEventBody = Body({
  kind: Type.String({ minLength: 1, maxLength: 64, description: 'The event kind; each kind has its own body schema' }),
  occurredAt: Type.Optional(IsoTime),
  force: Type.Optional(Type.Boolean({ description: 'Accept an occurredAt more than a day before the declaration' })),
  body: Type.Object({}, { additionalProperties: true, description: 'Validated against the schema of `kind`' }),
});

/** The projected state; its shape is IncidentState in model.ts. */
export const IncidentStateSchema = Type.Object(
  { id: Uuid, ref: Type.String(), title: Type.String(), severity: Severity, status: Status, updateOverdue: Type.Boolean() },
  { additionalProperties: true },
);

export const EventSchema = Type.Object({
  incidentId: Uuid,
  seq: Type.Integer(),
  kind: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorLabel: Type.String(),
  occurredAt: Type.String(),
  recordedAt: Type.String(),
  body: Type.Unknown(),
});

export const AppendedEventSchema = Type.Intersect([EventSchema, Type.Object({ warnings: Type.Array(Type.String()) })]);

/** What ?dryRun=true answers: the event and the projection the append would produce; nothing is stored. */
export const DryRunSchema = Type.Object({ dryRun: Type.Literal(true), event: EventSchema, state: IncidentStateSchema, warnings: Type.Array(Type.String()) });

export const AppendQuery = Type.Object(
  { dryRun: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')], { description: 'true: validate and return the event and projection the append would produce, writing nothing' })) },
  { additionalProperties: false },
);

export const EventsQuery = Type.Object(
  { after: Type.Optional(Type.Integer({ minimum: 0, default: 0 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 200 })) },
  { additionalProperties: false },
);

export const EventsPage = Type.Object({ incidentId: Uuid, ref: Type.String(), lastSeq: Type.Integer(), events: Type.Array(EventSchema) });

export const ListQuery = Type.Object(
  {
    status: Type.Optional(Type.Union([Status, Type.Literal('open')])),
    severity: Type.Optional(Severity),
    service: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    commander: Type.Optional(Uuid),
    drill: Type.Optional(Type.Boolean()),
    declaredFrom: Type.Optional(IsoTime),
    declaredTo: Type.Optional(IsoTime),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    cursor: Type.Optional(Cursor),
    limit: Type.Optional(Limit),
  },
  { additionalProperties: false },
);

const Summary = Type.Object({
  id: Uuid,
  ref: Type.String(),
  title: Type.String(),
  severity: Severity,
  status: Status,
  private: Type.Boolean(),
  drill: Type.Boolean(),
  commander: Type.Union([Type.Object({ userId: Type.Union([Type.String(), Type.Null()]), label: Type.String() }), Type.Null()]),
  services: Type.Array(Type.String()),
  declaredAt: Type.String(),
  resolvedAt: Type.Union([Type.String(), Type.Null()]),
  nextUpdateDue: Type.Union([Type.String(), Type.Null()]),
  sharedPicture: Type.Boolean(),
  updateOverdue: Type.Boolean({ description: 'The next update is due and has not been posted' }),
  lastEventAt: Type.String(),
});

export const IncidentList = Type.Object({ incidents: Type.Array(Summary), nextCursor: Type.Union([Type.String(), Type.Null()]) });

export const HandoffQuery = Type.Object(
  { format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('markdown')])) },
  { additionalProperties: false },
);

export const HandoffSchema = Type.Object({ ref: Type.String(), title: Type.String() }, { additionalProperties: true });

export const PolicyBody = PolicySchema;
