/**
 * "You were paged": when the signed-in person has an unanswered page for this
 * incident, "Acknowledge" acknowledges it and nothing more. When nobody
 * commands the room, "Acknowledge and take command" is offered beside it as
 * one action (one request: the paging API takes command after acknowledging).
 */
import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { Button } from '../../../ui/components';
import { refusalText } from '../../../ui/refusal';

interface Props {
  incidentId: string;
  me: { id: string };
  hasCommander: boolean;
}

export function PagedBar({ incidentId, me, hasCommander }: Props) {
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const escalations = useQuery({
    queryKey: ['escalations', 'incident', incidentId],
    queryFn: async () => (await unwrap(api.GET('/api/v1/escalations', { params: { query: { incidentId } } }))).escalations,
    refetchInterval: 30_000,
  });
  // An exhausted escalation (every step paged, nobody answered) still waits for its acknowledgement.
  const mine = escalations.data?.find((e) => (e.status === 'active' || e.status === 'exhausted') && e.pages.some((p) => p.userId === me.id && !p.acknowledgedAt));
  if (!mine) return null;

  const acknowledge = async (takeCommand: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/escalations/{id}/{action}', { params: { path: { id: mine.id, action: 'acknowledge' }, query: takeCommand ? { takeCommand: true } : {} } }));
      await client.invalidateQueries({ queryKey: ['escalations', 'incident', incidentId] });
      await client.invalidateQueries({ queryKey: ['incident'] });
    } catch (err) {
      setError(refusalText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="paged" role="note" aria-label="Your page">
      <span><strong>You were paged</strong> for this incident ({mine.policy.name}).</span>
      {!hasCommander && (
        <Button variant="primary" className="small" disabled={busy} onClick={() => void acknowledge(true)}>Acknowledge and take command</Button>
      )}
      <Button variant={hasCommander ? 'primary' : 'default'} className="small" disabled={busy} onClick={() => void acknowledge(false)}>Acknowledge</Button>
      {error && <span className="form-error" role="alert">{error}</span>}
    </div>
  );
}
