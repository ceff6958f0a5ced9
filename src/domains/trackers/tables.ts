import type { Generated } from 'kysely';

/** The team's tracker (one per Firebreak): where new postmortem action items become issues. */
export interface TrackersTable {
  /** Always `default`: one tracker at a time; configuring again replaces it. */
  id: string;
  provider: 'github' | 'jira';
  /** JSON: GitHub `{ repository, apiUrl, labels }`; Jira `{ siteUrl, email, projectKey, issueType, labels }`. */
  settings: string;
  /** The API token, sealed with FIREBREAK_SECRET_KEY (src/crypto/sealed.ts): it is sent again, so it cannot be hashed. */
  token_sealed: string;
  /** The secret the tracker's webhooks are signed with, sealed (it keys an HMAC). */
  webhook_secret_sealed: string;
  created_at: string;
  updated_at: string;
}

/** One action item's issue: created through the `trackers.create-issue` job, kept in step by the tracker's webhooks. */
export interface TrackerIssuesTable {
  action_item_id: string;
  provider: 'github' | 'jira';
  /** `owner/repo#12` or `OPS-12`; null until created. */
  issue_key: string | null;
  issue_url: string | null;
  state: 'open' | 'closed' | null;
  sync: 'pending' | 'created' | 'failed';
  attempts: number;
  last_error: string | null;
  last_attempt_at: string | null;
  created_at: string;
  updated_at: string;
}

/** Every try at creating an issue: when, and what the tracker answered. */
export interface TrackerAttemptsTable {
  id: Generated<number>;
  action_item_id: string;
  attempt: number;
  at: string;
  outcome: 'created' | 'retry' | 'failed';
  detail: string;
}

/** Webhook deliveries already applied (GitHub's X-GitHub-Delivery, Jira's X-Atlassian-Webhook-Identifier): a replay is ignored. */
export interface TrackerSeenDeliveriesTable {
  delivery_key: string;
  received_at: string;
}

export interface TrackersTables {
  trackers: TrackersTable;
  tracker_issues: TrackerIssuesTable;
  tracker_attempts: TrackerAttemptsTable;
  tracker_seen_deliveries: TrackerSeenDeliveriesTable;
}
