/**
 * The metrics facts row is per-append bookkeeping, not a fact consumer: it is
 * kept in step with every append (so reports never replay logs), in the
 * appending transaction, and closed on the `resolved` fact whatever event resolved.
 */
import type { AppendProjection } from '../incidents/fact-consumers.js';
import { rebuildIncidentFacts, recordFactsOnAppend } from './facts-store.js';

export const metricsFactsRow: AppendProjection = {
  name: 'metrics.facts-row',
  mode: 'every_append',
  async project(trx, _deps, facts, { event, before, after }) {
    await recordFactsOnAppend(trx, facts, event, before, after);
  },
  rebuild: rebuildIncidentFacts,
};
