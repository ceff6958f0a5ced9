/** Chat: connect a Slack workspace or Mattermost team, test it, see what is missing, disconnect it. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import { Button, Empty, FormError, SelectField, TextField } from '../../ui/components';
import { formatDate } from '../../ui/time';
import { refusalText } from '../../ui/refusal';

const EMPTY = { provider: 'slack' as 'slack' | 'mattermost', name: '', botToken: '', signingSecret: '', commandToken: '', baseUrl: '', teamId: '', teamName: '', pageChannelId: '' };

export function ChatTab() {
  const client = useQueryClient();
  const workspaces = useQuery({ queryKey: ['chat-workspaces'], queryFn: async () => (await unwrap(api.GET('/api/v1/chat/workspaces'))).workspaces });
  const [form, setForm] = useState(EMPTY);
  const [error, setError] = useState<ApiError | null>(null);
  const [tested, setTested] = useState<Record<string, string>>({});
  const fail = (err: unknown) => setError(err instanceof ApiError ? err : new ApiError(0, String(err)));
  const refresh = () => client.invalidateQueries({ queryKey: ['chat-workspaces'] });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    // Only what was typed is sent: the server names every field this provider still needs.
    const body = Object.fromEntries(Object.entries(form).filter(([, v]) => v !== '')) as typeof form;
    try {
      await unwrap(api.POST('/api/v1/chat/workspaces', { body }));
      setForm(EMPTY);
      await refresh();
    } catch (err) {
      fail(err);
    }
  };
  const test = async (id: string) => {
    try {
      const result = await unwrap(api.POST('/api/v1/chat/workspaces/{id}/test', { params: { path: { id } } }));
      setTested({ ...tested, [id]: result.ok ? `connected to ${result.team ?? 'the workspace'}` : 'failed' });
      await refresh();
    } catch (err) {
      fail(err);
    }
  };
  const disconnect = async (id: string) => {
    try {
      await unwrap(api.DELETE('/api/v1/chat/workspaces/{id}', { params: { path: { id } } }));
      await refresh();
    } catch (err) {
      fail(err);
    }
  };
  const slack = form.provider === 'slack';
  return (
    <>
      {workspaces.data?.length === 0 && <Empty>No chat workspace is connected.</Empty>}
      {workspaces.data?.map((w) => (
        <section key={w.id} className="card" aria-label={`Chat workspace ${w.name}`}>
          <h2>{w.name} <span className="muted small">{w.provider} · team {w.teamId}</span></h2>
          <p className="small">Channels for {w.policy.severities.join(', ')} named <code>{w.policy.namePattern}</code>; at most {w.policy.mirrorPostsPerMinute} timeline posts a minute. Last test: {w.lastTestAt ? formatDate(w.lastTestAt) : 'never'}{tested[w.id] ? ` (${tested[w.id]})` : ''}.</p>
          {w.missing.length > 0 && <ul className="small" aria-label={`What ${w.name} is missing`}>{w.missing.map((m) => <li key={m}>{m}</li>)}</ul>}
          <Button className="small" onClick={() => void test(w.id)}>Test</Button>{' '}
          <Button className="small" variant="danger" aria-label={`Disconnect ${w.name}`} onClick={() => void disconnect(w.id)}>Disconnect</Button>
        </section>
      ))}
      <form onSubmit={submit} className="card" aria-label="Connect a chat workspace">
        <SelectField label="Provider" value={form.provider} onChange={(e) => setForm({ ...form, provider: e.target.value as typeof form.provider })}>
          <option value="slack">Slack</option><option value="mattermost">Mattermost</option>
        </SelectField>
        <TextField label="Name" required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} error={error?.forField('name')} />
        <TextField label="Bot token" type="password" autoComplete="off" value={form.botToken} onChange={(e) => setForm({ ...form, botToken: e.target.value })} error={error?.forField('botToken')} />
        {slack && <TextField label="Signing secret" type="password" autoComplete="off" value={form.signingSecret} onChange={(e) => setForm({ ...form, signingSecret: e.target.value })} error={error?.forField('signingSecret')} hint="From the app's Basic Information; create the app from the manifest (firebreak chat manifest)" />}
        {!slack && <TextField label="Slash command token" type="password" autoComplete="off" value={form.commandToken} onChange={(e) => setForm({ ...form, commandToken: e.target.value })} error={error?.forField('commandToken')} />}
        {!slack && <TextField label="Server URL" value={form.baseUrl} onChange={(e) => setForm({ ...form, baseUrl: e.target.value })} error={error?.forField('baseUrl')} />}
        {!slack && <TextField label="Team id" value={form.teamId} onChange={(e) => setForm({ ...form, teamId: e.target.value })} error={error?.forField('teamId')} />}
        {!slack && <TextField label="Team name" value={form.teamName} onChange={(e) => setForm({ ...form, teamName: e.target.value })} error={error?.forField('teamName')} />}
        <TextField label="Page channel id (optional)" value={form.pageChannelId} onChange={(e) => setForm({ ...form, pageChannelId: e.target.value })} error={error?.forField('pageChannelId')} />
        <Button type="submit" variant="primary">Connect</Button>
      </form>
      <FormError error={error && error.errors.length === 0 ? refusalText(error) : null} />
    </>
  );
}
