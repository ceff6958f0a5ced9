/** Where internal updates go: e-mail addresses, Slack-compatible webhook URLs and the standing bridge; admins only. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError, unwrap, type paths } from '../../api/client';
import { Link } from '../../shell/router';
import type { ScreenProps } from '../../shell/registry';
import { useCan } from '../../shell/session';
import { Button, FormError, TextField } from '../../ui/components';
import './statuspage.css';
import { plainMessage, refusalText } from '../../ui/refusal';

type Channels = paths['/api/v1/settings/update-channels']['get']['responses']['200']['content']['application/json'];
type ListKey = 'emails' | 'slackWebhookUrls';
const CHANNELS_KEY = ['status', 'update-channels'] as const;

/** The API's message for a list or one of its items ("emails", "emails/2", "/emails/2"…). */
function listError(error: ApiError | null, key: ListKey): string | undefined {
  const pattern = new RegExp(`(^|[./])${key}([./]\\d+)?$`);
  const message = error?.errors.find((e) => pattern.test(e.field))?.message;
  return message === undefined ? undefined : plainMessage(message);
}

export default function ChannelsPage(_props: ScreenProps) {
  const isAdmin = useCan('admin');
  return (
    <main id="main" className="page">
      <div className="page-head">
        <h1>Update channels</h1>
        <Link to="/status-pages/templates">Update templates</Link>
      </div>
      <p className="muted small">Internal updates go to every address and webhook here; the declaration template quotes the bridge as {'{{bridge}}'}.</p>
      {isAdmin ? <ChannelsForm /> : <p>Only admins see and set the update channels.</p>}
    </main>
  );
}

function ChannelsForm() {
  const client = useQueryClient();
  const channels = useQuery({ queryKey: CHANNELS_KEY, queryFn: () => unwrap(api.GET('/api/v1/settings/update-channels')) });
  const [draft, setDraft] = useState<Channels | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (channels.data) setDraft(channels.data);
  }, [channels.data]);
  if (!draft) return <FormError error={channels.error ? refusalText(channels.error) : null} />;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSaved(false);
    const bridge = (draft.bridgeUrl ?? '').trim();
    try {
      await unwrap(api.PUT('/api/v1/settings/update-channels', { body: { ...draft, bridgeUrl: bridge === '' ? null : bridge } }));
      setSaved(true);
      await client.invalidateQueries({ queryKey: CHANNELS_KEY });
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, String(err)));
    }
  };
  const setList = (key: ListKey, items: string[]) => setDraft({ ...draft, [key]: items });
  const fieldless = error && !listError(error, 'emails') && !listError(error, 'slackWebhookUrls') && !error.forField('bridgeUrl');

  return (
    <form onSubmit={(e) => void save(e)} aria-label="Update channels">
      <ChannelList label="E-mail address" title="E-mail addresses" type="email" items={draft.emails} onChange={(items) => setList('emails', items)} error={listError(error, 'emails')} />
      <ChannelList label="Slack-compatible webhook URL" title="Slack-compatible webhooks" type="url" items={draft.slackWebhookUrls} onChange={(items) => setList('slackWebhookUrls', items)} error={listError(error, 'slackWebhookUrls')} />
      <TextField label="Bridge URL" value={draft.bridgeUrl ?? ''} onChange={(e) => setDraft({ ...draft, bridgeUrl: e.target.value })} error={error?.forField('bridgeUrl')} hint="The standing call or chat room responders join; blank for none." />
      <FormError error={fieldless ? refusalText(error) : null} />
      <div className="row">
        <Button type="submit" variant="primary">Save channels</Button>
        {saved && <span role="status">Channels saved.</span>}
      </div>
    </form>
  );
}

interface ChannelListProps {
  label: string;
  title: string;
  type: 'email' | 'url';
  items: string[];
  onChange: (items: string[]) => void;
  error: string | undefined;
}

/** One list of destinations: each with its remove button, and a field to add another (not checked here: the API judges it on save). */
function ChannelList({ label, title, type, items, onChange, error }: ChannelListProps) {
  const [next, setNext] = useState('');
  const add = () => {
    const value = next.trim();
    if (value === '' || items.includes(value)) return;
    onChange([...items, value]);
    setNext('');
  };
  return (
    <section className="panel-box" aria-label={title}>
      <h2>{title}</h2>
      {items.length === 0 ? <p className="muted small">None.</p> : (
        <ul className="channel-list">
          {items.map((item) => (
            <li key={item}>
              <span className="channel-item">{item}</span>
              <Button variant="quiet" aria-label={`Remove ${item}`} onClick={() => onChange(items.filter((x) => x !== item))}>Remove</Button>
            </li>
          ))}
        </ul>
      )}
      <div className="row">
        <TextField label={`New ${label.charAt(0).toLowerCase()}${label.slice(1)}`} type={type === 'email' ? 'email' : 'text'} inputMode={type} value={next} onChange={(e) => setNext(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); add(); } }} error={error} />
        <Button onClick={add}>Add</Button>
      </div>
    </section>
  );
}
