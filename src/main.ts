import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { registerServe } from './cli/serve.js';
import { registerUserCommands } from './cli/users.js';
import { registerIncidentsCli } from './domains/incidents/cli.js';
import { registerNotifyCli } from './domains/notify/cli.js';
import { registerCatalogCli } from './domains/catalog/cli.js';
import { registerAlertsCli } from './domains/alerts/cli.js';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/** The `firebreak` command line. */
export function buildProgram(): Command {
  const program = new Command('firebreak')
    .description('Firebreak: alert intake, a service catalog, incident command and notifications in one program')
    .version(version, '-V, --version-flag')
    .showHelpAfterError()
    .configureOutput({ outputError: (text, write) => write(text) });
  program.command('version').description('print the version').action(() => {
    process.stdout.write(`firebreak ${version}\n`);
  });
  registerServe(program);
  registerUserCommands(program);
  registerIncidentsCli(program);
  registerNotifyCli(program);
  registerCatalogCli(program);
  registerAlertsCli(program);
  return program;
}

buildProgram()
  .parseAsync(process.argv)
  .catch((err: unknown) => {
    process.stderr.write(`firebreak: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
