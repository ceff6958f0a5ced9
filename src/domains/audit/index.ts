import type { DomainModule } from '../../app/context.js';
import { auditRoutes } from './routes.js';

export const auditDomain: DomainModule = { name: 'audit', routes: auditRoutes };
