import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { io } from './io.js';

const { version } = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };

type Register = (program: Command) => void;

/**
 * The command groups, each loaded only when one of its commands runs: the
 * top-level names and descriptions are here, so `firebreak --help` answers
 * without importing the server, the database drivers and every domain.
 * (test/cli/lazy-commands.test.ts checks this table against the modules.)
 */
export const COMMAND_GROUPS: ReadonlyArray<{ commands: Readonly<Record<string, string>>; load(): Promise<Register[]> }> = [
  {
    commands: { serve: 'run Firebreak: the HTTP API and the job worker (both by default)', migrate: 'apply pending database migrations (or revert the latest with --down) and exit' },
    load: async () => [(await import('./serve.js')).registerServe],
  },
  { commands: { user: 'manage users', token: 'manage API tokens' }, load: async () => [(await import('./users.js')).registerUserCommands] },
  {
    commands: { incident: 'declare incidents, log typed events to their timelines (see `incident kinds`), read them' },
    load: async () => [(await import('../domains/incidents/cli.js')).registerIncidentsCli, (await import('../domains/notify/cli.js')).registerNotifyCli],
  },
  { commands: { service: 'manage the service catalog' }, load: async () => [(await import('../domains/catalog/cli.js')).registerCatalogCli] },
  {
    commands: { alert: 'list, acknowledge, resolve and silence alerts; send test alerts', integration: "manage a service's alert integrations" },
    load: async () => [(await import('../domains/alerts/cli.js')).registerAlertsCli],
  },
  { commands: { oncall: 'on-call schedules: who is on call, shifts, overrides, calendar feeds' }, load: async () => [(await import('../domains/oncall/schedule-cli.js')).registerOncallCli] },
  {
    commands: {
      page: 'page a person, a schedule or a team into an incident, with a reason (recorded on its timeline)',
      ack: "acknowledge by a page's link (or its token), or an alert group by id: the escalation stops at once",
      'escalation-policy': 'escalation policies',
      contact: "a person's contact methods",
    },
    load: async () => [(await import('../domains/oncall/page-cli.js')).registerPagingCli],
  },
  { commands: { postmortem: 'Postmortems drafted from the incident timeline', actions: 'Postmortem action items' }, load: async () => [(await import('../domains/postmortems/cli.js')).registerPostmortemsCli] },
  { commands: { change: 'record and list change events (deploys, config, flags, migrations, infrastructure)' }, load: async () => [(await import('../domains/changes/cli.js')).registerChangesCli] },
  { commands: { 'status-page': 'status pages: list them, set a component state, draft an update' }, load: async () => [(await import('../domains/statuspage/cli.js')).registerStatuspageCli] },
  { commands: { runbook: 'runbooks: list, show, create, record a test, and the rot report' }, load: async () => [(await import('../domains/runbooks/cli.js')).registerRunbooksCli] },
  { commands: { drill: 'drills and game days: synthetic alerts through the real intake, measured against goals' }, load: async () => [(await import('../domains/drills/cli.js')).registerDrillsCli] },
  { commands: { webhook: 'outgoing incident webhooks: incident facts as signed CloudEvents' }, load: async () => [(await import('../domains/hooks/cli.js')).registerHooksCli] },
  { commands: { export: 'print the configuration (services, integrations without keys, schedules, escalation policies) as YAML', apply: 'make the server match a configuration file: create and update (delete only with --prune); --plan only shows the changes and exits 2 when there are some', import: 'import from another vendor' }, load: async () => [(await import('../domains/manifest/cli.js')).registerManifestCli] },
  { commands: { chat: 'connect Slack and Mattermost: pages, incident channels and /firebreak' }, load: async () => [(await import('../domains/chat/cli.js')).registerChatCli] },
  { commands: { tracker: "postmortem action items as issues in the team's tracker (GitHub Issues, Jira Cloud)" }, load: async () => [(await import('../domains/trackers/cli.js')).registerTrackersCli] },
];

/** The command a command line runs ("incident" in `firebreak --verbose incident list`, "user" in `firebreak help user`). */
export function commandOf(argv: readonly string[]): string | undefined {
  const words = argv.slice(2).filter((a) => !a.startsWith('-'));
  return words[0] === 'help' ? words[1] : words[0];
}

/**
 * The `firebreak` command line. Only the group of the command being run is
 * loaded (`all` loads every group); the others stand as names with their
 * descriptions for the help. `inProcess` makes usage errors throw instead of
 * exiting, for tests that run commands without spawning a process.
 */
export async function buildProgram(options: { inProcess?: boolean; argv?: readonly string[]; all?: boolean } = {}): Promise<Command> {
  const program = new Command('firebreak')
    .description(DESCRIPTION)
    .version(version, '-V, --version-flag')
    .option('--verbose', 'say which database the command opened')
    .showHelpAfterError()
    .configureOutput({ writeOut: (text) => io.out(text), writeErr: (text) => io.err(text), outputError: (text, write) => write(text) });
  if (options.inProcess) program.exitOverride();
  program.hook('preAction', (cmd) => {
    io.verbose = Boolean(cmd.optsWithGlobals<{ verbose?: boolean }>().verbose);
  });
  program.command('version').description('print the version').action(() => {
    io.out(`firebreak ${version}\n`);
  });
  const wanted = options.argv ? commandOf(options.argv) : undefined;
  for (const group of COMMAND_GROUPS) {
    if (options.all || (wanted !== undefined && wanted in group.commands)) {
      for (const register of await group.load()) register(program);
    } else {
      for (const [name, description] of Object.entries(group.commands)) program.command(name).description(description);
    }
  }
  return program;
}

export const DESCRIPTION = 'Firebreak: alert intake, incident command (timeline, roles, handoff), a service catalog, on-call schedules and a public status page, in one program with one database';

/** `incident log --help KIND` shows that kind's form: commander would print the generic help and stop. */
export function rewriteKindHelp(argv: string[]): string[] {
  const log = argv.indexOf('log');
  const help = argv.findIndex((a, i) => i > log && (a === '--help' || a === '-h'));
  if (log < 1 || argv[log - 1] !== 'incident' || help < 0) return argv;
  const kind = argv.slice(log + 1).find((a, i) => log + 1 + i !== help && !a.startsWith('-') && !/^(inc-)?\d+$/i.test(a) && !/^[0-9a-f-]{36}$/i.test(a));
  return kind ? [...argv.slice(0, log), 'kinds', kind] : argv;
}
