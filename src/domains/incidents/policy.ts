/**
 * The default incident policy: severity definitions (docs/practices.md#severity),
 * response targets, update cadence, time in monitoring
 * and the recovery checklist. A workspace may edit all of it.
 */
import type { IncidentPolicy, Severity } from './model.js';

export const DEFAULT_POLICY: IncidentPolicy = {
  severities: {
    SEV1: {
      definition: 'Complete service outage, data loss, security breach',
      responseTargetMinutes: 5,
      responseTargetLabel: '< 5 min',
      updateCadenceMinutes: 15,
      monitoringMinutes: 15,
    },
    SEV2: {
      definition: 'Major feature broken, significant user impact',
      responseTargetMinutes: 15,
      responseTargetLabel: '< 15 min',
      updateCadenceMinutes: 30,
      monitoringMinutes: 15,
    },
    SEV3: {
      definition: 'Degraded performance, minor feature broken',
      responseTargetMinutes: 60,
      responseTargetLabel: '< 1 h',
      updateCadenceMinutes: 60,
      monitoringMinutes: 0,
    },
    SEV4: {
      definition: 'Minor issue, workaround available',
      responseTargetMinutes: null,
      responseTargetLabel: 'next business day',
      updateCadenceMinutes: null,
      monitoringMinutes: 0,
    },
  },
  recoveryChecklist: [
    { item: 'User-facing symptoms gone, checked from the user side', negative: false },
    { item: 'Error rates and latency back to baseline', negative: false },
    { item: 'Queues and backlogs drained', negative: false },
    { item: 'No data lost, corrupted or written twice (e.g. no duplicate charges)', negative: true },
    { item: 'Alerting would catch a relapse', negative: false },
  ],
  roleHandoffMinutes: 240,
};

/** Minutes in monitoring before resolving: the policy's, else 15 for SEV1/SEV2 and 0 for the rest. */
export function monitoringMinutes(policy: IncidentPolicy, severity: Severity): number {
  return policy.severities[severity]?.monitoringMinutes ?? (severity === 'SEV1' || severity === 'SEV2' ? 15 : 0);
}

/** How long one person may hold a role before Firebreak suggests a hand-off. */
export function roleHandoffMinutes(policy: IncidentPolicy): number {
  return policy.roleHandoffMinutes ?? 240;
}

/** The workspace setting key holding an IncidentPolicy as JSON. */
export const POLICY_SETTING = 'incidents.policy';
