import { Type } from '@sinclair/typebox';
import { Body, IsoTime, Uuid, RefId } from '../../http/schemas.js';
import { GOAL_KINDS } from './goals.js';
import { WEEKDAYS } from './schedule.js';
import { DRILL_FORMATS } from './tables.js';

const Nullable = <T extends ReturnType<typeof Type.String> | ReturnType<typeof Type.Integer>>(schema: T) => Type.Union([schema, Type.Null()]);
const LocalTime = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'Local time HH:MM' });
const Zone = Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. Europe/Berlin' });

export const ScheduleSchema = Type.Union(
  [
    Type.Object({ kind: Type.Literal('once'), at: IsoTime }, { additionalProperties: false }),
    Type.Object({ kind: Type.Literal('daily'), time: LocalTime, zone: Zone }, { additionalProperties: false }),
    Type.Object({ kind: Type.Literal('weekly'), days: Type.Array(Type.Union(WEEKDAYS.map((d) => Type.Literal(d))), { minItems: 1, maxItems: 7 }), time: LocalTime, zone: Zone }, { additionalProperties: false }),
  ],
  { description: 'once at an instant, or daily / weekly at a local time in an IANA zone' },
);

export const GoalSchema = Type.Object(
  { kind: Type.Union(GOAL_KINDS.map((k) => Type.Literal(k))), minutes: Type.Integer({ minimum: 1, maximum: 10080, description: 'Within this many minutes of firing' }) },
  { additionalProperties: false },
);

export const FormatSchema = Type.Union(DRILL_FORMATS.map((f) => Type.Literal(f)));

export const DrillAlertSchema = Type.Object(
  {
    format: FormatSchema,
    payload: Type.Object({}, { additionalProperties: true, description: 'The alert exactly as the sender posts it in this format' }),
  },
  { additionalProperties: false },
);

export const NewDrillBody = Body({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  serviceId: RefId('service'),
  alert: DrillAlertSchema,
  responders: Type.Optional(Type.Array(RefId('user'), { maxItems: 50, description: 'User ids expected to respond' })),
  goals: Type.Array(GoalSchema, { minItems: 1, maxItems: 10 }),
  schedule: ScheduleSchema,
  enabled: Type.Optional(Type.Boolean()),
});

export const DrillChangesBody = Body({
  enabled: Type.Optional(Type.Boolean()),
  goals: Type.Optional(Type.Array(GoalSchema, { minItems: 1, maxItems: 10 })),
  responders: Type.Optional(Type.Array(RefId('user'), { maxItems: 50 })),
  schedule: Type.Optional(ScheduleSchema),
});

export const DrillSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  serviceId: Uuid,
  integrationId: Uuid,
  alert: DrillAlertSchema,
  responders: Type.Array(Uuid),
  goals: Type.Array(GoalSchema),
  schedule: ScheduleSchema,
  scheduleText: Type.String(),
  nextFireAt: Nullable(Type.String()),
  enabled: Type.Boolean(),
  createdBy: Type.String(),
  createdAt: Type.String(),
});

const GoalResultSchema = Type.Object({
  kind: Type.Union(GOAL_KINDS.map((k) => Type.Literal(k))),
  minutes: Type.Integer(),
  seconds: Nullable(Type.Integer()),
  outcome: Type.Union([Type.Literal('met'), Type.Literal('missed'), Type.Literal('pending')]),
});

export const RunSummarySchema = Type.Object({
  id: Uuid,
  drillId: Uuid,
  trigger: Type.Union([Type.Literal('schedule'), Type.Literal('manual')]),
  occurrence: Type.String(),
  firedAt: Type.String(),
  firedBy: Type.String(),
  alerts: Type.Integer(),
  alertGroupId: Nullable(Type.String()),
  incidentId: Nullable(Type.String()),
  incidentRef: Nullable(Type.String()),
});

export const RunReportSchema = Type.Intersect([
  RunSummarySchema,
  Type.Object({
    drillName: Type.String(),
    acknowledgedAt: Nullable(Type.String()),
    sharedPictureAt: Nullable(Type.String()),
    mitigatedAt: Nullable(Type.String()),
    resolvedAt: Nullable(Type.String()),
    goals: Type.Array(GoalResultSchema),
    expectedResponders: Type.Array(Uuid),
    respondersWhoActed: Type.Array(Uuid),
  }),
]);

export const TrendSchema = Type.Object({
  drillId: Uuid,
  runs: Type.Integer(),
  goals: Type.Array(
    Type.Object({
      kind: Type.Union(GOAL_KINDS.map((k) => Type.Literal(k))),
      minutes: Type.Integer(),
      met: Type.Integer(),
      missed: Type.Integer(),
      pending: Type.Integer(),
      runs: Type.Array(Type.Object({ runId: Uuid, firedAt: Type.String(), seconds: Nullable(Type.Integer()), outcome: Type.String() })),
    }),
  ),
});

export const RunParams = Type.Object({ id: Uuid, runId: Uuid });
