import { InvalidArgumentError, type Command } from 'commander';
import { action, emailArg, integerArg, nonEmptyArg, oneOfArg, printTable, UsageError, withStore } from '../../cli/support.js';
import { actingUser, withJobDeps } from '../../cli/acting.js';
import { io } from '../../cli/io.js';
import type { Store } from '../../db/store.js';
import { cliActor } from '../auth/identity.js';
import { findServiceByIdOrName } from '../catalog/service.js';
import * as integrations from './integrations.js';
import { formatMatcher, parseMatcher, type Matcher } from './matchers.js';
import * as service from './service.js';
import * as silences from './silences.js';
import { SEVERITIES, type Severity } from './signal.js';
import { clockMs } from '../../clock.js';

async function serviceId(store: Store, idOrName: string): Promise<string> {
  const found = await findServiceByIdOrName(store.db, idOrName);
  if (!found) throw new UsageError(`no service named or with id "${idOrName}"`);
  return found.id;
}

function durationArg(value: string): number {
  const match = /^(\d+)(m|h|d)$/.exec(value);
  if (!match) throw new InvalidArgumentError('give a duration such as 30m, 2h or 1d');
  return Number(match[1]) * { m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] as 'm' | 'h' | 'd'];
}

function matcherArg(value: string, previous: Matcher[] = []): Matcher[] {
  try {
    return [...previous, parseMatcher(value)];
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
}

function labelArg(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const eq = value.indexOf('=');
  if (eq <= 0) throw new InvalidArgumentError('give labels as name=value');
  return { ...previous, [value.slice(0, eq)]: value.slice(eq + 1) };
}

function uuidArg(what: string): (value: string) => string {
  return (value) => {
    if (!/^[0-9a-f-]{36}$/i.test(value)) throw new InvalidArgumentError(`"${value}" is not ${what} id`);
    return value;
  };
}

/** The `firebreak alert ...` and `firebreak integration ...` subcommands. */
export function registerAlertsCli(program: Command): void {
  const alert = program.command('alert').description('list, acknowledge, resolve and silence alerts; send test alerts');

  alert
    .command('list')
    .description('list alerts, most recently seen first')
    .option('--service <service>', 'name or id')
    .option('--status <status>', 'triggered, acknowledged or resolved', oneOfArg(['triggered', 'acknowledged', 'resolved'] as const, '--status'))
    .option('--limit <n>', 'how many', integerArg('--limit', 1, 500), 50)
    .action(
      action(async (o: { service?: string; status?: 'triggered' | 'acknowledged' | 'resolved'; limit: number }) => {
        await withStore(async (store) => {
          const alerts = await service.listAlerts(store.db, { ...(o.service ? { serviceId: await serviceId(store, o.service) } : {}), ...(o.status ? { status: o.status } : {}), limit: o.limit });
          printTable(alerts.map((a) => ({ id: a.id, status: a.status, severity: a.severity, count: String(a.count), flapping: a.flapping ? 'yes' : '', summary: a.summary.slice(0, 60) })));
        });
      }),
    );

  for (const [verb, to] of [['ack', 'acknowledged'], ['resolve', 'resolved']] as const) {
    alert
      .command(verb)
      .description(`${verb === 'ack' ? 'acknowledge' : 'resolve'} alerts by id (or an unambiguous start of one), or every open alert of a group with --group; records who`)
      .argument('[ids...]', 'alert ids or their first characters')
      .option('--group <id>', 'an alert group id or its first characters')
      .option('--as <email>', 'who is acting; default: the console operator (cli:<login>)', emailArg)
      .action(
        action(async (ids: string[], o: { group?: string; as?: string }) => {
          if (!o.group && ids.length === 0) throw new UsageError('give alert ids or --group <id>');
          await withJobDeps(async (deps) => {
            const actor = (await actingUser(deps.store, o.as)).actor;
            if (o.group) {
              const group = await service.setGroupStatus(deps, actor, await service.resolveIdPrefix(deps.store.db, 'alert group', o.group), to);
              io.out(`group ${group.id} is ${group.status} (by ${actor.label})\n`);
            } else {
              const full = await Promise.all(ids.map((id) => service.resolveIdPrefix(deps.store.db, 'alert', id)));
              for (const a of await service.setAlertStatus(deps, actor, full, to)) io.out(`${a.id} ${a.status}\n`);
            }
          });
        }),
      );
  }

  alert
    .command('silence')
    .description('silence alerts whose labels match every --match (label=value, label!=value, label=~regex, label!~regex)')
    .requiredOption('--match <matcher>', 'a label matcher; repeat for more', matcherArg)
    .requiredOption('--for <duration>', 'how long, e.g. 2h', durationArg)
    .requiredOption('--comment <text>', 'why', nonEmptyArg('--comment'))
    .option('--service <service>', 'limit the silence to one service (name or id)')
    .action(
      action(async (o: { match: Matcher[]; for: number; comment: string; service?: string }) => {
        await withJobDeps(async (deps) => {
          const { store } = deps;
          const created = await silences.createSilence(deps, cliActor(), {
            matchers: o.match,
            endsAt: new Date(clockMs() + o.for).toISOString(),
            comment: o.comment,
            ...(o.service ? { serviceId: await serviceId(store, o.service) } : {}),
          });
          io.out(`silenced ${created.matchers.map(formatMatcher).join(', ')} until ${created.endsAt}\n${created.id}\n`);
        });
      }),
    );

  alert
    .command('unsilence')
    .description('expire a silence now')
    .argument('<id>', 'silence id', uuidArg('a silence'))
    .action(
      action(async (id: string) => {
        await withJobDeps(async (deps) => {
          const expired = await silences.expireSilence(deps, cliActor(), id);
          io.out(`expired silence ${expired.id}\n`);
        });
      }),
    );

  alert
    .command('send')
    .description('fire a test alert through the intake pipeline (as drills do); --resolve resolves it')
    .requiredOption('--service <service>', 'name or id')
    .requiredOption('--summary <text>', 'what the alert says', nonEmptyArg('--summary'))
    .option('--severity <severity>', SEVERITIES.join(', '), oneOfArg(SEVERITIES, '--severity'), 'critical')
    .option('--dedup-key <key>', 'resend or resolve an earlier test alert')
    .option('--label <name=value>', 'a label; repeat for more', labelArg)
    .option('--resolve', 'resolve the alert with this dedup key')
    .action(
      action(async (o: { service: string; summary: string; severity: Severity; dedupKey?: string; label?: Record<string, string>; resolve?: boolean }) => {
        if (o.resolve && !o.dedupKey) throw new UsageError('--resolve needs --dedup-key');
        await withJobDeps(async (deps) => {
          const sent = await service.sendTestAlert(deps, cliActor(), {
            serviceId: await serviceId(deps.store, o.service),
            summary: o.summary,
            severity: o.severity,
            ...(o.dedupKey ? { dedupKey: o.dedupKey } : {}),
            ...(o.label ? { labels: o.label } : {}),
            resolve: o.resolve ?? false,
          });
          io.out(`sent ${o.resolve ? 'resolution' : 'test alert'} ${sent.dedupKey}: ${sent.alert?.status ?? 'not stored'}${sent.alert?.groupId ? ` (group ${sent.alert.groupId})` : ''}\n`);
        });
      }),
    );

  const integration = program.command('integration').description("manage a service's alert integrations");
  integration
    .command('create')
    .description('add an integration to a service; its key is printed once, alone on the last line')
    .requiredOption('--service <service>', 'name or id')
    .requiredOption('--kind <kind>', integrations.INTEGRATION_KINDS.join(', '), oneOfArg(integrations.INTEGRATION_KINDS, '--kind'))
    .requiredOption('--name <name>', 'what sends to it', nonEmptyArg('--name'))
    .option('--mapping <field=path>', 'generic integrations: a JSONPath per field (dedupKey, summary, severity, status, labels, rule, startsAt, alerts); repeat', labelArg)
    .option('--every <seconds>', 'heartbeat integrations: a ping must come within this many seconds', integerArg('--every', 1, 604800))
    .action(
      action(async (o: { service: string; kind: (typeof integrations.INTEGRATION_KINDS)[number]; name: string; mapping?: Record<string, string>; every?: number }) => {
        await withJobDeps(async ({ store, jobs }) => {
          const input = { kind: o.kind, name: o.name, ...(o.mapping ? { mappings: o.mapping } : {}), ...(o.every !== undefined ? { heartbeat: { intervalSeconds: o.every } } : {}) };
          const { view, key, intakePath } = await integrations.createIntegration(store, cliActor(), await serviceId(store, o.service), input, jobs);
          io.out(`created ${view.kind} integration ${view.id}; send to ${intakePath.replace(key, '<key>')}; the key is shown only now:\n${key}\n`);
        });
      }),
    );
  integration
    .command('list')
    .description('list integrations (never their keys)')
    .option('--service <service>', 'name or id')
    .action(
      action(async (o: { service?: string }) => {
        await withStore(async (store) => {
          const list = await integrations.listIntegrations(store.db, o.service ? await serviceId(store, o.service) : undefined);
          printTable(list.map((i) => ({ id: i.id, service: i.serviceId, kind: i.kind, name: i.name, key: `${i.keyPrefix}…`, enabled: i.enabled ? 'yes' : 'no' })));
        });
      }),
    );
  for (const verb of ['enable', 'disable'] as const) {
    integration
      .command(verb)
      .description(`${verb} an integration (a disabled one answers 403)`)
      .argument('<id>', 'integration id', uuidArg('an integration'))
      .action(
        action(async (id: string) => {
          await withJobDeps(async ({ store, jobs }) => {
            const updated = await integrations.updateIntegration(store, cliActor(), id, { enabled: verb === 'enable' }, jobs);
            io.out(`${updated.name} is ${updated.enabled ? 'enabled' : 'disabled'}\n`);
          });
        }),
      );
  }
}
