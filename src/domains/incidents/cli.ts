import { InvalidArgumentError, type Command } from 'commander';
import { userInfo } from 'node:os';
import { DateTime, IANAZone } from 'luxon';
import { createChangeBus } from '../../db/changes.js';
import type { Store } from '../../db/store.js';
import type { Config } from '../../config.js';
import { JobQueue } from '../../jobs/queue.js';
import { action, emailArg, integerArg, nonEmptyArg, oneOfArg, printTable, UsageError, withStore } from '../../cli/support.js';
import { cliActor, type Actor } from '../auth/identity.js';
import { findUserByEmail } from '../auth/service.js';
import { EVENT_KINDS, SYSTEM_KINDS } from './events.js';
import { handoffMarkdown } from './handoff.js';
import { SEVERITIES, STATUSES, type Severity, type Status } from './model.js';
import * as reads from './reads.js';
import * as service from './service.js';

/** The body field a bare text argument fills, for kinds that have one obvious text. */
const TEXT_FIELD: Record<string, string> = {
  observation: 'text',
  note: 'text',
  hypothesis_proposed: 'text',
  action_taken: 'action',
  update_posted: 'text',
};

/**
 * Parses `--at`: `HH:MM` means that time today in the acting user's zone;
 * anything else must be a full ISO-8601 time with an offset or Z.
 */
export function parseAt(value: string, zone: string, now: Date = new Date()): string {
  const clock = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(value.trim());
  if (clock) {
    const today = DateTime.fromJSDate(now, { zone });
    return today.set({ hour: Number(clock[1]), minute: Number(clock[2]), second: 0, millisecond: 0 }).toUTC().toISO()!;
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value.trim())) {
    throw new UsageError(`--at "${value}": give HH:MM (today, in ${zone}) or a full ISO time such as 2026-11-23T14:03:00Z`);
  }
  return new Date(value.trim()).toISOString();
}

interface Acting {
  actor: Actor;
  zone: string;
}

/**
 * Who a CLI command acts as: the user named by --as, or else the operator at
 * the console, recorded as `cli:<login>` with full rights (whoever can open the
 * database can change it anyway), with times read in the machine's zone.
 */
async function actingUser(store: Store, email: string | undefined): Promise<Acting> {
  if (!email) {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return { actor: { ...cliActor(), label: `cli:${userInfo().username}` }, zone: IANAZone.isValidZone(zone) ? zone : 'UTC' };
  }
  const user = await findUserByEmail(store.db, email);
  if (!user) throw new UsageError(`no user with email ${email}`);
  if (user.disabled) throw new UsageError(`user ${email} is disabled`);
  return { actor: cliActor({ id: user.id, email: user.email, role: user.role }), zone: IANAZone.isValidZone(user.timeZone) ? user.timeZone : 'UTC' };
}

/** Runs fn with the store and the dependencies the incident service needs, closing the bus afterwards. */
async function withIncidents<T>(fn: (store: Store, deps: service.IncidentDeps) => Promise<T>): Promise<T> {
  return withStore(async (store: Store, config: Config) => {
    const bus = createChangeBus(store);
    try {
      return await fn(store, { bus, jobs: new JobQueue(bus, config.jobMaxAttempts), config });
    } finally {
      await bus.close();
    }
  });
}

