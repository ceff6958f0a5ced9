/** The runbook jobs: checking one runbook's links, and the daily rot sweep (link checks for all, reminders to owners). */
import type { AppContext } from '../../app/context.js';
import { completeIn, handleJob } from '../../jobs/definition.js';
import { linkBase } from '../oncall/ack-links.js';
import { checkLinksKind, rotSweepKind } from './job-kinds.js';
import { checkLinks } from './link-check.js';
import { outboundPolicy } from '../../http/outbound.js';
import { remindRotOwners } from './reminders.js';
import { runbookLinks } from './render.js';
import * as store from './store.js';
import { clockMs, clockNow } from '../../clock.js';

const DAY_MS = 86_400_000;
/** Links checked per runbook: with 16 at a time and a 5 s timeout, a check ends well inside a job lease. */
export const MAX_CHECKED_LINKS = 48;

const dayOf = (ms: number) => new Date(Math.floor(ms / DAY_MS) * DAY_MS).toISOString().slice(0, 10);

export const checkLinksJob = handleJob(checkLinksKind, async (payload, ctx) => {
  const row = await store.findRunbook(ctx.store.db, payload.runbookId);
  if (!row) return;
  const urls = runbookLinks(row.body).slice(0, MAX_CHECKED_LINKS);
  // The requests run outside any transaction: a slow link must not hold the database.
  const results = await checkLinks(outboundPolicy(ctx.config.outboundAllow), urls, ctx.config.runbookLinkCheckTimeoutMs, 16);
  const checkedAt = clockNow().toISOString();
  await ctx.store.transaction(async (trx) => {
    const current = await store.findRunbook(trx, payload.runbookId);
    if (current) {
      // The body may have changed while the links were checked: keep only results for links it still has.
      const still = new Set(runbookLinks(current.body));
      await store.replaceLinkChecks(trx, current.id, results.filter((r) => still.has(r.url)).map((r) => ({ runbook_id: current.id, url: r.url, status: r.status, ok: r.ok ? 1 : 0, error: r.error, checked_at: checkedAt })));
    }
    await completeIn(ctx, trx);
  });
});

export const rotSweepJob = handleJob(rotSweepKind, async (_payload, ctx) => {
  const now = clockNow();
  const day = dayOf(now.getTime());
  await ctx.store.transaction(async (trx) => {
    for (const row of await store.listRunbooks(trx)) await ctx.jobs.schedule(trx, checkLinksKind, { runbookId: row.id }, { key: `${row.id}:${day}` });
    await remindRotOwners(trx, ctx.jobs, now, { maxUntestedDays: ctx.config.runbookMaxUntestedDays, periodDays: ctx.config.runbookReminderPeriodDays, linkBase: linkBase(ctx.config) });
    const next = (Math.floor(now.getTime() / DAY_MS) + 1) * DAY_MS;
    await ctx.jobs.schedule(trx, rotSweepKind, {}, { key: dayOf(next), runAt: new Date(next) });
    await completeIn(ctx, trx);
  });
});

export const runbookJobs = [checkLinksJob, rotSweepJob];

/** Makes sure today's sweep is scheduled (a no-op when it already is). */
export async function scheduleRotSweep(ctx: AppContext): Promise<void> {
  await ctx.store.transaction((trx) => ctx.jobs.schedule(trx, rotSweepKind, {}, { key: dayOf(clockMs()) }));
}
