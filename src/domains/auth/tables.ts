import type { Generated } from 'kysely';

export type Role = 'admin' | 'responder' | 'viewer';

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  time_zone: string;
  role: Role;
  password_hash: string | null;
  created_at: string;
  updated_at: string;
  disabled_at: string | null;
}

export interface TeamsTable {
  id: string;
  name: string;
  description: string | null;
  created_at: string;
}

export interface TeamMembersTable {
  team_id: string;
  user_id: string;
  created_at: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  /** SHA-256 of the token, hex; the token itself is shown once and never stored. */
  token_hash: string;
  /** First characters of the token so people can tell their tokens apart. */
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  expires_at: string | null;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  token_hash: string;
  csrf_token_hash: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface SetupTokensTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface AuthTables {
  users: UsersTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  api_tokens: ApiTokensTable;
  sessions: SessionsTable;
  setup_tokens: SetupTokensTable;
}

export type AutoId = Generated<number>;
