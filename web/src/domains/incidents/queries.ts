/** Server state of the incidents domain, shared by the list, the declare form and the war room. */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { IncidentPolicy, IncidentSummary, IncidentView } from '../../api/types';
import type { ListFilters } from './list-changes';

export type { ListFilters } from './list-changes';

/** How many incidents a list shows; it follows the list stream (useListStream), it does not poll. */
export const LIST_LIMIT = 100;

export function useIncidentList(filters: ListFilters, myId: string) {
  return useQuery<IncidentSummary[]>({
    queryKey: ['incidents', filters],
    queryFn: async () => {
      const query = {
        ...(filters.status ? { status: filters.status } : {}),
        ...(filters.severity ? { severity: filters.severity } : {}),
        ...(filters.service ? { service: filters.service } : {}),
        ...(filters.mine ? { commander: myId } : {}),
        ...(filters.drill ? { drill: filters.drill === 'true' } : {}),
        limit: LIST_LIMIT,
      };
      return (await unwrap(api.GET('/api/v1/incidents', { params: { query } }))).incidents;
    },
    // Kept current by the list stream; refetched only when it (re)connects or asks to resync.
    staleTime: Infinity,
  });
}

export function useIncident(ref: string) {
  return useQuery<IncidentView>({
    queryKey: ['incident', ref],
    queryFn: async () => (await unwrap(api.GET('/api/v1/incidents/{id}', { params: { path: { id: ref } } }))) as unknown as IncidentView,
  });
}

export function usePolicy() {
  return useQuery<IncidentPolicy>({
    queryKey: ['incident-policy'],
    queryFn: async () => unwrap(api.GET('/api/v1/settings/incident-policy')),
    staleTime: 5 * 60_000,
  });
}

export function useServices() {
  return useQuery({
    queryKey: ['services'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/services', { params: { query: {} } }))).services,
    staleTime: 60_000,
  });
}
