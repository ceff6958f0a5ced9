import type { DomainModule } from '../../app/context.js';

export const catalogDomain: DomainModule = { name: 'catalog' };
