import type { Command } from 'commander';
import { action, printTable, withStore } from '../../cli/support.js';
import { io } from '../../cli/io.js';
import { cliActor } from '../auth/identity.js';
import { WEBHOOK_FACT_KINDS, type WebhookFactKind } from './cloudevents.js';
import * as hooks from './service.js';
import type { Severity } from '../incidents/model.js';

const list = (value: string, previous: string[] = []) => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

export function registerHooksCli(program: Command): void {
  const webhook = program.command('webhook').description('outgoing incident webhooks: incident facts as signed CloudEvents');
  webhook
    .command('create')
    .description('subscribe a URL; the signing secret is printed once, alone on the last line')
    .requiredOption('--name <name>', 'a name for it')
    .requiredOption('--url <url>', 'where to POST')
    .option('--kind <kinds>', `facts to send, comma-separated or repeated (${WEBHOOK_FACT_KINDS.join(', ')}; default all)`, list)
    .option('--service <services>', 'only incidents on these services (names), comma-separated or repeated', list)
    .option('--min-severity <sev>', 'only incidents at least this severe (SEV1…SEV4)')
    .action(
      action(async (o: { name: string; url: string; kind?: string[]; service?: string[]; minSeverity?: string }) => {
        await withStore(async (store, config) => {
          const { view, secret } = await hooks.createWebhook(store, config, cliActor(), {
            name: o.name,
            url: o.url,
            ...(o.kind ? { kinds: o.kind as WebhookFactKind[] } : {}),
            ...(o.service ? { services: o.service } : {}),
            ...(o.minSeverity ? { minSeverity: o.minSeverity as Severity } : {}),
          });
          io.out(`created webhook ${view.name} (${view.id}) → ${view.url}; signing secret, shown only now:\n${secret}\n`);
        });
      }),
    );
  webhook
    .command('list')
    .description('list outgoing incident webhooks')
    .action(
      action(async () => {
        await withStore(async (store) => {
          printTable((await hooks.listWebhooks(store.db)).map((w) => ({ NAME: w.name, URL: w.url, FACTS: w.kinds.join(','), SERVICES: w.services?.join(',') ?? 'all', 'MIN SEV': w.minSeverity ?? 'any', ENABLED: w.enabled ? 'yes' : 'no' })));
        });
      }),
    );
  webhook
    .command('deliveries')
    .description("a webhook's delivery log, newest first")
    .argument('<webhook>', 'name or id')
    .option('--limit <n>', 'how many', (v) => Number(v), 50)
    .action(
      action(async (name: string, o: { limit: number }) => {
        await withStore(async (store) => {
          const rows = await hooks.webhookDeliveries(store.db, name, o.limit);
          printTable(rows.map((r) => ({ CREATED: r.createdAt, EVENT: r.eventType, INCIDENT: r.incidentId, STATUS: r.delivery.status, ATTEMPTS: String(r.delivery.attempts.length), 'LAST ANSWER': r.delivery.attempts.at(-1)?.detail ?? r.delivery.statusDetail ?? '' })));
        });
      }),
    );
  for (const verb of ['enable', 'disable'] as const) {
    webhook
      .command(verb)
      .description(`${verb} a webhook`)
      .argument('<webhook>', 'name or id')
      .action(
        action(async (name: string) => {
          await withStore(async (store) => {
            const view = await hooks.updateWebhook(store, cliActor(), name, { enabled: verb === 'enable' });
            io.out(`${view.name} is ${view.enabled ? 'enabled' : 'disabled'}\n`);
          });
        }),
      );
  }
  webhook
    .command('delete')
    .description('delete a webhook and its delivery log')
    .argument('<webhook>', 'name or id')
    .action(
      action(async (name: string) => {
        await withStore(async (store) => {
          await hooks.deleteWebhook(store, cliActor(), name);
          io.out(`deleted ${name}\n`);
        });
      }),
    );
}
