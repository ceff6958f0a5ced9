import type { Command } from 'commander';
import { action, emailArg, integerArg, nonEmptyArg, oneOfArg, printTable, UsageError, withStore, cliNow } from '../../cli/support.js';
import { parseWhen } from '../../cli/when.js';
import { io } from '../../cli/io.js';
import { actingUser } from '../../cli/acting.js';
import { personByEmailOrName, projectionChange, withIncidents } from './cli-support.js';
import { registerLogCommand } from './cli-log.js';
import { handoffMarkdown } from './handoff.js';
import { SEVERITIES, STATUSES, type Severity, type Status } from './model.js';
import * as reads from './reads.js';
import * as service from './service.js';
import { PERSON_KINDS } from './validate.js';
import { readerClock, triageText } from './cli-read.js';
import { contributedPagingSummary } from './contributions.js';
import { timelineLine } from './sentences.js';
import { getUser } from '../auth/service.js';
import type { Db } from '../../db/schema.js';

/** Names of people by user id, looked up once each; anything else (a label) as it is. */
function namer(db: Db): (id: string) => Promise<string> {
  const known = new Map<string, Promise<string>>();
  return (id) => {
    if (!known.has(id)) known.set(id, getUser(db, id).then((u) => u.name, () => id));
    return known.get(id)!;
  };
}

