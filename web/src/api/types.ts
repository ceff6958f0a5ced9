/**
 * Response shapes the OpenAPI document leaves open (the incident state is
 * `additionalProperties: true`): typed from the server's own model, so a
 * change there breaks this build rather than a screen at 3 a.m.
 */
import type { paths } from './schema';

export type {
  IncidentState,
  Severity,
  Status,
  StoredEvent,
  Hypothesis,
  Mitigation,
  RoleHolding,
  SeverityDefinition,
  IncidentPolicy,
} from '../../../src/domains/incidents/model';
import type { IncidentState } from '../../../src/domains/incidents/model';

export type IncidentView = IncidentState & { updateOverdue: boolean };
export type IncidentSummary = paths['/api/v1/incidents']['get']['responses']['200']['content']['application/json']['incidents'][number];
export type User = paths['/api/v1/users/me']['get']['responses']['200']['content']['application/json'];
export type Role = User['role'];

const RANK: Record<Role, number> = { viewer: 0, responder: 1, admin: 2 };
export function roleAtLeast(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}
