/**
 * What postmortems offer a tracker integration (GitHub Issues, Jira): it is
 * told about each new action item in the creating transaction, and it adds
 * its link and sync state to every action item the API shows. Registered
 * from `DomainModule.actionItems` at assembly, so postmortems imports no
 * tracker; a tracker changes an item only through the service in
 * action-items.ts (`setActionItemStatusFromTracker`).
 */
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../db/schema.js';
import type { JobQueue } from '../../jobs/queue.js';
import type { ActionItemView, TrackerLinkView } from './views.js';

export interface NewActionItemNotice {
  item: ActionItemView;
  postmortemId: string;
  incidentRef: string;
}

export interface ActionItemTracker {
  name: string;
  /** A new action item, in its transaction: write own rows and schedule jobs only. */
  created(trx: Transaction<Database>, deps: { jobs: JobQueue }, notice: NewActionItemNotice): Promise<void>;
  /** The tracker link and sync state of these items (absent: none). */
  links(db: Db, itemIds: readonly string[]): Promise<Map<string, TrackerLinkView>>;
}

let trackers: readonly ActionItemTracker[] = [];

/** Called once at assembly (process start, CLI, test app). */
export function registerActionItemTrackers(list: readonly ActionItemTracker[]): void {
  trackers = list;
}

export async function announceActionItem(trx: Transaction<Database>, deps: { jobs: JobQueue }, notice: NewActionItemNotice): Promise<void> {
  for (const tracker of trackers) await tracker.created(trx, deps, notice);
}

/** The items with their tracker link filled in. */
export async function withTrackerLinks(db: Db, items: ActionItemView[]): Promise<ActionItemView[]> {
  if (items.length === 0 || trackers.length === 0) return items;
  const ids = items.map((i) => i.id);
  const found = new Map<string, TrackerLinkView>();
  for (const tracker of trackers) for (const [id, link] of await tracker.links(db, ids)) found.set(id, link);
  return items.map((i) => ({ ...i, tracker: found.get(i.id) ?? null }));
}
