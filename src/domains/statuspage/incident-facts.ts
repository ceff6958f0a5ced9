/**
 * The status page's subscriptions to incident facts. Publishing and the
 * all-clear run in the appending transaction because they may refuse the
 * event (a private incident's public update, a resolution the page was not
 * told about); internal updates go to the update channels as a job.
 */
import type { FactConsumer } from '../incidents/fact-consumers.js';
import { publishPublicUpdate, requireAllClear, type UpdatePosted } from './publish.js';
import { sendInternalUpdate } from './comms.js';

export const statuspageFactConsumers: readonly FactConsumer[] = [
  {
    name: 'statuspage.public-face',
    kinds: ['published_publicly', 'resolved'],
    mode: 'transaction',
    async handle(trx, deps, fact, { incident, event, after }) {
      // The fact says an update was published or the incident resolved, by whatever event; its details are in that event's body.
      if (fact.kind === 'published_publicly') await publishPublicUpdate(trx, deps, incident, event, after, event.body as UpdatePosted);
      else await requireAllClear(trx, deps, incident, event);
    },
  },
  {
    name: 'statuspage.internal-update',
    kinds: ['shared_internally'],
    mode: 'job',
    async handle(trx, deps, fact, { incident, after }) {
      // The update channels reach the whole company: a private incident's updates stay on its timeline, for its members.
      if (fact.kind === 'shared_internally' && !incident.private) await sendInternalUpdate(trx, deps, after, fact.text);
    },
  },
];
