/** Schemas of the chat admin API. */
import { Type } from '@sinclair/typebox';
import { Body } from '../../http/schemas.js';
import { SEVERITIES } from '../incidents/model.js';

const Secret = Type.String({ minLength: 8, maxLength: 500 });
const Url = Type.String({ pattern: '^https?://[^\\s]+$', maxLength: 2000 });
const ChatId = Type.String({ minLength: 1, maxLength: 200 });

export const ConnectBody = Body({
  provider: Type.Union([Type.Literal('slack'), Type.Literal('mattermost')]),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  botToken: Type.Optional(Secret),
  signingSecret: Type.Optional(Secret),
  commandToken: Type.Optional(Secret),
  baseUrl: Type.Optional(Url),
  teamId: Type.Optional(ChatId),
  teamName: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{1,64}$' })),
  pageChannelId: Type.Optional(ChatId),
});

export const ChannelPolicySchema = Type.Object({
  severities: Type.Array(Type.Union(SEVERITIES.map((s) => Type.Literal(s))), { uniqueItems: true, maxItems: 4 }),
  namePattern: Type.String({ minLength: 1, maxLength: 100, pattern: '\\{ref\\}' }),
  privateChannels: Type.Boolean(),
  mirrorPostsPerMinute: Type.Integer({ minimum: 1, maximum: 600 }),
  mirrorEventsPerPost: Type.Integer({ minimum: 1, maximum: 50 }),
  missingItemsAfterMinutes: Type.Integer({ minimum: 1, maximum: 1440 }),
  archiveAfterPostmortem: Type.Boolean(),
});

export const SettingsBody = Body({
  policy: Type.Optional(Type.Partial(ChannelPolicySchema, { additionalProperties: false })),
  pageChannelId: Type.Optional(Type.Union([ChatId, Type.Null()])),
});

export const WorkspaceSchema = Type.Object({
  id: Type.String(),
  provider: Type.Union([Type.Literal('slack'), Type.Literal('mattermost')]),
  name: Type.String(),
  baseUrl: Type.String(),
  teamId: Type.String(),
  teamName: Type.Union([Type.String(), Type.Null()]),
  pageChannelId: Type.Union([Type.String(), Type.Null()]),
  policy: ChannelPolicySchema,
  lastTestAt: Type.Union([Type.String(), Type.Null()]),
  lastTestError: Type.Union([Type.String(), Type.Null()]),
  missing: Type.Array(Type.String()),
  createdAt: Type.String(),
});

export const TestResultSchema = Type.Composite([WorkspaceSchema, Type.Object({ ok: Type.Boolean(), team: Type.Union([Type.String(), Type.Null()]) })]);

export const IncidentChannelSchema = Type.Object({
  workspaceId: Type.String(),
  provider: Type.String(),
  channelId: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
  private: Type.Boolean(),
  mirroredSeq: Type.Integer(),
  posts: Type.Integer(),
  topic: Type.Union([Type.String(), Type.Null()]),
  resolvedPostedAt: Type.Union([Type.String(), Type.Null()]),
  archivedAt: Type.Union([Type.String(), Type.Null()]),
});
