/** The default incident policy (issue 3's severity targets and cadence) and how a workspace's override merges in. */
import type { IncidentPolicy } from './model.js';

export const DEFAULT_POLICY: IncidentPolicy = {
  severities: {
    SEV1: {
      definition: 'Critical: a core user journey is down, or data is at risk, for many customers',
      responseTargetMinutes: 5,
      responseTargetLabel: '< 5 min',
      updateCadenceMinutes: 15,
    },
    SEV2: {
      definition: 'Major: a core journey is badly degraded, or a significant group of customers is affected',
      responseTargetMinutes: 15,
      responseTargetLabel: '< 15 min',
      updateCadenceMinutes: 30,
    },
    SEV3: {
      definition: 'Minor: partial degradation with a workaround, or a small group of customers affected',
      responseTargetMinutes: 60,
      responseTargetLabel: '< 1 h',
      updateCadenceMinutes: 60,
    },
    SEV4: {
      definition: 'Low: cosmetic or internal-only impact with no urgent effect on customers',
      responseTargetMinutes: null,
      responseTargetLabel: 'next business day',
      updateCadenceMinutes: null,
    },
  },
  recoveryChecklist: [
    { item: 'User-facing symptoms gone, checked from the user side', negative: false },
    { item: 'Error rates and latency back to baseline', negative: false },
    { item: 'Queues and backlogs drained', negative: false },
    { item: 'No data lost, corrupted or written twice (e.g. no duplicate charges)', negative: true },
  ],
};

/** The workspace setting key holding an IncidentPolicy as JSON. */
export const POLICY_SETTING = 'incidents.policy';
