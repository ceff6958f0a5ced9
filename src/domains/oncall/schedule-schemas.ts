/** Route schemas of on-call schedules, overrides and calendar feeds (TypeBox: validation, types, OpenAPI). */
import { Type } from '@sinclair/typebox';
import { Body, IsoTime, Uuid, RefId, Reference } from '../../http/schemas.js';
import { MAX_LAYERS, MAX_PARTICIPANTS, MAX_RESTRICTIONS } from './schedule-validate.js';
import { FEED_TOKEN_PATTERN } from './ical-service.js';

const ScheduleName = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9][A-Za-z0-9._ -]*$', description: 'Unique name' });
/** A schedule's id or its name, in paths and queries. */
export const ScheduleRef = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9][A-Za-z0-9._ -]*$', description: 'Schedule id or name' });
/** Free text; NUL is refused here because PostgreSQL cannot store it (SQLite could), so both dialects answer alike. */
const Text = (maxLength: number, minLength = 0) => Type.String({ minLength, maxLength, pattern: '^[^\\u0000]*$' });
const TimeOfDay = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'Local time HH:mm' });
const TimeZone = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_+/-]+$', description: 'IANA time zone, e.g. Europe/Berlin' });

const Restriction = Type.Object(
  {
    days: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { minItems: 1, maxItems: 7, uniqueItems: true, description: 'ISO weekdays: 1 = Monday … 7 = Sunday' }),
    from: TimeOfDay,
    to: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'Local time HH:mm; at or before `from` ends on the next day' }),
  },
  { additionalProperties: false },
);

const LayerBody = Type.Object(
  {
    name: Text(100, 1),
    start: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'Local date and time of the first hand-off (YYYY-MM-DDTHH:mm) in the schedule zone; its time is the hand-off time' }),
    length: Type.Object(
      {
        unit: Type.Union([Type.Literal('hours'), Type.Literal('days'), Type.Literal('weeks')], { description: 'hours count elapsed time; days and weeks count calendar days in the schedule zone' }),
        count: Type.Integer({ minimum: 1, maximum: 8760 }),
      },
      { additionalProperties: false },
    ),
    participants: Type.Array(RefId('user'), { minItems: 1, maxItems: MAX_PARTICIPANTS, description: 'User ids in rotation order' }),
    restrictions: Type.Optional(Type.Array(Restriction, { maxItems: MAX_RESTRICTIONS, description: 'When the layer is active; omitted or empty = always' })),
  },
  { additionalProperties: false },
);

const LayerSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  start: Type.String(),
  length: Type.Object({ unit: Type.String(), count: Type.Integer() }),
  participants: Type.Array(Type.String()),
  restrictions: Type.Array(Type.Object({ days: Type.Array(Type.Integer()), from: Type.String(), to: Type.String() })),
});

const Gap = Type.Object({ start: Type.String(), end: Type.String() });

export const ScheduleSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  timeZone: Type.String(),
  ownerTeamId: Type.Union([Type.String(), Type.Null()]),
  layers: Type.Array(LayerSchema),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const ScheduleDetailSchema = Type.Composite([
  ScheduleSchema,
  Type.Object({
    upcomingGaps: Type.Array(Gap, { description: 'Stretches of the next 14 days when nobody is on call' }),
    warnings: Type.Array(Type.String(), { description: '`gaps` when upcomingGaps is not empty' }),
  }),
]);

const scheduleFields = {
  description: Type.Optional(Type.Union([Text(4000), Type.Null()])),
  ownerTeamId: Type.Optional(Type.Union([RefId('team'), Type.Null()])),
};
export const NewScheduleBody = Body({ name: ScheduleName, timeZone: TimeZone, layers: Type.Array(LayerBody, { maxItems: MAX_LAYERS }), ...scheduleFields });
export const ScheduleChangesBody = Body({ name: Type.Optional(ScheduleName), timeZone: Type.Optional(TimeZone), layers: Type.Optional(Type.Array(LayerBody, { maxItems: MAX_LAYERS })), ...scheduleFields });
export const ScheduleParams = Type.Object({ schedule: ScheduleRef });
export const OverrideParams = Type.Object({ schedule: ScheduleRef, overrideId: Uuid });
export const RangeQuery = Type.Object({ from: IsoTime, to: IsoTime }, { additionalProperties: false });

export const ShiftsSchema = Type.Object({
  scheduleId: Type.String(),
  timeZone: Type.String(),
  shifts: Type.Array(Type.Object({ start: Type.String(), end: Type.String(), userIds: Type.Array(Type.String()) })),
  gaps: Type.Array(Gap),
});

export const NowQuery = Type.Object({ schedule: Type.Optional(ScheduleRef), at: Type.Optional(IsoTime) }, { additionalProperties: false });
export const NowSchema = Type.Object({
  at: Type.String(),
  onCall: Type.Array(Type.Object({ scheduleId: Type.String(), scheduleName: Type.String(), timeZone: Type.String(), userIds: Type.Array(Type.String()) })),
});

export const NewOverrideBody = Body({
  kind: Type.Union([Type.Literal('replace'), Type.Literal('add')], { description: 'replace: stand in for `replaces` (or for whoever is on call when omitted); add: on call alongside' }),
  userId: RefId('user'),
  replaces: Type.Optional(Type.Union([RefId('user'), Type.Null()])),
  start: IsoTime,
  end: IsoTime,
});
export const OverrideSchema = Type.Object({
  id: Type.String(),
  scheduleId: Type.String(),
  kind: Type.String(),
  userId: Type.String(),
  replaces: Type.Union([Type.String(), Type.Null()]),
  start: Type.String(),
  end: Type.String(),
  createdAt: Type.String(),
  createdBy: Type.Union([Type.String(), Type.Null()]),
});

export const NewFeedBody = Body({ schedule: Type.Optional(Reference('schedule', ScheduleRef)), userId: Type.Optional(RefId('user')) });
const feedFields = {
  id: Type.String(),
  scheduleId: Type.Union([Type.String(), Type.Null()]),
  userId: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  createdBy: Type.Union([Type.String(), Type.Null()]),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
};
export const FeedSchema = Type.Object(feedFields);
export const NewFeedSchema = Type.Object({ ...feedFields, token: Type.String({ description: 'Shown once; only its hash is stored' }), path: Type.String({ description: 'URL path to subscribe to' }) });
export const FeedFileParams = Type.Object({ file: Type.String({ pattern: `${FEED_TOKEN_PATTERN.slice(0, -1)}\\.ics$` }) });
