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

/**
 * The roles of incident command; specialists are named by their specialty. The
 * technical lead owns the hypotheses and the action list (the update templates
 * name "IC" and "Tech Lead"), so the commander can stay out of the work.
 */
export const CORE_ROLES = ['commander', 'tech_lead', 'communications', 'operations', 'scribe'] as const;
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
  /** Minutes in monitoring before resolving; absent means the default (15 for SEV1/SEV2, 0 otherwise). */
  monitoringMinutes?: number;
}

/** Severity definitions plus the default recovery checklist, snapshotted into each declaration. */
export interface IncidentPolicy {
  severities: Record<Severity, SeverityDefinition>;
  recoveryChecklist: Array<{ item: string; negative: boolean }>;
  /** Suggest a hand-off when one person has held a role longer than this; absent means the default (4 h). */
  roleHandoffMinutes?: number;
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
  journeys: Array<{ journey: string; effect: ImpactEffect; priority?: boolean }>;
  writesSafe: 'yes' | 'no' | 'unknown';
  seq: number;
  statedAt: string;
  /**
   * True for text Firebreak wrote itself ("Alerts firing on checkout"): a
   * placeholder, not a fact. Only a person's impact_stated counts.
   */
  provisional: boolean;
  /** How many are affected, when known. */
  affected: { users: number | null; percent: number | null } | null;
  /** Since when users are affected, when known. */
  since: string | null;
  /** The journey that is the immediate business priority ("only one can be"). */
  priority: string | null;
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

/** An action the room must not take while it is in force. */
export interface UnsafeAction {
  seq: number;
  action: string;
  reason: string;
  notedAt: string;
  /** "until the current backup finishes": lifted by a person when it holds. */
  condition: string | null;
  /** Stops being unsafe on its own at this time. */
  until: string | null;
}

/** The next decision the room faces: what, who takes it, by when. */
export interface NextDecision {
  seq: number;
  decision: string;
  owner: Holder;
  dueAt: string;
  namedAt: string;
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
  /** The incident severity this alert maps to, when known. */
  incidentSeverity: Severity | null;
  /** When the alert group resolved; null while it fires. */
  resolvedAt: string | null;
  /** Its alert rules and fingerprints when attached (absent on incidents older than this record). */
  rules?: string[];
  fingerprints?: string[];
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

export type SharedPictureItem = 'impact' | 'commander' | 'hypothesis' | 'unsafeActions' | 'nextDecision' | 'nextUpdate';

/** How many of each long-running history the log holds; the items themselves are read from the log. */
export interface HistoryCounts {
  statusChanges: number;
  severityChanges: number;
  decisions: number;
  hypothesesRejected: number;
  mitigationsVerified: number;
  mitigationsFailed: number;
  unsafeActionsNoted: number;
  unsafeActionsLifted: number;
  amendments: number;
  handoffs: number;
  updates: number;
  evidence: number;
}

/**
 * The projection of the log: the current state and counts, bounded in size
 * whatever the length of the log, so appending costs the same on the ten
 * thousandth event as on the first. Long histories (decisions, settled
 * hypotheses and mitigations, amendments, status and severity changes) are
 * read from the event log.
 */
export interface IncidentState {
  id: string;
  ref: string;
  title: string;
  private: boolean;
  drill: boolean;
  declaredBy: Holder;
  status: Status;
  /** When the current status began. */
  statusSince: string;
  severity: Severity;
  /** The last severity change (the declaration's severity until one happens). */
  lastSeverityChange: SeverityChange;
  /**
   * Triage (docs/practices.md#triage): an incident declared by alerts waits
   * for a person to confirm or change its severity; the response target is
   * measured to that moment.
   */
  triage: { pending: boolean; dueAt: string | null; confirmedAt: string | null; confirmedSeq: number | null; reminded: boolean };
  /** A more severe alert joined: the severity should be revisited (docs/practices.md#severity). Cleared by a severity change or confirmation. */
  severityReview: { seq: number; at: string; alertGroupId: string; suggested: Severity; reason: string } | null;
  policy: IncidentPolicy;
  roles: RoleHolding[];
  members: string[];
  services: string[];
  impact: Impact | null;
  /** Cohorts harmed. */
  cohorts: Cohort[];
  /** Cohorts known to be safe. */
  cohortsUnaffected: Cohort[];
  /** Open hypotheses and confirmed causes; rejected ones are counted and read from the log. */
  hypotheses: { open: Hypothesis[]; confirmed: Hypothesis[] };
  /** "No hypothesis yet, investigating X": stands until a hypothesis is proposed. */
  investigating: { seq: number; at: string; text: string } | null;
  lastDecision: Decision | null;
  nextDecision: NextDecision | null;
  /** Mitigations in flight, and the last one settled. */
  mitigations: { active: Mitigation[]; lastSettled: SettledMitigation | null };
  /** Unsafe actions in force (lifted or expired ones are read from the log). */
  unsafeActions: UnsafeAction[];
  /** Whether the room reviewed unsafe actions: some noted, or an explicit "none known". */
  unsafeActionsReviewed: { seq: number; at: string; noneKnown: boolean } | null;
  checklist: { items: ChecklistItem[]; answered: number; total: number; complete: boolean };
  reconciliations: Reconciliation[];
  alerts: AttachedAlert[];
  /** True when alerts were attached and every one of them has resolved: a hint to move to monitoring. */
  alertsAllResolved: boolean;
  /** Recovery as a phase: when monitoring began and when the policy's monitoring time is served. */
  recovery: { monitoringSince: string | null; monitoringMinutes: number; monitoringUntil: string | null };
  lastUpdate: UpdateRecord | null;
  nextUpdateDue: string | null;
  lastReminder: { seq: number; reason: 'update_due' | 'mitigation_deadline' | 'triage_due' | 'public_update_due'; dueAt: string; at: string } | null;
  /** Times the room marked on the timeline (the event's occurredAt, corrected by amendments). */
  markers: Record<MarkerName, { at: string; seq: number } | null>;
  keyTimes: {
    declaredAt: string;
    acknowledgedAt: string | null;
    /** When acknowledgement was due by the severity's response target (null when not in minutes). */
    acknowledgementDueAt: string | null;
    /** When a person confirmed or changed the severity of an alert-declared incident (the declaration, for a person's). */
    severityConfirmedAt: string | null;
    firstSharedPictureAt: string | null;
    mitigatedAt: string | null;
    resolvedAt: string | null;
  };
  /** The events that set the corrected key times, so an amendment of that event moves the time. */
  keyTimeSeqs: { mitigatedAt: number | null; resolvedAt: number | null };
  sharedPicture: { has: boolean; missing: SharedPictureItem[]; firstAt: string | null };
  resolution: { seq: number; at: string; summary: string | null; override: { reason: string; missing: string[] } | null } | null;
  /** Every rule the room chose to override, with its reason; kept after a reopen. */
  overrides: Override[];
  /** When the incident was last reopened; updates before it are stale. */
  reopenedAt: string | null;
  lastHandoff: { seq: number; at: string; role: RoleName; from: Holder | null; to: Holder; notes: string | null } | null;
  lastAmendment: Amendment | null;
  counts: HistoryCounts;
  warnings: Warning[];
  lastSeq: number;
  lastEventAt: string;
  eventCount: number;
}
