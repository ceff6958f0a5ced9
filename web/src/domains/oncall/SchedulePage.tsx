/** One schedule: its next 14 days as a timeline, its gaps, and its overrides. */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { Link } from '../../shell/router';
import type { ScreenProps } from '../../shell/registry';
import { useCan } from '../../shell/session';
import { Empty, FormError } from '../../ui/components';
import { OnCallTabs } from './OnCallTabs';
import { OverridesPanel } from './OverridesPanel';
import { formatIn, minuteFromNow, usePeopleNames, useShifts, useViewerZone } from './queries';
import { ScheduleTimeline } from './ScheduleTimeline';
import './oncall.css';
import { refusalText } from '../../ui/refusal';

const DAYS = 14;

export default function SchedulePage({ params }: ScreenProps) {
  const ref = params.schedule ?? '';
  const canWrite = useCan('responder');
  const nameOf = usePeopleNames();
  const zone = useViewerZone();
  const from = minuteFromNow();
  const to = minuteFromNow(DAYS);
  const schedule = useQuery({ queryKey: ['oncall', 'schedule', ref], queryFn: () => unwrap(api.GET('/api/v1/oncall/schedules/{schedule}', { params: { path: { schedule: ref } } })) });
  const shifts = useShifts(ref, from, to);
  const overrides = useQuery({
    queryKey: ['oncall', 'overrides', ref, from, to],
    queryFn: async () => (await unwrap(api.GET('/api/v1/oncall/schedules/{schedule}/overrides', { params: { path: { schedule: ref }, query: { from, to } } }))).overrides,
  });

  if (schedule.error) return <main id="main" className="page"><h1>Schedule</h1><FormError error={refusalText(schedule.error)} /></main>;
  const s = schedule.data;
  return (
    <main id="main" className="page">
      <div className="page-head">
        <h1>{s ? `Schedule: ${s.name}` : 'Schedule'}</h1>
        {s && canWrite && <Link to={`/oncall/schedules/${s.id}/edit`} className="btn">Edit schedule</Link>}
      </div>
      <OnCallTabs />
      {s && (
        <>
          <p className="muted small">Rules in {s.timeZone}; times shown in your zone, {zone}. {s.description}</p>
          {s.upcomingGaps.length > 0 && (
            <div className="refusal" role="status">
              <strong>Nobody is on call during {s.upcomingGaps.length} stretch{s.upcomingGaps.length > 1 ? 'es' : ''} of the next 14 days:</strong>{' '}
              {s.upcomingGaps.slice(0, 5).map((g) => `${formatIn(g.start, zone)} – ${formatIn(g.end, zone)}`).join('; ')}
            </div>
          )}
          {s.layers.length === 0 && <Empty>This schedule has no layers yet.</Empty>}
          {shifts.data && overrides.data && (
            <ScheduleTimeline
              scheduleName={s.name}
              scheduleZone={s.timeZone}
              viewerZone={zone}
              layers={s.layers}
              shifts={shifts.data.shifts}
              gaps={shifts.data.gaps}
              overrides={overrides.data}
              window={{ from: Date.parse(from), to: Date.parse(to) }}
              nameOf={nameOf}
            />
          )}
          {shifts.data && (
            <table className="table" aria-label="Final shifts">
              <thead><tr><th scope="col">On call</th><th scope="col">From</th><th scope="col">Until</th></tr></thead>
              <tbody>
                {[...shifts.data.shifts.map((x) => ({ ...x, gap: false })), ...shifts.data.gaps.map((g) => ({ ...g, userIds: [] as string[], gap: true }))]
                  .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
                  .map((x) => (
                    <tr key={`${x.start}-${x.gap}`} className={x.gap ? 'gap-row' : undefined}>
                      <td>{x.gap ? <strong className="field-error">Nobody (gap)</strong> : x.userIds.map(nameOf).join(', ')}</td>
                      <td>{formatIn(x.start, zone)}</td>
                      <td>{formatIn(x.end, zone)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          )}
          <OverridesPanel schedule={s} overrides={overrides.data ?? []} canWrite={canWrite} zone={zone} nameOf={nameOf} />
        </>
      )}
    </main>
  );
}
