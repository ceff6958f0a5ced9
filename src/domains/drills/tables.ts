export const DRILL_FORMATS = ['alertmanager', 'pagerduty', 'generic'] as const;
export type DrillFormat = (typeof DRILL_FORMATS)[number];
export type DrillTrigger = 'schedule' | 'manual';

/** A drill scenario: a synthetic alert for a service's integration, who should answer, the goals, and when it fires. */
export interface DrillScenariosTable {
  id: string;
  name: string;
  service_id: string;
  /** The service's integration of `format` the payload is sent into. */
  integration_id: string;
  format: DrillFormat;
  /** The synthetic alert as the sender would post it (JSON). */
  payload: string;
  /** JSON array of user ids expected to respond. */
  responders: string;
  /** JSON array of {kind, minutes}. */
  goals: string;
  /** JSON schedule (see schedule.ts). */
  schedule: string;
  /** The next scheduled instant, null when nothing more is scheduled (a past `once`, or disabled). */
  next_fire_at: string | null;
  disabled_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** One firing of a scenario; its measured times are read from the alert group's and incident's logs. */
export interface DrillRunsTable {
  id: string;
  scenario_id: string;
  trigger: DrillTrigger;
  occurrence: string;
  fired_at: string;
  fired_by: string;
  /** How many alerts intake accepted from the payload. */
  alerts: number;
  alert_group_id: string | null;
  incident_id: string | null;
  /** The goals as they were when it fired (JSON), so editing the scenario does not rewrite past reports. */
  goals: string;
}

export interface DrillsTables {
  drill_scenarios: DrillScenariosTable;
  drill_runs: DrillRunsTable;
}
