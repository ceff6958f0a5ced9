import { Type } from '@sinclair/typebox';
import { Body, Reference, RefId, Uuid } from '../../http/schemas.js';

const Nullable = <T extends ReturnType<typeof Type.String> | ReturnType<typeof Type.Integer>>(schema: T) => Type.Union([schema, Type.Null()]);
const ServiceName = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9][A-Za-z0-9._ -]*$', description: 'Unique; alerts carrying a `service` label with this name route here' });
const LabelName = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z_][A-Za-z0-9_.-]*$' });

export const ServiceSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  ownerTeamId: Type.Union([Type.String(), Type.Null()]),
  runbookUrl: Type.Union([Type.String(), Type.Null()]),
  tier: Type.Union([Type.Integer(), Type.Null()]),
  escalationPolicyId: Type.Union([Type.String(), Type.Null()]),
  groupBy: Type.Array(Type.String()),
  dependsOn: Type.Array(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  pagesNobody: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'Why an alert on this service would page nobody right now (no policy, nobody on call, nobody who can be sent a page); null when it reaches someone' })),
});

const fields = {
  description: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
  ownerTeamId: Type.Optional(Type.Union([RefId('team'), Type.Null()])),
  runbookUrl: Type.Optional(Nullable(Type.String({ maxLength: 2000, pattern: '^https?://' }))),
  tier: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 4 }))),
  escalationPolicyId: Type.Optional(Nullable(Reference('escalation-policy', Type.String({ minLength: 1, maxLength: 200, description: 'The escalation policy: its id or its name (stored as the id)' })))),
  groupBy: Type.Optional(Type.Array(LabelName, { maxItems: 10, uniqueItems: true, description: 'Label names that split alert groups' })),
  dependsOn: Type.Optional(Type.Array(RefId('service'), { maxItems: 200, description: 'Ids of the services this one depends on' })),
};

export const NewServiceBody = Body({ name: ServiceName, ...fields });
export const ServiceChangesBody = Body({ name: Type.Optional(ServiceName), ...fields });
export const ServiceListQuery = Type.Object(
  { ownerTeamId: Type.Optional(Uuid), tier: Type.Optional(Type.Integer({ minimum: 1, maximum: 4 })) },
  { additionalProperties: false },
);
