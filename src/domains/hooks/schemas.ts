import { Type } from '@sinclair/typebox';
import { Body } from '../../http/schemas.js';

const Kind = Type.Union([Type.Literal('declared'), Type.Literal('severity_changed'), Type.Literal('mitigated'), Type.Literal('resolved'), Type.Literal('published_publicly')]);
const Sev = Type.Union([Type.Literal('SEV1'), Type.Literal('SEV2'), Type.Literal('SEV3'), Type.Literal('SEV4')]);
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const WebhookSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  url: Type.String(),
  kinds: Type.Array(Kind),
  services: Nullable(Type.Array(Type.String())),
  minSeverity: Nullable(Sev),
  includePrivate: Type.Boolean(),
  includeDrills: Type.Boolean(),
  enabled: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const CreatedWebhookSchema = Type.Composite([WebhookSchema, Type.Object({ secret: Type.String({ description: 'The HMAC signing secret: shown once; store it now' }) })]);

const fields = {
  url: Type.String({ minLength: 1, maxLength: 2000, description: 'Where the CloudEvents are POSTed (http or https)' }),
  kinds: Type.Array(Kind, { minItems: 1, uniqueItems: true, description: 'The facts to send (default: all five)' }),
  services: Nullable(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 100, description: 'Only incidents on these services (names or ids); null or absent: every service' })),
  // One string schema with its values, or null: the OpenAPI document shows it as a nullable enum (a union of literals and null would read as an open object there).
  minSeverity: Nullable(Type.Unsafe<'SEV1' | 'SEV2' | 'SEV3' | 'SEV4'>({ type: 'string', enum: ['SEV1', 'SEV2', 'SEV3', 'SEV4'], description: 'Only incidents at least this severe; null or absent: every severity' })),
  includePrivate: Type.Boolean({ description: 'Also private incidents (default false)' }),
  includeDrills: Type.Boolean({ description: 'Also drill incidents (default false)' }),
};

export const NewWebhookBody = Body({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  url: fields.url,
  kinds: Type.Optional(fields.kinds),
  services: Type.Optional(fields.services),
  minSeverity: Type.Optional(fields.minSeverity),
  includePrivate: Type.Optional(fields.includePrivate),
  includeDrills: Type.Optional(fields.includeDrills),
});

export const WebhookChangesBody = Body({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  url: Type.Optional(fields.url),
  kinds: Type.Optional(fields.kinds),
  services: Type.Optional(fields.services),
  minSeverity: Type.Optional(fields.minSeverity),
  includePrivate: Type.Optional(fields.includePrivate),
  includeDrills: Type.Optional(fields.includeDrills),
  enabled: Type.Optional(Type.Boolean()),
});

export const WebhookDeliverySchema = Type.Object({
  eventId: Type.String(),
  eventType: Type.String(),
  incidentId: Type.String(),
  createdAt: Type.String(),
  delivery: Type.Object({
    id: Type.String(),
    status: Type.String(),
    statusDetail: Nullable(Type.String()),
    recipient: Type.String(),
    signed: Type.Boolean(),
    sentAt: Nullable(Type.String()),
    attempts: Type.Array(Type.Object({ attempt: Type.Integer(), at: Type.String(), outcome: Type.String(), detail: Type.String() })),
  }),
});

export const WebhookParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100, description: 'id or name' }) });
export const DeliveriesQuery = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) });
