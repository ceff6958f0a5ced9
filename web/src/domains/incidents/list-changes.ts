/**
 * Applying one pushed change (an incident's list summary from the list
 * stream) to the list on screen, under the screen's filters: pure, so the list
 * follows the server without asking it again.
 */

/** The list's filters, as the screen holds them. */
export interface ListFilters {
  status: 'open' | 'investigating' | 'identified' | 'mitigating' | 'monitoring' | 'resolved' | '';
  severity: '' | 'SEV1' | 'SEV2' | 'SEV3' | 'SEV4';
  service: string;
  mine: boolean;
  drill: '' | 'true' | 'false';
}

/** The fields of a listed incident the filters and the order look at (IncidentSummary has them all). */
export interface ListedIncident {
  id: string;
  status: string;
  severity: string;
  services: string[];
  commander: { userId: string | null } | null;
  drill: boolean;
  declaredAt: string;
}

/** True when the incident belongs in a list with these filters (the server's own rules for GET /api/v1/incidents). */
export function matchesFilters(incident: ListedIncident, filters: ListFilters, myId: string): boolean {
  if (filters.status === 'open' && incident.status === 'resolved') return false;
  if (filters.status && filters.status !== 'open' && incident.status !== filters.status) return false;
  if (filters.severity && incident.severity !== filters.severity) return false;
  if (filters.service && !incident.services.includes(filters.service)) return false;
  if (filters.mine && incident.commander?.userId !== myId) return false;
  if (filters.drill && incident.drill !== (filters.drill === 'true')) return false;
  return true;
}

/** The list with `incident` replaced, added in its place (newest declared first) or removed when it no longer matches. */
export function applyListChange<T extends ListedIncident>(list: readonly T[], incident: T, filters: ListFilters, myId: string, limit: number): T[] {
  const rest = list.filter((i) => i.id !== incident.id);
  if (!matchesFilters(incident, filters, myId)) return rest;
  const at = rest.findIndex((i) => i.declaredAt < incident.declaredAt || (i.declaredAt === incident.declaredAt && i.id < incident.id));
  const next = at === -1 ? [...rest, incident] : [...rest.slice(0, at), incident, ...rest.slice(at)];
  return next.slice(0, limit);
}
