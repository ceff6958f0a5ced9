/** Tables of on-call schedules (migration 0010), as Kysely sees them. */
export interface OncallSchedulesTable {
  id: string;
  name: string;
  description: string | null;
  /** IANA zone every local time of the layers is read in. */
  time_zone: string;
  /** Team told about gaps; null when no team owns the schedule. */
  owner_team_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface OncallScheduleLayersTable {
  id: string;
  schedule_id: string;
  /** 0 = bottom; a higher layer wins during its hours. */
  position: number;
  name: string;
  /** Local 'YYYY-MM-DDTHH:mm' of the first hand-off in the schedule's zone. */
  start_local: string;
  length_unit: 'hours' | 'days' | 'weeks';
  length_count: number;
  /** JSON array of user ids in rotation order. */
  participants: string;
  /** JSON array of { days, from, to } windows; empty = around the clock. */
  restrictions: string;
  created_at: string;
}

export interface OncallOverridesTable {
  id: string;
  schedule_id: string;
  kind: 'replace' | 'add';
  user_id: string;
  /** For `replace`: whom it replaces; null replaces everyone on call. */
  replaces_user_id: string | null;
  starts_at: string;
  ends_at: string;
  created_at: string;
  created_by: string | null;
}

/** A secret iCalendar feed URL, for one schedule or for one person's shifts on every schedule. */
export interface OncallScheduleFeedsTable {
  id: string;
  schedule_id: string | null;
  user_id: string | null;
  /** SHA-256 of the secret token, hex; the token is shown once. */
  token_hash: string;
  created_at: string;
  created_by: string | null;
  revoked_at: string | null;
}

/** A notice already sent, keyed by what it is about (see shift-notices.ts). */
export interface OncallScheduleNoticesTable {
  key: string;
  schedule_id: string;
  kind: 'shift-start' | 'gap';
  created_at: string;
}

export interface OncallScheduleTables {
  oncall_schedule_notices: OncallScheduleNoticesTable;
  oncall_schedules: OncallSchedulesTable;
  oncall_schedule_layers: OncallScheduleLayersTable;
  oncall_overrides: OncallOverridesTable;
  oncall_schedule_feeds: OncallScheduleFeedsTable;
}
