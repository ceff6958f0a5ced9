/** `firebreak page`, `firebreak ack`, `firebreak escalation-policy …` and `firebreak contact …`. */
import { userInfo } from 'node:os';
import { InvalidArgumentError, type Command } from 'commander';
import { io } from '../../cli/io.js';
import { action, emailArg, nonEmptyArg, oneOfArg, printTable, UsageError, withStore } from '../../cli/support.js';
import { actingUser, withJobDeps } from '../../cli/acting.js';
import { notSentReason } from '../notify/capabilities.js';
import type { Db } from '../../db/schema.js';
import { setGroupStatus } from '../alerts/service.js';
import { cliActor } from '../auth/identity.js';
import { findUserByEmail, getUser } from '../auth/service.js';
import { listTeams } from '../auth/teams.js';
import { actOnLink } from './ack-links-service.js';
import { addContactMethod, listContactMethods, verifyContactMethod } from './contact-service.js';
import { createPolicy, listPolicies, pageIntoIncident, takeCommandIfNone } from './escalation-service.js';
import type { EscalationStep, EscalationTarget, TargetType } from './escalation-policy.js';
import type { ContactKind } from './paging-tables.js';
import { getSchedule } from './schedule-service.js';

/** A target named by email, schedule name, team name or id. */
async function resolveTarget(db: Db, type: TargetType, name: string): Promise<EscalationTarget> {
  if (type === 'user') {
    const user = name.includes('@') ? await findUserByEmail(db, name) : await getUser(db, name).catch(() => undefined);
    if (!user) throw new UsageError(`no user ${name}`);
    return { type, id: user.id };
  }
  if (type === 'schedule') return { type, id: (await getSchedule(db, name)).id };
  const team = (await listTeams(db)).find((t) => t.id === name || t.name === name);
  if (!team) throw new UsageError(`no team ${name}`);
  return { type, id: team.id };
}

/** `--step 300:schedule=primary,user=ana@example.com` → delay and named targets. */
function stepArg(value: string, previous: Array<{ delay: number; targets: Array<[TargetType, string]> }> = []) {
  const match = /^(\d{1,5}):(.+)$/.exec(value);
  if (!match) throw new InvalidArgumentError('give a step as <delaySeconds>:<type>=<name>[,<type>=<name>…]');
  const targets = match[2]!.split(',').map((part): [TargetType, string] => {
    const [type, name] = part.split('=');
    if (!name || !['user', 'schedule', 'team'].includes(type!)) throw new InvalidArgumentError(`"${part}": a target is user=<email>, schedule=<name> or team=<name>`);
    return [type as TargetType, name];
  });
  return [...previous, { delay: Number(match[1]), targets }];
}

/** The token of a page link (its URL, or the 22-character token alone); undefined for anything else, such as an alert group's id. */
function linkToken(value: string): string | undefined {
  const trimmed = value.trim();
  return /\/p\/([A-Za-z0-9_-]{22})$/.exec(trimmed)?.[1] ?? (/^[A-Za-z0-9_-]{22}$/.test(trimmed) ? trimmed : undefined);
}

