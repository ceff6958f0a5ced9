import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { ScreenProps } from '../../shell/registry';
import { Empty } from '../../ui/components';

const W = 140;
const pct = (share: number) => `${Math.round(share * 100)}%`;

/** A row's small chart: how often it fired (against the noisiest) and what share anyone acted on. */
function NoiseChart({ fired, max, acknowledged, incident, never }: { fired: number; max: number; acknowledged: number; incident: number; never: number }) {
  const parts = [
    ['acted', 1 - never, 'bar-ack'],
    ['never', never, 'bar-never'],
  ] as const;
  let x = 0;
  return (
    <svg width={W} height="22" role="img" aria-label={`fired ${fired} times (${pct(fired / max)} of the noisiest); acknowledged ${pct(acknowledged)}, led to an incident ${pct(incident)}, never acted on ${pct(never)}`}>
      <rect width={(W * fired) / max} height="8" className="bar" />
      {parts.map(([key, share, cls]) => {
        const width = W * Math.min(1, share);
        const rect = <rect key={key} x={x} y="12" width={width} height="8" className={cls} />;
        x += width;
        return rect;
      })}
    </svg>
  );
}

/** The noise report: alert rules ranked by how often they fired against how often anyone acted. */
export default function NoisePage(_props: ScreenProps) {
  const noise = useQuery({ queryKey: ['noise'], queryFn: async () => unwrap(api.GET('/api/v1/alerts/noise', { params: { query: {} } })) });
  const services = useQuery({ queryKey: ['services'], queryFn: async () => (await unwrap(api.GET('/api/v1/services', { params: { query: {} } }))).services });
  const name = (id: string) => services.data?.find((s) => s.id === id)?.name ?? id.slice(0, 8);
  const rows = noise.data?.rules ?? [];
  const max = Math.max(1, ...rows.map((r) => r.fired));
  return (
    <main id="main" className="page">
      <h1>Noise report</h1>
      {noise.data && <p className="muted">{noise.data.advice}</p>}
      <p className="small legend"><span className="swatch swatch-fired" /> fired (against the noisiest) <span className="swatch swatch-ack" /> acted on <span className="swatch swatch-never" /> never acted on</p>
      {noise.data && rows.length === 0 ? <Empty>No alerts in the window.</Empty> : (
        <table className="table" aria-label="Noisiest alerts">
          <thead><tr><th scope="col">Rule</th><th scope="col">Service</th><th scope="col">Fired</th><th scope="col">Never acted on</th><th scope="col">Chart</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.serviceId}-${r.rule ?? ''}`}>
                <td>{r.rule ?? '—'}</td>
                <td>{name(r.serviceId)}</td>
                <td>{r.fired}</td>
                <td>{pct(r.neverActedOnShare)}</td>
                <td><NoiseChart fired={r.fired} max={max} acknowledged={r.acknowledgedShare} incident={r.incidentShare} never={r.neverActedOnShare} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
