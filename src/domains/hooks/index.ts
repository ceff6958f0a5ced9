import type { DomainModule } from '../../app/context.js';
import { hooksRoutes } from './routes.js';
import { incidentWebhookConsumer } from './service.js';

/** Outgoing incident webhooks: incident facts as signed CloudEvents, through the notify outbox. */
export const hooksDomain: DomainModule = {
  name: 'hooks',
  routes: hooksRoutes,
  facts: [incidentWebhookConsumer],
};
