import type { Command } from 'commander';

/** The `firebreak` subcommands of the notify domain. */
export function registerNotifyCli(_program: Command): void {}
