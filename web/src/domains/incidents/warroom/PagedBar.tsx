/**
 * "You were paged": when the signed-in person has an unanswered page for this
 * incident, one button acknowledges it and, when nobody commands the room,
 * takes command in the same click. Acknowledging an alert's page already makes
 * the acknowledger commander when there is none (the paging service does it);
 * a page into an incident does not, so the room asks for it here.
 */
import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { Button } from '../../../ui/components';

interface Props {
  incidentId: string;
  incidentRef: string;
  me: { id: string };
  hasCommander: boolean;
  takeCommand(): Promise<unknown>;
}

export function PagedBar({ incidentId, incidentRef, me, hasCommander, takeCommand }: Props) {
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

  const acknowledge = async (command: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/escalations/{id}/{action}', { params: { path: { id: mine.id, action: 'acknowledge' } } }));
      if (command) {
        const fresh = await unwrap(api.GET('/api/v1/incidents/{id}', { params: { path: { id: incidentRef } } }));
        const roles = (fresh as unknown as { roles: Array<{ role: string }> }).roles;
        if (!roles.some((r) => r.role === 'commander')) await takeCommand();
      }
      await client.invalidateQueries({ queryKey: ['escalations', 'incident', incidentId] });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="paged" role="note" aria-label="Your page">
      <span><strong>You were paged</strong> for this incident ({mine.policy.name}).</span>
      {hasCommander ? (
        <Button variant="primary" className="small" disabled={busy} onClick={() => void acknowledge(false)}>Acknowledge</Button>
      ) : (
        <Button variant="primary" className="small" disabled={busy} onClick={() => void acknowledge(true)}>Acknowledge and take command</Button>
      )}
      {error && <span className="form-error" role="alert">{error}</span>}
    </div>
  );
}
