/** `GET /api/v1/incidents/:id/pages`: who was paged for an incident, through what, when, and where each escalation stands. */
import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../app/context.js';
import { requireIdentity } from '../../http/access.js';
import { problemResponses } from '../../http/schemas.js';
import { incidentPaging } from './incident-paging.js';

const Nullable = (t: ReturnType<typeof Type.String>) => Type.Union([t, Type.Null()]);

export const IncidentPagingSchema = Type.Object({
  incidentId: Type.String(),
  ref: Type.String(),
  escalations: Type.Array(
    Type.Object({
      id: Type.String(),
      subject: Type.Union([Type.Literal('alert_group'), Type.Literal('incident')]),
      alertGroupId: Nullable(Type.String()),
      title: Type.String(),
      policy: Type.String(),
      reason: Nullable(Type.String()),
      status: Type.Union([Type.Literal('active'), Type.Literal('acknowledged'), Type.Literal('resolved'), Type.Literal('exhausted')]),
      nextStepAt: Nullable(Type.String()),
      acknowledgedBy: Nullable(Type.String()),
      acknowledgedAt: Nullable(Type.String()),
      stoppedAt: Nullable(Type.String()),
      stoppedBy: Nullable(Type.String()),
      stopReason: Nullable(Type.String()),
      pages: Type.Array(
        Type.Object({
          pageId: Type.String(),
          userId: Type.String(),
          name: Type.String(),
          round: Type.Integer(),
          step: Type.Integer(),
          at: Type.String(),
          status: Type.String(),
          acknowledgedAt: Nullable(Type.String()),
          acknowledgedByRecipient: Type.Boolean(),
          deliveries: Type.Array(Type.Object({ channel: Type.String(), status: Type.String(), detail: Nullable(Type.String()), sentAt: Nullable(Type.String()) })),
        }),
      ),
    }),
  ),
});

export function incidentPagingRoutes(app: App, ctx: AppContext): void {
  app.get('/api/v1/incidents/:id/pages', {
    config: { access: 'viewer' },
    schema: {
      tags: ['paging'],
      summary: "Who was paged for an incident (its alert groups' escalations and pages into it): channel, delivery status, acknowledgement, escalation state",
      params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
      response: { 200: IncidentPagingSchema, ...problemResponses },
    },
  }, async (request) => incidentPaging(ctx.store.db, requireIdentity(request), request.params.id));
}
