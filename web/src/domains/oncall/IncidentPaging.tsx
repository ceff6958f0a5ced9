/**
 * The incident's paging as one compact line of the war room header (it must
 * not push the summary off a 1366×768 screen): where each escalation stands,
 * with Acknowledge and Escalate now; the pages (who, through what, when,
 * delivered or not, acknowledged) open below it on demand.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap, type paths } from '../../api/client';
import { useCan } from '../../shell/session';
import { Button } from '../../ui/components';
import './incident-paging.css';
import { refusalText } from '../../ui/refusal';
import { formatTime } from '../../ui/time';

type Paging = paths['/api/v1/incidents/{id}/pages']['get']['responses'][200]['content']['application/json'];
type Escalation = Paging['escalations'][number];

const time = (iso: string | null) => (iso ? formatTime(iso) : '');

function stateOf(e: Escalation): string {
  if (e.status === 'active') return `paging${e.nextStepAt ? `, next step ${time(e.nextStepAt)}` : ''}`;
  if (e.status === 'acknowledged') return `acknowledged by ${e.acknowledgedBy ?? '?'} ${time(e.acknowledgedAt)}`;
  if (e.status === 'resolved') return `stopped ${time(e.stoppedAt)}${e.stopReason ? `: ${e.stopReason}` : ''}`;
  return 'every step fired, nobody acknowledged';
}

export function IncidentPaging({ incident }: { incident: string }) {
  const client = useQueryClient();
  const canAct = useCan('responder');
  const [error, setError] = useState<string | null>(null);
  const key = ['incident-pages', incident];
  const paging = useQuery({ queryKey: key, queryFn: async () => unwrap(api.GET('/api/v1/incidents/{id}/pages', { params: { path: { id: incident } } })), refetchInterval: 10_000 });
  const escalations = paging.data?.escalations ?? [];
  if (escalations.length === 0) return null;
  const act = (id: string, action: 'acknowledge' | 'escalate') => {
    setError(null);
    unwrap(api.POST('/api/v1/escalations/{id}/{action}', { params: { path: { id, action } } }))
      .then(() => client.invalidateQueries({ queryKey: key }))
      .catch((err: unknown) => setError(refusalText(err)));
  };
  const active = escalations.filter((e) => e.status === 'active');
  const pages = escalations.flatMap((e) => e.pages.map((p) => ({ ...p, escalation: e })));
  return (
    <details className="wr-paging" aria-label="Paging">
      <summary>
        <span className="muted">Paging:</span>{' '}
        {active.length > 0 ? <strong>{active.length} paging</strong> : <span>{escalations.length} stopped</span>}
        {' · '}
        <span className="wr-paging-last">{stateOf(escalations[escalations.length - 1]!)}</span>
        {canAct && active.map((e) => (
          <span key={e.id} className="wr-paging-controls">
            <Button variant="quiet" onClick={(ev) => { ev.preventDefault(); act(e.id, 'acknowledge'); }}>Acknowledge</Button>
            <Button variant="quiet" onClick={(ev) => { ev.preventDefault(); act(e.id, 'escalate'); }}>Escalate now</Button>
          </span>
        ))}
        {error && <span role="alert" className="form-error"> {error}</span>}
      </summary>
      <ul className="wr-paging-pages">
        {escalations.map((e) => <li key={e.id}><strong>{e.title}</strong> ({e.subject === 'alert_group' ? `policy ${e.policy}` : e.reason ?? e.policy}): {stateOf(e)}</li>)}
        {pages.map((p) => (
          <li key={p.pageId}>
            {time(p.at)} {p.name}, step {p.step + 1}: {p.deliveries.map((d) => `${d.channel} ${d.status}`).join(', ') || (p.status === 'folded' ? 'folded into a digest' : 'no delivery')}
            {p.acknowledgedAt && `; acknowledged ${time(p.acknowledgedAt)}`}
          </li>
        ))}
      </ul>
    </details>
  );
}
