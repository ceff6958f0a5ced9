/** Postmortem data for the screens, typed from the generated client. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap, type paths } from '../../api/client';

type PostmortemOrDocument = paths['/api/v1/incidents/{id}/postmortem']['get']['responses']['200']['content']['application/json'];
export type Postmortem = Exclude<PostmortemOrDocument, string>;
export type PostmortemPatch = NonNullable<paths['/api/v1/incidents/{id}/postmortem']['patch']['requestBody']>['content']['application/json'];

export function usePostmortem(ref: string) {
  return useQuery({
    queryKey: ['postmortem', ref],
    queryFn: async () => unwrap(api.GET('/api/v1/incidents/{id}/postmortem', { params: { path: { id: ref }, query: {} } })) as Promise<Postmortem>,
    retry: (count, err) => !(err instanceof ApiError && err.status === 404) && count < 2,
  });
}

export function useUsers() {
  return useQuery({ queryKey: ['users'], queryFn: async () => (await unwrap(api.GET('/api/v1/users'))).users });
}

/** Runs a write, refreshes the postmortem, and reports a refusal. */
export function useWrite(ref: string, onError: (err: ApiError | null) => void) {
  const client = useQueryClient();
  return async (write: () => Promise<unknown>): Promise<boolean> => {
    onError(null);
    try {
      await write();
      await client.invalidateQueries({ queryKey: ['postmortem', ref] });
      return true;
    } catch (err) {
      onError(err instanceof ApiError ? err : new ApiError(0, String(err)));
      return false;
    }
  };
}
