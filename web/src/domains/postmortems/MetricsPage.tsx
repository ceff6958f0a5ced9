import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { api, unwrap, type paths } from '../../api/client';
import type { ScreenProps } from '../../shell/registry';
import { Empty, SelectField } from '../../ui/components';

type Metrics = paths['/api/v1/metrics/incidents']['get']['responses']['200']['content']['application/json'];
type Group = Metrics['groups'][number];

const MEASURES = [
  ['timeToAcknowledge', 'Time to acknowledge'],
  ['timeToSharedPicture', 'Time to shared picture'],
  ['timeToMitigate', 'Time to mitigate'],
  ['timeToResolve', 'Time to resolve'],
] as const;
type Measure = (typeof MEASURES)[number][0];

const minutes = (s: number | null) => (s === null ? null : Math.round((s / 60) * 10) / 10);
const monthStart = (key: string) => Date.parse(`${key}-01T00:00:00Z`) / 1000;

/** Median and p90 by month of one measure, in minutes; the table below carries the same numbers. */
function MonthChart({ groups, measure, label }: { groups: Group[]; measure: Measure; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current || groups.length === 0) return;
    const data: uPlot.AlignedData = [groups.map((g) => monthStart(g.key)), groups.map((g) => minutes(g[measure].median)), groups.map((g) => minutes(g[measure].p90))];
    const style = getComputedStyle(document.documentElement);
    const text = style.getPropertyValue('--text').trim() || '#ddd';
    const plot = new uPlot({
      width: Math.min(560, box.current.clientWidth || 560),
      height: 220,
      title: label,
      axes: [{ stroke: text }, { stroke: text, label: 'minutes' }],
      series: [{}, { label: 'median', stroke: '#4ea1ff', width: 2 }, { label: 'p90', stroke: '#ffb454', width: 2, dash: [6, 4] }],
    }, data, box.current);
    return () => plot.destroy();
  }, [groups, measure, label]);
  return <div ref={box} className="chart" role="img" aria-label={`${label}: median and p90 by month, in minutes (numbers in the table below)`} />;
}

/** Response metrics: the four times by month as charts and a table; drills are left out (reported apart by the API). */
export default function MetricsPage(_props: ScreenProps) {
  const [months, setMonths] = useState(12);
  const metrics = useQuery({
    queryKey: ['metrics', months],
    queryFn: async () => {
      const from = new Date(Date.now() - months * 31 * 86_400_000).toISOString();
      return unwrap(api.GET('/api/v1/metrics/incidents', { params: { query: { from, groupBy: 'month' } } })) as Promise<Metrics>;
    },
  });
  const groups = metrics.data?.groups ?? [];
  return (
    <main id="main" className="page">
      <div className="page-head">
        <h1>Response metrics</h1>
        <a className="btn" href={`/api/v1/metrics/incidents?groupBy=month&format=csv`}>Download CSV</a>
      </div>
      <SelectField label="Window" value={String(months)} onChange={(e) => setMonths(Number(e.target.value))}>
        <option value="3">3 months</option><option value="6">6 months</option><option value="12">12 months</option>
      </SelectField>
      {metrics.data && groups.length === 0 && <Empty>No incidents in the window (drills are reported apart).</Empty>}
      {groups.length > 0 && (
        <>
          <div className="charts">{MEASURES.map(([m, label]) => <MonthChart key={m} groups={groups} measure={m} label={label} />)}</div>
          <table className="table" aria-label="Median and p90 by month, minutes">
            <thead>
              <tr><th scope="col">Month</th><th scope="col">Incidents</th>{MEASURES.map(([m, label]) => <th key={m} scope="col">{label} (median / p90)</th>)}<th scope="col">Updates kept</th><th scope="col">Action items open / overdue</th></tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.key}>
                  <td>{g.key}</td>
                  <td>{g.incidents}</td>
                  {MEASURES.map(([m]) => <td key={m}>{minutes(g[m].median) ?? '—'} / {minutes(g[m].p90) ?? '—'}</td>)}
                  <td>{g.updateCommitments.share === null ? '—' : `${Math.round(g.updateCommitments.share * 100)}%`}</td>
                  <td>{g.actionItems.opened - g.actionItems.closed} / {g.actionItems.overdue}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </main>
  );
}
