/**
 * "Have we seen this before?": past incidents like this one, each with why it
 * matched (same service, same alert, the words), how it was resolved and what
 * its postmortem found, open action items flagged. In the war room a compact
 * card that opens on demand; on the declare form a list under the fields.
 */
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type paths } from '../../api/client';
import { Link } from '../../shell/router';

type Similar = paths['/api/v1/incidents/{id}/similar']['get']['responses']['200']['content']['application/json']['similar'][number];

function Item({ s }: { s: Similar }) {
  return (
    <li className="similar-item" data-ref={s.ref}>
      <Link to={`/incidents/${s.ref}`}>{s.ref}</Link> {s.title} <span className="muted small">({s.severity}, {s.status})</span>
      <div className="small muted">{s.why}</div>
      {s.resolutionSummary && <div className="small">Resolved: {s.resolutionSummary}</div>}
      {s.postmortem?.rootCause && <div className="small">Root cause: {s.postmortem.rootCause}</div>}
      {s.postmortem && s.postmortem.actionItems.length > 0 && (
        <ul className="plain small">
          {s.postmortem.actionItems.map((a) => (
            <li key={a.title}>{a.open ? <span className="badge open">open</span> : <span className="badge ok">done</span>} {a.title}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** The war room's card: one line until opened. */
export function SimilarCard({ incident }: { incident: string }) {
  const similar = useQuery({
    queryKey: ['incident', incident, 'similar'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/incidents/{id}/similar', { params: { path: { id: incident }, query: {} } }))).similar,
    staleTime: 60_000,
  });
  const list = similar.data ?? [];
  if (list.length === 0) return null;
  return (
    <details className="card similar" aria-label="Seen before">
      <summary><h2>Seen before? {list.map((s) => s.ref).join(', ')}</h2></summary>
      <ul className="plain">{list.map((s) => <Item key={s.ref} s={s} />)}</ul>
    </details>
  );
}

/** On the declare form: incidents like the one being typed (title, impact, services). */
export function SimilarWhileDeclaring(props: { title: string; impact: string; services: string[] }) {
  // Asks once typing pauses, not at every key.
  const [{ title, impact, services }, setSettled] = useState(props);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(props), 400);
    return () => window.clearTimeout(timer);
  }, [props.title, props.impact, props.services.join(',')]);
  const typed = title.trim();
  const similar = useQuery({
    queryKey: ['incidents', 'similar', typed, impact.trim(), services],
    queryFn: async () => (await unwrap(api.GET('/api/v1/incidents/similar', { params: { query: { title: typed, ...(impact.trim() ? { impact: impact.trim() } : {}), ...(services.length ? { service: services } : {}) } } }))).similar,
    enabled: typed.length >= 4,
    staleTime: 30_000,
    placeholderData: (previous) => previous,
  });
  const list = similar.data ?? [];
  if (typed.length < 4 || list.length === 0) return null;
  return (
    <section className="similar-declare" aria-label="Seen before">
      <h2>Seen before?</h2>
      <ul className="plain">{list.map((s) => <Item key={s.ref} s={s} />)}</ul>
    </section>
  );
}
