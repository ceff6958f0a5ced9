/** Route schemas of the status page admin API (camelCase, like the rest of Firebreak's API). */
import { Type, type Static } from '@sinclair/typebox';
import { Body, Email, IsoTime, Uuid, RefId } from '../../http/schemas.js';
import { COMPONENT_STATUSES, PUBLIC_INCIDENT_STATUSES } from './model.js';

/** Text without NUL, which PostgreSQL refuses and SQLite would keep: refused alike on both. */
export const PlainText = (maxLength: number, minLength = 1) => Type.String({ minLength, maxLength, pattern: '^[^\\x00]*$' });
const Slug = Type.String({ pattern: '^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$', description: 'Lower-case letters, digits and dashes' });
const HostName = Type.String({ pattern: '^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$', description: 'Host name this page answers at, such as status.example.com' });
const Colour = Type.String({ pattern: '^#[0-9a-fA-F]{6}$' });
const HttpUrl = Type.String({ pattern: '^https?://[^\\s\\x00]+$', maxLength: 2000 });
export const ComponentStatusSchema = Type.Union(COMPONENT_STATUSES.map((s) => Type.Literal(s)));
export const PublicStatusSchema = Type.Union(PUBLIC_INCIDENT_STATUSES.map((s) => Type.Literal(s)));

const pageFields = {
  name: PlainText(200),
  slug: Slug,
  host: Type.Union([HostName, Type.Null()]),
  timeZone: Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, such as Europe/Berlin' }),
  logoUrl: Type.Union([HttpUrl, Type.Null()]),
  brandColor: Type.Union([Colour, Type.Null()]),
  visibility: Type.Union([Type.Literal('public'), Type.Literal('internal')]),
};

export const NewPageBody = Body({
  name: pageFields.name,
  slug: pageFields.slug,
  host: Type.Optional(pageFields.host),
  timeZone: Type.Optional(pageFields.timeZone),
  logoUrl: Type.Optional(pageFields.logoUrl),
  brandColor: Type.Optional(pageFields.brandColor),
  visibility: Type.Optional(pageFields.visibility),
});
export type NewPage = Static<typeof NewPageBody>;
export const PageChangesBody = Type.Partial(Type.Object(pageFields, { additionalProperties: false }), { additionalProperties: false, minProperties: 1 });
export type PageChanges = Static<typeof PageChangesBody>;

export const PageSchema = Type.Object({
  id: Uuid,
  ...pageFields,
  url: Type.String(),
  isDefault: Type.Boolean(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});

export const NewComponentBody = Body({
  name: PlainText(200),
  description: Type.Optional(Type.Union([PlainText(2000), Type.Null()])),
  group: Type.Optional(Type.Boolean({ description: 'A group holds other components' })),
  groupId: Type.Optional(Type.Union([RefId('status-component-group'), Type.Null()])),
  serviceId: Type.Optional(Type.Union([RefId('service'), Type.Null()])),
  position: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  status: Type.Optional(ComponentStatusSchema),
  onlyShowIfDegraded: Type.Optional(Type.Boolean()),
});
export type NewComponent = Static<typeof NewComponentBody>;
export const ComponentChangesBody = Type.Partial(
  Type.Object({
    name: PlainText(200),
    description: Type.Union([PlainText(2000), Type.Null()]),
    groupId: Type.Union([RefId('status-component-group'), Type.Null()]),
    serviceId: Type.Union([RefId('service'), Type.Null()]),
    position: Type.Integer({ minimum: 0, maximum: 100_000 }),
    onlyShowIfDegraded: Type.Boolean(),
  }),
  { additionalProperties: false, minProperties: 1 },
);
export type ComponentChanges = Static<typeof ComponentChangesBody>;
export const ComponentStatusBody = Body({ status: ComponentStatusSchema });

export const ComponentSchema = Type.Object({
  id: Uuid,
  pageId: Uuid,
  name: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  group: Type.Boolean(),
  groupId: Type.Union([Uuid, Type.Null()]),
  serviceId: Type.Union([Uuid, Type.Null()]),
  position: Type.Integer(),
  status: ComponentStatusSchema,
  onlyShowIfDegraded: Type.Boolean(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});

export const NewMaintenanceBody = Body({
  name: PlainText(200),
  body: PlainText(10_000),
  componentIds: Type.Array(RefId('status-component'), { maxItems: 200 }),
  scheduledFor: IsoTime,
  scheduledUntil: IsoTime,
  noticeMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_080, default: 60 })),
});
export type NewMaintenance = Static<typeof NewMaintenanceBody>;
export const MaintenanceChangesBody = Type.Partial(
  Type.Object({
    name: PlainText(200),
    body: PlainText(10_000),
    scheduledFor: IsoTime,
    scheduledUntil: IsoTime,
    cancelled: Type.Literal(true),
  }),
  { additionalProperties: false, minProperties: 1 },
);
export type MaintenanceChanges = Static<typeof MaintenanceChangesBody>;
export const MaintenanceSchema = Type.Object({
  id: Uuid,
  pageId: Uuid,
  name: Type.String(),
  body: Type.String(),
  componentIds: Type.Array(Uuid),
  scheduledFor: IsoTime,
  scheduledUntil: IsoTime,
  status: Type.String(),
  noticeMinutes: Type.Integer(),
});

export const SubscribeBody = Type.Object(
  {
    email: Email,
    components: Type.Optional(Type.Union([Type.Array(RefId('status-component'), { maxItems: 200 }), RefId('status-component')], { description: 'Only these components (all when absent)' })),
  },
  { additionalProperties: false },
);
export const TokenQuery = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_.-]{10,200}$' }) }, { additionalProperties: false });
export const WebhookSubscriberBody = Body({
  url: HttpUrl,
  componentIds: Type.Optional(Type.Array(RefId('status-component'), { maxItems: 200 })),
  secret: Type.Optional(Type.String({ minLength: 16, maxLength: 200, pattern: '^[^\\x00]*$' })),
});
export const SubscriberSchema = Type.Object({
  id: Uuid,
  kind: Type.Union([Type.Literal('email'), Type.Literal('webhook')]),
  address: Type.String(),
  componentIds: Type.Union([Type.Array(Uuid), Type.Null()]),
  confirmed: Type.Boolean(),
  unsubscribed: Type.Boolean(),
  createdAt: IsoTime,
});

export const TEMPLATE_KINDS = ['declaration', 'update', 'resolution', 'public_update', 'public_resolution'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];
export const TemplatesSchema = Type.Object(Object.fromEntries(TEMPLATE_KINDS.map((k) => [k, PlainText(20_000)])) as Record<TemplateKind, ReturnType<typeof PlainText>>, { additionalProperties: false });
export const TemplatesBody = Type.Partial(TemplatesSchema, { additionalProperties: false, minProperties: 1 });
export const DraftQuery = Type.Object({ template: Type.Union(TEMPLATE_KINDS.map((k) => Type.Literal(k)), { default: 'update' }) }, { additionalProperties: false });
export const DraftSchema = Type.Object({
  template: Type.String(),
  audience: Type.Union([Type.Literal('internal'), Type.Literal('public')]),
  text: Type.String(),
  nextUpdateAt: Type.Union([IsoTime, Type.Null()]),
  publicStatus: Type.Union([PublicStatusSchema, Type.Null()]),
});
