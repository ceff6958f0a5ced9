import type { Command } from 'commander';
import { io } from '../../cli/io.js';
import { action, nonEmptyArg, oneOfArg, printTable, withStore } from '../../cli/support.js';
import { cliActor } from '../auth/identity.js';
import * as chat from './service.js';

interface ConnectOptions {
  provider: 'slack' | 'mattermost';
  name: string;
  botToken?: string;
  signingSecret?: string;
  commandToken?: string;
  baseUrl?: string;
  teamId?: string;
  teamName?: string;
  pageChannel?: string;
}

/** The `firebreak chat ...` subcommands: connect, test, list, manifest and disconnect workspaces. */
export function registerChatCli(program: Command): void {
  const command = program.command('chat').description('connect Slack and Mattermost: pages, incident channels and /firebreak');

  command
    .command('connect')
    .description('connect a Slack workspace or Mattermost team (the token is checked with the vendor first); tokens are read from the environment when not given')
    .requiredOption('--provider <provider>', 'slack | mattermost', oneOfArg(['slack', 'mattermost'] as const, '--provider'))
    .requiredOption('--name <name>', 'a name for this workspace', nonEmptyArg('--name'))
    .option('--bot-token <token>', 'the bot token (default: $FIREBREAK_CHAT_BOT_TOKEN)')
    .option('--signing-secret <secret>', 'Slack: the app signing secret (default: $FIREBREAK_CHAT_SIGNING_SECRET)')
    .option('--command-token <token>', 'Mattermost: the /firebreak slash command token (default: $FIREBREAK_CHAT_COMMAND_TOKEN)')
    .option('--base-url <url>', 'Mattermost: the server URL; Slack: the Web API base (default FIREBREAK_SLACK_API_URL)')
    .option('--team-id <id>', 'Mattermost: the team id')
    .option('--team-name <name>', 'Mattermost: the team name as in its URLs')
    .option('--page-channel <id>', 'a channel id where pages are posted too')
    .action(
      action(async (options: ConnectOptions) => {
        await withStore(async (store, config) => {
          const view = await chat.connectWorkspace(store, config, cliActor(), {
            provider: options.provider,
            name: options.name,
            botToken: options.botToken ?? io.env.FIREBREAK_CHAT_BOT_TOKEN,
            signingSecret: options.signingSecret ?? io.env.FIREBREAK_CHAT_SIGNING_SECRET,
            commandToken: options.commandToken ?? io.env.FIREBREAK_CHAT_COMMAND_TOKEN,
            baseUrl: options.baseUrl,
            teamId: options.teamId,
            teamName: options.teamName,
            pageChannelId: options.pageChannel,
          });
          io.out(`connected ${view.provider} team ${view.teamId} as ${view.name}\n${view.id}\n${view.missing.map((m) => `missing: ${m}\n`).join('')}`);
        });
      }),
    );

  command
    .command('list')
    .description('connected workspaces and what each still needs')
    .action(
      action(async () => {
        await withStore(async (store, config) => {
          const rows = await chat.listWorkspaces(store.db, config);
          printTable(rows.map((w) => ({ id: w.id, provider: w.provider, name: w.name, team: w.teamId, 'last test': w.lastTestError ? `failed: ${w.lastTestError}` : (w.lastTestAt ?? 'never'), missing: w.missing.length ? w.missing.join('; ') : '-' })));
        });
      }),
    );

  command
    .command('test <id>')
    .description('check the bot token with the vendor now')
    .action(
      action(async (id: string) => {
        await withStore(async (store, config) => {
          const result = await chat.testWorkspace(store, config, id);
          io.out(`${result.ok ? `ok: connected to ${result.team}` : 'failed'}\n${result.missing.map((m) => `missing: ${m}\n`).join('')}`);
          if (!result.ok) process.exitCode = 1;
        });
      }),
    );

  command
    .command('manifest')
    .description('print the Slack app manifest (JSON) with this server’s URLs, to paste at api.slack.com/apps')
    .action(
      action(async () => {
        await withStore(async (_store, config) => {
          io.out(`${JSON.stringify(chat.slackManifest(config), null, 2)}\n`);
        });
      }),
    );

  command
    .command('disconnect <id>')
    .description('disconnect a workspace (its channels stay in chat)')
    .action(
      action(async (id: string) => {
        await withStore(async (store) => {
          await chat.disconnectWorkspace(store, cliActor(), id);
          io.out(`disconnected ${id}\n`);
        });
      }),
    );
}
