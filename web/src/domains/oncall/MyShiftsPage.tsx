/** My upcoming shifts on every schedule, and my calendar feed (its URL shown once, revocable). */
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type ApiError, unwrap } from '../../api/client';
import { Link } from '../../shell/router';
import type { ScreenProps } from '../../shell/registry';
import { useMe } from '../../shell/session';
import { Button, Empty, FormError } from '../../ui/components';
import { OnCallTabs } from './OnCallTabs';
import { asApiError, formatIn, minuteFromNow, useSchedules, useViewerZone } from './queries';
import './oncall.css';
import { refusalText } from '../../ui/refusal';

const DAYS = 28;
const FEEDS_KEY = ['oncall', 'feeds'] as const;

function FeedPanel({ userId, zone }: { userId: string; zone: string }) {
  const client = useQueryClient();
  const feeds = useQuery({ queryKey: FEEDS_KEY, queryFn: async () => (await unwrap(api.GET('/api/v1/oncall/feeds'))).feeds });
  const [shown, setShown] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const mine = (feeds.data ?? []).filter((f) => f.userId === userId && !f.scheduleId && !f.revokedAt);

  const create = async () => {
    setError(null);
    try {
      const made = await unwrap(api.POST('/api/v1/oncall/feeds', { body: { userId } }));
      setShown(`${window.location.origin}${made.path}`);
      await client.invalidateQueries({ queryKey: FEEDS_KEY });
    } catch (err) {
      setError(asApiError(err));
    }
  };
  const revoke = async (id: string) => {
    setError(null);
    try {
      await unwrap(api.DELETE('/api/v1/oncall/feeds/{id}', { params: { path: { id } } }));
      setShown(null);
      await client.invalidateQueries({ queryKey: FEEDS_KEY });
    } catch (err) {
      setError(asApiError(err));
    }
  };

  return (
    <section aria-labelledby="feed-heading">
      <h2 id="feed-heading">Calendar feed</h2>
      <p className="muted small">Subscribe to your shifts from a calendar app. The address is a secret: anyone with it sees your shifts.</p>
      {mine.length === 0 && !shown && <Empty>No active feed.</Empty>}
      {mine.length > 0 && (
        <ul className="plain" aria-label="My calendar feeds">
          {mine.map((f) => (
            <li key={f.id} className="row">
              <span>Feed created {formatIn(f.createdAt, zone)}</span>
              <Button variant="danger" onClick={() => void revoke(f.id)}>Revoke feed</Button>
            </li>
          ))}
        </ul>
      )}
      {shown && (
        <div className="once" role="region" aria-label="New calendar feed address">
          <p><strong>Copy this address now: it is shown only once.</strong></p>
          <div className="row">
            <code className="secret feed-url" data-testid="feed-url">{shown}</code>
            <Button onClick={() => void navigator.clipboard.writeText(shown).catch(() => undefined)}>Copy address</Button>
          </div>
        </div>
      )}
      <Button onClick={() => void create()}>{mine.length ? 'Create another feed' : 'Create calendar feed'}</Button>
      <FormError error={refusalText(error)} />
    </section>
  );
}

export default function MyShiftsPage(_props: ScreenProps) {
  const me = useMe().data;
  const zone = useViewerZone();
  const schedules = useSchedules();
  const from = minuteFromNow();
  const to = minuteFromNow(DAYS);
  const results = useQueries({
    queries: (schedules.data ?? []).map((s) => ({
      queryKey: ['oncall', 'shifts', s.id, from, to],
      queryFn: () => unwrap(api.GET('/api/v1/oncall/schedules/{schedule}/shifts', { params: { path: { schedule: s.id }, query: { from, to } } })),
    })),
  });
  const mine = (schedules.data ?? [])
    .flatMap((s, i) => (results[i]?.data?.shifts ?? []).filter((x) => me && x.userIds.includes(me.id)).map((x) => ({ ...x, schedule: s })))
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const loading = schedules.isPending || results.some((r) => r.isPending);

  return (
    <main id="main" className="page">
      <h1>My shifts</h1>
      <OnCallTabs />
      <p className="muted small">The next {DAYS} days, in {zone}.</p>
      {!loading && mine.length === 0 && <Empty>You have no shifts in the next {DAYS} days.</Empty>}
      {mine.length > 0 && (
        <table className="table" aria-label="My upcoming shifts">
          <thead><tr><th scope="col">Schedule</th><th scope="col">From</th><th scope="col">Until</th><th scope="col">With</th></tr></thead>
          <tbody>
            {mine.map((x) => (
              <tr key={`${x.schedule.id}-${x.start}`}>
                <td><Link to={`/oncall/schedules/${x.schedule.id}`}>{x.schedule.name}</Link></td>
                <td>{formatIn(x.start, zone)}</td>
                <td>{formatIn(x.end, zone)}</td>
                <td>{x.userIds.length > 1 ? `${x.userIds.length - 1} other${x.userIds.length > 2 ? 's' : ''}` : 'alone'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {me && <FeedPanel userId={me.id} zone={zone} />}
    </main>
  );
}
