import type { App, AppContext } from '../../app/context.js';
import { scheduleRoutes } from './schedule-routes.js';

/** Every route of the on-call domain. */
export function oncallRoutes(app: App, ctx: AppContext): void {
  scheduleRoutes(app, ctx);
}
