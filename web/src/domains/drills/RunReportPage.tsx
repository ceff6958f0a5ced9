/** A drill run's report: its times from the alert and incident logs, and each goal met or missed. */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { Link } from '../../shell/router';
import type { ScreenProps } from '../../shell/registry';
import { FormError } from '../../ui/components';
import { formatDate } from '../../ui/time';
import { goalText, secondsText } from './words';

export default function RunReportPage({ params }: ScreenProps) {
  const id = params.id!;
  const runId = params.runId!;
  const report = useQuery({
    queryKey: ['drill-run', id, runId],
    queryFn: async () => unwrap(api.GET('/api/v1/drills/{id}/runs/{runId}', { params: { path: { id, runId } } })),
    refetchInterval: 10_000,
  });
  if (!report.data) return <main id="main" className="page"><h1>Drill run</h1>{report.error && <FormError error={String(report.error)} />}</main>;
  const r = report.data;
  const times: Array<[string, string | null]> = [['Fired', r.firedAt], ['Acknowledged', r.acknowledgedAt], ['Shared picture', r.sharedPictureAt], ['Mitigated', r.mitigatedAt], ['Resolved', r.resolvedAt]];
  return (
    <main id="main" className="page">
      <div className="page-head">
        <h1>Drill run: {r.drillName}</h1>
        <Link to={`/drills/${id}`} className="btn">Back to the drill</Link>
      </div>
      <p>
        {r.trigger} run by {r.firedBy}
        {r.incidentRef && <> · drill incident <Link to={`/incidents/${r.incidentRef}`}>{r.incidentRef}</Link></>}
      </p>
      <table className="table" aria-label="Run times">
        <tbody>
          {times.map(([label, at]) => <tr key={label}><th scope="row">{label}</th><td>{at ? formatDate(at) : '—'}</td></tr>)}
        </tbody>
      </table>
      <h2>Goals</h2>
      <ul className="plain">
        {r.goals.map((g) => (
          <li key={`${g.kind}:${g.minutes}`}>
            <span className={`badge outcome-${g.outcome}`}>{g.outcome}</span> {goalText(g)} (measured {secondsText(g.seconds)})
          </li>
        ))}
      </ul>
      <h2>Responders</h2>
      <p>{r.expectedResponders.length === 0 ? 'No responders were named.' : `${r.respondersWhoActed.length} of ${r.expectedResponders.length} expected responders acted.`}</p>
    </main>
  );
}
