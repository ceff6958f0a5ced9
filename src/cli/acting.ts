/** Who a CLI command acts as, and the job-scheduling dependencies its services need. */
import { userInfo } from 'node:os';
import { IANAZone } from 'luxon';
import type { Config } from '../config.js';
import { createChangeBus, type ChangeBus } from '../db/changes.js';
import type { Store } from '../db/store.js';
import { JobQueue } from '../jobs/queue.js';
import { cliActor, type Actor } from '../domains/auth/identity.js';
import { findUserByEmail } from '../domains/auth/service.js';
import { POINT_ELSEWHERE, UsageError, withStore } from './support.js';

export interface Acting {
  actor: Actor;
  zone: string;
}

/**
 * The user named by --as, or else the operator at the console, recorded as
 * `cli:<login>` with full rights (whoever can open the database can change it
 * anyway), with times read in the user's or the machine's zone.
 */
export async function actingUser(store: Store, email: string | undefined): Promise<Acting> {
  if (!email) {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return { actor: { ...cliActor(), label: `cli:${userInfo().username}` }, zone: IANAZone.isValidZone(zone) ? zone : 'UTC' };
  }
  const user = await findUserByEmail(store.db, email);
  if (!user) throw new UsageError(`no user ${email} in ${store.description}; ${POINT_ELSEWHERE} to use another database`);
  if (user.disabled) throw new UsageError(`user ${email} is disabled`);
  return { actor: cliActor({ id: user.id, email: user.email, role: user.role }), zone: IANAZone.isValidZone(user.timeZone) ? user.timeZone : 'UTC' };
}

/** What services that schedule jobs need from a CLI process. */
export interface JobDeps {
  store: Store;
  bus: ChangeBus;
  jobs: JobQueue;
  config: Config;
}

/** Runs fn with the store, a change bus and a job queue, closing the bus afterwards. */
export async function withJobDeps<T>(fn: (deps: JobDeps) => Promise<T>): Promise<T> {
  return withStore(async (store: Store, config: Config) => {
    const bus = createChangeBus(store);
    try {
      return await fn({ store, bus, jobs: new JobQueue(bus, config.jobMaxAttempts), config });
    } finally {
      await bus.close();
    }
  });
}
