/**
 * Rebuilding every projection as a job: what a migration schedules when the
 * stored projection must follow a reducer change, so the migration never runs
 * the domain's current code itself.
 */
import { Type } from '@sinclair/typebox';
import { defineJob } from '../../jobs/definition.js';
import { rebuildProjections } from './service.js';

export const REBUILD_PROJECTIONS_KIND = 'incidents.rebuild-projections';

export const rebuildProjectionsJob = defineJob({
  kind: REBUILD_PROJECTIONS_KIND,
  payload: Type.Object({ reason: Type.String() }),
  // Each incident is rebuilt in its own transaction and a rebuild of a right projection writes nothing, so a retry is safe.
  async handler(payload, ctx) {
    const results = await rebuildProjections(ctx.store, 'all');
    ctx.logger.info({ reason: payload.reason, incidents: results.length, changed: results.filter((r) => r.differences.length > 0).length }, 'incident projections rebuilt');
  },
});
