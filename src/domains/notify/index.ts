import type { DomainModule } from '../../app/context.js';

export const notifyDomain: DomainModule = { name: 'notify' };
