import type { DomainModule } from '../../app/context.js';
import { postmortemRoutes } from './routes.js';
import { reminderJobs } from './reminders.js';

export const postmortemsDomain: DomainModule = {
  name: 'postmortems',
  routes: postmortemRoutes,
  jobs: [...reminderJobs],
};
