/** Who is on call now on every schedule, until when, and the schedules to open. */
import { useQueries, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { Link } from '../../shell/router';
import type { ScreenProps } from '../../shell/registry';
import { useCan } from '../../shell/session';
import { Empty } from '../../ui/components';
import { OnCallTabs } from './OnCallTabs';
import { formatIn, minuteFromNow, usePeopleNames, useViewerZone } from './queries';
import './oncall.css';

export default function OnCallNowPage(_props: ScreenProps) {
  const canWrite = useCan('responder');
  const nameOf = usePeopleNames();
  const zone = useViewerZone();
  const now = useQuery({ queryKey: ['oncall', 'now'], queryFn: () => unwrap(api.GET('/api/v1/oncall/now', { params: { query: {} } })), refetchInterval: 60_000 });
  const from = minuteFromNow();
  const to = minuteFromNow(14);
  // The current shift's end: the first final shift of the next 14 days, when it has already begun.
  const shifts = useQueries({
    queries: (now.data?.onCall ?? []).map((s) => ({
      queryKey: ['oncall', 'shifts', s.scheduleId, from, to],
      queryFn: () => unwrap(api.GET('/api/v1/oncall/schedules/{schedule}/shifts', { params: { path: { schedule: s.scheduleId }, query: { from, to } } })),
    })),
  });

  return (
    <main id="main" className="page">
      <div className="page-head">
        <h1>On call</h1>
        {canWrite && <Link to="/oncall/schedules/new" className="btn btn-primary">New schedule</Link>}
      </div>
      <OnCallTabs />
      <p className="muted small">Times in {zone}.</p>
      {now.data?.onCall.length === 0 && <Empty>No schedules yet.</Empty>}
      <ul className="oncall-grid" aria-label="Who is on call now">
        {now.data?.onCall.map((s, i) => {
          const current = shifts[i]?.data?.shifts[0];
          const until = current && Date.parse(current.start) <= Date.parse(now.data.at) ? current.end : null;
          return (
            <li key={s.scheduleId} className={`oncall-card ${s.userIds.length === 0 ? 'nobody' : ''}`} data-schedule={s.scheduleName}>
              <h2><Link to={`/oncall/schedules/${s.scheduleId}`}>{s.scheduleName}</Link></h2>
              <div className="who-now" data-testid="on-call-now">{s.userIds.length ? s.userIds.map(nameOf).join(', ') : 'Nobody'}</div>
              <div className="small muted">
                {s.userIds.length === 0 ? 'gap: nobody is paged' : until ? <>until <time dateTime={until} data-testid="shift-end">{formatIn(until, zone)}</time></> : 'for 14 days or more'}
              </div>
            </li>
          );
        })}
      </ul>
    </main>
  );
}
