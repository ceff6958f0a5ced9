/**
 * The status page's vocabulary, in Statuspage's own value sets so the
 * compatible JSON needs no translation. No I/O here.
 */

export const COMPONENT_STATUSES = ['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance'] as const;
export type ComponentStatus = (typeof COMPONENT_STATUSES)[number];

export const PUBLIC_INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export type PublicIncidentStatus = (typeof PUBLIC_INCIDENT_STATUSES)[number];

export const IMPACTS = ['none', 'minor', 'major', 'critical', 'maintenance'] as const;
export type PublicImpact = (typeof IMPACTS)[number];

export const MAINTENANCE_STATUSES = ['scheduled', 'in_progress', 'completed', 'cancelled'] as const;
export type MaintenanceStatus = (typeof MAINTENANCE_STATUSES)[number];

/** Statuspage's `status.indicator`: `maintenance` while maintenance is in progress and nothing is worse. */
export type Indicator = 'none' | 'minor' | 'major' | 'critical' | 'maintenance';

export const COMPONENT_LABELS: Record<ComponentStatus, string> = {
  operational: 'Operational',
  degraded_performance: 'Degraded Performance',
  partial_outage: 'Partial Outage',
  major_outage: 'Major Outage',
  under_maintenance: 'Under Maintenance',
};

const SEVERITY: Record<ComponentStatus, number> = { operational: 0, under_maintenance: 1, degraded_performance: 2, partial_outage: 3, major_outage: 4 };

/** The worse of two component states (maintenance counts below any outage). */
export function worseStatus(a: ComponentStatus, b: ComponentStatus): ComponentStatus {
  return SEVERITY[b] > SEVERITY[a] ? b : a;
}

/** An incident's impact from the worst state it put a component in. */
export function impactOf(states: readonly ComponentStatus[]): PublicImpact {
  const worst = states.reduce<ComponentStatus>((w, s) => worseStatus(w, s), 'operational');
  return worst === 'major_outage' ? 'critical' : worst === 'partial_outage' ? 'major' : worst === 'degraded_performance' ? 'minor' : 'none';
}

/** The page's overall indicator and description, as Statuspage words them. */
export function overallStatus(components: ReadonlyArray<{ status: ComponentStatus }>, incidents: ReadonlyArray<{ impact: PublicImpact }>, maintenanceActive: boolean): { indicator: Indicator; description: string } {
  const order: Indicator[] = ['none', 'minor', 'major', 'critical'];
  const fromComponent: Record<ComponentStatus, Indicator> = { operational: 'none', under_maintenance: 'none', degraded_performance: 'minor', partial_outage: 'major', major_outage: 'critical' };
  const levels = [
    ...components.map((c) => order.indexOf(fromComponent[c.status])),
    // An active incident is news even when it names no component (or the page has none): never "All Systems Operational".
    ...incidents.map((i) => (i.impact === 'maintenance' ? 0 : Math.max(1, order.indexOf(i.impact)))),
  ];
  const worst = order[Math.max(0, ...levels)]!;
  const indicator = worst === 'none' && maintenanceActive ? 'maintenance' : worst;
  const descriptions: Record<Indicator, string> = { critical: 'Major System Outage', major: 'Partial System Outage', minor: 'Minor Service Outage', maintenance: 'Service Under Maintenance', none: 'All Systems Operational' };
  return { indicator, description: descriptions[indicator] };
}

/** The public status an incident's own status maps to when an update does not name one. */
export function publicStatusFor(status: string): PublicIncidentStatus {
  if (status === 'resolved') return 'resolved';
  if (status === 'monitoring') return 'monitoring';
  if (status === 'identified' || status === 'mitigating') return 'identified';
  return 'investigating';
}
