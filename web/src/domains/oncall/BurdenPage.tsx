/** The on-call burden report: per person over a range, ranked, with the spread across people. */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap, api } from '../../api/client';
import type { PersonBurden, Spread } from '../../../../src/domains/oncall/burden';
import type { ScreenProps } from '../../shell/registry';
import { Empty, FormError, SelectField } from '../../ui/components';
import { formatSpan } from '../../ui/time';
import { OnCallTabs } from './OnCallTabs';
import { minuteFromNow, useTeams } from './queries';
import './oncall.css';
import { refusalText } from '../../ui/refusal';

/** The report's shape (burden-service.ts's BurdenView, less the team rows this screen does not show). */
interface BurdenView {
  people: PersonBurden[];
  spread: { pages: Spread; nightPages: Spread; hoursOnCall: Spread };
}

const RANGES: Array<[number, string]> = [[7, 'last 7 days'], [30, 'last 30 days'], [90, 'last 90 days']];

export default function BurdenPage(_props: ScreenProps) {
  const [days, setDays] = useState(30);
  const [teamId, setTeamId] = useState('');
  const teams = useTeams().data ?? [];
  const from = minuteFromNow(-days);
  const to = minuteFromNow();
  const report = useQuery({
    queryKey: ['oncall', 'burden', from, to, teamId],
    // The route declares no response schema: typed from the server's own view.
    queryFn: async () => (await unwrap(api.GET('/api/v1/oncall/burden', { params: { query: { from, to, ...(teamId ? { teamId } : {}) } } }))) as unknown as BurdenView,
  });
  const people = report.data?.people ?? [];

  return (
    <main id="main" className="page">
      <h1>On-call burden</h1>
      <OnCallTabs />
      <div className="filters">
        <SelectField label="Range" value={days} onChange={(e) => setDays(Number(e.target.value))}>
          {RANGES.map(([d, label]) => <option key={d} value={d}>{label}</option>)}
        </SelectField>
        <SelectField label="Team" value={teamId} onChange={(e) => setTeamId(e.target.value)}>
          <option value="">everyone</option>
          {teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
        </SelectField>
      </div>
      <FormError error={refusalText(report.error)} />
      {report.data && people.length === 0 && <Empty>Nobody in this range.</Empty>}
      {people.length > 0 && (
        <table className="table" aria-label="On-call burden per person">
          <thead>
            <tr>
              <th scope="col">Rank</th><th scope="col">Person</th><th scope="col">Pages</th><th scope="col">At night</th><th scope="col">On weekends</th>
              <th scope="col">Nights interrupted</th><th scope="col">Hours on call</th><th scope="col">Median time to acknowledge</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.userId}>
                <td className="rank">{p.rank}</td><td>{p.name}</td><td>{p.pages}</td><td>{p.nightPages}</td><td>{p.weekendPages}</td>
                <td>{p.nightsInterrupted}</td><td>{Math.round(p.hoursOnCall)}</td><td>{p.medianSecondsToAcknowledge === null ? '—' : formatSpan(p.medianSecondsToAcknowledge * 1000)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report.data && people.length > 0 && (
        <p className="small muted">
          Spread: pages {report.data.spread.pages.min}–{report.data.spread.pages.max} (variation {report.data.spread.pages.coefficientOfVariation.toFixed(2)}),
          hours on call {Math.round(report.data.spread.hoursOnCall.min)}–{Math.round(report.data.spread.hoursOnCall.max)}.
        </p>
      )}
    </main>
  );
}
