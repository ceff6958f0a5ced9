/** Shapes and queries the status page screens share. */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type paths } from '../../api/client';

export type StatusPage = paths['/api/v1/status-pages']['get']['responses']['200']['content']['application/json']['pages'][number];
export type Component = paths['/api/v1/status-pages/{id}/components']['get']['responses']['200']['content']['application/json']['components'][number];
export type ComponentState = Component['status'];

export const STATES: Array<[ComponentState, string]> = [
  ['operational', 'Operational'],
  ['degraded_performance', 'Degraded Performance'],
  ['partial_outage', 'Partial Outage'],
  ['major_outage', 'Major Outage'],
  ['under_maintenance', 'Under Maintenance'],
];
export const stateLabel = (s: string) => STATES.find(([k]) => k === s)?.[1] ?? s;

export const PAGES_KEY = ['status', 'pages'] as const;

export function useStatusPages() {
  return useQuery({ queryKey: PAGES_KEY, queryFn: async () => (await unwrap(api.GET('/api/v1/status-pages'))).pages });
}

export function useServices() {
  return useQuery({ queryKey: ['services'], queryFn: async () => (await unwrap(api.GET('/api/v1/services', { params: { query: {} } }))).services, staleTime: 60_000 });
}
