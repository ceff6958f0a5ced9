import { readFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { io } from '../../cli/io.js';
import { actingUser, withJobDeps } from '../../cli/acting.js';
import { action, cliNow, nonEmptyArg, oneOfArg, printTable, UsageError, withStore } from '../../cli/support.js';
import type { Store } from '../../db/store.js';
import { findUserByEmail } from '../auth/service.js';
import { findServiceByIdOrName } from '../catalog/service.js';
import { describeGoal, GOAL_KINDS, type DrillGoal, type GoalKind } from './goals.js';
import { WEEKDAYS, type DrillSchedule, type Weekday } from './schedule.js';
import * as drills from './service.js';
import { DRILL_FORMATS, type DrillFormat } from './tables.js';

/** `acknowledged:5` → a goal; repeatable. */
function goalArg(value: string, previous: DrillGoal[] = []): DrillGoal[] {
  const match = /^([a-z_]+):(\d{1,5})$/.exec(value);
  if (!match || !(GOAL_KINDS as readonly string[]).includes(match[1]!) || Number(match[2]) < 1 || Number(match[2]) > 10080) {
    throw new InvalidArgumentError(`--goal must be KIND:MINUTES with KIND one of ${GOAL_KINDS.join(', ')} and MINUTES from 1 to 10080`);
  }
  return [...previous, { kind: match[1] as GoalKind, minutes: Number(match[2]) }];
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

interface CreateOptions {
  name: string;
  service: string;
  format: DrillFormat;
  payloadFile: string;
  goal?: DrillGoal[];
  responder?: string[];
  once?: string;
  daily?: string;
  weekly?: string;
  zone?: string;
  disabled?: boolean;
  as?: string;
}

/** The schedule the options describe: exactly one of --once, --daily, --weekly. */
function scheduleOf(o: CreateOptions, zone: string): DrillSchedule {
  const given = [o.once, o.daily, o.weekly].filter((v) => v !== undefined);
  if (given.length !== 1) throw new UsageError('give exactly one of --once TIME, --daily HH:MM, --weekly DAYS@HH:MM');
  if (o.once !== undefined) {
    if (!Number.isFinite(Date.parse(o.once))) throw new UsageError('--once must be an RFC 3339 time');
    return { kind: 'once', at: new Date(o.once).toISOString() };
  }
  if (o.daily !== undefined) return { kind: 'daily', time: o.daily, zone };
  const [days, time] = o.weekly!.split('@');
  const list = (days ?? '').split(',').filter(Boolean);
  if (!time || list.some((d) => !(WEEKDAYS as readonly string[]).includes(d))) throw new UsageError(`--weekly must be DAYS@HH:MM, DAYS a comma list of ${WEEKDAYS.join(',')}`);
  return { kind: 'weekly', days: list as Weekday[], time, zone };
}

async function drillOf(store: Store, idOrName: string): Promise<drills.DrillView> {
  const found = await drills.findDrill(store.db, idOrName);
  if (!found) throw new UsageError(`no drill named or with id "${idOrName}"`);
  return found;
}

/** The `firebreak drill ...` subcommands. */
export function registerDrillsCli(program: Command): void {
  const command = program.command('drill').description('drills and game days: synthetic alerts through the real intake, measured against goals');

  command
    .command('list')
    .description('list drill scenarios')
    .action(
      action(async () => {
        await withStore(async (store) => {
          printTable((await drills.listDrills(store.db)).map((d) => ({ name: d.name, format: d.alert.format, schedule: d.scheduleText, next: d.nextFireAt ?? '', enabled: d.enabled ? 'yes' : 'no', goals: d.goals.map(describeGoal).join('; '), id: d.id })));
        });
      }),
    );

  command
    .command('create')
    .description('create a drill scenario from a payload file in an intake format')
    .requiredOption('--name <name>', 'unique name', nonEmptyArg('--name'))
    .requiredOption('--service <service>', 'service name or id (it needs an integration of the format)')
    .requiredOption('--payload-file <path>', 'the alert as the sender posts it (JSON)')
    .option('--format <format>', DRILL_FORMATS.join(' | '), oneOfArg(DRILL_FORMATS, '--format'), 'alertmanager')
    .option('--goal <kind:minutes>', `a goal, e.g. acknowledged:5 (${GOAL_KINDS.join(', ')}); repeat`, goalArg)
    .option('--responder <email>', 'a person expected to respond; repeat', collect)
    .option('--once <time>', 'fire once at this RFC 3339 time')
    .option('--daily <HH:MM>', 'fire every day at this local time')
    .option('--weekly <days@HH:MM>', 'fire on these days at this local time, e.g. mon,thu@10:00')
    .option('--zone <zone>', 'IANA zone of --daily / --weekly (default: yours)')
    .option('--disabled', 'create it without scheduling it')
    .option('--as <email>', 'act as this user')
    .action(
      action(async (o: CreateOptions) => {
        let payload: unknown;
        try {
          payload = JSON.parse(readFileSync(o.payloadFile, 'utf8'));
        } catch (err) {
          throw new UsageError(`--payload-file: ${(err as Error).message}`);
        }
        if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw new UsageError('--payload-file must hold a JSON object');
        if (!o.goal?.length) throw new UsageError('give at least one --goal, e.g. --goal acknowledged:5');
        await withJobDeps(async (deps) => {
          const acting = await actingUser(deps.store, o.as);
          const service = await findServiceByIdOrName(deps.store.db, o.service);
          if (!service) throw new UsageError(`--service: no service named or with id "${o.service}"`);
          const responders: string[] = [];
          for (const email of o.responder ?? []) {
            const user = await findUserByEmail(deps.store.db, email);
            if (!user) throw new UsageError(`--responder: no user ${email}`);
            responders.push(user.id);
          }
          const drill = await drills.createDrill(
            deps.store,
            deps,
            acting.actor,
            { name: o.name, serviceId: service.id, alert: { format: o.format, payload: payload as Record<string, unknown> }, responders, goals: o.goal!, schedule: scheduleOf(o, o.zone ?? acting.zone), enabled: !o.disabled },
            cliNow(deps.config),
          );
          io.out(`created drill ${drill.name} (${drill.scheduleText}); next: ${drill.nextFireAt ?? 'not scheduled'}\n${drill.id}\n`);
        });
      }),
    );

  command
    .command('run-now')
    .description('fire a drill now through intake (its pages say DRILL)')
    .argument('<drill>', 'name or id')
    .option('--as <email>', 'act as this user')
    .action(
      action(async (idOrName: string, o: { as?: string }) => {
        await withJobDeps(async (deps) => {
          const acting = await actingUser(deps.store, o.as);
          const drill = await drillOf(deps.store, idOrName);
          const run = await drills.runDrillNow(deps.store, deps, acting.actor, drill.id);
          io.out(`fired drill ${drill.name}: ${run.alerts} alert(s)${run.incidentRef ? `, incident ${run.incidentRef}` : ''}\n${run.id}\n`);
        });
      }),
    );

  command
    .command('report')
    .description("a run's measured times and goals (the latest run unless --run), or --trend over runs")
    .argument('<drill>', 'name or id')
    .option('--run <id>', 'the run')
    .option('--trend', 'per goal, the measured values over runs and how many met')
    .action(
      action(async (idOrName: string, o: { run?: string; trend?: boolean }) => {
        await withStore(async (store, config) => {
          const drill = await drillOf(store, idOrName);
          const now = cliNow(config);
          if (o.trend) {
            const trend = await drills.getTrend(store.db, drill.id, now);
            io.out(`${drill.name}: ${trend.runs} run(s)\n`);
            printTable(trend.goals.map((g) => ({ goal: describeGoal(g), met: String(g.met), missed: String(g.missed), pending: String(g.pending), seconds: g.runs.map((r) => (r.seconds === null ? '-' : String(r.seconds))).join(' ') })));
            return;
          }
          const runId = o.run ?? (await drills.listRuns(store.db, drill.id, 1))[0]?.id;
          if (!runId) throw new UsageError(`drill ${drill.name} has not run yet`);
          const report = await drills.getRunReport(store.db, drill.id, runId, now);
          io.out(
            [
              `${report.drillName} run ${report.id}${report.incidentRef ? ` (${report.incidentRef})` : ''}`,
              `fired:          ${report.firedAt} (${report.trigger}, by ${report.firedBy})`,
              `acknowledged:   ${report.acknowledgedAt ?? '-'}`,
              `shared picture: ${report.sharedPictureAt ?? '-'}`,
              `mitigated:      ${report.mitigatedAt ?? '-'}`,
              `resolved:       ${report.resolvedAt ?? '-'}`,
              ...report.goals.map((g) => `${g.outcome.toUpperCase().padEnd(7)} ${describeGoal(g)}${g.seconds === null ? '' : ` (${g.seconds} s)`}`),
              '',
            ].join('\n'),
          );
        });
      }),
    );
}
