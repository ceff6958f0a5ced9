/**
 * `firebreak oncall ...`: who is on call, shifts, overrides, schedules and
 * calendar feeds, from the console. People are named by email.
 *
 * A layer is given as `--layer` with `key=value` pairs separated by `;`:
 *   name=primary;start=2026-03-02T09:00;every=1w;people=ana@x,bo@x;only=mon-fri 09:00-17:00
 * `every` is a count and a unit (h, d, w); `only` (optional, several joined by `|`)
 * is a day range or list and a time window.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { DateTime } from 'luxon';
import { io } from '../../cli/io.js';
import { action, cliNow, printTable, UsageError, withStore } from '../../cli/support.js';
import type { Db } from '../../db/schema.js';
import { cliActor } from '../auth/identity.js';
import { findUserByEmail, listUsers } from '../auth/service.js';
import type { Restriction, RotationUnit } from './rotation.js';
import type { LayerInput } from './schedule-validate.js';
import * as schedules from './schedule-service.js';
import * as overrides from './overrides-service.js';
import * as feeds from './ical-service.js';

const UNITS: Record<string, RotationUnit> = { h: 'hours', d: 'days', w: 'weeks' };
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

function instantArg(what: string): (value: string) => Date {
  return (value) => {
    const parsed = DateTime.fromISO(value, { setZone: true });
    if (!parsed.isValid || !/[zZ]|[+-]\d{2}:?\d{2}$/.test(value)) throw new InvalidArgumentError(`${what} must be an ISO date-time with a zone, e.g. 2026-03-01T09:00:00Z`);
    return parsed.toJSDate();
  };
}

function parseDays(text: string): number[] {
  const index = (d: string) => {
    const i = DAYS.indexOf(d.toLowerCase());
    if (i < 0) throw new InvalidArgumentError(`unknown day "${d}" (use mon … sun)`);
    return i + 1;
  };
  return text.split(',').flatMap((part) => {
    const [a, b] = part.split('-');
    if (b === undefined) return [index(a!)];
    const out: number[] = [];
    for (let d = index(a!); ; d = (d % 7) + 1) {
      out.push(d);
      if (d === index(b) || out.length === 7) break;
    }
    return out;
  });
}

function parseRestriction(text: string): Restriction {
  const m = /^\s*(\S+)\s+(\d{2}:\d{2})-(\d{2}:\d{2})\s*$/.exec(text);
  if (!m) throw new InvalidArgumentError(`"${text}" is not a window like "mon-fri 09:00-17:00"`);
  return { days: [...new Set(parseDays(m[1]!))], from: m[2]!, to: m[3]! };
}

interface LayerSpec {
  name: string;
  start: string;
  unit: RotationUnit;
  count: number;
  people: string[];
  restrictions: Restriction[];
}

/** Parses one `--layer` value (see the header); repeatable. */
function layerArg(value: string, previous: LayerSpec[] = []): LayerSpec[] {
  const fields = new Map<string, string>();
  for (const pair of value.split(';')) {
    const at = pair.indexOf('=');
    if (at < 0) throw new InvalidArgumentError(`--layer: "${pair}" is not key=value`);
    fields.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
  const need = (k: string) => {
    const v = fields.get(k);
    if (!v) throw new InvalidArgumentError(`--layer needs ${k}=…`);
    return v;
  };
  const every = /^(\d+)([hdw])$/.exec(need('every'));
  if (!every) throw new InvalidArgumentError('--layer every= must be a count and a unit: 12h, 1d, 2w');
  const only = fields.get('only');
  return [
    ...previous,
    {
      name: fields.get('name') ?? `layer ${previous.length + 1}`,
      start: need('start'),
      unit: UNITS[every[2]!]!,
      count: Number(every[1]),
      people: need('people').split(',').map((p) => p.trim()).filter(Boolean),
      restrictions: only ? only.split('|').map(parseRestriction) : [],
    },
  ];
}

async function userIdByEmail(db: Db, email: string): Promise<string> {
  const user = await findUserByEmail(db, email);
  if (!user) throw new UsageError(`no user with email ${email}`);
  return user.id;
}

async function toLayers(db: Db, specs: LayerSpec[]): Promise<LayerInput[]> {
  const layers: LayerInput[] = [];
  for (const s of specs) {
    const participants: string[] = [];
    for (const p of s.people) participants.push(await userIdByEmail(db, p));
    layers.push({ name: s.name, start: s.start, length: { unit: s.unit, count: s.count }, participants, restrictions: s.restrictions });
  }
  return layers;
}

async function emailsById(db: Db): Promise<Map<string, string>> {
  return new Map((await listUsers(db)).map((u) => [u.id, u.email]));
}

function local(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone }).toFormat('yyyy-MM-dd HH:mm ZZ');
}

