import type { Command } from 'commander';

/** The `firebreak` subcommands of the incidents domain. */
export function registerIncidentsCli(_program: Command): void {}
