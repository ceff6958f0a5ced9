/**
 * The configuration file (`firebreak.yaml`): what `firebreak export` writes and
 * `firebreak apply` reads. Everything refers to everything else by name (users
 * by email), never by id, so a file applies to any server. Pure.
 */
import { Type, type Static } from '@sinclair/typebox';
import { PolicySchema } from '../incidents/events.js';
import { GoalSchema, ScheduleSchema } from '../drills/schemas.js';

const Name = Type.String({ minLength: 1, maxLength: 200 });
const Email = Type.String({ minLength: 3, maxLength: 320, pattern: '^[^@\\s]+@[^@\\s]+$' });
const Target = Type.Object({ type: Type.Union([Type.Literal('user'), Type.Literal('schedule'), Type.Literal('team')]), name: Type.String({ minLength: 1, maxLength: 320, description: 'an email for users, a name otherwise' }) }, { additionalProperties: false });

export const ManifestService = Type.Object(
  {
    name: Name,
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    ownerTeam: Type.Optional(Name),
    runbookUrl: Type.Optional(Type.String({ maxLength: 2000 })),
    tier: Type.Optional(Type.Integer({ minimum: 1, maximum: 4 })),
    escalationPolicy: Type.Optional(Name),
    groupBy: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 10 })),
    dependsOn: Type.Optional(Type.Array(Name, { maxItems: 100 })),
  },
  { additionalProperties: false },
);

export const ManifestIntegration = Type.Object(
  {
    service: Name,
    name: Name,
    kind: Type.Union([Type.Literal('alertmanager'), Type.Literal('pagerduty'), Type.Literal('grafana'), Type.Literal('generic'), Type.Literal('opsgenie'), Type.Literal('heartbeat')]),
    enabled: Type.Optional(Type.Boolean()),
    mappings: Type.Optional(Type.Record(Type.String({ maxLength: 50 }), Type.String({ maxLength: 300 }))),
    groupBy: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 10 })),
    heartbeatSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 604800 })),
  },
  { additionalProperties: false },
);

export const ManifestLayer = Type.Object(
  {
    name: Name,
    start: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}$', description: "local 'YYYY-MM-DDTHH:mm' in the schedule's zone" }),
    length: Type.Object({ unit: Type.Union([Type.Literal('hours'), Type.Literal('days'), Type.Literal('weeks')]), count: Type.Integer({ minimum: 1, maximum: 1000 }) }, { additionalProperties: false }),
    participants: Type.Array(Email, { minItems: 1, maxItems: 200 }),
    restrictions: Type.Optional(
      Type.Array(Type.Object({ days: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { minItems: 1, maxItems: 7 }), from: Type.String({ pattern: '^\\d{2}:\\d{2}$' }), to: Type.String({ pattern: '^\\d{2}:\\d{2}$' }) }, { additionalProperties: false }), { maxItems: 50 }),
    ),
  },
  { additionalProperties: false },
);

export const ManifestSchedule = Type.Object(
  { name: Name, description: Type.Optional(Type.String({ maxLength: 2000 })), timeZone: Type.String({ minLength: 1, maxLength: 100 }), ownerTeam: Type.Optional(Name), layers: Type.Array(ManifestLayer, { maxItems: 20 }) },
  { additionalProperties: false },
);

export const ManifestPolicy = Type.Object(
  {
    name: Name,
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    repeat: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
    repeatDelaySeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 86400 })),
    steps: Type.Array(Type.Object({ delaySeconds: Type.Integer({ minimum: 0, maximum: 86400 }), targets: Type.Array(Target, { minItems: 1, maxItems: 20 }) }, { additionalProperties: false }), { minItems: 1, maxItems: 20 }),
  },
  { additionalProperties: false },
);

export const ManifestComponent = Type.Object(
  {
    name: Name,
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    group: Type.Optional(Type.Boolean({ description: 'a group holds other components' })),
    inGroup: Type.Optional(Name),
    service: Type.Optional(Name),
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
    onlyShowIfDegraded: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const ManifestStatusPage = Type.Object(
  {
    slug: Type.String({ minLength: 1, maxLength: 100 }),
    name: Name,
    host: Type.Optional(Type.String({ maxLength: 253 })),
    timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    logoUrl: Type.Optional(Type.String({ maxLength: 2000 })),
    brandColor: Type.Optional(Type.String({ maxLength: 20 })),
    visibility: Type.Optional(Type.Union([Type.Literal('public'), Type.Literal('internal')])),
    components: Type.Optional(Type.Array(ManifestComponent, { maxItems: 500 })),
  },
  { additionalProperties: false },
);

export const ManifestRunbook = Type.Object(
  {
    title: Name,
    owner: Type.Optional(Email),
    ownerTeam: Type.Optional(Name),
    services: Type.Optional(Type.Array(Name, { maxItems: 50 })),
    matchers: Type.Optional(Type.Array(Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }), op: Type.Union([Type.Literal('='), Type.Literal('!='), Type.Literal('=~'), Type.Literal('!~')]), value: Type.String({ maxLength: 1000 }) }, { additionalProperties: false }), { maxItems: 20 })),
    body: Type.String({ maxLength: 200000 }),
  },
  { additionalProperties: false },
);

export const ManifestDrill = Type.Object(
  {
    name: Name,
    service: Name,
    format: Type.Union([Type.Literal('alertmanager'), Type.Literal('pagerduty'), Type.Literal('generic')]),
    payload: Type.Record(Type.String(), Type.Unknown()),
    responders: Type.Optional(Type.Array(Email, { maxItems: 50 })),
    goals: Type.Array(GoalSchema, { minItems: 1, maxItems: 10 }),
    schedule: ScheduleSchema,
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const Manifest = Type.Object(
  {
    version: Type.Literal(1),
    incidentPolicy: Type.Optional(PolicySchema),
    statusPages: Type.Optional(Type.Array(ManifestStatusPage)),
    runbooks: Type.Optional(Type.Array(ManifestRunbook)),
    drills: Type.Optional(Type.Array(ManifestDrill)),
    services: Type.Optional(Type.Array(ManifestService)),
    integrations: Type.Optional(Type.Array(ManifestIntegration)),
    schedules: Type.Optional(Type.Array(ManifestSchedule)),
    escalationPolicies: Type.Optional(Type.Array(ManifestPolicy)),
  },
  { additionalProperties: false },
);

export type Manifest = Static<typeof Manifest>;
export type ManifestService = Static<typeof ManifestService>;
export type ManifestIntegration = Static<typeof ManifestIntegration>;
export type ManifestSchedule = Static<typeof ManifestSchedule>;
export type ManifestPolicy = Static<typeof ManifestPolicy>;
export type ManifestStatusPage = Static<typeof ManifestStatusPage>;
export type ManifestComponent = Static<typeof ManifestComponent>;
export type ManifestRunbook = Static<typeof ManifestRunbook>;
export type ManifestDrill = Static<typeof ManifestDrill>;
