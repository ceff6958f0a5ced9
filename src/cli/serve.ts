import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { loadConfig } from '../config.js';
import { createLogger } from '../app/logger.js';
import { PROCESS_ROLES, startFirebreak, type ProcessRole } from '../app/process.js';
import { Store } from '../db/store.js';
import { action } from './support.js';

function parseRoles(value: string): ProcessRole[] {
  const roles = value.split(',').map((r) => r.trim()).filter(Boolean);
  if (roles.length === 0) throw new InvalidArgumentError('give at least one role');
  for (const role of roles) {
    if (!(PROCESS_ROLES as readonly string[]).includes(role)) throw new InvalidArgumentError(`unknown role "${role}"; roles are ${PROCESS_ROLES.join(', ')}`);
  }
  return [...new Set(roles)] as ProcessRole[];
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run Firebreak: the HTTP API and the job worker (both by default)')
    .option('--roles <roles>', `comma-separated roles: ${PROCESS_ROLES.join(',')}`, parseRoles, [...PROCESS_ROLES])
    .action(
      action(async (options: { roles: ProcessRole[] }) => {
        const config = loadConfig();
        const logger = createLogger(config.logLevel);
        const running = await startFirebreak(config, { roles: options.roles, logger });
        // The readiness line: printed once the process serves (tests and supervisors wait on it, and read the port from it).
        process.stderr.write(running.url ? `Firebreak is listening on ${running.url}\n` : `Firebreak is running (roles: ${options.roles.join(',')})\n`);
        let stopping = false;
        const shutdown = (signal: string) => {
          if (stopping) return;
          stopping = true;
          logger.info({ signal }, 'shutting down: finishing in-flight requests and jobs');
          const hardStop = setTimeout(() => {
            logger.error('shutdown grace period passed; exiting');
            running.worker?.abortRunning();
            process.exit(1);
          }, config.shutdownTimeoutSeconds * 1000);
          hardStop.unref();
          running.close().then(
            () => {
              logger.info('stopped cleanly');
              logger.flush?.();
              process.exitCode = 0;
            },
            (err: unknown) => {
              logger.error({ err }, 'shutdown failed');
              process.exit(1);
            },
          );
        };
        process.on('SIGTERM', () => shutdown('SIGTERM'));
        process.on('SIGINT', () => shutdown('SIGINT'));
      }),
    );

  program
    .command('migrate')
    .description('apply pending database migrations (or revert the latest with --down) and exit')
    .option('--down', 'revert the most recent migration')
    .action(
      action(async (options: { down?: boolean }) => {
        const config = loadConfig();
        const store = Store.open({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 1 });
        try {
          if (options.down) {
            const name = await store.migrateDown();
            process.stdout.write(name ? `reverted ${name}\n` : 'nothing to revert\n');
          } else {
            const applied = await store.migrate();
            process.stdout.write(applied.length ? `applied ${applied.join(', ')}\n` : 'database is up to date\n');
          }
        } finally {
          await store.close();
        }
      }),
    );
}
