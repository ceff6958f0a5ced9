/** A page's webhook subscribers, for admins: listed with their state, added (URL, optional signing secret) and removed. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import { Button, FormError, TextField } from '../../ui/components';
import { refusalText } from '../../ui/refusal';

const stateOf = (s: { confirmed: boolean; unsubscribed: boolean }) => (s.unsubscribed ? 'unsubscribed' : s.confirmed ? 'active' : 'pending');

export default function WebhookSubscribersPanel({ pageId }: { pageId: string }) {
  const client = useQueryClient();
  const key = ['status', 'subscribers', pageId];
  const subs = useQuery({ queryKey: key, queryFn: async () => (await unwrap(api.GET('/api/v1/status-pages/{id}/subscribers', { params: { path: { id: pageId } } }))).subscribers });
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const webhooks = (subs.data ?? []).filter((s) => s.kind === 'webhook');

  const attempt = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      await client.invalidateQueries({ queryKey: key });
      return true;
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, String(err)));
      return false;
    }
  };
  const add = async (event: FormEvent) => {
    event.preventDefault();
    const body = secret === '' ? { url } : { url, secret };
    if (await attempt(() => unwrap(api.POST('/api/v1/status-pages/{id}/subscribers', { params: { path: { id: pageId } }, body })))) {
      setUrl('');
      setSecret('');
    }
  };
  const remove = (id: string) => void attempt(() => unwrap(api.DELETE('/api/v1/status-subscribers/{id}', { params: { path: { id } } })));

  return (
    <section className="panel-box" aria-labelledby="webhook-subscribers">
      <h2 id="webhook-subscribers">Webhook subscribers</h2>
      {webhooks.length === 0 ? <p className="muted small">No webhook subscribers.</p> : (
        <table aria-label="Webhook subscribers">
          <thead><tr><th scope="col">URL</th><th scope="col">State</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
          <tbody>
            {webhooks.map((s) => (
              <tr key={s.id}>
                <td className="channel-item">{s.address}</td>
                <td>{stateOf(s)}</td>
                <td><Button variant="quiet" aria-label={`Remove ${s.address}`} onClick={() => remove(s.id)}>Remove</Button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form onSubmit={(e) => void add(e)} aria-label="New webhook subscriber" className="row">
        <TextField label="Webhook URL" required value={url} onChange={(e) => setUrl(e.target.value)} error={error?.forField('url')} />
        <TextField label="Signing secret (optional, 16+ characters)" value={secret} onChange={(e) => setSecret(e.target.value)} error={error?.forField('secret')} />
        <Button type="submit">Add webhook</Button>
      </form>
      <FormError error={error && !error.forField('url') && !error.forField('secret') ? refusalText(error) : null} />
    </section>
  );
}
