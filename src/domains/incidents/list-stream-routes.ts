import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../app/context.js';
import { requireIdentity } from '../../http/access.js';
import { serveEventStream } from '../../http/event-stream.js';
import { problemResponses } from '../../http/schemas.js';
import { onAccessChange, recheckIdentity } from '../auth/revocation.js';
import { INCIDENT_EVENTS_CHANNEL } from './deps.js';
import { IncidentListHub } from './list-stream.js';

/**
 * `GET /api/v1/incidents/stream`: changes to the incident list as server-sent
 * events, so a list on screen updates without polling. Each change is the
 * incident's list summary (`event: incident`); `event: resync` asks the client
 * to reload its list; `event: closed` ends a stream whose access was withdrawn.
 */
export function incidentListStreamRoutes(app: App, ctx: AppContext, options: { heartbeatMs?: number } = {}): IncidentListHub {
  const hub = new IncidentListHub({
    db: () => ctx.store.db,
    subscribe: (listener) => ctx.bus.subscribe(INCIDENT_EVENTS_CHANNEL, listener),
    recheck: (identity) => recheckIdentity(ctx.store.db, identity),
    ...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {}),
    onError: (err) => ctx.logger.warn({ err }, 'incident list stream could not read a change'),
  });
  const stopWatching = onAccessChange(() => void hub.accessChanged());
  app.addHook('preClose', async () => {
    stopWatching();
    await hub.close();
  });

  app.get('/api/v1/incidents/stream', {
    config: { access: 'viewer' },
    schema: {
      tags: ['incidents'],
      // Nothing to ask in the query: anything there is a mistake, refused before a stream opens.
      querystring: Type.Object({}, { additionalProperties: false }),
      summary:
        'Changes to the incident list as server-sent events: `incident` (data: the incident as GET /api/v1/incidents lists it, only incidents you may see), `resync` (reload the list), `closed` (access withdrawn)',
      response: { 200: Type.String({ description: 'text/event-stream' }), ...problemResponses },
    },
  }, async (request, reply) => {
    const identity = requireIdentity(request);
    await serveEventStream(request, reply, {
      greeting: 'connected to the incident list',
      connect: (res) => hub.connect(identity, res),
      onOpenFailed: (err) => ctx.logger.warn({ err }, 'could not open the incident list stream'),
    });
  });
  return hub;
}
