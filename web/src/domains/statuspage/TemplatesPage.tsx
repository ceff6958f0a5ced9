/** The update templates (Mustache): declaration, update, resolution and their public forms; admins edit them. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, ApiError, unwrap, type paths } from '../../api/client';
import { Link } from '../../shell/router';
import type { ScreenProps } from '../../shell/registry';
import { useCan } from '../../shell/session';
import { Button, FormError, TextArea } from '../../ui/components';
import './statuspage.css';
import { refusalText } from '../../ui/refusal';

type Templates = paths['/api/v1/settings/update-templates']['get']['responses']['200']['content']['application/json'];
const KINDS: Array<[keyof Templates, string]> = [
  ['declaration', 'Declaration (internal)'],
  ['update', 'Update (internal)'],
  ['resolution', 'Resolution (internal)'],
  ['public_update', 'Public update (status page)'],
  ['public_resolution', 'Public resolution (status page)'],
];

export default function TemplatesPage(_props: ScreenProps) {
  const isAdmin = useCan('admin');
  const client = useQueryClient();
  const templates = useQuery({ queryKey: ['status', 'templates'], queryFn: () => unwrap(api.GET('/api/v1/settings/update-templates')) });
  const [draft, setDraft] = useState<Templates | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (templates.data) setDraft(templates.data);
  }, [templates.data]);

  const save = async () => {
    if (!draft) return;
    setError(null);
    setSaved(false);
    try {
      await unwrap(api.PUT('/api/v1/settings/update-templates', { body: draft }));
      setSaved(true);
      await client.invalidateQueries({ queryKey: ['status', 'templates'] });
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, String(err)));
    }
  };

  return (
    <main id="main" className="page">
      <div className="page-head">
        <h1>Update templates</h1>
        <nav className="row" aria-label="Status page settings">
          <Link to="/status-pages">Status pages</Link>
          <Link to="/status-pages/channels">Update channels</Link>
        </nav>
      </div>
      <p className="muted small">Mustache, filled from the incident when a responder asks for a draft: {'{{severity}}, {{summary}}, {{impact}}, {{status}}, {{ic}}, {{techLead}}, {{bridge}}, {{progress}}, {{eta}}, {{duration}}, {{nextUpdateTime}}, {{postmortemDate}}'}…</p>
      {draft && (
        <div className="template-grid">
          {KINDS.map(([k, label]) => isAdmin
            ? <TextArea key={k} label={label} value={draft[k]} onChange={(e) => setDraft({ ...draft, [k]: e.target.value })} error={error?.forField(k)} />
            : (
              <section key={k} aria-label={label}>
                <h2>{label}</h2>
                <pre className="markdown">{draft[k]}</pre>
              </section>
            ))}
          {isAdmin && (
            <div className="row">
              <Button variant="primary" onClick={() => void save()}>Save templates</Button>
              {saved && <span role="status">Templates saved.</span>}
            </div>
          )}
        </div>
      )}
      <FormError error={error && error.errors.length === 0 ? refusalText(error) : null} />
    </main>
  );
}
