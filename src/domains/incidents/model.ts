/**
 * The incident's vocabulary as plain data: the stored event envelope, the
 * projected state, and the severity policy. No I/O here.
 */

export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const STATUSES = ['investigating', 'identified', 'mitigating', 'monitoring', 'resolved'] as const;
export type Status = (typeof STATUSES)[number];
export const OPEN_STATUSES = ['investigating', 'identified', 'mitigating', 'monitoring'] as const;
export type OpenStatus = (typeof OPEN_STATUSES)[number];

/** The roles of incident command; specialists are named by their specialty. */
export const CORE_ROLES = ['commander', 'communications', 'operations', 'scribe'] as const;
export const ROLE_NAMES = [...CORE_ROLES, 'specialist'] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

/** How one severity is defined in a workspace: what it means and what it demands. */
export interface SeverityDefinition {
  definition: string;
  /** Time to first response; null when the target is not in minutes (SEV4: next business day). */
  responseTargetMinutes: number | null;
  responseTargetLabel: string;
  /** Default time between updates when nobody committed to one; null for no default cadence. */
  updateCadenceMinutes: number | null;
}

/** Severity definitions plus the default recovery checklist, snapshotted into each declaration. */
export interface IncidentPolicy {
  severities: Record<Severity, SeverityDefinition>;
  recoveryChecklist: Array<{ item: string; negative: boolean }>;
}

/** The immutable log entry, as stored and as the API returns it. */
export interface StoredEvent {
  incidentId: string;
  seq: number;
  kind: string;
  actorId: string | null;
  actorLabel: string;
  occurredAt: string;
  recordedAt: string;
  body: unknown;
}

/** What identifies an incident to hooks and other domains. */
export interface IncidentRecord {
  id: string;
  ref: string;
  title: string;
  private: boolean;
  drill: boolean;
}

/** Someone holding a role: a user, or a named person or team without an account. */
export interface Holder {
  userId: string | null;
  label: string;
}

export interface RoleHolding extends Holder {
  role: RoleName;
  /** Present for specialists: "database", "networking", ... */
  specialty: string | null;
  since: string;
  seq: number;
}

export interface SeverityChange {
  seq: number;
  at: string;
  from: Severity | null;
  to: Severity;
  reason: string;
}

export interface StatusChange {
  seq: number;
  at: string;
  from: Status | null;
  to: Status;
  reason: string | null;
}

export type ImpactEffect = 'degraded' | 'down' | 'slow';

export interface Impact {
  statement: string;
  journeys: Array<{ journey: string; effect: ImpactEffect }>;
  writesSafe: 'yes' | 'no' | 'unknown';
  seq: number;
  statedAt: string;
}

export interface Cohort {
  dimension: 'tenant' | 'region' | 'endpoint' | 'plan' | 'custom';
  value: string;
  note: string | null;
  since: string;
  seq: number;
}

export interface Hypothesis {
  seq: number;
  text: string;
  proposedAt: string;
  proposedBy: string;
  /** When it was confirmed or rejected, and why. */
  settledAt: string | null;
  settledSeq: number | null;
  reason: string | null;
}

export interface Mitigation {
  seq: number;
  action: string;
  expectedSignal: string;
  deadline: string;
  startedAt: string;
  deadlinePassed: boolean;
}

export interface SettledMitigation extends Omit<Mitigation, 'deadlinePassed'> {
  outcome: 'verified' | 'failed';
  settledAt: string;
  settledSeq: number;
  observed: string;
}

export interface UnsafeAction {
  seq: number;
  action: string;
  reason: string;
  notedAt: string;
}

export type CheckResult = 'pass' | 'fail' | 'not_applicable';

export interface ChecklistItem {
  item: string;
  /** A check that something did NOT happen ("no duplicate charges"). */
  negative: boolean;
  result: CheckResult | null;
  note: string | null;
  checkedAt: string | null;
  checkedBy: string | null;
  seq: number | null;
}

export interface Reconciliation {
  seq: number;
  scope: string;
  owner: Holder | null;
  status: 'open' | 'closed';
  openedAt: string;
  lastProgress: { seq: number; at: string; note: string; recordsChecked: number | null; recordsRepaired: number | null } | null;
  closedAt: string | null;
  outcome: string | null;
}

export interface Decision {
  seq: number;
  at: string;
  decision: string;
  rationale: string;
  alternativesRejected: Array<{ option: string; reason: string }>;
}

export interface UpdateRecord {
  seq: number;
  at: string;
  audience: 'internal' | 'public';
  text: string;
  nextUpdateAt: string | null;
}

export interface AttachedAlert {
  alertGroupId: string;
  serviceId: string;
  summary: string;
  severity: string;
  source: string;
  alertCount: number | null;
  attachedAt: string;
  seq: number;
}

export type MarkerName = 'first_symptom' | 'first_causal_change' | 'detection';

export interface Override {
  seq: number;
  at: string;
  rule: string;
  reason: string;
  missing: string[];
}

export interface Warning {
  code: string;
  message: string;
  since: string;
}

export interface Amendment {
  seq: number;
  targetSeq: number;
  correction: string;
  correctedOccurredAt: string | null;
  at: string;
}

/** The projection of the log: everything a responder or a list needs without replaying events. */
export interface IncidentState {
  id: string;
  ref: string;
  title: string;
  private: boolean;
  drill: boolean;
  declaredBy: Holder;
  status: Status;
  statusHistory: StatusChange[];
  severity: Severity;
  severityHistory: SeverityChange[];
  policy: IncidentPolicy;
  roles: RoleHolding[];
  members: string[];
  services: string[];
  impact: Impact | null;
  cohorts: Cohort[];
  hypotheses: { open: Hypothesis[]; confirmed: Hypothesis[]; rejected: Hypothesis[] };
  decisions: Decision[];
  mitigations: { active: Mitigation[]; settled: SettledMitigation[] };
  unsafeActions: UnsafeAction[];
  checklist: { items: ChecklistItem[]; answered: number; total: number; complete: boolean };
  reconciliations: Reconciliation[];
  alerts: AttachedAlert[];
  lastUpdate: UpdateRecord | null;
  nextUpdateDue: string | null;
  lastReminder: { seq: number; reason: 'update_due' | 'mitigation_deadline' | 'public_update_due'; dueAt: string; at: string } | null;
  /** Times the room marked on the timeline (the event's occurredAt, corrected by amendments). */
  markers: Record<MarkerName, { at: string; seq: number } | null>;
  keyTimes: {
    declaredAt: string;
    acknowledgedAt: string | null;
    /** When acknowledgement was due by the severity's response target (null when not in minutes). */
    acknowledgementDueAt: string | null;
    firstSharedPictureAt: string | null;
    mitigatedAt: string | null;
    resolvedAt: string | null;
  };
  sharedPicture: { has: boolean; missing: Array<'impact' | 'commander' | 'hypothesis' | 'nextUpdate'>; firstAt: string | null };
  resolution: { seq: number; at: string; summary: string | null; override: { reason: string; missing: string[] } | null } | null;
  /** Every rule the room chose to override, with its reason; kept after a reopen. */
  overrides: Override[];
  handoffs: Array<{ seq: number; at: string; role: RoleName; from: Holder | null; to: Holder; notes: string | null }>;
  amendments: Amendment[];
  warnings: Warning[];
  lastSeq: number;
  lastEventAt: string;
  eventCount: number;
}