function describeLayer(l: schedules.ScheduleView['layers'][number], emails: Map<string, string>): string {
  const only = l.restrictions.map((r) => `${r.days.map((d) => DAYS[d - 1]).join(',')} ${r.from}-${r.to}`).join(' | ') || 'always';
  return `  ${l.name}: from ${l.start}, every ${l.length.count} ${l.length.unit}, ${l.participants.map((p) => emails.get(p) ?? p).join(' → ')}; ${only}`;
}

/** Registers `firebreak oncall` with the schedule subcommands; returns it so paging can add its own. */
export function registerOncallCli(program: Command): Command {
  const oncall = program.command('oncall').description('on-call schedules: who is on call, shifts, overrides, calendar feeds');
  registerScheduleCli(oncall);
  return oncall;
}

function registerScheduleCli(oncall: Command): void {
  oncall
    .command('now')
    .description('who is on call now on every schedule, or one')
    .option('--schedule <schedule>', 'schedule name or id')
    .option('--at <instant>', 'another instant (ISO with zone)', instantArg('--at'))
    .action(
      action(async (options: { schedule?: string; at?: Date }) => {
        await withStore(async (store, config) => {
          const emails = await emailsById(store.db);
          const rows = await schedules.whoIsOnCall(store.db, options.at ?? cliNow(config), options.schedule);
          if (rows.length === 0) io.out('no schedules\n');
          printTable(rows.map((r) => ({ schedule: r.scheduleName, 'on call': r.userIds.map((u) => emails.get(u) ?? u).join(', ') || '(nobody: gap)' })));
        });
      }),
    );

  oncall
    .command('shifts')
    .description("a schedule's final shifts (after layers and overrides) between two instants")
    .requiredOption('--schedule <schedule>', 'schedule name or id')
    .requiredOption('--from <instant>', 'start (ISO with zone)', instantArg('--from'))
    .requiredOption('--to <instant>', 'end (ISO with zone)', instantArg('--to'))
    .action(
      action(async (options: { schedule: string; from: Date; to: Date }) => {
        await withStore(async (store) => {
          const emails = await emailsById(store.db);
          const { schedule, shifts, gaps } = await schedules.scheduleShifts(store.db, options.schedule, options.from, options.to);
          const rows = [
            ...shifts.map((s) => ({ start: s.start, end: s.end, who: s.userIds.map((u) => emails.get(u) ?? u).join(', ') })),
            ...gaps.map((g) => ({ start: g.start, end: g.end, who: '(nobody: gap)' })),
          ].sort((a, b) => a.start.localeCompare(b.start));
          printTable(rows.map((r) => ({ start: local(r.start, schedule.timeZone), end: local(r.end, schedule.timeZone), 'on call': r.who })));
        });
      }),
    );

  const override = oncall.command('override').description('replace a person on a schedule for a range, or add one');
  override
    .command('add')
    .description('add an override: --replaces someone (or everyone on call when omitted), or --add alongside')
    .requiredOption('--schedule <schedule>', 'schedule name or id')
    .requiredOption('--user <email>', 'who will be on call')
    .option('--replaces <email>', 'whom they stand in for')
    .option('--add', 'on call alongside whoever is, instead of replacing')
    .requiredOption('--from <instant>', 'start (ISO with zone)', instantArg('--from'))
    .requiredOption('--to <instant>', 'end (ISO with zone)', instantArg('--to'))
    .action(
      action(async (options: { schedule: string; user: string; replaces?: string; add?: boolean; from: Date; to: Date }) => {
        await withStore(async (store) => {
          const created = await overrides.createOverride(store, cliActor(), options.schedule, {
            kind: options.add ? 'add' : 'replace',
            userId: await userIdByEmail(store.db, options.user),
            replaces: options.replaces ? await userIdByEmail(store.db, options.replaces) : null,
            start: options.from.toISOString(),
            end: options.to.toISOString(),
          });
          io.out(`override ${created.id}: ${options.user} ${options.add ? 'added' : `replaces ${options.replaces ?? 'whoever is on call'}`} from ${created.start} to ${created.end}\n`);
        });
      }),
    );
  override
    .command('list')
    .description("a schedule's overrides overlapping a range")
    .requiredOption('--schedule <schedule>', 'schedule name or id')
    .requiredOption('--from <instant>', 'start (ISO with zone)', instantArg('--from'))
    .requiredOption('--to <instant>', 'end (ISO with zone)', instantArg('--to'))
    .action(
      action(async (options: { schedule: string; from: Date; to: Date }) => {
        await withStore(async (store) => {
          const emails = await emailsById(store.db);
          const rows = await overrides.listOverrides(store.db, options.schedule, options.from, options.to);
          printTable(rows.map((o) => ({ id: o.id, kind: o.kind, user: emails.get(o.userId) ?? o.userId, replaces: o.replaces ? (emails.get(o.replaces) ?? o.replaces) : '-', start: o.start, end: o.end })));
        });
      }),
    );
  override
    .command('remove')
    .description('remove an override')
    .requiredOption('--schedule <schedule>', 'schedule name or id')
    .argument('<id>', 'override id')
    .action(
      action(async (id: string, options: { schedule: string }) => {
        await withStore(async (store) => {
          await overrides.deleteOverride(store, cliActor(), options.schedule, id);
          io.out(`removed override ${id}\n`);
        });
      }),
    );

  registerScheduleCommands(oncall);
}

