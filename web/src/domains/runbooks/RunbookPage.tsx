/** One runbook: rendered (the server sanitises the HTML), its rot and link checks, Markdown editing, and "I tested it". */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import { Link } from '../../shell/router';
import { useCan } from '../../shell/session';
import type { ScreenProps } from '../../shell/registry';
import { Button, FormError, TextArea, TextField } from '../../ui/components';
import { RotBadges } from './RotBadges';
import { refusalText } from '../../ui/refusal';
import { formatDate } from '../../ui/time';

export default function RunbookPage({ params }: ScreenProps) {
  const id = params.id!;
  const canWrite = useCan('responder');
  const client = useQueryClient();
  const runbook = useQuery({ queryKey: ['runbook', id], queryFn: async () => unwrap(api.GET('/api/v1/runbooks/{id}', { params: { path: { id } } })) });
  const [draft, setDraft] = useState<{ title: string; body: string } | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const attempt = async (what: string, call: () => Promise<unknown>) => {
    setError(null);
    setSaved(null);
    try {
      await call();
      setSaved(what);
      await client.invalidateQueries({ queryKey: ['runbook', id] });
      await client.invalidateQueries({ queryKey: ['runbooks'] });
      return true;
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, String(err)));
      return false;
    }
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (draft && (await attempt('Saved', () => unwrap(api.PATCH('/api/v1/runbooks/{id}', { params: { path: { id } }, body: draft }))))) setDraft(null);
  };
  const tested = async (event: FormEvent) => {
    event.preventDefault();
    if (await attempt('Test recorded', () => unwrap(api.POST('/api/v1/runbooks/{id}/tested', { params: { path: { id } }, body: note.trim() ? { note: note.trim() } : {} })))) setNote('');
  };

  if (runbook.isError) return <main id="main" className="page"><h1>Runbook</h1><p role="alert" className="form-error">{refusalText(runbook.error)}</p></main>;
  const r = runbook.data;
  if (!r) return <main id="main" className="page" role="status">Loading runbook…</main>;

  return (
    <main id="main" className="page runbook">
      <p className="small"><Link to="/runbooks">All runbooks</Link></p>
      <h1>{r.title}</h1>
      <p className="wr-badges">
        <RotBadges kinds={r.rot.causes.map((c) => c.kind)} />
        <span className="muted">{r.lastTested ? `last tested ${formatDate(r.lastTested.at)}${r.lastTested.note ? `: ${r.lastTested.note}` : ''}` : 'never tested'}</span>
      </p>
      {r.rot.causes.length > 0 && (
        <section aria-labelledby="rot-heading">
          <h2 id="rot-heading">Why it is rotting</h2>
          <ul>{r.rot.causes.map((c, i) => <li key={i}>{c.text}</li>)}</ul>
        </section>
      )}
      {draft ? (
        <form onSubmit={save} aria-labelledby="edit-heading">
          <h2 id="edit-heading">Edit</h2>
          <TextField label="Title" required maxLength={200} value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.target.value })} error={error?.forField('title')} />
          <TextArea label="Markdown" rows={20} value={draft.body} onChange={(e) => setDraft({ ...draft, body: e.target.value })} error={error?.forField('body')} />
          <div className="row">
            <Button type="submit" variant="primary">Save</Button>
            <Button type="button" onClick={() => setDraft(null)}>Cancel</Button>
          </div>
        </form>
      ) : (
        // The server renders with raw HTML off and only http(s), mailto and relative links: safe to insert.
        <article className="markdown-body" dangerouslySetInnerHTML={{ __html: r.html }} />
      )}
      {r.links.length > 0 && (
        <section aria-labelledby="links-heading">
          <h2 id="links-heading">Link checks</h2>
          <ul className="small">
            {r.links.map((l) => <li key={l.url}><code>{l.url}</code> {l.ok ? <span className="badge ok">ok</span> : <span className="badge rot">{l.status ?? l.error ?? 'failed'}</span>}</li>)}
          </ul>
        </section>
      )}
      {canWrite && !draft && (
        <div className="two-col">
          <div>
            <h2>Change it</h2>
            <Button onClick={() => setDraft({ title: r.title, body: r.body })}>Edit Markdown</Button>
          </div>
          <form onSubmit={tested} aria-labelledby="tested-heading">
            <h2 id="tested-heading">I tested it</h2>
            <p className="muted small">Someone other than its author must test a runbook.</p>
            <TextField label="What you tested" maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} error={error?.forField('note')} />
            <Button type="submit" variant="primary">Mark tested</Button>
          </form>
        </div>
      )}
      {saved && <p className="saved" role="status">{saved}</p>}
      <FormError error={error ? refusalText(error) : null} />
    </main>
  );
}