function parseJsonObject(text: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new InvalidArgumentError(`--body is not valid JSON: ${(err as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new InvalidArgumentError('--body must be a JSON object');
  return parsed as Record<string, unknown>;
}

function printWarnings(warnings: string[]): void {
  for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
}

/** The `firebreak incident ...` subcommands. */
export function registerIncidentsCli(program: Command): void {
  const incident = program.command('incident').description('declare incidents, log to their timelines, read them');

  incident
    .command('declare')
    .description('declare an incident; prints its reference and id')
    .option('--as <email>', 'the user declaring (becomes commander unless --commander); default: the console account', emailArg)
    .requiredOption('--title <title>', 'what is wrong, in a few words', nonEmptyArg('--title'))
    .requiredOption('--severity <sev>', SEVERITIES.join(', '), oneOfArg(SEVERITIES, '--severity'))
    .option('--impact <text>', 'plain-language impact statement')
    .option('--service <id>', 'affected service (repeatable)', (v: string, all: string[] = []) => [...all, v])
    .option('--commander <email>', 'someone else to command', emailArg)
    .option('--private', 'visible to members and admins only', false)
    .option('--drill', 'a practice incident', false)
    .action(
      action(async (o: { as: string; title: string; severity: Severity; impact?: string; service?: string[]; commander?: string; private: boolean; drill: boolean }) => {
        await withIncidents(async (store, deps) => {
          const { actor } = await actingUser(store, o.as);
          const commander = o.commander ? await findUserByEmail(store.db, o.commander) : undefined;
          if (o.commander && !commander) throw new UsageError(`no user with email ${o.commander}`);
          const declared = await service.declareIncident(store, deps, actor, {
            title: o.title,
            severity: o.severity,
            ...(o.impact ? { impact: o.impact } : {}),
            services: o.service ?? [],
            private: o.private,
            drill: o.drill,
            ...(commander ? { commanderId: commander.id } : {}),
          });
          process.stdout.write(`declared ${declared.ref} (${declared.state.severity}) ${declared.state.title}\n${declared.id}\n`);
        });
      }),
    );

  incident
    .command('list')
    .description('list incidents, newest first')
    .option('--as <email>', 'list what this user may see (default: everything)', emailArg)
    .option('--status <status>', `${STATUSES.join(', ')} or open`, oneOfArg([...STATUSES, 'open'] as const, '--status'))
    .option('--severity <sev>', SEVERITIES.join(', '), oneOfArg(SEVERITIES, '--severity'))
    .option('--service <id>', 'affected service')
    .option('--drill', 'drills only')
    .option('--query <text>', 'text in the title')
    .option('--limit <n>', 'how many', integerArg('--limit', 1, 500), 50)
    .action(
      action(async (o: { as?: string; status?: Status | 'open'; severity?: Severity; service?: string; drill?: boolean; query?: string; limit: number }) => {
        await withStore(async (store) => {
          const { actor } = await actingUser(store, o.as);
          const page = await reads.listIncidents(store.db, actor, { status: o.status, severity: o.severity, service: o.service, drill: o.drill, q: o.query, limit: o.limit });
          if (page.incidents.length === 0) return void process.stdout.write('no incidents\n');
          printTable(
            page.incidents.map((i) => ({
              ref: i.ref,
              sev: i.severity,
              status: i.status,
              title: i.title,
              commander: i.commander?.label ?? '',
              declared: i.declaredAt,
              flags: [i.private ? 'private' : '', i.drill ? 'drill' : ''].filter(Boolean).join(','),
            })),
          );
        });
      }),
    );

  incident
    .command('show')
    .description('show an incident’s current state')
    .argument('<incident>', 'INC-42 or the incident id')
    .option('--as <email>', 'read as this user', emailArg)
    .option('--json', 'print the whole state as JSON', false)
    .action(
      action(async (ref: string, o: { as?: string; json: boolean }) => {
        await withStore(async (store) => {
          const { actor } = await actingUser(store, o.as);
          const s = await reads.getIncident(store.db, actor, ref);
          if (o.json) return void process.stdout.write(`${JSON.stringify(s, null, 2)}\n`);
          const lines = [
            `${s.ref} ${s.title}${s.drill ? ' (drill)' : ''}${s.private ? ' (private)' : ''}`,
            `severity  ${s.severity}`,
            `status    ${s.status}`,
            `roles     ${s.roles.map((r) => `${r.specialty ?? r.role}: ${r.label}`).join('; ') || 'none'}`,
            `impact    ${s.impact?.statement ?? 'not stated'}`,
            `declared  ${s.keyTimes.declaredAt}`,
            `next update due  ${s.nextUpdateDue ?? 'no cadence'}${s.updateOverdue ? ' (overdue)' : ''}`,
            `shared picture   ${s.sharedPicture.has ? `yes, since ${s.sharedPicture.firstAt}` : `no (missing: ${s.sharedPicture.missing.join(', ')})`}`,
            `events    ${s.lastSeq}`,
            ...s.warnings.map((w) => `warning   ${w.message}`),
          ];
          process.stdout.write(`${lines.join('\n')}\n`);
        });
      }),
    );

  incident
    .command('log')
    .description(`append an event; kinds: ${EVENT_KINDS.filter((k) => !SYSTEM_KINDS.has(k)).join(', ')}`)
    .argument('<incident>', 'INC-42 or the incident id')
    .argument('<kind>', 'event kind, e.g. observation')
    .argument('[text]', `main text, for ${Object.keys(TEXT_FIELD).join(', ')}`)
    .option('--as <email>', 'the user logging it; default: the console account (cli:<login>)', emailArg)
    .option('--at <time>', 'when it happened: HH:MM today in your time zone, or a full ISO time')
    .option('--body <json>', 'the event body as a JSON object', parseJsonObject)
    .action(
      action(async (ref: string, kind: string, text: string | undefined, o: { as: string; at?: string; body?: Record<string, unknown> }) => {
        const field = TEXT_FIELD[kind];
        if (text !== undefined && !field) throw new UsageError(`${kind} has no single text field; pass its body with --body '{...}'`);
        const body: Record<string, unknown> = { ...(kind === 'update_posted' ? { audience: 'internal' } : {}), ...o.body, ...(field && text !== undefined ? { [field]: text } : {}) };
        await withIncidents(async (store, deps) => {
          const { actor, zone } = await actingUser(store, o.as);
          const result = await service.appendEvent(store, deps, actor, ref, { kind, body, occurredAt: o.at ? parseAt(o.at, zone) : undefined });
          process.stdout.write(`${result.incident.ref} #${result.event.seq} ${kind} at ${result.event.occurredAt}\n`);
          printWarnings(result.warnings);
        });
      }),
    );

  incident
    .command('status')
    .description('change an incident’s status (resolved needs impact and checklist, or --override)')
    .argument('<incident>', 'INC-42 or the incident id')
    .argument('<status>', STATUSES.join(', '))
    .option('--as <email>', 'the user changing it; default: the console account (cli:<login>)', emailArg)
    .option('--reason <text>', 'why')
    .option('--override <reason>', 'resolve even though prerequisites are missing, recording why')
    .action(
      action(async (ref: string, status: string, o: { as: string; reason?: string; override?: string }) => {
        if (!(STATUSES as readonly string[]).includes(status)) throw new UsageError(`status must be one of ${STATUSES.join(', ')}`);
        const body = { status, ...(o.reason ? { reason: o.reason } : {}), ...(o.override ? { override: { reason: o.override } } : {}) };
        await withIncidents(async (store, deps) => {
          const { actor } = await actingUser(store, o.as);
          const result = await service.appendEvent(store, deps, actor, ref, { kind: 'status_changed', body });
          process.stdout.write(`${result.incident.ref} is now ${result.state.status} (#${result.event.seq})\n`);
          printWarnings(result.warnings);
        });
      }),
    );

  incident
    .command('handoff')
    .description('print the handoff summary (Markdown, or --json)')
    .argument('<incident>', 'INC-42 or the incident id')
    .option('--as <email>', 'read as this user', emailArg)
    .option('--json', 'print JSON instead of Markdown', false)
    .action(
      action(async (ref: string, o: { as?: string; json: boolean }) => {
        await withStore(async (store) => {
          const { actor } = await actingUser(store, o.as);
          const summary = await reads.getHandoff(store.db, actor, ref);
          process.stdout.write(o.json ? `${JSON.stringify(summary, null, 2)}\n` : handoffMarkdown(summary));
        });
      }),
    );

  incident
    .command('rebuild')
    .description('recompute stored projections from their event logs and report what differed')
    .argument('[incident]', 'INC-42 or the incident id')
    .option('--all', 'rebuild every incident', false)
    .action(
      action(async (ref: string | undefined, o: { all: boolean }) => {
        if (!ref === !o.all) throw new UsageError('name one incident (INC-42) or pass --all');
        await withStore(async (store) => {
          const results = await service.rebuildProjections(store, o.all ? 'all' : { idOrRef: ref! });
          for (const r of results) {
            process.stdout.write(r.differences.length === 0 ? `${r.ref}: unchanged\n` : `${r.ref}: rebuilt (differed in ${r.differences.join(', ')})\n`);
          }
          const changed = results.filter((r) => r.differences.length > 0).length;
          process.stdout.write(`${results.length} incident(s) replayed, ${changed} rebuilt\n`);
        });
      }),
    );
}
