/** Who is signed in: the /users/me query is the session; a 401 means "show the login". */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, csrfToken, unwrap } from '../api/client';
import { roleAtLeast, type Role, type User } from '../api/types';
import { setDisplayZone } from '../ui/time';

export const ME_KEY = ['me'] as const;

export function useMe() {
  return useQuery<User | null>({
    queryKey: ME_KEY,
    queryFn: async () => {
      // A session always comes with its readable CSRF cookie: without one, there is nobody to ask about.
      if (!csrfToken()) return null;
      try {
        const me = await unwrap(api.GET('/api/v1/users/me'));
        setDisplayZone(me.timeZone);
        return me;
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: 60_000,
  });
}

/** True when the signed-in user holds at least this role (write controls hide otherwise). */
export function useCan(role: Role): boolean {
  const me = useMe().data;
  return !!me && roleAtLeast(me.role, role);
}

export function useSignedIn() {
  const client = useQueryClient();
  return (user: User) => {
    setDisplayZone(user.timeZone);
    client.setQueryData(ME_KEY, user);
  };
}
