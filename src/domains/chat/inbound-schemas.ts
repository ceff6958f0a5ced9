/** The vendors' inbound payloads, as their docs describe them; checked after the request is verified. */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { HttpProblem } from '../../http/problem.js';

const Id = Type.String({ minLength: 1, maxLength: 200 });
const Text = Type.String({ maxLength: 8000 });

/** Slack slash command (form fields) and Mattermost's (the same names, plus token). */
export const SlashCommandForm = Type.Object({ team_id: Id, user_id: Id, channel_id: Id, text: Text });

export const SlackBlockActions = Type.Object({
  type: Type.Literal('block_actions'),
  team: Type.Object({ id: Id }),
  user: Type.Object({ id: Id }),
  channel: Type.Optional(Type.Object({ id: Id })),
  container: Type.Optional(Type.Object({ channel_id: Type.Optional(Id) })),
  actions: Type.Array(Type.Object({ action_id: Id, value: Type.Optional(Type.String({ maxLength: 2000 })) }), { minItems: 1 }),
});

export const SlackMessageAction = Type.Object({
  type: Type.Literal('message_action'),
  callback_id: Id,
  team: Type.Object({ id: Id }),
  user: Type.Object({ id: Id }),
  channel: Type.Object({ id: Id }),
  message: Type.Object({ ts: Id, text: Type.Optional(Type.String()), user: Type.Optional(Id) }),
});

export const SlackEventEnvelope = Type.Union([
  Type.Object({ type: Type.Literal('url_verification'), challenge: Type.String({ maxLength: 500 }) }),
  Type.Object({
    type: Type.Literal('event_callback'),
    team_id: Id,
    event_id: Type.Optional(Id),
    event: Type.Object({ type: Id, user: Type.Optional(Id), reaction: Type.Optional(Id), item: Type.Optional(Type.Object({ type: Id, channel: Type.Optional(Id), ts: Type.Optional(Id) })) }),
  }),
]);

export const MattermostAction = Type.Object({
  user_id: Id,
  channel_id: Id,
  team_id: Id,
  post_id: Type.Optional(Type.String({ maxLength: 200 })),
  context: Type.Object({ action: Id, value: Type.String({ maxLength: 2000 }), sig: Type.String({ maxLength: 200 }) }),
});

/** The typed value, or a 400 naming the first field at fault. */
export function checkPayload<S extends TSchema>(schema: S, value: unknown, where: string): Static<S> {
  if (Value.Check(schema, value)) return value as Static<S>;
  const error = Value.Errors(schema, value).First();
  const field = `${where}${error?.path.replaceAll('/', '.') ?? ''}`;
  throw new HttpProblem(400, 'invalid-chat-payload', `${field}: ${error?.message ?? 'is invalid'}; nothing was recorded`, [{ field, message: error?.message ?? 'is invalid' }]);
}
