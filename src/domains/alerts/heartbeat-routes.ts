/**
 * The plain heartbeat URL: `GET|POST /intake/heartbeat/<key>` is a ping, from
 * cron (`curl`), a backup script, or Alertmanager's webhook for its
 * always-firing Watchdog alert. Alertmanager's notice that Watchdog resolved
 * is not a ping: it means the alerting pipeline stopped.
 */
import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../app/context.js';
import { isDatabaseUnavailable } from '../../db/dialect.js';
import { HttpProblem } from '../../http/problem.js';
import { pingHeartbeat } from './heartbeats.js';
import type { IntakeTarget } from './integrations.js';
import { isPlainObject } from './signal.js';
import { clockNow } from '../../clock.js';

const KeyParams = Type.Object({ key: Type.String({ minLength: 1, maxLength: 200 }) });

/** True for an Alertmanager webhook whose alerts all resolved (Watchdog stopped firing). */
export function isResolvedNotice(body: unknown): boolean {
  return isPlainObject(body) && body.status === 'resolved' && Array.isArray(body.alerts);
}

export function heartbeatRoutes(app: App, ctx: AppContext, admit: (key: string, kind: 'heartbeat') => Promise<IntakeTarget>): void {
  app.route({
    method: ['GET', 'POST'],
    url: '/intake/heartbeat/:key',
    bodyLimit: ctx.config.intakeBodyLimitBytes,
    config: { access: 'public', intake: true },
    schema: { tags: ['intake'], summary: 'Ping a heartbeat integration (the key is its secret); an Alertmanager resolved notice is not a ping', params: KeyParams },
    handler: async (request, reply) => {
      const target = await admit(request.params.key, 'heartbeat');
      if (request.method === 'POST' && isResolvedNotice(request.body)) return reply.status(202).send({ status: 'ignored', message: 'a resolved notice is not a ping' });
      try {
        const heartbeat = await pingHeartbeat(ctx, target, clockNow(), { ip: request.ip, requestId: String(request.id) });
        return reply.status(202).send({ status: 'success', message: 'ping received', dueAt: heartbeat.dueAt });
      } catch (err) {
        if (isDatabaseUnavailable(err)) throw new HttpProblem(503, 'database-unavailable', 'the database cannot take this write right now; nothing was stored, retry later', undefined, { 'retry-after': '5' });
        throw err;
      }
    },
  });
}
