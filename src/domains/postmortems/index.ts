import type { DomainModule } from '../../app/context.js';
import { postmortemRoutes } from './routes.js';
import { reminderJobs } from './reminders.js';
import { postmortemFactConsumers } from './incident-facts.js';

export const postmortemsDomain: DomainModule = {
  name: 'postmortems',
  routes: postmortemRoutes,
  jobs: [...reminderJobs],
  facts: postmortemFactConsumers,
};
