/**
 * Firing a drill: its stored payload goes through the intake adapter of its
 * format and the intake pipeline, in the caller's transaction, into the
 * service's integration, marked as a drill run. The pipeline gives a drill
 * run its own alert group and drill incident, and its pages say DRILL.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { fromJson } from '../../db/dialect.js';
import { unprocessable } from '../../errors.js';
import { adaptIntakeBody } from '../alerts/intake-adapt.js';
import { lockIntakeServices } from '../alerts/intake-writer.js';
import type { IntakeTarget } from '../alerts/integrations.js';
import { ingestInTx, type AlertDeps } from '../alerts/pipeline.js';
import type { AlertSignal } from '../alerts/signal.js';
import { MAX_DEDUP_KEY } from '../alerts/signal.js';
import { drillRunLanding, findIntakeTarget } from '../alerts/service.js';
import * as store from './store.js';
import type { DrillTrigger } from './tables.js';
import { clockNow } from '../../clock.js';

/** The run's own dedup key for an alert of the payload, so every run raises fresh alerts. */
export function drillDedupKey(runId: string, key: string): string {
  const keyed = `drill:${runId}:${key}`;
  return keyed.length <= MAX_DEDUP_KEY ? keyed : `drill:${runId}:${createHash('sha256').update(key).digest('hex')}`;
}

/** The drill run's signals: fresh dedup keys, and a `drill` label so responders see it on the alert too. */
export function drillSignals(runId: string, signals: readonly AlertSignal[]): AlertSignal[] {
  return signals.map((s) => ({ ...s, dedupKey: drillDedupKey(runId, s.dedupKey), labels: { ...s.labels, drill: 'true' } }));
}

/** The scenario's integration as intake sees it; refused when it is gone or disabled (intake would refuse it too). */
async function integrationOf(trx: Transaction<Database>, scenario: store.ScenarioRow): Promise<IntakeTarget> {
  const found = await findIntakeTarget(trx, scenario.integration_id);
  if (!found) throw unprocessable('drill-integration-missing', `the drill's ${scenario.format} integration no longer exists`);
  if (found.disabled) throw unprocessable('drill-integration-disabled', `the drill's integration "${found.target.name}" is disabled`);
  return found.target;
}

/**
 * Fires `scenario` for `occurrence` in trx: a run row (at most one per
 * scenario and occurrence), then the payload through intake. Returns the run,
 * or null when this occurrence already ran.
 */
export async function fireDrillInTx(
  trx: Transaction<Database>,
  deps: AlertDeps,
  scenario: store.ScenarioRow,
  occurrence: string,
  trigger: DrillTrigger,
  firedBy: string,
): Promise<store.RunRow | null> {
  const target = await integrationOf(trx, scenario);
  const payload = fromJson<unknown>(scenario.payload);
  const adapted = adaptIntakeBody(scenario.format, payload, target, deps.config.intakeMaxAlertsPerRequest);
  if (!adapted.ok) throw unprocessable('drill-payload-invalid', `the drill's payload no longer passes ${scenario.format} intake: ${adapted.errors.slice(0, 3).join('; ')}`);
  const run: store.RunRow = {
    id: randomUUID(),
    scenario_id: scenario.id,
    trigger,
    occurrence,
    fired_at: clockNow().toISOString(),
    fired_by: firedBy,
    alerts: 0,
    alert_group_id: null,
    incident_id: null,
    goals: scenario.goals,
  };
  if (!(await store.insertRunOnce(trx, run))) return null;
  const signals = drillSignals(run.id, adapted.signals);
  await lockIntakeServices(trx, [{ integration: target, signals }]);
  const result = await ingestInTx(trx, deps, target, signals, { ip: null, requestId: null, evidence: payload, drill: { runId: run.id } });
  const landed = await drillRunLanding(trx, run.id);
  const outcome = { alerts: result.alerts, alert_group_id: landed.groupId, incident_id: landed.incidentId };
  await store.setRunOutcome(trx, run.id, outcome);
  return { ...run, ...outcome };
}
