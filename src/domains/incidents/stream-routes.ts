import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../app/context.js';
import { requireIdentity } from '../../http/access.js';
import { serveEventStream } from '../../http/event-stream.js';
import { invalidField } from '../../errors.js';
import { problemResponses } from '../../http/schemas.js';
import { INT4_MAX } from '../../http/validation.js';
import { accessEpoch, onAccessChange, recheckIdentity } from '../auth/revocation.js';
import type { Identity } from '../auth/identity.js';
import { canSee, getIncidentRow, requireVisibleIncident } from './access.js';
import { INCIDENT_EVENTS_CHANNEL } from './deps.js';
import { listEventsAfter } from './service.js';
import { IncidentStreamHub, type StreamGuard } from './stream.js';

/** Event kinds after which who may see an incident can differ. */
const ACCESS_KINDS: ReadonlySet<string> = new Set(['member_added', 'member_removed', 'visibility_changed']);

const SeqText = Type.String({ pattern: '^[0-9]{1,15}$', description: 'A sequence number' });

export interface StreamRouteOptions {
  heartbeatMs?: number;
}

/**
 * `GET /api/v1/incidents/:id/stream`: the incident's events as server-sent
 * events. Resumes after `Last-Event-ID` (or `?lastEventId=`); without one it
 * sends only events appended from now on.
 */
export function incidentStreamRoutes(app: App, ctx: AppContext, options: StreamRouteOptions = {}): IncidentStreamHub {
  const hub = new IncidentStreamHub({
    read: (incidentId, afterSeq, limit) => listEventsAfter(ctx.store.db, incidentId, afterSeq, limit),
    subscribe: (listener) => ctx.bus.subscribe(INCIDENT_EVENTS_CHANNEL, listener),
    ...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {}),
    onError: (err, incidentId) => ctx.logger.warn({ err, incidentId }, 'incident stream could not read events; retrying'),
  });
  const stopWatching = onAccessChange(() => hub.accessChanged());
  // Open streams never finish on their own: end them before the server waits for in-flight requests.
  app.addHook('preClose', async () => {
    stopWatching();
    await hub.close();
  });
  app.addHook('onClose', async () => {
    await hub.close();
  });

  app.get('/api/v1/incidents/:id/stream', {
    config: { access: 'viewer' },
    schema: {
      tags: ['incidents'],
      summary: 'Live events of an incident as server-sent events (id = seq, event = kind); Last-Event-ID resumes. When access is withdrawn the stream ends with event `closed`, data {"reason": "…"}',
      params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64, description: 'Incident id or reference (INC-42)' }) }),
      querystring: Type.Object({ lastEventId: Type.Optional(SeqText) }, { additionalProperties: false }),
      headers: Type.Object({ 'last-event-id': Type.Optional(Type.String({ maxLength: 40 })) }),
      response: { 200: Type.String({ description: 'text/event-stream' }), ...problemResponses },
    },
  }, async (request, reply) => {
    const header = request.headers['last-event-id'];
    if (header !== undefined && !/^[0-9]{1,15}$/.test(header.trim())) throw invalidField('header.last-event-id', 'must be a sequence number');
    const identity = requireIdentity(request);
    const row = await requireVisibleIncident(ctx.store.db, identity, request.params.id);
    const resumeFrom = header !== undefined ? header.trim() : request.query.lastEventId;
    const lastSeq = resumeFrom !== undefined ? Number(resumeFrom) : row.last_seq;
    // Sequence numbers are int4 columns: a larger one is refused here, not by PostgreSQL mid-stream.
    if (lastSeq > INT4_MAX) throw invalidField(header !== undefined ? 'header.last-event-id' : 'query.lastEventId', `must be at most ${INT4_MAX}`);

    await serveEventStream(request, reply, {
      greeting: `connected to ${row.ref} after seq ${lastSeq}`,
      connect: (res) => hub.connect(row.id, res, lastSeq, row.last_seq, accessGuard(ctx, identity, row.id)),
      onOpenFailed: (err) => ctx.logger.warn({ err, incidentId: row.id }, 'could not open incident stream'),
    });
  });

  return hub;
}

/** Re-checks the stream's credentials, its user and the incident's visibility when the access epoch moves. */
function accessGuard(ctx: AppContext, initial: Identity, incidentId: string): StreamGuard {
  let identity = initial;
  return {
    epoch: accessEpoch,
    accessKinds: ACCESS_KINDS,
    async check() {
      const current = await recheckIdentity(ctx.store.db, identity);
      if ('reason' in current) return current.reason;
      identity = current.identity;
      const incident = await getIncidentRow(ctx.store.db, incidentId);
      if (!incident || !(await canSee(ctx.store.db, identity, incident))) return 'you can no longer see this incident';
      return undefined;
    },
  };
}
