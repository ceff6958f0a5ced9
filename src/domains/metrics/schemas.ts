import { Type, type TSchema } from '@sinclair/typebox';
import { IsoTime } from '../../http/schemas.js';
import { GROUP_BYS } from './compute.js';

export const MetricsQuery = Type.Object(
  {
    from: Type.Optional({ ...IsoTime, description: 'Incidents declared at or after this time (default: 90 days before `to`)' }),
    to: Type.Optional({ ...IsoTime, description: 'Incidents declared before this time (default: now)' }),
    groupBy: Type.Optional(Type.Union(GROUP_BYS.map((g) => Type.Literal(g)), { description: 'Group by severity, service, team or month; one group "all" without it' })),
    format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')], { description: 'csv: the same as Accept: text/csv' })),
  },
  { additionalProperties: false },
);

const Nullable = (schema: TSchema) => Type.Union([schema, Type.Null()]);
const Distribution = Type.Object({
  count: Type.Integer(),
  median: Nullable(Type.Number({ description: 'Seconds' })),
  p90: Nullable(Type.Number({ description: 'Seconds (nearest rank)' })),
});
const Group = Type.Object({
  key: Type.String(),
  incidents: Type.Integer(),
  timeToAcknowledge: Distribution,
  timeToSharedPicture: Distribution,
  timeToMitigate: Distribution,
  timeToResolve: Distribution,
  detectionDelay: Distribution,
  updateCommitments: Type.Object({ due: Type.Integer(), met: Type.Integer(), share: Nullable(Type.Number()) }),
  remindersMissed: Type.Integer(),
  actionItems: Type.Object({
    opened: Type.Integer({ description: 'Action items of these incidents' }),
    closed: Type.Integer(),
    overdue: Type.Integer({ description: 'Not closed and past their due date' }),
    medianAgeSeconds: Nullable(Type.Number({ description: 'Creation to closing, or to now while open' })),
  }),
});

export const MetricsSchema = Type.Object({
  from: Type.String(),
  to: Type.String(),
  groupBy: Nullable(Type.String()),
  groups: Type.Array(Group),
  drills: Type.Array(Group, { description: 'Drills, reported apart and never part of `groups`' }),
});
