/** Tables of the incidents domain, as Kysely sees them. */

/** One row per incident: the projected state plus the columns lists filter on. */
export interface IncidentsTable {
  id: string;
  /** Per-workspace number behind the human reference INC-<number>. */
  number: number;
  ref: string;
  title: string;
  severity: string;
  status: string;
  /** 0 or 1 on both dialects. */
  is_private: number;
  is_drill: number;
  commander_id: string | null;
  declared_at: string;
  resolved_at: string | null;
  last_seq: number;
  /** The projected IncidentState as JSON text. */
  state: string;
  updated_at: string;
}

/** The append-only log; (incident_id, seq) is the primary key, so a sequence number is never used twice. */
export interface IncidentEventsTable {
  incident_id: string;
  seq: number;
  kind: string;
  actor_id: string | null;
  actor_label: string;
  occurred_at: string;
  recorded_at: string;
  body: string;
}

export interface IncidentServicesTable {
  incident_id: string;
  service_id: string;
}

/** Who may see a private incident: role holders, the declarer, and people added explicitly. */
export interface IncidentMembersTable {
  incident_id: string;
  user_id: string;
}

/** The last incident number handed out in a workspace. */
export interface IncidentCountersTable {
  workspace: string;
  last_number: number;
}

/** Per-workspace settings as JSON values (incident severity definitions, recovery checklist). */
export interface WorkspaceSettingsTable {
  workspace: string;
  key: string;
  value: string;
  updated_at: string;
  updated_by: string;
}

export interface IncidentsTables {
  incidents: IncidentsTable;
  incident_events: IncidentEventsTable;
  incident_services: IncidentServicesTable;
  incident_members: IncidentMembersTable;
  incident_counters: IncidentCountersTable;
  workspace_settings: WorkspaceSettingsTable;
}
