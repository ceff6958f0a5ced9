import type { DomainModule } from './context.js';
import { authDomain } from '../domains/auth/index.js';
import { auditDomain } from '../domains/audit/index.js';

/** Every domain in the process. A new domain adds one line here. */
export const domains: readonly DomainModule[] = [authDomain, auditDomain];
