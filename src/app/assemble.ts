import type { DomainModule } from './context.js';
import { registerFactConsumers } from '../domains/incidents/fact-consumers.js';
import { registerIncidentContributions } from '../domains/incidents/contributions.js';
import { registerPageObservers } from '../domains/oncall/page-observers.js';
import { registerActionItemTrackers } from '../domains/postmortems/action-item-trackers.js';

/** Registers what domains contribute to one another (fact consumers, incident sections, the pager, page observers, action-item trackers): once per process, CLI command or test app. */
export function assembleDomains(domains: readonly DomainModule[]): void {
  registerFactConsumers(domains.flatMap((d) => d.facts ?? []));
  registerIncidentContributions(domains.flatMap((d) => (d.incident ? [d.incident] : [])));
  registerPageObservers(domains.flatMap((d) => d.pages ?? []));
  registerActionItemTrackers(domains.flatMap((d) => (d.actionItems ? [d.actionItems] : [])));
}
