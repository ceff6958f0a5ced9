import { Type } from '@sinclair/typebox';
import { Body, IsoTime, RefId, Uuid } from '../../http/schemas.js';
import { CHANGE_KINDS } from './tables.js';

export const ChangeKindSchema = Type.Union(CHANGE_KINDS.map((k) => Type.Literal(k)));
const Nullable = (schema: ReturnType<typeof Type.String>) => Type.Union([schema, Type.Null()]);

export const ChangeSchema = Type.Object({
  id: Uuid,
  serviceId: Uuid,
  origin: Type.String(),
  kind: ChangeKindSchema,
  summary: Nullable(Type.String()),
  version: Nullable(Type.String()),
  author: Nullable(Type.String()),
  link: Nullable(Type.String()),
  startedAt: Type.String(),
  finishedAt: Nullable(Type.String()),
  rollback: Type.Object({ command: Nullable(Type.String()), link: Nullable(Type.String()) }),
  recordedAt: Type.String(),
});

export const ChangeListQuery = Type.Object(
  {
    service: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Service id or name' })),
    kind: Type.Optional(ChangeKindSchema),
    from: Type.Optional(IsoTime),
    to: Type.Optional(IsoTime),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);

export const ChangeSourceSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  serviceId: Nullable(Type.String()),
  keyPrefix: Type.String(),
  enabled: Type.Boolean(),
  createdAt: Type.String(),
});

export const NewChangeSourceBody = Body({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  serviceId: Type.Optional(RefId('service')),
});

export const SuggestedQuery = Type.Object(
  { hours: Type.Optional(Type.Integer({ minimum: 1, maximum: 72, description: 'How far before the anchor to look (default 12)' })) },
  { additionalProperties: false },
);

export const SuggestedRollbacksSchema = Type.Object({
  incidentId: Uuid,
  ref: Type.String(),
  anchor: Type.Object({ at: Type.String(), from: Type.String() }),
  windowHours: Type.Integer(),
  suggestions: Type.Array(
    Type.Object({
      change: ChangeSchema,
      serviceName: Type.String(),
      distance: Type.Integer(),
      minutesBefore: Type.Integer(),
      score: Type.Number(),
      rollbackLink: Nullable(Type.String()),
      rollbackCommand: Nullable(Type.String()),
      prompt: Type.String(),
    }),
  ),
  checklist: Type.Array(Type.Object({ item: Type.String(), reason: Type.String(), flagged: Type.Boolean() })),
});

export const RolledBackBody = Body({
  deadlineMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 1440 })),
  expectedSignal: Type.Optional(Type.String({ minLength: 1, maxLength: 4000 })),
});

export const RollbackParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }), changeId: Uuid });

export const ChangeSourceChangesBody = Body({ enabled: Type.Boolean() });