function registerScheduleCommands(oncall: Command): void {
  const schedule = oncall.command('schedule').description('create, list and show on-call schedules');
  schedule
    .command('create')
    .description('create a schedule; layers bottom first (a later layer wins during its hours)')
    .requiredOption('--name <name>', 'unique name')
    .requiredOption('--zone <zone>', 'IANA time zone the layers are read in')
    .requiredOption('--layer <spec>', 'name=…;start=YYYY-MM-DDTHH:mm;every=1w;people=a@x,b@x[;only=mon-fri 09:00-17:00] (repeatable)', layerArg)
    .option('--description <text>', 'what it covers')
    .option('--team <id>', 'owner team id (told about gaps)')
    .action(
      action(async (options: { name: string; zone: string; layer: LayerSpec[]; description?: string; team?: string }) => {
        await withStore(async (store) => {
          const created = await schedules.createSchedule(store, cliActor(), {
            name: options.name,
            timeZone: options.zone,
            description: options.description ?? null,
            ownerTeamId: options.team ?? null,
            layers: await toLayers(store.db, options.layer),
          });
          io.out(`created schedule ${created.name}\n${created.id}\n`);
        });
      }),
    );
  schedule
    .command('list')
    .description('every schedule')
    .action(
      action(async () => {
        await withStore(async (store) => {
          const rows = await schedules.listSchedules(store.db);
          printTable(rows.map((s) => ({ name: s.name, zone: s.timeZone, layers: String(s.layers.length), id: s.id })));
        });
      }),
    );
  schedule
    .command('show')
    .description('a schedule with its layers and the gaps in its next 14 days')
    .argument('<schedule>', 'name or id')
    .action(
      action(async (idOrName: string) => {
        await withStore(async (store, config) => {
          const s = await schedules.getSchedule(store.db, idOrName);
          const emails = await emailsById(store.db);
          const gaps = await schedules.upcomingGaps(store.db, s.id, cliNow(config));
          const lines = [`${s.name} (${s.id})`, `  zone: ${s.timeZone}  owner team: ${s.ownerTeamId ?? '-'}`, 'layers (bottom first):', ...s.layers.map((l) => describeLayer(l, emails))];
          if (gaps.length) lines.push(`warning: ${gaps.length} gap(s) with nobody on call in the next 14 days:`, ...gaps.map((g) => `  ${local(g.start, s.timeZone)} → ${local(g.end, s.timeZone)}`));
          io.out(`${lines.join('\n')}\n`);
        });
      }),
    );
  oncall
    .command('feed')
    .description('create a secret calendar feed of a schedule or a person; the URL path is printed once')
    .option('--schedule <schedule>', 'schedule name or id')
    .option('--user <email>', "a person's shifts on every schedule")
    .action(
      action(async (options: { schedule?: string; user?: string }) => {
        if (!options.schedule === !options.user) throw new UsageError('give either --schedule or --user');
        await withStore(async (store) => {
          const target = options.schedule ? { schedule: options.schedule } : { userId: await userIdByEmail(store.db, options.user!) };
          const feed = await feeds.createFeed(store, cliActor(), target);
          io.out(`calendar feed ${feed.id}; subscribe to (on your server's address):\n${feed.path}\n`);
        });
      }),
    );
}
