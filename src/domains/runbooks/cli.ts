import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { actingUser, withJobDeps } from '../../cli/acting.js';
import { io } from '../../cli/io.js';
import { action, cliNow, emailArg, printTable, UsageError, withStore } from '../../cli/support.js';
import { parseMatcher, type Matcher } from '../alerts/matchers.js';
import { findUserByEmail } from '../auth/service.js';
import { findServiceByIdOrName } from '../catalog/service.js';
import * as runbooks from './service.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

interface CreateOptions {
  title: string;
  file?: string;
  service: string[];
  matcher: string[];
  owner?: string;
  team?: string;
  as?: string;
}

/** The `firebreak runbook ...` subcommands. */
export function registerRunbooksCli(program: Command): void {
  const command = program.command('runbook').description('runbooks: list, show, create, record a test, and the rot report');

  command
    .command('list')
    .description('list runbooks with their rot')
    .option('--service <service>', 'only runbooks of this service (name or id)')
    .option('--rotting', 'only rotting runbooks')
    .action(
      action(async (o: { service?: string; rotting?: boolean }) => {
        await withStore(async (store, config) => {
          const list = await runbooks.listRunbooks(store.db, { service: o.service, rotting: o.rotting ? true : undefined }, cliNow(config), runbooks.rotPolicyOf(config));
          printTable(list.map((r) => ({ id: r.id, title: r.title, tested: r.lastTested?.at ?? 'never', rot: r.rot.rotting ? [...new Set(r.rot.causes.map((c) => c.kind))].join(',') : '' })));
        });
      }),
    );

  command
    .command('show')
    .description('print a runbook: its facts, its rot, then its Markdown')
    .argument('<id>', 'runbook id')
    .action(
      action(async (id: string) => {
        await withStore(async (store, config) => {
          const r = await runbooks.getRunbook(store.db, id, cliNow(config), runbooks.rotPolicyOf(config));
          const facts = [
            `title: ${r.title}`,
            `last tested: ${r.lastTested ? `${r.lastTested.at}${r.lastTested.note ? ` (${r.lastTested.note})` : ''}` : 'never'}`,
            `rot: ${r.rot.rotting ? '' : 'none'}`,
            ...r.rot.causes.map((c) => `  - ${c.text}`),
          ];
          io.out(`${facts.join('\n')}\n\n${r.body}${r.body.endsWith('\n') ? '' : '\n'}`);
        });
      }),
    );

  command
    .command('create')
    .description('create a runbook (from the one-screen template unless --file gives its Markdown)')
    .requiredOption('--title <title>', 'what the runbook is for')
    .option('--file <path>', 'Markdown file with the body')
    .option('--service <service>', 'a service it covers (name or id; repeatable)', collect, [])
    .option('--matcher <matcher>', 'an alert label matcher, e.g. alertname=~"Queue.*" (repeatable; all must match)', collect, [])
    .option('--owner <email>', 'the owning user', emailArg)
    .option('--team <id>', 'the owning team id')
    .option('--as <email>', 'the author', emailArg)
    .action(
      action(async (o: CreateOptions) => {
        let body: string | undefined;
        if (o.file !== undefined) {
          try {
            body = readFileSync(o.file, 'utf8');
          } catch (err) {
            throw new UsageError(`--file: cannot read ${o.file}: ${(err as Error).message}`);
          }
        }
        let matchers: Matcher[];
        try {
          matchers = o.matcher.map(parseMatcher);
        } catch (err) {
          throw new UsageError(`--matcher: ${(err as Error).message}`);
        }
        await withJobDeps(async (deps) => {
          const { actor } = await actingUser(deps.store, o.as);
          const serviceIds: string[] = [];
          for (const name of o.service) {
            const found = await findServiceByIdOrName(deps.store.db, name);
            if (!found) throw new UsageError(`--service: no service named or with id "${name}"`);
            serviceIds.push(found.id);
          }
          const owner = o.owner ? await findUserByEmail(deps.store.db, o.owner) : undefined;
          if (o.owner && !owner) throw new UsageError(`--owner: no user ${o.owner}`);
          const id = await runbooks.createRunbook(deps, actor, { title: o.title, body, serviceIds, matchers, ownerUserId: owner?.id, ownerTeamId: o.team }, cliNow(deps.config));
          io.out(`created runbook ${o.title}\n${id}\n`);
        });
      }),
    );

  command
    .command('tested')
    .description('record that you tested a runbook (someone other than its author)')
    .argument('<id>', 'runbook id')
    .requiredOption('--as <email>', 'who tested it', emailArg)
    .option('--note <text>', 'what was tested and how')
    .action(
      action(async (id: string, o: { as: string; note?: string }) => {
        await withStore(async (store, config) => {
          const { actor } = await actingUser(store, o.as);
          await runbooks.markTested(store, actor, id, { note: o.note }, cliNow(config));
          io.out(`recorded a test of ${id} by ${o.as}\n`);
        });
      }),
    );

  command
    .command('rot')
    .description('the rot report: rotting runbooks, worst first, with why')
    .action(
      action(async () => {
        await withStore(async (store, config) => {
          const report = await runbooks.rotReport(store.db, cliNow(config), runbooks.rotPolicyOf(config));
          if (report.runbooks.length === 0) io.out(`no runbook is rotting (policy: tested within ${report.policy.maxUntestedDays} days)\n`);
          for (const r of report.runbooks) io.out(`${r.title} (${r.id})\n${r.rot.causes.map((c) => `  - ${c.text}\n`).join('')}`);
        });
      }),
    );
}
