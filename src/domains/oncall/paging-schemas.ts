/** Route schemas of paging: validation, types and the OpenAPI document. */
import { Type } from '@sinclair/typebox';
import { Body, IsoTime, Limit, Uuid, Reference, RefId } from '../../http/schemas.js';
import { MAX_DELAY_SECONDS, MAX_REPEAT, MAX_STEPS, MAX_TARGETS } from './escalation-policy.js';

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '^[^\\u0000]*$' });

export const TargetSchema = Type.Object(
  { type: Type.Union([Type.Literal('user'), Type.Literal('schedule'), Type.Literal('team')]), id: Reference('escalation-target', Uuid) },
  { additionalProperties: false },
);

export const StepSchema = Type.Object(
  {
    delaySeconds: Type.Integer({ minimum: 0, maximum: MAX_DELAY_SECONDS, description: 'Seconds after the previous step (after the trigger, for the first step)' }),
    targets: Type.Array(TargetSchema, { minItems: 1, maxItems: MAX_TARGETS }),
  },
  { additionalProperties: false },
);

const PolicyFields = {
  name: Text(200),
  description: Type.Optional(Type.Union([Text(2000), Type.Null()])),
  steps: Type.Array(StepSchema, { minItems: 1, maxItems: MAX_STEPS }),
  repeat: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_REPEAT, description: 'How many more passes after the first' })),
  repeatDelaySeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_DELAY_SECONDS })),
};
export const PolicyBody = Body(PolicyFields);
export const PolicyPatch = Type.Partial(PolicyBody, { additionalProperties: false });

export const PolicySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  steps: Type.Array(StepSchema),
  repeat: Type.Integer(),
  repeatDelaySeconds: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const PolicyParams = Type.Object({ id: Text(200) });

export const EscalationSchema = Type.Object({
  id: Type.String(),
  subject: Type.String(),
  alertGroupId: Type.Union([Type.String(), Type.Null()]),
  incidentId: Type.Union([Type.String(), Type.Null()]),
  title: Type.String(),
  reason: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  policy: Type.Object({ policyId: Type.Union([Type.String(), Type.Null()]), name: Type.String(), steps: Type.Array(StepSchema), repeat: Type.Integer(), repeatDelaySeconds: Type.Integer() }),
  nextStep: Type.Union([Type.Object({ round: Type.Integer(), step: Type.Integer(), at: Type.String() }), Type.Null()]),
  acknowledgedBy: Type.Union([Type.String(), Type.Null()]),
  acknowledgedAt: Type.Union([Type.String(), Type.Null()]),
  pages: Type.Array(
    Type.Object({
      userId: Type.String(),
      round: Type.Integer(),
      step: Type.Integer(),
      status: Type.String({ description: 'sent, folded (into a digest), digested, or skipped (none of the person’s channels can leave: see detail)' }),
      detail: Type.Union([Type.String(), Type.Null()], { description: 'Why a page was skipped: "not sent: no SMTP server is configured"' }),
      at: Type.String(),
      acknowledgedAt: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  pagedNobody: Type.Union([Type.String(), Type.Null()], { description: 'Set when the steps that fired reached nobody, saying why' }),
});

export const EscalationQuery = Type.Object(
  {
    incidentId: Type.Optional(Uuid),
    alertGroupId: Type.Optional(Text(100)),
    status: Type.Optional(Type.Union(['active', 'acknowledged', 'resolved', 'exhausted'].map((s) => Type.Literal(s as 'active')))),
    limit: Type.Optional(Limit),
  },
  { additionalProperties: false },
);

export const EscalationAction = Type.Object({ id: Uuid, action: Type.Union([Type.Literal('acknowledge'), Type.Literal('resolve'), Type.Literal('escalate')]) });

export const PageBody = Body({
  userId: Type.Optional(RefId('user')),
  scheduleId: Type.Optional(RefId('schedule')),
  teamId: Type.Optional(RefId('team')),
  reason: Text(2000),
});

export const ContactKindSchema = Type.Union(['email', 'sms', 'voice', 'push', 'webhook', 'slack'].map((k) => Type.Literal(k as 'email')));

export const ContactMethodBody = Body({
  kind: ContactKindSchema,
  address: Text(2000),
  label: Type.Optional(Text(100)),
  signingSecret: Type.Optional(Type.String({ minLength: 16, maxLength: 200, pattern: '^[^\\u0000]*$' })),
});

export const ContactMethodSchema = Type.Object({
  id: Type.String(),
  userId: Type.String(),
  kind: Type.String(),
  address: Type.String(),
  label: Type.String(),
  verified: Type.Boolean(),
  verifiedAt: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  codeNotSent: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'When a code was just asked for: why it could not leave ("not sent: no SMTP server is configured"), or null when it is on its way' })),
});

export const VerifyBody = Body({ code: Type.String({ pattern: '^[0-9]{6}$' }) });

export const RuleSchema = Type.Object({ contactMethodId: RefId('contact-method'), delaySeconds: Type.Integer({ minimum: 0, maximum: MAX_DELAY_SECONDS }) }, { additionalProperties: false });
export const RulesBody = Body({ rules: Type.Array(RuleSchema, { maxItems: 50 }) });

export const UserParams = Type.Object({ id: Uuid });
export const TokenParams = Type.Object({ token: Type.String({ maxLength: 100 }) });
/** A page link's POST: `?take=command` is "Acknowledge and take command". */
export const LinkQuery = Type.Object({ take: Type.Optional(Type.Literal('command')) }, { additionalProperties: false });
/** "Acknowledge and take command" in one request: `?takeCommand=true` with the acknowledge action. */
export const EscalationActionQuery = Type.Object({ takeCommand: Type.Optional(Type.Boolean()) }, { additionalProperties: false });

export const BurdenQuery = Type.Object({ from: IsoTime, to: IsoTime, teamId: Type.Optional(Uuid) }, { additionalProperties: false });
