/**
 * The fields an `update_posted` with audience public may carry: what the
 * status page shows. Kept apart so the status page and the event
 * schema share one definition.
 */
import { Type } from '@sinclair/typebox';
import { Reference } from '../../http/schemas.js';

const COMPONENT_STATES = ['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance'] as const;
const PUBLIC_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;

export const PUBLIC_UPDATE_FIELDS = {
  publicTitle: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '^[^\\x00]*$', description: 'The title the status page shows; required on the first public update' })),
  publicStatus: Type.Optional(Type.Union(PUBLIC_STATUSES.map((s) => Type.Literal(s)), { description: "Statuspage status; defaults from the incident's status" })),
  components: Type.Optional(
    Type.Array(
      Type.Object(
        { componentId: Reference('status-component', Type.String({ format: 'uuid' })), status: Type.Union(COMPONENT_STATES.map((s) => Type.Literal(s))) },
        { additionalProperties: false },
      ),
      { maxItems: 200, description: 'Status page components this incident affects, with their state' },
    ),
  ),
  pageId: Type.Optional(Reference('status-page', Type.String({ format: 'uuid', description: 'The status page; the page at /status when absent' }))),
};
