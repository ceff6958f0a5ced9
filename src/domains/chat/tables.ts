/** Tables of the chat domain: connected workspaces, incident channels, page messages, captured messages and seen requests. */

export type ChatProvider = 'slack' | 'mattermost';

/** One connected Slack workspace or Mattermost team. Secrets are sealed with FIREBREAK_SECRET_KEY (`sealed.ts`). */
export interface ChatWorkspacesTable {
  id: string;
  provider: ChatProvider;
  name: string;
  /** Slack: the Web API base (https://slack.com/api); Mattermost: the server's URL. */
  base_url: string;
  /** Slack team id or Mattermost team id; inbound requests name it. */
  team_id: string;
  /** Mattermost: the team's name, for permalinks. */
  team_name: string | null;
  bot_token_sealed: string;
  /** Slack's signing secret, sealed (it keys an HMAC, so it cannot be hashed). */
  signing_secret_sealed: string | null;
  /** SHA-256 of Mattermost's slash command token. */
  command_token_hash: string | null;
  /** A team channel pages are posted to (besides each person's direct message). */
  page_channel_id: string | null;
  /** JSON ChannelPolicy. */
  policy: string;
  last_test_at: string | null;
  last_test_error: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** An incident's channel in one workspace, with how far the timeline has been mirrored into it. */
export interface ChatChannelsTable {
  id: string;
  workspace_id: string;
  incident_id: string;
  /** The vendor's channel id; null until the open job has created it. */
  channel_id: string | null;
  name: string;
  is_private: number;
  /** The message mirrored events are threaded under. */
  thread_id: string | null;
  /** The last incident event seq mirrored (or counted) into the channel. */
  mirrored_seq: number;
  /** The earliest time the next mirror post may go out (the policy's rate). */
  next_post_at: string | null;
  posts: number;
  topic: string | null;
  missing_posted_at: string | null;
  resolved_posted_at: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

/** A page posted into chat: one message per person (direct) or team channel, updated in place. */
export interface ChatPagesTable {
  id: string;
  workspace_id: string;
  escalation_id: string;
  channel_id: string;
  message_id: string | null;
  /** What was paged for (the escalation's title) and where to look (war room or alert group). */
  title: string;
  link: string | null;
  /** pending → posted; the state shown (paged, acknowledged, escalated, resolved). */
  state: string;
  acted_by_label: string | null;
  created_at: string;
  updated_at: string;
}

/** A chat message brought into an incident's timeline, once. */
export interface ChatCapturesTable {
  workspace_id: string;
  channel_id: string;
  message_id: string;
  incident_id: string;
  seq: number;
  created_at: string;
}

/** Inbound request signatures seen inside the replay window: a second delivery of the same bytes is refused. */
export interface ChatSeenRequestsTable {
  signature: string;
  seen_at: string;
}

export interface ChatTables {
  chat_workspaces: ChatWorkspacesTable;
  chat_channels: ChatChannelsTable;
  chat_pages: ChatPagesTable;
  chat_captures: ChatCapturesTable;
  chat_seen_requests: ChatSeenRequestsTable;
}
