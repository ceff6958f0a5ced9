/** Response schemas of the postmortem routes (OpenAPI), matching views.ts and draft.ts. */
import { Type, type TSchema } from '@sinclair/typebox';

const Nullable = (schema: TSchema) => Type.Union([schema, Type.Null()]);
const Time = Type.String({ format: 'date-time' });
const Id = Type.String({ format: 'uuid' });
const OneOf = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

const DraftLine = Type.Object({ text: Type.String(), seq: Type.Integer({ description: 'The event this line came from' }) });
const At = Type.Object({ at: Time, seq: Type.Integer() });

export const DraftSchema = Type.Object({
  header: Type.Object({ ref: Type.String(), title: Type.String(), date: Type.String(), durationSeconds: Nullable(Type.Number()), severity: Type.String(), author: Type.String(), drill: Type.Boolean() }),
  summary: Type.Array(DraftLine),
  impact: Type.Array(DraftLine),
  timeline: Type.Array(Type.Object({ at: Time, kind: Type.String(), text: Type.String(), seq: Type.Integer() }), { description: 'UTC, corrected by amendments' }),
  detection: Type.Object({ firstSymptom: Nullable(At), firstCausalChange: Nullable(At), declaredAt: Time, detectionDelaySeconds: Nullable(Type.Number({ description: 'First symptom to declaration' })) }),
  rootCause: Type.Array(DraftLine),
  contributingFactors: Type.Array(DraftLine),
  wentWell: Type.Array(DraftLine),
  wentPoorly: Type.Array(DraftLine),
  facts: Type.Object({
    timeToSharedPictureSeconds: Nullable(Type.Number()),
    missedUpdates: Type.Array(Type.Object({ seq: Type.Integer(), promisedAt: Type.String(), keptBy: Nullable(Type.Object({ seq: Type.Integer(), at: Type.String() })), met: Type.Boolean() })),
    failedMitigations: Type.Array(Type.Object({ seq: Type.Integer(), failedSeq: Type.Integer(), action: Type.String(), observed: Type.String() })),
    rejectedHypotheses: Type.Array(Type.Object({ seq: Type.Integer(), rejectedSeq: Type.Integer(), text: Type.String(), reason: Type.String() })),
    remindersSent: Type.Array(Type.Object({ seq: Type.Integer(), reason: Type.String(), dueAt: Type.String() })),
  }),
});

const TrackerLinkSchema = Type.Object({
  provider: OneOf(['github', 'jira'] as const),
  key: Nullable(Type.String({ description: '`owner/repo#12` (GitHub) or `OPS-12` (Jira); null until the issue exists' })),
  url: Nullable(Type.String()),
  state: Nullable(OneOf(['open', 'closed'] as const)),
  sync: OneOf(['pending', 'created', 'failed'] as const),
  attempts: Type.Integer({ description: 'Tries at creating the issue so far' }),
  lastError: Nullable(Type.String()),
  lastAttemptAt: Nullable(Time),
}, { description: "The action item's issue in the team's tracker, when one is configured" });

export const ActionItemSchema = Type.Object({
  id: Id,
  incidentId: Id,
  title: Type.String(),
  type: OneOf(['prevent', 'detect', 'mitigate', 'process'] as const),
  priority: OneOf(['high', 'medium', 'low'] as const),
  status: OneOf(['open', 'in_progress', 'closed'] as const),
  ownerId: Nullable(Id),
  dueAt: Nullable(Time),
  trackerUrl: Nullable(Type.String()),
  evidenceUrl: Nullable(Type.String({ description: 'The merged change or dashboard that shows it done' })),
  createdAt: Time,
  closedAt: Nullable(Time),
  tracker: Nullable(TrackerLinkSchema),
});

export const CommentSchema = Type.Object({
  id: Id,
  section: Type.String({ description: 'The section anchor, e.g. rootCause or contributingFactors[1]' }),
  authorId: Nullable(Id),
  author: Type.String(),
  body: Type.String(),
  createdAt: Time,
  resolvedAt: Nullable(Time),
  resolvedBy: Nullable(Type.String()),
});

const WhyStep = Type.Object({ statement: Type.String(), seqs: Type.Optional(Type.Array(Type.Integer())), evidenceUrl: Type.Optional(Type.String()) });

export const PostmortemSchema = Type.Object({
  id: Id,
  incidentId: Id,
  ref: Type.String(),
  status: OneOf(['draft', 'in_review', 'published'] as const),
  required: Type.Boolean({ description: 'Required by the policy (SEV1/SEV2)' }),
  ownerId: Nullable(Id),
  dueAt: Time,
  reviewers: Type.Array(Id),
  meeting: Nullable(Type.Object({ at: Time, minutes: Type.Integer() })),
  publicSummary: Nullable(Type.String({ description: 'Shown on the status page once published' })),
  sections: Type.Object({
    summary: Type.Optional(Type.String()),
    rootCause: Type.Optional(Type.String()),
    contributingFactors: Type.Optional(Type.Array(Type.String())),
    wentWell: Type.Optional(Type.Array(Type.String())),
    wentPoorly: Type.Optional(Type.Array(Type.String())),
  }),
  whys: Type.Array(Type.Object({ steps: Type.Array(WhyStep) })),
  actionItems: Type.Array(ActionItemSchema),
  comments: Type.Array(CommentSchema),
  blameFindings: Type.Array(Type.Object({ section: Type.String(), match: Type.String(), reason: Type.String(), suggestion: Type.String() }, { additionalProperties: true })),
  publishedAt: Nullable(Time),
  draft: DraftSchema,
});

export const PostmortemListSchema = Type.Object({
  postmortems: Type.Array(Type.Object({
    id: Id,
    incidentId: Id,
    ref: Type.String(),
    title: Type.String(),
    severity: Type.String(),
    status: OneOf(['draft', 'in_review', 'published'] as const),
    required: Type.Boolean(),
    ownerId: Nullable(Id),
    dueAt: Time,
    publishedAt: Nullable(Time),
  })),
});
