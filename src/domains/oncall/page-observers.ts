/**
 * What paging tells other domains (chat posts pages with buttons and updates
 * them in place): a step paged people, an escalation was acknowledged,
 * resolved or escalated. Observers are registered when the process starts, so
 * paging imports none of them; they run in the paging transaction and should
 * only write their own rows and schedule jobs. Registered from
 * `DomainModule.pages` when the process (or the command line) is assembled.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { PagingDeps } from './paging.js';

export type PageNotice =
  | { kind: 'paged'; escalationId: string; userIds: string[]; title: string; incidentId: string | null; alertGroupId: string | null }
  | { kind: 'acknowledged' | 'resolved' | 'escalated'; escalationIds: string[]; by: string };

export interface PageObserver {
  name: string;
  handle(trx: Transaction<Database>, deps: PagingDeps, notice: PageNotice): Promise<void>;
  /** True when this observer itself carries pages to people (chat), so a person no contact method can reach is still paged. */
  carriesPages?(trx: Transaction<Database>): Promise<boolean>;
}

let observers: readonly PageObserver[] = [];

/** Called once at assembly (process start, CLI, test app) with every domain's observers. */
export function registerPageObservers(list: readonly PageObserver[]): void {
  observers = list;
}

/** Whether a registered observer carries pages to people by itself (a connected chat workspace). */
export async function observersCarryPages(trx: Transaction<Database>): Promise<boolean> {
  for (const observer of observers) if (await observer.carriesPages?.(trx)) return true;
  return false;
}

/** Tells every registered observer, in the caller's transaction. */
export async function announcePage(trx: Transaction<Database>, deps: PagingDeps, notice: PageNotice): Promise<void> {
  if (notice.kind === 'paged' ? notice.userIds.length === 0 : notice.escalationIds.length === 0) return;
  for (const observer of observers) await observer.handle(trx, deps, notice);
}
