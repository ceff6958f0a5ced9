/** Ephemeral replies to interactions (Slack answers those only through the Web API), as jobs. */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/schema.js';
import { handleJob } from '../../jobs/definition.js';
import type { JobQueue } from '../../jobs/queue.js';
import { noticeKind, runChatStep } from './calls.js';
import { apiFor } from './service.js';
import * as store from './store.js';

/** Schedules an ephemeral message to one person in one channel. */
export async function scheduleNotice(db: Db, jobs: JobQueue, notice: { workspace: string; channel: string; user: string; text: string }): Promise<void> {
  await jobs.schedule(db, noticeKind, { ...notice, text: notice.text.slice(0, 8000) }, { key: randomUUID() });
}

export const noticeJobs = [
  handleJob(noticeKind, async (payload, ctx) => {
    const workspace = await store.findWorkspace(ctx.store.db, payload.workspace);
    if (!workspace) return;
    await runChatStep(
      ctx,
      async () => apiFor(ctx.config, workspace).postEphemeral(payload.channel, payload.user, payload.text),
      (trx, at) => ctx.jobs.schedule(trx, noticeKind, payload, { key: `retry:${ctx.jobId}:${ctx.attempt}`, runAt: at }),
    );
  }),
];