/** The `firebreak incident ...` subcommands. */
export function registerIncidentsCli(program: Command): void {
  const incident = program.command('incident').description('declare incidents, log typed events to their timelines (see `incident kinds`), read them');

  incident
    .command('declare')
    .description('declare an incident; prints its reference and id (warns about an open incident with the same title from the last hour)')
    .option('--as <email>', 'the user declaring (becomes commander unless --commander); default: the console account', emailArg)
    .requiredOption('--title <title>', 'what is wrong, in a few words', nonEmptyArg('--title'))
    .requiredOption('--severity <sev>', SEVERITIES.join(', '), oneOfArg(SEVERITIES, '--severity'))
    .option('--impact <text>', 'plain-language impact statement')
    .option('--service <name-or-id>', 'affected service from the catalog (repeatable)', (v: string, all: string[] = []) => [...all, v])
    .option('--commander <email>', 'someone else to command', emailArg)
    .option('--private', 'visible to members and admins only', false)
    .option('--drill', 'a practice incident', false)
    .option('--dry-run', 'show what would be declared; write nothing', false)
    .action(
      action(async (o: { as: string; title: string; severity: Severity; impact?: string; service?: string[]; commander?: string; private: boolean; drill: boolean; dryRun: boolean }) => {
        await withIncidents(async (store, deps, now) => {
          const { actor } = await actingUser(store, o.as);
          const commander = o.commander ? (await personByEmailOrName(store, o.commander, '--commander')).userId : undefined;
          for (const twin of await service.findRecentNamesakes(store.db, o.title, now)) {
            io.err(`warning: ${twin.ref} "${twin.title}" was declared at ${twin.declaredAt} and is still open; is this the same incident? (see \`firebreak incident show ${twin.ref}\`)\n`);
          }
          const declared = await service.declareOrPreview(store, deps, actor, {
            title: o.title,
            severity: o.severity,
            ...(o.impact ? { impact: o.impact } : {}),
            services: o.service ?? [],
            private: o.private,
            drill: o.drill,
            ...(commander ? { commanderId: commander } : {}),
          }, { dryRun: o.dryRun });
          if (o.dryRun) return void io.out(`dry run, nothing written: would declare ${declared.ref} (${declared.state.severity}) ${declared.state.title}\n${projectionChange(undefined, declared.state).join('\n')}\n`);
          io.out(`declared ${declared.ref} (${declared.state.severity}) ${declared.state.title}\n${declared.id}\n`);
        });
      }),
    );

  incident
    .command('list')
    .description('list incidents, newest first; FLAGS shows private, drill and overdue (an update is due and not posted)')
    .option('--as <email>', 'list what this user may see (default: everything)', emailArg)
    .option('--status <status>', `${STATUSES.join(', ')} or open`, oneOfArg([...STATUSES, 'open'] as const, '--status'))
    .option('--severity <sev>', SEVERITIES.join(', '), oneOfArg(SEVERITIES, '--severity'))
    .option('--service <id>', 'affected service id')
    .option('--drill', 'drills only')
    .option('--query <text>', 'text in the title')
    .option('--limit <n>', 'how many', integerArg('--limit', 1, 500), 50)
    .action(
      action(async (o: { as?: string; status?: Status | 'open'; severity?: Severity; service?: string; drill?: boolean; query?: string; limit: number }) => {
        await withStore(async (store, config) => {
          const { actor, zone } = await actingUser(store, o.as);
          const page = await reads.listIncidents(store.db, actor, { status: o.status, severity: o.severity, service: o.service, drill: o.drill, q: o.query, limit: o.limit }, cliNow(config));
          if (page.incidents.length === 0) return void io.out('no incidents\n');
          const clock = readerClock(zone);
          const rows = [];
          for (const i of page.incidents) {
            const state = await reads.getIncident(store.db, actor, i.ref, cliNow(config));
            rows.push({
              ref: i.ref,
              sev: i.severity,
              status: i.status,
              title: i.title,
              commander: i.commander?.label ?? '',
              triage: state.triage.pending ? 'pending' : '-',
              paging: (await contributedPagingSummary(store.db, actor, state.id, clock)).short,
              declared: clock(i.declaredAt),
              flags: [i.private ? 'private' : '', i.drill ? 'drill' : '', i.updateOverdue ? 'overdue' : ''].filter(Boolean).join(','),
            });
          }
          printTable(rows);
          io.out(`times in ${zone}\n`);
        });
      }),
    );

  incident
    .command('show')
    .description('show an incident: state, services, hypotheses, mitigations, actions and what the shared picture lacks')
    .argument('<incident>', 'INC-42, inc-42, 42 or the incident id')
    .option('--as <email>', 'read as this user', emailArg)
    .option('--json', 'print the whole state as JSON', false)
    .action(
      action(async (ref: string, o: { as?: string; json: boolean }) => {
        await withStore(async (store, config) => {
          const { actor, zone } = await actingUser(store, o.as);
          const s = await reads.getIncident(store.db, actor, ref, cliNow(config));
          if (o.json) return void io.out(`${JSON.stringify(s, null, 2)}\n`);
          const actions = await reads.getActions(store.db, actor, ref);
          const names = await service.serviceNames(store.db, s.services);
          const clock = readerClock(zone);
          const paging = await contributedPagingSummary(store.db, actor, s.id, clock);
          const lines = [
            `${s.ref} ${s.title}${s.drill ? ' (drill)' : ''}${s.private ? ' (private)' : ''}`,
            `severity  ${s.severity}`,
            `status    ${s.status}`,
            `services  ${names.join(', ') || 'none'}`,
            `roles     ${s.roles.map((r) => `${r.specialty ?? r.role}: ${r.label}`).join('; ') || 'none'}`,
            `impact    ${s.impact?.statement ?? 'not stated'}`,
            `declared  ${clock(s.keyTimes.declaredAt)} (times in ${zone})`,
            `triage    ${triageText(s, clock)}`,
            `paging    ${paging.short}`,
            ...paging.lines.map((l) => `  ${l}`),
            `next update due  ${s.nextUpdateDue ? clock(s.nextUpdateDue) : 'no cadence'}${s.updateOverdue ? ' (overdue)' : ''}`,
            `shared picture   ${s.sharedPicture.has ? `yes, since ${clock(s.sharedPicture.firstAt!)}` : `no (missing: ${s.sharedPicture.missing.join(', ')})`}`,
            `hypotheses`,
            ...s.hypotheses.confirmed.map((h) => `  #${h.seq} confirmed: ${h.text}`),
            ...s.hypotheses.open.map((h) => `  #${h.seq} open: ${h.text}`),
            ...(s.investigating ? [`  none yet; investigating ${s.investigating.text} (#${s.investigating.seq})`] : []),
            ...(s.counts.hypothesesRejected ? [`  ${s.counts.hypothesesRejected} ruled out (see \`incident timeline ${s.ref} --kind hypothesis_rejected\`)`] : []),
            `mitigations`,
            ...s.mitigations.active.map((m) => `  #${m.seq} in flight: ${m.action}; expect ${m.expectedSignal} by ${clock(m.deadline)}${m.deadlinePassed ? ' (deadline passed)' : ''}`),
            ...(s.mitigations.lastSettled ? [`  #${s.mitigations.lastSettled.seq} ${s.mitigations.lastSettled.outcome}: ${s.mitigations.lastSettled.action} (${s.mitigations.lastSettled.observed})`] : []),
            `next decision    ${s.nextDecision ? `${s.nextDecision.decision} (${s.nextDecision.owner.label}, by ${clock(s.nextDecision.dueAt)})` : 'none named'}`,
            `unsafe    ${s.unsafeActions.map((u) => `#${u.seq} ${u.action}: ${u.reason}`).join('; ') || (s.unsafeActionsReviewed?.noneKnown ? 'none known' : 'not reviewed')}`,
            `actions`,
            ...actions.map((a) => `  #${a.seq} ${clock(a.at)} ${a.action}${a.result ? ` -> ${a.result}` : ''}`),
            `events    ${s.lastSeq}`,
            ...s.warnings.map((w) => `warning   ${w.message}`),
          ];
          io.out(`${lines.join('\n')}\n`);
        });
      }),
    );

  registerLogCommand(incident);

  incident
    .command('status')
    .description('change an incident’s status (resolved needs impact and checklist, or --override)')
    .argument('<incident>', 'INC-42, inc-42, 42 or the incident id')
    .argument('<status>', STATUSES.join(', '))
    .option('--as <email>', 'the user changing it; default: the console account (cli:<login>)', emailArg)
    .option('--reason <text>', 'why')
    .option('--override <reason>', 'resolve even though prerequisites are missing, recording why')
    .option('--dry-run', 'show the resulting change; write nothing', false)
    .action(
      action(async (ref: string, status: string, o: { as: string; reason?: string; override?: string; dryRun: boolean }) => {
        const body = { status, ...(o.reason ? { reason: o.reason } : {}), ...(o.override ? { override: { reason: o.override } } : {}) };
        await withIncidents(async (store, deps) => {
          const { actor } = await actingUser(store, o.as);
          const before = o.dryRun ? await reads.getIncident(store.db, actor, ref) : undefined;
          const result = await service.appendEvent(store, deps, actor, ref, { kind: 'status_changed', body }, { dryRun: o.dryRun });
          if (o.dryRun) io.out(`dry run, nothing written: ${result.incident.ref} would be ${result.state.status} (#${result.event.seq})\n${projectionChange(before, result.state).join('\n')}\n`);
          else io.out(`${result.incident.ref} is now ${result.state.status} (#${result.event.seq})\n`);
          for (const w of result.warnings) io.err(`warning: ${w}\n`);
        });
      }),
    );

  incident
    .command('timeline')
    .description('print the timeline, oldest first')
    .argument('<incident>', 'INC-42, inc-42, 42 or the incident id')
    .option('--as <email>', 'read as this user', emailArg)
    .option('--kind <kind>', 'only this kind (repeatable)', (v: string, all: string[] = []) => [...all, v])
    .option('--since <time>', 'only what happened since: 30m, 2h, 23:50 or ISO')
    .option('--limit <n>', 'how many', integerArg('--limit', 1, 10_000), 1000)
    .option('--json', 'print the events as JSON', false)
    .action(
      action(async (ref: string, o: { as?: string; kind?: string[]; since?: string; limit: number; json: boolean }) => {
        await withStore(async (store, config) => {
          const { actor, zone } = await actingUser(store, o.as);
          for (const k of o.kind ?? []) oneOfArg(PERSON_KINDS.concat(['declared', 'reminder', 'alert_attached'] as never[]), '--kind')(k);
          let since: string | undefined;
          try {
            since = o.since ? parseWhen(o.since, zone, cliNow(config), 'past', '--since') : undefined;
          } catch (err) {
            throw new UsageError((err as Error).message);
          }
          const { events } = await reads.getTimeline(store.db, actor, ref, { kinds: o.kind, occurredSince: since, limit: o.limit });
          if (o.json) return void io.out(`${JSON.stringify(events, null, 2)}\n`);
          if (events.length === 0) return void io.out('no events\n');
          // Sentences for people, in the reader's zone (named once); --json keeps the data for machines.
          const clock = readerClock(zone);
          io.out(`times in ${zone}\n`);
          const names = namer(store.db);
          for (const e of events) io.out(`${timelineLine({ ...e, actorLabel: e.actorId ? await names(e.actorId) : e.actorLabel }, clock)}\n`);
        });
      }),
    );

  incident
    .command('handoff')
    .description('print the handoff summary (Markdown, or --json)')
    .argument('<incident>', 'INC-42, inc-42, 42 or the incident id')
    .option('--as <email>', 'read as this user', emailArg)
    .option('--json', 'print JSON instead of Markdown', false)
    .action(
      action(async (ref: string, o: { as?: string; json: boolean }) => {
        await withStore(async (store, config) => {
          const { actor } = await actingUser(store, o.as);
          const summary = await reads.getHandoff(store.db, actor, ref, cliNow(config), { maxUntestedDays: config.runbookMaxUntestedDays });
          io.out(o.json ? `${JSON.stringify(summary, null, 2)}\n` : handoffMarkdown(summary));
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
            io.out(r.differences.length === 0 ? `${r.ref}: unchanged\n` : `${r.ref}: rebuilt (differed in ${r.differences.join(', ')})\n`);
          }
          const changed = results.filter((r) => r.differences.length > 0).length;
          io.out(`${results.length} incident(s) replayed, ${changed} rebuilt\n`);
        });
      }),
    );
}
