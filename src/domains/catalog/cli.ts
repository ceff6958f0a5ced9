import { InvalidArgumentError, type Command } from 'commander';
import { cliActor } from '../auth/identity.js';
import { io } from '../../cli/io.js';
import { action, nonEmptyArg, printTable, UsageError, withStore } from '../../cli/support.js';
import type { Db } from '../../db/schema.js';
import * as catalog from './service.js';

function tierArg(value: string): number {
  if (!/^[1-4]$/.test(value)) throw new InvalidArgumentError('--tier must be 1, 2, 3 or 4');
  return Number(value);
}

function listArg(value: string): string[] {
  return value.split(',').map((v) => v.trim()).filter(Boolean);
}

async function resolveService(db: Db, idOrName: string): Promise<catalog.ServiceView> {
  const found = await catalog.findServiceByIdOrName(db, idOrName);
  if (!found) throw new UsageError(`no service named or with id "${idOrName}"`);
  return found;
}

async function resolveIds(db: Db, names: string[] | undefined): Promise<string[] | undefined> {
  if (names === undefined) return undefined;
  const ids: string[] = [];
  for (const name of names) ids.push((await resolveService(db, name)).id);
  return ids;
}

interface ServiceOptions {
  name?: string;
  description?: string;
  team?: string;
  runbook?: string;
  tier?: number;
  escalationPolicy?: string;
  groupBy?: string[];
  dependsOn?: string[];
}

function printService(s: catalog.ServiceView, names: Map<string, string>): void {
  io.out(
    [
      `${s.name} (${s.id})`,
      `  tier: ${s.tier ?? '-'}  owner team: ${s.ownerTeamId ?? '-'}  escalation policy: ${s.escalationPolicyId ?? '-'}`,
      `  runbook: ${s.runbookUrl ?? '-'}`,
      `  depends on: ${s.dependsOn.map((id) => names.get(id) ?? id).join(', ') || '-'}`,
      `  group by: ${s.groupBy.join(', ') || '(service only)'}`,
      '',
    ].join('\n'),
  );
}

function withServiceOptions(command: Command): Command {
  return command
    .option('--description <text>', 'what the service does')
    .option('--team <id>', 'owner team id')
    .option('--runbook <url>', 'runbook link')
    .option('--tier <n>', 'tier 1 (most critical) to 4', tierArg)
    .option('--escalation-policy <policy>', 'escalation policy name or id (stored as its id; an unknown one is refused)')
    .option('--group-by <labels>', 'comma-separated label names that split alert groups', listArg)
    .option('--depends-on <services>', 'comma-separated names or ids of services this one depends on (replaces the list)', listArg);
}

/** The `firebreak service ...` subcommands. */
export function registerCatalogCli(program: Command): void {
  const command = program.command('service').description('manage the service catalog');

  withServiceOptions(command.command('create').description('create a service').requiredOption('--name <name>', 'unique service name', nonEmptyArg('--name'))).action(
    action(async (options: ServiceOptions & { name: string }) => {
      await withStore(async (store) => {
        const created = await catalog.createService(store, cliActor(), await toInput(store.db, options));
        io.out(`created service ${created.name}\n${created.id}\n`);
      });
    }),
  );

  withServiceOptions(command.command('update').description('change a service').argument('<service>', 'name or id').option('--name <name>', 'new name')).action(
    action(async (idOrName: string, options: ServiceOptions) => {
      await withStore(async (store) => {
        const target = await resolveService(store.db, idOrName);
        const updated = await catalog.updateService(store, cliActor(), target.id, await toInput(store.db, options));
        io.out(`updated service ${updated.name}\n`);
      });
    }),
  );

  command.command('list').description('list services').action(
    action(async () => {
      await withStore(async (store) => {
        const services = await catalog.listServices(store.db);
        const names = new Map(services.map((s) => [s.id, s.name]));
        printTable(services.map((s) => ({ id: s.id, name: s.name, tier: s.tier ? String(s.tier) : '', dependsOn: s.dependsOn.map((id) => names.get(id) ?? id).join(',') })));
      });
    }),
  );

  command.command('show').description('show a service').argument('<service>', 'name or id').action(
    action(async (idOrName: string) => {
      await withStore(async (store) => {
        const s = await resolveService(store.db, idOrName);
        const names = new Map((await catalog.listServices(store.db)).map((x) => [x.id, x.name]));
        printService(s, names);
      });
    }),
  );

  command.command('delete').description('delete a service with its integrations and alert history').argument('<service>', 'name or id').action(
    action(async (idOrName: string) => {
      await withStore(async (store) => {
        const s = await resolveService(store.db, idOrName);
        await catalog.deleteService(store, cliActor(), s.id);
        io.out(`deleted service ${s.name}\n`);
      });
    }),
  );
}

async function toInput(db: Db, o: ServiceOptions): Promise<catalog.ServiceInput & { name: string }> {
  const dependsOn = await resolveIds(db, o.dependsOn);
  return {
    name: o.name as string,
    ...(o.description !== undefined ? { description: o.description } : {}),
    ...(o.team !== undefined ? { ownerTeamId: o.team } : {}),
    ...(o.runbook !== undefined ? { runbookUrl: o.runbook } : {}),
    ...(o.tier !== undefined ? { tier: o.tier } : {}),
    ...(o.escalationPolicy !== undefined ? { escalationPolicyId: o.escalationPolicy } : {}),
    ...(o.groupBy !== undefined ? { groupBy: o.groupBy } : {}),
    ...(dependsOn !== undefined ? { dependsOn } : {}),
  };
}
