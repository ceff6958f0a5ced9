/**
 * In the war room: what the public status page says about this incident now, and
 * a form to publish (public title, public status, affected components with their
 * states, the message). Collapsed to one line so the war room stays on one screen.
 * A public update that did not reach the page says why and how to fix it.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type paths } from '../../api/client';
import { Button, FormError, SelectField, TextArea, TextField } from '../../ui/components';
import { refusalText } from '../../ui/refusal';

type NewEvent = paths['/api/v1/incidents/{id}/events']['post']['requestBody']['content']['application/json'];
type ComponentState = 'degraded_performance' | 'partial_outage' | 'major_outage' | 'under_maintenance';
type PublicStatus = 'investigating' | 'identified' | 'monitoring' | 'resolved';

const STATES: Array<[ComponentState | '', string]> = [['', 'not affected'], ['degraded_performance', 'degraded'], ['partial_outage', 'partial outage'], ['major_outage', 'major outage'], ['under_maintenance', 'maintenance']];
const STATUSES: PublicStatus[] = ['investigating', 'identified', 'monitoring', 'resolved'];

interface Props {
  incident: { ref: string; status: string; lastUpdate: { seq: number; audience: string } | null };
  canWrite: boolean;
}

export function PublicFacePanel({ incident, canWrite }: Props) {
  const client = useQueryClient();
  const key = ['incident', incident.ref, 'public-face'];
  const face = useQuery({ queryKey: key, queryFn: async () => unwrap(api.GET('/api/v1/incidents/{id}/public-face', { params: { path: { id: incident.ref } } })), refetchInterval: 15_000 });
  const shown = face.data?.onPage[0];
  const [title, setTitle] = useState('');
  const [status, setStatus] = useState<PublicStatus>('investigating');
  const [states, setStates] = useState<Record<string, ComponentState | ''>>({});
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notPublished, setNotPublished] = useState<string | null>(null);
  const seenUpdate = useRef(incident.lastUpdate?.seq ?? 0);

  // Prefill from what the page shows, once it is known.
  useEffect(() => {
    if (!shown) return;
    setTitle((t) => t || shown.title);
    setStatus(shown.status as PublicStatus);
    setStates((s) => (Object.keys(s).length ? s : Object.fromEntries(shown.components.map((c) => [c.id, c.status as ComponentState]))));
  }, [shown]);

  // A public update typed elsewhere ("/update public …") that did not reach the page: say why and how to fix it.
  useEffect(() => {
    const last = incident.lastUpdate;
    if (!last || last.seq === seenUpdate.current) return;
    seenUpdate.current = last.seq;
    if (last.audience !== 'public') return;
    void (async () => {
      const now = await client.fetchQuery({ queryKey: key, queryFn: async () => unwrap(api.GET('/api/v1/incidents/{id}/public-face', { params: { path: { id: incident.ref } } })), staleTime: 0 });
      setNotPublished(now.blocked ? `Your public update was recorded but ${now.blocked}` : null);
    })();
  }, [incident.lastUpdate?.seq]);

  const publish = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const components = Object.entries(states).flatMap(([componentId, s]) => (s ? [{ componentId, status: s }] : []));
    const body = { kind: 'update_posted', body: { audience: 'public', text, publicTitle: title, publicStatus: status, components } } as unknown as NewEvent;
    try {
      await unwrap(api.POST('/api/v1/incidents/{id}/events', { params: { path: { id: incident.ref } }, body }));
      setText('');
      setNotPublished(null);
      await client.invalidateQueries({ queryKey: ['incident', incident.ref] });
    } catch (err) {
      setError(refusalText(err));
    }
  };

  const summary = shown ? `${shown.title}: ${shown.status}` : 'nothing published';
  return (
    <details className="public-face" aria-label="Public page">
      <summary>
        <strong>Public page</strong> <span className={shown ? '' : 'muted'}>{summary}</span>
        {notPublished && <span className="paged-nobody small" role="alert"> {notPublished}</span>}
      </summary>
      {face.data && (
        <div className="public-face-body">
          {notPublished && <p className="warning">{notPublished}</p>}
          {shown ? (
            <section aria-label="What the public page says now" className="small">
              <p><a href={shown.url} target="_blank" rel="noreferrer">{shown.pageName}</a>: “{shown.title}”, {shown.status} (impact {shown.impact})</p>
              {shown.components.length > 0 && <p>{shown.components.map((c) => `${c.name}: ${c.status.replace(/_/g, ' ')}`).join(' · ')}</p>}
              {shown.lastUpdate && <p className="muted">Last: {shown.lastUpdate.text}</p>}
            </section>
          ) : (
            face.data.blocked && !notPublished && <p className="small warning">{face.data.blocked}</p>
          )}
          {canWrite && incident.status !== 'resolved' && !face.data.blocked?.includes('private') && !face.data.blocked?.includes('drill') && (
            <form onSubmit={publish} aria-label="Publish to the status page" className="public-face-form">
              <TextField label="Public title" required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
              <SelectField label="Public status" value={status} onChange={(e) => setStatus(e.target.value as PublicStatus)}>
                {STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
              </SelectField>
              {face.data.components.length > 0 && (
                <fieldset className="component-states">
                  <legend className="small">Affected components</legend>
                  {face.data.components.map((c) => (
                    <SelectField key={c.id} label={c.name} value={states[c.id] ?? ''} onChange={(e) => setStates({ ...states, [c.id]: e.target.value as ComponentState | '' })}>
                      {STATES.map(([v, label]) => <option key={v} value={v}>{label}</option>)}
                    </SelectField>
                  ))}
                </fieldset>
              )}
              <TextArea label="Message" required rows={2} value={text} onChange={(e) => setText(e.target.value)} />
              <Button type="submit" variant="primary">Publish</Button>
              <FormError error={error} />
            </form>
          )}
        </div>
      )}
    </details>
  );
}
