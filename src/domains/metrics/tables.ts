/** Tables of the metrics domain, as Kysely sees them. */

/**
 * One row per incident, written in the appending transaction of each of its
 * events (facts-hook.ts): the times and counts the response metrics need.
 * Times are milliseconds since the epoch, so a report does no date parsing.
 */
export interface IncidentMetricFactsTable {
  incident_id: string;
  severity: string;
  /** JSON array of service ids. */
  services: string;
  is_drill: number;
  declared_at_ms: number;
  acknowledged_at_ms: number | null;
  shared_picture_at_ms: number | null;
  mitigated_at_ms: number | null;
  resolved_at_ms: number | null;
  first_symptom_at_ms: number | null;
  commitments_met: number;
  commitments_missed: number;
  open_commitment_due_at_ms: number | null;
  reminders: number;
}

export interface MetricsTables {
  incident_metric_facts: IncidentMetricFactsTable;
}
