/** `firebreak postmortem draft INC-n` and `firebreak actions list [--overdue]`. */
import type { Command } from 'commander';
import { io } from '../../cli/io.js';
import { action, cliNow, integerArg, printTable, withStore } from '../../cli/support.js';
import { cliActor } from '../auth/identity.js';
import { postmortemMarkdown } from './markdown.js';
import { listActionItems } from './action-items.js';
import { draftFor } from './service.js';

export function registerPostmortemsCli(program: Command): void {
  const postmortem = program.command('postmortem').description('Postmortems drafted from the incident timeline');
  postmortem
    .command('draft')
    .description('print the postmortem draft of an incident (the postmortem template, timeline in UTC) as Markdown')
    .argument('<incident>', 'INC-42, 42 or the incident id')
    .option('--json', 'print the draft as JSON')
    .action(action(async (incident: string, opts: { json?: boolean }) => {
      await withStore(async (store, config) => {
        const draft = await draftFor(store.db, cliActor(), incident, cliNow(config));
        io.out(opts.json ? `${JSON.stringify(draft, null, 2)}\n` : postmortemMarkdown(draft));
      });
    }));

  const actions = program.command('actions').description('Postmortem action items');
  actions
    .command('list')
    .description('open action items, oldest due first')
    .option('--overdue', 'only those past their due date')
    .option('--limit <n>', 'at most this many', integerArg('--limit', 1, 500), 200)
    .action(action(async (opts: { overdue?: boolean; limit: number }) => {
      await withStore(async (store, config) => {
        const items = await listActionItems(store.db, cliActor(), { overdue: opts.overdue, limit: opts.limit }, cliNow(config));
        if (items.length === 0) {
          io.out(opts.overdue ? 'no overdue action items\n' : 'no open action items\n');
          return;
        }
        printTable(items.map((i) => ({ id: i.id, due: i.dueAt ?? '-', owner: i.ownerId ?? '-', type: i.type, priority: i.priority, status: i.status, title: i.title })));
      });
    }));
}
