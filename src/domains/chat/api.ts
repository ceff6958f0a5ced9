/** What Firebreak asks of a chat vendor; `slack-api.ts` and `mattermost-api.ts` implement it. */

export interface ChatButton {
  /** `ack`, `escalate`, `open`: what pressing it does. */
  action: string;
  label: string;
  /** Opaque to the vendor: what the button acts on (an escalation id), signed when the vendor does not sign. */
  value: string;
  /** A link button opens this URL instead of calling back. */
  url?: string;
  style?: 'primary' | 'danger';
}

export interface ChatMessage {
  text: string;
  buttons?: ChatButton[];
}

export interface ChatUserProfile {
  email: string | null;
  /** True when the vendor vouches that the person controls the address. */
  emailVerified: boolean;
  name: string;
}

export interface FetchedMessage {
  text: string;
  authorId: string;
  at: string;
}

export interface ChatApi {
  /** Checks the token; names the team and the bot user. */
  test(): Promise<{ team: string; teamId: string; botUserId: string }>;
  userProfile(chatUserId: string): Promise<ChatUserProfile | null>;
  userIdByEmail(email: string): Promise<string | null>;
  createChannel(name: string, isPrivate: boolean): Promise<{ id: string; name: string }>;
  invite(channelId: string, chatUserIds: readonly string[]): Promise<void>;
  setTopic(channelId: string, topic: string): Promise<void>;
  /** The direct-message channel with one person. */
  openDirect(chatUserId: string): Promise<string>;
  post(channelId: string, message: ChatMessage, threadId?: string | null): Promise<{ id: string }>;
  /** A message only one person sees. */
  postEphemeral(channelId: string, chatUserId: string, text: string): Promise<void>;
  update(channelId: string, messageId: string, message: ChatMessage): Promise<void>;
  archive(channelId: string): Promise<void>;
  permalink(channelId: string, messageId: string): Promise<string>;
  fetchMessage(channelId: string, messageId: string): Promise<FetchedMessage | null>;
  /** Text safe to post: vendor markup and mass mentions in it are neutralised. */
  escape(text: string): string;
}
