import type { Generated } from 'kysely';

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: string | null;
  /** Email or label of the actor at the time, kept even if the user is later removed. */
  actor_label: string;
  /** How the actor reached us: token, session, cli, integration or system. */
  via: string;
  action: string;
  target_type: string;
  target_id: string | null;
  source_ip: string | null;
  request_id: string | null;
  /** JSON with the safe parts of the change (never secrets). */
  detail: string | null;
}

export interface AuditTables {
  audit_log: AuditLogTable;
}
