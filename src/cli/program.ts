import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { registerServe } from './serve.js';
import { registerUserCommands } from './users.js';
import { io } from './io.js';
import { registerIncidentsCli } from '../domains/incidents/cli.js';
import { registerNotifyCli } from '../domains/notify/cli.js';
import { registerCatalogCli } from '../domains/catalog/cli.js';
import { registerAlertsCli } from '../domains/alerts/cli.js';
import { registerOncallCli } from '../domains/oncall/schedule-cli.js';
import { registerPagingCli } from '../domains/oncall/page-cli.js';
import { registerPostmortemsCli } from '../domains/postmortems/cli.js';
import { registerChangesCli } from '../domains/changes/cli.js';
import { registerStatuspageCli } from '../domains/statuspage/cli.js';
import { registerRunbooksCli } from '../domains/runbooks/cli.js';
import { registerDrillsCli } from '../domains/drills/cli.js';
import { registerHooksCli } from '../domains/hooks/cli.js';
import { registerManifestCli } from '../domains/manifest/cli.js';

const { version } = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * The `firebreak` command line. `inProcess` makes usage errors throw instead
 * of exiting, for tests that run commands without spawning a process.
 */
export function buildProgram(options: { inProcess?: boolean } = {}): Command {
  const program = new Command('firebreak')
    .description('Firebreak: alert intake, incident command (timeline, roles, handoff), a service catalog, on-call schedules and a public status page, in one program with one database')
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
  registerServe(program);
  registerUserCommands(program);
  registerIncidentsCli(program);
  registerNotifyCli(program);
  registerCatalogCli(program);
  registerAlertsCli(program);
  registerOncallCli(program);
  registerPagingCli(program);
  registerPostmortemsCli(program);
  registerChangesCli(program);
  registerStatuspageCli(program);
  registerRunbooksCli(program);
  registerDrillsCli(program);
  registerHooksCli(program);
  registerManifestCli(program);
  return program;
}

/** `incident log --help KIND` shows that kind's form: commander would print the generic help and stop. */
export function rewriteKindHelp(argv: string[]): string[] {
  const log = argv.indexOf('log');
  const help = argv.findIndex((a, i) => i > log && (a === '--help' || a === '-h'));
  if (log < 1 || argv[log - 1] !== 'incident' || help < 0) return argv;
  const kind = argv.slice(log + 1).find((a, i) => log + 1 + i !== help && !a.startsWith('-') && !/^(inc-)?\d+$/i.test(a) && !/^[0-9a-f-]{36}$/i.test(a));
  return kind ? [...argv.slice(0, log), 'kinds', kind] : argv;
}
