import type { DomainModule } from '../../app/context.js';

export const incidentsDomain: DomainModule = { name: 'incidents' };