export function registerPagingCli(program: Command): void {
  program
    .command('page')
    .description('page a person, a schedule or a team into an incident, with a reason (recorded on its timeline)')
    .option('--user <email>', 'the person to page')
    .option('--schedule <name>', 'page whoever is on call on this schedule')
    .option('--team <name>', "page the team's members")
    .requiredOption('--incident <ref>', 'the incident, e.g. INC-42', nonEmptyArg('an incident'))
    .requiredOption('--reason <text>', 'why (missing authority, expertise, capacity…)', nonEmptyArg('a reason'))
    .option('--as <email>', 'the responder paging; default: the console account', emailArg)
    .action(
      action(async (opts: { user?: string; schedule?: string; team?: string; incident: string; reason: string; as?: string }) => {
        const named = (['user', 'schedule', 'team'] as const).filter((k) => opts[k] !== undefined);
        if (named.length !== 1) throw new UsageError('name exactly one of --user, --schedule or --team');
        await withJobDeps(async (deps) => {
          const target = await resolveTarget(deps.store.db, named[0]!, opts[named[0]!]!);
          const paged = await pageIntoIncident(deps.store, deps, (await actingUser(deps.store, opts.as)).actor, opts.incident, target, opts.reason);
          io.out(`paged (escalation ${paged.escalationId})\n`);
        });
      }),
    );

  program
    .command('ack <link-or-group>')
    .description("acknowledge by a page's link (or its token), or an alert group by id: the escalation stops at once")
    .option('--as <email>', 'who acknowledges an alert group; default: the console account', emailArg)
    .option('--take-command', 'acknowledge and take command of the incident when nobody commands it')
    .action(
      action(async (target: string, opts: { as?: string; takeCommand?: boolean }) => {
        await withJobDeps(async (deps) => {
          const token = linkToken(target);
          if (token) {
            const done = await actOnLink(deps, token, { ip: null, requestId: null }, 'acknowledge', { takeCommand: opts.takeCommand === true });
            io.out(`${done.outcome}\n`);
            return;
          }
          const actor = (await actingUser(deps.store, opts.as)).actor;
          const group = await setGroupStatus(deps, actor, target.trim(), 'acknowledged');
          io.out(`alert group ${group.id}: ${group.status}\n`);
          if (!opts.takeCommand) {
            if (group.incidentRef) io.out(`${group.incidentRef}: to take command as well, run this again with --take-command\n`);
            return;
          }
          if (!group.incidentId) throw new UsageError('this alert group has no incident, so there is no command to take');
          const command = await takeCommandIfNone(deps.store, deps, actor, group.incidentId);
          io.out(command.taken ? `${group.incidentRef}: you command it\n` : `${group.incidentRef}: already commanded by ${(await getUser(deps.store.db, command.commanderId!)).name}\n`);
        });
      }),
    );

  const policies = program.command('escalation-policy').description('escalation policies');
  policies
    .command('list')
    .action(
      action(async () => {
        await withStore(async (store) => {
          printTable((await listPolicies(store.db)).map((p) => ({ id: p.id, name: p.name, steps: String(p.steps.length), repeat: String(p.repeat) })));
        });
      }),
    );
  policies
    .command('create')
    .requiredOption('--name <name>', 'the policy name', nonEmptyArg('a name'))
    .requiredOption('--step <delay:targets>', 'a step, e.g. 0:schedule=primary or 300:user=ana@example.com,team=sre (repeatable)', stepArg)
    .option('--repeat <n>', 'more passes after the first', (v) => Number(v), 0)
    .action(
      action(async (opts: { name: string; step: Array<{ delay: number; targets: Array<[TargetType, string]> }>; repeat: number }) => {
        await withStore(async (store) => {
          const steps: EscalationStep[] = [];
          for (const s of opts.step) steps.push({ delaySeconds: s.delay, targets: await Promise.all(s.targets.map(([type, name]) => resolveTarget(store.db, type, name))) });
          const policy = await createPolicy(store, { ...cliActor(), label: `cli:${userInfo().username}` }, { name: opts.name, steps, repeat: opts.repeat });
          io.out(`${policy.id}\n`);
        });
      }),
    );

  const contact = program.command('contact').description("a person's contact methods");
  contact
    .command('list')
    .requiredOption('--user <email>', 'whose', emailArg)
    .action(
      action(async (opts: { user: string }) => {
        await withStore(async (store) => {
          const user = await findUserByEmail(store.db, opts.user);
          if (!user) throw new UsageError(`no user with email ${opts.user}`);
          printTable((await listContactMethods(store.db, cliActor(), user.id)).map((m) => ({ id: m.id, kind: m.kind, address: m.address, verified: m.verified ? 'yes' : 'no' })));
        });
      }),
    );
  contact
    .command('add')
    .requiredOption('--user <email>', 'whose', emailArg)
    .requiredOption('--kind <kind>', 'email, sms, voice, push, webhook or slack', oneOfArg<ContactKind>(['email', 'sms', 'voice', 'push', 'webhook', 'slack'], 'a kind'))
    .requiredOption('--address <address>', 'email, E.164 number, ntfy topic or URL', nonEmptyArg('an address'))
    .action(
      action(async (opts: { user: string; kind: ContactKind; address: string }) => {
        await withJobDeps(async (deps) => {
          const user = await findUserByEmail(deps.store.db, opts.user);
          if (!user) throw new UsageError(`no user with email ${opts.user}`);
          const method = await addContactMethod(deps.store, deps.jobs, cliActor(), { userId: user.id, kind: opts.kind, address: opts.address });
          io.out(`${method.id} (${notSentReason(deps.config, method.kind) ?? 'a verification code is on its way'})\n`);
        });
      }),
    );
  contact
    .command('verify <id> <code>')
    .action(
      action(async (id: string, code: string) => {
        if (!/^\d{6}$/.test(code)) throw new UsageError('the code has six digits');
        await withStore(async (store) => {
          const method = await verifyContactMethod(store, cliActor(), id, code);
          io.out(`${method.kind} ${method.address} verified\n`);
        });
      }),
    );
}
