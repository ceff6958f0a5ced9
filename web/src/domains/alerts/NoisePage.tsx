import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { ScreenProps } from '../../shell/registry';
import { Empty } from '../../ui/components';

/** The noise report: alerts ranked by how often they fired against how often anyone acted. */
export default function NoisePage(_props: ScreenProps) {
  const noise = useQuery({ queryKey: ['noise'], queryFn: async () => unwrap(api.GET('/api/v1/alerts/noise', { params: { query: {} } })) });
  const rows = (noise.data?.rules ?? []) as Array<Record<string, unknown>>;
  const max = Math.max(1, ...rows.map((r) => Number(r.fired ?? r.count ?? 0)));
  return (
    <main id="main" className="page">
      <h1>Noise report</h1>
      {noise.data && <p className="muted">{noise.data.advice}</p>}
      {rows.length === 0 ? <Empty>No alerts in the window.</Empty> : (
        <table className="table" aria-label="Noisiest alerts">
          <thead><tr><th scope="col">Rule</th><th scope="col">Fired</th><th scope="col">Share</th></tr></thead>
          <tbody>
            {rows.map((r, i) => {
              const fired = Number(r.fired ?? r.count ?? 0);
              return (
                <tr key={i}>
                  <td>{String(r.rule ?? r.name ?? r.key ?? '—')}</td>
                  <td>{fired}</td>
                  <td><svg width="120" height="12" role="img" aria-label={`${fired} of ${max}`}><rect width={(120 * fired) / max} height="12" className="bar" /></svg></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </main>
  );
}
