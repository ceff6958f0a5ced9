import { Type } from '@sinclair/typebox';
import { Body, IsoTime, Uuid, RefId } from '../../http/schemas.js';
import { MatcherSchema } from '../alerts/schemas.js';

const Nullable = (schema: ReturnType<typeof Type.String>) => Type.Union([schema, Type.Null()]);

/** A runbook body: Markdown, up to 100,000 characters. */
const Markdown = Type.String({ maxLength: 100_000, description: 'Markdown; raw HTML is shown as text, links must be http(s), mailto or relative' });
const Title = Type.String({ minLength: 1, maxLength: 200 });

export const RotCauseSchema = Type.Object(
  {
    kind: Type.Union([Type.Literal('untested'), Type.Literal('service_changed'), Type.Literal('link_failed'), Type.Literal('mitigation_failed')]),
    text: Type.String(),
  },
  { additionalProperties: true, description: 'One reason a runbook is rotting, with the facts of its kind' },
);

const RotSchema = Type.Object({ rotting: Type.Boolean(), daysSinceTested: Type.Integer(), causes: Type.Array(RotCauseSchema) });

const Tested = Type.Union([Type.Object({ at: Type.String(), byUserId: Nullable(Type.String()), note: Nullable(Type.String()) }), Type.Null()]);

export const RunbookSummarySchema = Type.Object({
  id: Uuid,
  title: Type.String(),
  ownerUserId: Nullable(Type.String()),
  ownerTeamId: Nullable(Type.String()),
  serviceIds: Type.Array(Type.String()),
  matchers: Type.Array(Type.Object({ name: Type.String(), op: Type.String(), value: Type.String() })),
  createdBy: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  lastTested: Tested,
  rot: RotSchema,
});

export const RunbookSchema = Type.Composite([
  RunbookSummarySchema,
  Type.Object({
    body: Type.String(),
    /** The body rendered to safe HTML. */
    html: Type.String(),
    links: Type.Array(Type.Object({ url: Type.String(), status: Type.Union([Type.Integer(), Type.Null()]), ok: Type.Boolean(), error: Nullable(Type.String()), checkedAt: Type.String() })),
  }),
]);

export const NewRunbookBody = Body({
  title: Title,
  body: Type.Optional(Markdown),
  ownerUserId: Type.Optional(Nullable(RefId('user'))),
  ownerTeamId: Type.Optional(Nullable(RefId('team'))),
  serviceIds: Type.Optional(Type.Array(RefId('service'), { maxItems: 50, uniqueItems: true })),
  matchers: Type.Optional(Type.Array(MatcherSchema, { maxItems: 20 })),
});

export const RunbookChangesBody = Body({
  title: Type.Optional(Title),
  body: Type.Optional(Markdown),
  ownerUserId: Type.Optional(Nullable(RefId('user'))),
  ownerTeamId: Type.Optional(Nullable(RefId('team'))),
  serviceIds: Type.Optional(Type.Array(RefId('service'), { maxItems: 50, uniqueItems: true })),
  matchers: Type.Optional(Type.Array(MatcherSchema, { maxItems: 20 })),
});

export const TestedBody = Body({
  note: Type.Optional(Type.String({ maxLength: 2000 })),
  testedAt: Type.Optional(IsoTime),
});

export const RunbookListQuery = Type.Object(
  {
    service: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Service id or name' })),
    rotting: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
  },
  { additionalProperties: false },
);

export const RotReportSchema = Type.Object({
  policy: Type.Object({ maxUntestedDays: Type.Integer() }),
  generatedAt: Type.String(),
  runbooks: Type.Array(Type.Object({ id: Uuid, title: Type.String(), ownerUserId: Nullable(Type.String()), ownerTeamId: Nullable(Type.String()), lastTestedAt: Nullable(Type.String()), rot: RotSchema })),
});

export const LinkedRunbooksSchema = Type.Object({
  incidentId: Uuid,
  ref: Type.String(),
  runbooks: Type.Array(
    Type.Object({
      id: Uuid,
      title: Type.String(),
      path: Type.String(),
      via: Type.Array(Type.Union([Type.Literal('service'), Type.Literal('alert')])),
      lastTestedAt: Nullable(Type.String()),
      rotting: Type.Boolean(),
      rot: Type.Array(Type.String()),
    }),
  ),
});

export const TemplateSchema = Type.Object({ title: Type.String(), body: Type.String(), sections: Type.Array(Type.String()) });
