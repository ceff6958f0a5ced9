import type { Command } from 'commander';

/** The `firebreak` subcommands of the catalog domain. */
export function registerCatalogCli(_program: Command): void {}
