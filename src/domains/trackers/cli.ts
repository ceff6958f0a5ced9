import type { Command } from 'commander';
import { action, printTable, UsageError, withStore } from '../../cli/support.js';
import { io } from '../../cli/io.js';
import { cliActor } from '../auth/identity.js';
import { JobQueue } from '../../jobs/queue.js';
import { createChangeBus } from '../../db/changes.js';
import * as trackers from './service.js';

const list = (value: string, previous: string[] = []) => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

function tokenOf(given: string | undefined): string {
  const token = given ?? io.env.FIREBREAK_TRACKER_TOKEN;
  if (!token) throw new UsageError('give the API token with --token or $FIREBREAK_TRACKER_TOKEN (the environment keeps it out of the process list)');
  return token;
}

function printConfigured(result: { tracker: trackers.TrackerView; webhookSecret?: string }): void {
  io.out(`${result.tracker.provider} tracker configured; register the webhook at ${result.tracker.webhookUrl}\n`);
  if (result.webhookSecret) io.out(`webhook secret, shown only now:\n${result.webhookSecret}\n`);
}

export function registerTrackersCli(program: Command): void {
  const tracker = program.command('tracker').description("postmortem action items as issues in the team's tracker (GitHub Issues, Jira Cloud)");
  tracker
    .command('show')
    .description('the configured tracker (never its token or webhook secret)')
    .action(
      action(async () => {
        await withStore(async (store, config) => {
          const view = await trackers.getTracker(store.db, config);
          printTable([{ PROVIDER: view.provider, ...Object.fromEntries(Object.entries(view.settings).map(([k, v]) => [k.toUpperCase(), Array.isArray(v) ? v.join(',') : String(v)])), WEBHOOK: view.webhookUrl }]);
        });
      }),
    );
  tracker
    .command('github')
    .description('use GitHub Issues (replaces any tracker); a webhook secret is generated and printed once unless given')
    .requiredOption('--repository <owner/repo>', 'where issues are created')
    .option('--token <token>', 'a token that may create issues (default: $FIREBREAK_TRACKER_TOKEN)')
    .option('--webhook-secret <secret>', 'the secret GitHub signs webhooks with (default: $FIREBREAK_TRACKER_WEBHOOK_SECRET, else generated)')
    .option('--label <labels>', 'labels every issue gets, comma-separated or repeated', list)
    .option('--api-url <url>', 'GitHub Enterprise Server: https://HOST/api/v3 (default https://api.github.com)')
    .action(
      action(async (o: { repository: string; token?: string; webhookSecret?: string; label?: string[]; apiUrl?: string }) => {
        await withStore(async (store, config) => {
          const webhookSecret = o.webhookSecret ?? io.env.FIREBREAK_TRACKER_WEBHOOK_SECRET;
          printConfigured(await trackers.configureTracker(store, config, cliActor(), { provider: 'github', repository: o.repository, token: tokenOf(o.token), webhookSecret, labels: o.label, apiUrl: o.apiUrl }));
        });
      }),
    );
  tracker
    .command('jira')
    .description('use Jira Cloud (replaces any tracker); a webhook secret is generated and printed once unless given')
    .requiredOption('--site <url>', 'https://your-site.atlassian.net')
    .requiredOption('--email <email>', 'the Atlassian account the API token belongs to')
    .requiredOption('--project <key>', 'the project issues are created in (OPS)')
    .option('--issue-type <name>', 'default Task')
    .option('--token <token>', 'an Atlassian API token (default: $FIREBREAK_TRACKER_TOKEN)')
    .option('--webhook-secret <secret>', 'the secret of the Jira webhook (default: $FIREBREAK_TRACKER_WEBHOOK_SECRET, else generated)')
    .option('--label <labels>', 'labels every issue gets, comma-separated or repeated', list)
    .action(
      action(async (o: { site: string; email: string; project: string; issueType?: string; token?: string; webhookSecret?: string; label?: string[] }) => {
        await withStore(async (store, config) => {
          const webhookSecret = o.webhookSecret ?? io.env.FIREBREAK_TRACKER_WEBHOOK_SECRET;
          printConfigured(await trackers.configureTracker(store, config, cliActor(), { provider: 'jira', siteUrl: o.site, email: o.email, projectKey: o.project, issueType: o.issueType, token: tokenOf(o.token), webhookSecret, labels: o.label }));
        });
      }),
    );
  tracker
    .command('remove')
    .description('stop creating issues (existing links stay)')
    .action(
      action(async () => {
        await withStore(async (store) => {
          await trackers.removeTracker(store, cliActor());
          io.out('tracker removed\n');
        });
      }),
    );
  tracker
    .command('issue')
    .description("an action item's issue and every try at creating it")
    .argument('<action-item-id>', 'the action item')
    .action(
      action(async (id: string) => {
        await withStore(async (store) => {
          const { link, attempts } = await trackers.issueOf(store.db, id);
          io.out(`${link.key ?? '(not created)'} ${link.url ?? ''} sync ${link.sync}, state ${link.state ?? 'unknown'}\n`);
          printTable(attempts.map((a) => ({ ATTEMPT: String(a.attempt), AT: a.at, OUTCOME: a.outcome, ANSWER: a.detail })));
        });
      }),
    );
  tracker
    .command('retry')
    .description('try again to create an issue whose creation failed')
    .argument('<action-item-id>', 'the action item')
    .action(
      action(async (id: string) => {
        await withStore(async (store, config) => {
          const bus = createChangeBus(store);
          try {
            const link = await trackers.retryIssue(store, new JobQueue(bus, config.jobMaxAttempts), cliActor(), id);
            io.out(`issue creation queued again (${link.attempts} tries so far)\n`);
          } finally {
            await bus.close();
          }
        });
      }),
    );
}
