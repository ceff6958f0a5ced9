/**
 * Every screen shows its failures: any data a screen is showing (or waiting
 * for) that failed to load is named in one banner under the navigation, with
 * a Retry that asks again for exactly what failed. Screens may say more
 * beside their own fields; none stays silently empty.
 */
import { useSyncExternalStore } from 'react';
import { useQueryClient, type Query } from '@tanstack/react-query';
import { Button } from '../ui/components';
import { refusalText } from '../ui/refusal';

/** Queries a mounted screen uses that ended in an error; the session query has its own screen (the login). */
function failing(queries: Query[]): Query[] {
  return queries.filter((q) => q.state.status === 'error' && q.getObserversCount() > 0 && q.queryKey[0] !== 'me');
}

export function LoadFailures() {
  const client = useQueryClient();
  const cache = client.getQueryCache();
  // A string snapshot: stable while nothing changes, so React re-renders only when the set of failures does.
  const key = useSyncExternalStore(
    (onChange) => cache.subscribe(onChange),
    () => failing(cache.getAll()).map((q) => `${q.queryHash}:${String((q.state.error as Error | null)?.message)}`).join('\n'),
  );
  if (!key) return null;
  const failed = failing(cache.getAll());
  const messages = [...new Set(failed.map((q) => refusalText(q.state.error ?? 'unknown error')))];
  const retry = () => {
    for (const q of failed) void client.refetchQueries({ queryKey: q.queryKey, exact: true });
  };
  return (
    <div className="load-failure" role="alert">
      <span><strong>Part of this screen did not load:</strong> {messages.join('; ')}</span>
      <Button className="small" onClick={retry}>Retry</Button>
    </div>
  );
}
