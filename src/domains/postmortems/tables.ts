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
}
