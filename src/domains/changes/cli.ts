import type { Command } from 'commander';
import { io } from '../../cli/io.js';
import { action, cliNow, nonEmptyArg, oneOfArg, printTable, UsageError, withStore } from '../../cli/support.js';
import { cliActor } from '../auth/identity.js';
import { findServiceByIdOrName } from '../catalog/service.js';
import { adaptGenericChange } from './adapt.js';
import * as changes from './service.js';
import { CHANGE_KINDS, type ChangeKind } from './tables.js';

interface RecordOptions {
  service: string;
  kind: string;
  version?: string;
  author?: string;
  link?: string;
  summary?: string;
  startedAt?: string;
  finishedAt?: string;
  rollbackCommand?: string;
  rollbackLink?: string;
  id?: string;
}

/** The option a payload field came from, for error messages. */
const OPTION_OF: Record<string, string> = { startedAt: '--started-at', finishedAt: '--finished-at', 'rollback.command': '--rollback-command', 'rollback.link': '--rollback-link' };

/** The `firebreak change ...` subcommands. */
export function registerChangesCli(program: Command): void {
  const command = program.command('change').description('record and list change events (deploys, config, flags, migrations, infrastructure)');

  command
    .command('record')
    .description('record a change to a service (for deploy scripts)')
    .requiredOption('--service <service>', 'service name or id')
    .requiredOption('--kind <kind>', CHANGE_KINDS.join(' | '))
    .option('--version <version>', 'what was deployed (tag, sha, flag state)')
    .option('--author <who>', 'who made the change')
    .option('--link <url>', 'link to the change (pipeline run, PR)')
    .option('--summary <text>', 'one line about the change')
    .option('--started-at <time>', 'RFC 3339 time (default: now)')
    .option('--finished-at <time>', 'RFC 3339 time')
    .option('--rollback-command <command>', 'how to undo it')
    .option('--rollback-link <url>', 'where to undo it')
    .option('--id <id>', 'your own id for the change: recording it again updates it')
    .action(
      action(async (o: RecordOptions) => {
        await withStore(async (store, config) => {
          const rollback = o.rollbackCommand !== undefined || o.rollbackLink !== undefined ? { command: o.rollbackCommand, link: o.rollbackLink } : undefined;
          const body = { service: o.service, kind: o.kind, version: o.version, author: o.author, link: o.link, summary: o.summary, startedAt: o.startedAt, finishedAt: o.finishedAt, rollback, id: o.id };
          const adapted = adaptGenericChange(JSON.parse(JSON.stringify(body)), cliNow(config));
          if (!adapted.ok) throw new UsageError(adapted.problems.map((p) => `${OPTION_OF[p.field] ?? `--${p.field}`} ${p.message}`).join('; '));
          const change = await changes.recordChange(store, cliActor(), 'cli', adapted.change);
          io.out(`recorded ${change.kind} of ${o.service}\n${change.id}\n`);
        });
      }),
    );

  command
    .command('list')
    .description('list changes, newest first')
    .option('--service <service>', 'service name or id')
    .option('--kind <kind>', CHANGE_KINDS.join(' | '), oneOfArg(CHANGE_KINDS, '--kind'))
    .option('--from <time>', 'started at or after (RFC 3339)')
    .option('--to <time>', 'started at or before (RFC 3339)')
    .action(
      action(async (o: { service?: string; kind?: ChangeKind; from?: string; to?: string }) => {
        for (const [flag, value] of [['--from', o.from], ['--to', o.to]] as const) {
          if (value !== undefined && !Number.isFinite(Date.parse(value))) throw new UsageError(`${flag} must be an RFC 3339 time`);
        }
        await withStore(async (store) => {
          const names = await changes.serviceNamesById(store.db);
          const list = await changes.listChanges(store.db, o);
          printTable(list.map((c) => ({ startedAt: c.startedAt, service: names.get(c.serviceId) ?? c.serviceId, kind: c.kind, version: c.version ?? '', author: c.author ?? '', rollback: c.rollback.command ?? c.rollback.link ?? '' })));
        });
      }),
    );

  const source = command.command('source').description('keys that post change events to /intake/changes/{key} (CI, GitHub webhooks, Argo CD)');
  source
    .command('create')
    .description('create a change source; its key is printed once, alone on the last line')
    .requiredOption('--name <name>', 'what sends with it (a pipeline, a GitHub repository)', nonEmptyArg('--name'))
    .option('--service <service>', 'service name or id its events belong to when a payload names none')
    .action(
      action(async (o: { name: string; service?: string }) => {
        await withStore(async (store) => {
          let serviceId: string | undefined;
          if (o.service !== undefined) {
            const found = await findServiceByIdOrName(store.db, o.service);
            if (!found) throw new UsageError(`--service: no service named or with id "${o.service}"`);
            serviceId = found.id;
          }
          const { source: created, key } = await changes.createChangeSource(store, cliActor(), { name: o.name, serviceId });
          io.out(`created change source ${created.id}; post to /intake/changes/<key> (GitHub: /intake/changes/<key>/github, with the key as the webhook secret; Argo CD: /intake/changes/<key>/argocd); the key is shown only now:\n${key}\n`);
        });
      }),
    );
  source
    .command('list')
    .description('list change sources (never their keys)')
    .action(
      action(async () => {
        await withStore(async (store) => {
          const names = await changes.serviceNamesById(store.db);
          printTable((await changes.listChangeSources(store.db)).map((s) => ({ id: s.id, name: s.name, service: s.serviceId ? (names.get(s.serviceId) ?? s.serviceId) : '', key: `${s.keyPrefix}…`, enabled: s.enabled ? 'yes' : 'no' })));
        });
      }),
    );
}

