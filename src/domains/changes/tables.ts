export const CHANGE_KINDS = ['deploy', 'config', 'feature_flag', 'migration', 'infrastructure'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];
export type ChangeOrigin = 'api' | 'github' | 'argocd' | 'cli';

/** A key that may post change events (CI, GitHub, Argo CD); stored as SHA-256. */
export interface ChangeSourcesTable {
  id: string;
  name: string;
  /** The service its events belong to when a payload names none. */
  service_id: string | null;
  key_hash: string;
  key_prefix: string;
  disabled_at: string | null;
  created_at: string;
}

/** One change to one service: what, who, when, and how to undo it. */
export interface ChangeEventsTable {
  id: string;
  service_id: string;
  source_id: string | null;
  origin: ChangeOrigin;
  /** The sender's own id (GitHub deployment, Argo CD app + revision); unique per origin. */
  external_key: string | null;
  kind: ChangeKind;
  summary: string | null;
  version: string | null;
  author: string | null;
  link: string | null;
  started_at: string;
  finished_at: string | null;
  rollback_command: string | null;
  rollback_link: string | null;
  recorded_at: string;
}

export interface ChangesTables {
  change_sources: ChangeSourcesTable;
  change_events: ChangeEventsTable;
}
