/** `firebreak incident log` (every kind with words and flags, or --body JSON) and `firebreak incident kinds`. */
import { Option, type Command } from 'commander';
import { action, emailArg, UsageError } from '../../cli/support.js';
import { parseWhen } from '../../cli/when.js';
import { io } from '../../cli/io.js';
import { actingUser } from '../../cli/acting.js';
import { collect, parseJsonObject, personByEmailOrName, printWarnings, projectionChange, withIncidents } from './cli-support.js';
import { ALL_FORM_FLAGS, buildFromForm, FORMS, formFor, formHelp } from './cli-forms.js';
import { KIND_DOCS } from './event-docs.js';
import * as reads from './reads.js';
import * as service from './service.js';

interface LogOptions {
  as?: string;
  at?: string;
  body?: Record<string, unknown>;
  dryRun: boolean;
  force: boolean;
  [flag: string]: unknown;
}

/** Commander's camelCase option keys back to the form's flag names. */
const FLAG_KEYS = new Map(ALL_FORM_FLAGS.map((fl) => [fl.flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()), fl.flag] as const));

function kindsListing(): string {
  return FORMS.map((form) => `${(form.alias ? `${form.alias} (${form.kind})` : form.kind).padEnd(44)} ${KIND_DOCS[form.kind as keyof typeof KIND_DOCS]?.summary ?? ''}`).join('\n');
}

/** One kind: its words and flags, its API body with an example. */
export function kindHelp(word: string): string {
  const form = formFor(word);
  const doc = KIND_DOCS[form.kind as keyof typeof KIND_DOCS];
  return [
    `${form.kind}: ${doc.summary}`,
    '',
    formHelp(form),
    '  --at <time>  when it happened: 23:50 (the most recent), 15m (ago) or ISO; --force if more than a day before the declaration',
    '  --dry-run    show the resulting change; write nothing',
    '',
    `example: firebreak incident log INC-4 ${doc.cli.map((w) => (/\s|^$/.test(w) ? JSON.stringify(w) : w)).join(' ')}`,
    '',
    'API body fields:',
    ...Object.entries(doc.fields).map(([field, text]) => `  ${field}: ${text}`),
    `API example: ${JSON.stringify({ kind: form.kind, body: doc.example })}`,
    '',
  ].join('\n');
}

export function registerLogCommand(incident: Command): void {
  incident
    .command('kinds')
    .description('list the event kinds people log, or show one: `incident kinds decision` (same as `incident log --help decision`)')
    .argument('[kind]', 'a kind to show')
    .action(
      action(async (kind: string | undefined) => {
        io.out(kind ? kindHelp(kind) : `${kindsListing()}\n\nShow one with: firebreak incident log --help KIND\n`);
      }),
    );

  const log = incident
    .command('log')
    .description('append an event to the timeline; `firebreak incident kinds` lists kinds, `incident log --help KIND` shows one')
    .argument('<incident>', 'INC-42, inc-42, 42 or the incident id')
    .argument('<kind>', 'event kind or its short name: decision, mitigation, impact, role, check, …')
    .argument('[words...]', 'the kind’s words, e.g. the text, a role and an email, a check and its result')
    .option('--as <email>', 'the user logging it; default: the console account (cli:<login>)', emailArg)
    .option('--at <time>', 'when it happened: 23:50 (the most recent in your zone), 15m (ago), or ISO (zone-less means yours)')
    .option('--force', 'accept --at more than a day before the incident was declared', false)
    .option('--body <json>', 'the event body as a JSON object (for scripts; words and flags complete it)', parseJsonObject)
    .option('--dry-run', 'show the resulting change; write nothing', false);
  for (const fl of ALL_FORM_FLAGS) {
    const option = fl.sets !== undefined ? new Option(`--${fl.flag}`, fl.help) : new Option(`--${fl.flag} <value>`, fl.help).argParser(collect);
    log.addOption(option);
  }
  log.action(
    action(async (ref: string, word: string, words: string[], o: LogOptions) => {
      const form = formFor(word);
      const flags: Record<string, string[] | true> = {};
      for (const [key, value] of Object.entries(o)) {
        const flag = FLAG_KEYS.get(key);
        if (flag && value !== undefined) flags[flag] = value as string[] | true;
      }
      await withIncidents(async (store, deps, now) => {
        const { actor, zone } = await actingUser(store, o.as);
        let occurredAt: string | undefined;
        try {
          occurredAt = o.at ? parseWhen(o.at, zone, now, 'past', '--at') : undefined;
        } catch (err) {
          throw new UsageError((err as Error).message);
        }
        const before = await reads.getIncident(store.db, actor, ref, now);
        const built = await buildFromForm(form, words, flags, o.body ?? {}, {
          zone,
          now,
          person: (value, field) => personByEmailOrName(store, value, field),
          checklist: before.checklist.items,
        });
        const result = await service.appendEvent(store, deps, actor, ref, { kind: built.kind, body: built.body, occurredAt, force: o.force }, { dryRun: o.dryRun });
        if (o.dryRun) {
          io.out(`dry run, nothing written: ${result.incident.ref} #${result.event.seq} ${built.kind} at ${result.event.occurredAt}\n${JSON.stringify(result.event.body)}\n${projectionChange(before, result.state).join('\n')}\n`);
          if (built.followUps.length) io.out(`(then ${built.followUps.map((e) => e.kind).join(', ')})\n`);
        } else {
          io.out(`${result.incident.ref} #${result.event.seq} ${built.kind} at ${result.event.occurredAt}\n`);
          for (const next of built.followUps) {
            const more = await service.appendEvent(store, deps, actor, ref, { kind: next.kind, body: next.body, occurredAt, force: o.force });
            io.out(`${more.incident.ref} #${more.event.seq} ${next.kind} at ${more.event.occurredAt}\n`);
          }
        }
        printWarnings(result.warnings);
      });
    }),
  );
}
