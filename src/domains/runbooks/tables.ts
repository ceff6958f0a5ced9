/** Tables of the runbooks domain, as Kysely sees them. */

/** A Markdown runbook, who owns it, what it is linked to, and when someone other than its author last tested it. */
export interface RunbooksTable {
  id: string;
  title: string;
  /** Markdown; rendered with raw HTML off and links limited to http(s), mailto and relative. */
  body: string;
  owner_user_id: string | null;
  owner_team_id: string | null;
  /** JSON array of alert label matchers (as silences use): the runbook applies to alerts matching all of them. */
  matchers: string;
  /** The author: never allowed to record the runbook as tested. */
  created_by: string | null;
  created_at: string;
  updated_by: string | null;
  updated_at: string;
  last_tested_at: string | null;
  last_tested_by: string | null;
  last_tested_note: string | null;
}

/** The catalog services a runbook is for. */
export interface RunbookServicesTable {
  runbook_id: string;
  service_id: string;
}

/** The latest check of each http(s) link in a runbook (a HEAD request with a short timeout). */
export interface RunbookLinkChecksTable {
  runbook_id: string;
  url: string;
  /** The answer's HTTP status; null when none came (timeout, refused, DNS). */
  status: number | null;
  /** 1 when the link answered below 400. */
  ok: number;
  error: string | null;
  checked_at: string;
}

/** One reminder per rotting runbook per reminder period: the primary key makes it exactly once. */
export interface RunbookRemindersTable {
  runbook_id: string;
  period: string;
  sent_at: string;
}

export interface RunbooksTables {
  runbooks: RunbooksTable;
  runbook_services: RunbookServicesTable;
  runbook_link_checks: RunbookLinkChecksTable;
  runbook_reminders: RunbookRemindersTable;
}
