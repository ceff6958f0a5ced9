/** Queries the on-call screens share: people, teams, schedules, and the viewer's time zone. */
import { useQuery } from '@tanstack/react-query';
import { api, ApiError, unwrap, type paths } from '../../api/client';
import { useMe } from '../../shell/session';
import { browserZone, formatIn, validZone } from '../../ui/time';

export type Schedule = paths['/api/v1/oncall/schedules']['get']['responses']['200']['content']['application/json']['schedules'][number];
export type Layer = Schedule['layers'][number];
export type Policy = paths['/api/v1/escalation-policies']['get']['responses']['200']['content']['application/json']['policies'][number];

export const SCHEDULES_KEY = ['oncall', 'schedules'] as const;

export function useUsers() {
  return useQuery({ queryKey: ['users'], queryFn: async () => (await unwrap(api.GET('/api/v1/users'))).users, staleTime: 60_000 });
}

/** User id → name, falling back to the id while people load. */
export function usePeopleNames(): (id: string) => string {
  const users = useUsers().data ?? [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  return (id) => names.get(id) ?? id.slice(0, 8);
}

export function useTeams() {
  return useQuery({ queryKey: ['teams'], queryFn: async () => (await unwrap(api.GET('/api/v1/teams'))).teams, staleTime: 60_000 });
}

export function useSchedules() {
  return useQuery({ queryKey: SCHEDULES_KEY, queryFn: async () => (await unwrap(api.GET('/api/v1/oncall/schedules'))).schedules });
}

/** Final shifts and gaps of a schedule in [from, to). */
export function useShifts(schedule: string, from: string, to: string) {
  return useQuery({
    queryKey: ['oncall', 'shifts', schedule, from, to],
    queryFn: () => unwrap(api.GET('/api/v1/oncall/schedules/{schedule}/shifts', { params: { path: { schedule }, query: { from, to } } })),
  });
}

/** The viewer's own time zone: their profile's, else the browser's. */
export function useViewerZone(): string {
  const zone = useMe().data?.timeZone;
  return validZone(zone) ? zone : browserZone();
}

export { formatIn };

/** Any thrown value as an ApiError, for forms that show the server's field messages. */
export function asApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError(0, String(err));
}

/** The instant `days` whole days from now, truncated to the minute so query keys stay stable across renders. */
export function minuteFromNow(days = 0): string {
  const t = Math.floor(Date.now() / 60_000) * 60_000 + days * 86_400_000;
  return new Date(t).toISOString();
}
