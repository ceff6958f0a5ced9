import type { DomainModule } from '../../app/context.js';

export const alertsDomain: DomainModule = { name: 'alerts' };
