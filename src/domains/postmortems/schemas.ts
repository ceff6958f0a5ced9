import { Type } from '@sinclair/typebox';
import { Body, IsoTime, Uuid, RefId } from '../../http/schemas.js';

const OneOf = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Text = (maxLength = 10_000) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
/** Links people follow from the postmortem: http(s) only, never javascript: or data:. */
const Url = Type.String({ format: 'uri', pattern: '^[Hh][Tt][Tt][Pp][Ss]?://', maxLength: 2000, description: 'an http(s) URL' });
const ItemType = OneOf(['prevent', 'detect', 'mitigate', 'process'] as const);
const Priority = OneOf(['high', 'medium', 'low'] as const);
const ItemStatus = OneOf(['open', 'in_progress', 'closed'] as const);

export const PostmortemQuery = Type.Object({ format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('markdown'), Type.Literal('html')], { description: 'markdown or html: the postmortem as a document (the same as Accept: text/markdown or text/html)' })) }, { additionalProperties: false });

export const SectionsBody = Body({
  summary: Type.Optional(Text()),
  rootCause: Type.Optional(Text()),
  contributingFactors: Type.Optional(Type.Array(Text(2000), { maxItems: 50 })),
  wentWell: Type.Optional(Type.Array(Text(2000), { maxItems: 50 })),
  wentPoorly: Type.Optional(Type.Array(Text(2000), { maxItems: 50 })),
});

const WhyStep = Body({
  statement: Text(2000),
  seqs: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 2_147_483_647 }), { maxItems: 50, description: 'Timeline events this step rests on' })),
  evidenceUrl: Type.Optional(Url),
});

export const PostmortemPatchBody = Body({
  sections: Type.Optional(SectionsBody),
  whys: Type.Optional(Type.Array(Body({ steps: Type.Array(WhyStep, { minItems: 1, maxItems: 10 }) }), { maxItems: 20, description: 'Five-whys chains; the last step of each is a condition, not a person' })),
  ownerId: Type.Optional(RefId('user')),
  dueAt: Type.Optional(IsoTime),
  status: Type.Optional(OneOf(['draft', 'in_review', 'published'] as const)),
  reviewerIds: Type.Optional(Type.Array(RefId('user'), { maxItems: 20, description: 'Reviewers; at least one before review' })),
  meeting: Type.Optional(Body({ at: IsoTime, minutes: Type.Optional(Type.Integer({ minimum: 15, maximum: 480 })) })),
  publicSummary: Type.Optional(Type.Union([Text(5000), Type.Null()], { description: 'Shown on the status page (Statuspage status `postmortem`) once published; nothing else leaves the workspace' })),
});

export const NewCommentBody = Body({
  section: Type.String({ minLength: 1, maxLength: 100, description: 'A section anchor that exists: summary, impact, timeline, detection, rootCause, contributingFactors, wentWell, wentPoorly, whys, actionItems, or an entry such as contributingFactors[0]' }),
  body: Text(5000),
});

export const CommentParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64, description: 'The incident: INC-42, 42 or its id' }), commentId: Uuid });

export const NewActionItemBody = Body({
  title: Text(500),
  type: ItemType,
  priority: Type.Optional(Priority),
  ownerId: Type.Optional(RefId('user')),
  dueAt: Type.Optional(IsoTime),
  trackerUrl: Type.Optional(Url),
});

export const ActionItemPatchBody = Body({
  status: Type.Optional(ItemStatus),
  ownerId: Type.Optional(RefId('user')),
  dueAt: Type.Optional(IsoTime),
  priority: Type.Optional(Priority),
  trackerUrl: Type.Optional(Url),
  evidenceUrl: Type.Optional(Url),
});

export const ActionItemParams = Type.Object({ itemId: Uuid });
export const ActionItemsQuery = Type.Object(
  { overdue: Type.Optional(Type.Boolean()), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) },
  { additionalProperties: false },
);

export const PostmortemsQuery = Type.Object(
  { status: Type.Optional(OneOf(['draft', 'in_review', 'published'] as const)), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) },
  { additionalProperties: false },
);
