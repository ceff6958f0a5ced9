import { Type } from '@sinclair/typebox';
import { Cursor, Limit, Uuid } from '../../http/schemas.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const DeliveryStatusSchema = Type.Union([Type.Literal('queued'), Type.Literal('sent'), Type.Literal('failed'), Type.Literal('skipped')]);
export const DeliveryChannelSchema = Type.Union(['email', 'webhook', 'slack', 'sms', 'voice', 'push'].map((c) => Type.Literal(c as 'email' | 'webhook' | 'slack' | 'sms' | 'voice' | 'push')));

export const DeliveryAttemptSchema = Type.Object({
  attempt: Type.Integer(),
  at: Type.String(),
  outcome: Type.String(),
  detail: Type.String(),
});

export const DeliverySchema = Type.Object({
  id: Type.String(),
  channel: DeliveryChannelSchema,
  recipientUserId: Nullable(Type.String()),
  recipient: Type.String(),
  subject: Nullable(Type.String()),
  text: Nullable(Type.String()),
  payload: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()]),
  signed: Type.Boolean(),
  reason: Type.String(),
  incidentId: Nullable(Type.String()),
  status: DeliveryStatusSchema,
  statusDetail: Nullable(Type.String()),
  attempts: Type.Array(DeliveryAttemptSchema),
  createdAt: Type.String(),
  sentAt: Nullable(Type.String()),
});

export const DeliveryQuery = Type.Object(
  {
    incidentId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    status: Type.Optional(DeliveryStatusSchema),
    channel: Type.Optional(DeliveryChannelSchema),
    cursor: Type.Optional(Cursor),
    limit: Type.Optional(Limit),
  },
  { additionalProperties: false },
);

export const DeliveryParams = Type.Object({ id: Uuid });
