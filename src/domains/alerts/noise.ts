/** The noise report: which alerts fire most and lead to action least. Pure ranking over counts. */

export interface NoiseInput {
  serviceId: string;
  rule: string | null;
  alerts: number;
  fired: number;
  acknowledged: number;
  incident: number;
  neverActed: number;
}

export interface NoiseLine {
  serviceId: string;
  rule?: string | null;
  alerts: number;
  fired: number;
  acknowledgedShare: number;
  incidentShare: number;
  neverActedOnShare: number;
}

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000;
}

function line(c: Omit<NoiseInput, 'rule'>, rule?: string | null): NoiseLine {
  return {
    serviceId: c.serviceId,
    ...(rule !== undefined ? { rule } : {}),
    alerts: c.alerts,
    fired: c.fired,
    acknowledgedShare: share(c.acknowledged, c.alerts),
    incidentShare: share(c.incident, c.alerts),
    neverActedOnShare: share(c.neverActed, c.alerts),
  };
}

/** Noisiest first: most fired, then the larger share never acted on. */
function rank(a: NoiseLine, b: NoiseLine): number {
  return b.fired - a.fired || b.neverActedOnShare - a.neverActedOnShare || a.serviceId.localeCompare(b.serviceId) || String(a.rule ?? '').localeCompare(String(b.rule ?? ''));
}

/** Ranks rules and services by how often they fired, with the shares acknowledged, escalated to incidents and never acted on. */
export function noiseReport(counts: readonly NoiseInput[], limit: number): { services: NoiseLine[]; rules: NoiseLine[] } {
  const perService = new Map<string, Omit<NoiseInput, 'rule'>>();
  for (const c of counts) {
    const s = perService.get(c.serviceId) ?? { serviceId: c.serviceId, alerts: 0, fired: 0, acknowledged: 0, incident: 0, neverActed: 0 };
    s.alerts += c.alerts;
    s.fired += c.fired;
    s.acknowledged += c.acknowledged;
    s.incident += c.incident;
    s.neverActed += c.neverActed;
    perService.set(c.serviceId, s);
  }
  return {
    services: [...perService.values()].map((s) => line(s)).sort(rank).slice(0, limit),
    rules: counts.map((c) => line(c, c.rule)).sort(rank).slice(0, limit),
  };
}

export const NOISE_ADVICE = 'Every alert should be actionable. Alerts that fire often and are never acted on need fixing (thresholds, duration, routing), not silencing.';
