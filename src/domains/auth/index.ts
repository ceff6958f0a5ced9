import type { DomainModule } from '../../app/context.js';
import { authRoutes } from './routes.js';

export const authDomain: DomainModule = { name: 'auth', routes: authRoutes };
