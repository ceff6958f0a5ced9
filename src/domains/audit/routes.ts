import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../app/context.js';
import { Cursor, IsoTime, Limit, Uuid, problemResponses } from '../../http/schemas.js';
import { listAudit } from './service.js';

const AuditEntrySchema = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  actor: Type.String(),
  via: Type.String(),
  action: Type.String(),
  targetType: Type.String(),
  targetId: Type.Union([Type.String(), Type.Null()]),
  sourceIp: Type.Union([Type.String(), Type.Null()]),
  requestId: Type.Union([Type.String(), Type.Null()]),
  detail: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()]),
});

const AuditQuery = Type.Object(
  {
    actorId: Type.Optional(Uuid),
    action: Type.Optional(Type.String({ maxLength: 100 })),
    targetType: Type.Optional(Type.String({ maxLength: 100 })),
    targetId: Type.Optional(Type.String({ maxLength: 200 })),
    since: Type.Optional(IsoTime),
    until: Type.Optional(IsoTime),
    cursor: Type.Optional(Type.String({ ...Cursor, pattern: '^[0-9]{1,18}$' })),
    limit: Type.Optional(Limit),
  },
  { additionalProperties: false },
);

export function auditRoutes(app: App, ctx: AppContext): void {
  app.get('/api/v1/audit', {
    config: { access: 'admin' },
    schema: {
      tags: ['audit'],
      summary: 'The audit log, newest first, with filters and cursor pagination',
      querystring: AuditQuery,
      response: { 200: Type.Object({ entries: Type.Array(AuditEntrySchema), nextCursor: Type.Union([Type.String(), Type.Null()]) }), ...problemResponses },
    },
  }, async (request) => {
    const { since, until, limit, ...rest } = request.query;
    return listAudit(ctx.store.db, {
      ...rest,
      ...(since ? { since: new Date(since).toISOString() } : {}),
      ...(until ? { until: new Date(until).toISOString() } : {}),
      limit: limit ?? 50,
    });
  });
}
