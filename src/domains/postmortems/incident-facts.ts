/** The postmortems domain's subscription to incident facts: a resolved SEV1/SEV2 owes a postmortem. */
import type { FactConsumer } from '../incidents/fact-consumers.js';
import { openOnResolve } from './service.js';

export const postmortemFactConsumers: readonly FactConsumer[] = [
  {
    name: 'postmortems.open-on-resolve',
    kinds: ['resolved'],
    // Opening the postmortem can never refuse the resolution, so it runs after commit, retried until it succeeds.
    mode: 'job',
    async handle(trx, deps, _fact, { incident, event, after }) {
      await openOnResolve(trx, deps, incident, event, after);
    },
  },
];
