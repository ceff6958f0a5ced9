import type { Command } from 'commander';

/** The `firebreak` subcommands of the alerts domain. */
export function registerAlertsCli(_program: Command): void {}
