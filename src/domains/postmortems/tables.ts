/** Tables of the postmortems domain, as Kysely sees them. */
export interface PostmortemsTable {
  id: string;
  incident_id: string;
  status: 'draft' | 'in_review' | 'published';
  /** 1 when the policy requires it (SEV1/SEV2 at resolution). */
  required: number;
  owner_id: string | null;
  due_at: string;
  /** JSON: the sections people write (summary, rootCause, contributingFactors, wentWell, wentPoorly). */
  sections: string;
  /** JSON: five-whys chains. */
  whys: string;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  reminded_at: string | null;
  /** JSON array of the reviewers' user ids (set before review). */
  reviewers: string;
  /** The postmortem meeting, when scheduled; each change sends the invitation again with the next sequence. */
  meeting_at: string | null;
  meeting_minutes: number | null;
  meeting_sequence: number;
  /** What the status page may show once published; nothing else of the postmortem leaves the workspace. */
  public_summary: string | null;
}

/** A reviewer's comment on one section (`rootCause`, `contributingFactors[1]`, ...). */
export interface PostmortemCommentsTable {
  id: string;
  postmortem_id: string;
  section: string;
  author_id: string | null;
  author_label: string;
  body: string;
  created_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
}

export interface ActionItemsTable {
  id: string;
  postmortem_id: string;
  incident_id: string;
  title: string;
  type: 'prevent' | 'detect' | 'mitigate' | 'process';
  priority: 'high' | 'medium' | 'low';
  status: 'open' | 'in_progress' | 'closed';
  owner_id: string | null;
  due_at: string | null;
  tracker_url: string | null;
  evidence_url: string | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  reminded_at: string | null;
}

export interface PostmortemTables {
  postmortems: PostmortemsTable;
  postmortem_action_items: ActionItemsTable;
  postmortem_comments: PostmortemCommentsTable;
}
