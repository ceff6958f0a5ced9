import type { Command } from 'commander';
import { cliActor, ROLES, type Role } from '../domains/auth/identity.js';
import * as auth from '../domains/auth/service.js';
import { action, emailArg, nonEmptyArg, oneOfArg, printTable, UsageError, withStore } from './support.js';
import { io } from './io.js';

/** Passwords never go on the command line (process lists, shell history): they come on stdin, one line. */
async function passwordFromStdin(): Promise<string> {
  const text = (await io.readStdin()).replace(/\r?\n$/, '');
  if (text.length < 12) throw new UsageError('the password on standard input must have at least 12 characters (pipe it: printf %s "$PASSWORD" | firebreak …)');
  if (text.length > 1024) throw new UsageError('the password on standard input may have at most 1024 characters');
  return text;
}

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('manage users');
  user
    .command('create')
    .description('create a user')
    .requiredOption('--email <email>', 'email address (the login)', emailArg)
    .requiredOption('--name <name>', 'display name', nonEmptyArg('--name'))
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`, oneOfArg(ROLES, '--role'))
    .option('--time-zone <zone>', 'IANA time zone', 'UTC')
    .option('--password-stdin', 'read the password from standard input (at least 12 characters), so the user can sign in', false)
    .action(
      action(async (options: { email: string; name: string; role: Role; timeZone: string; passwordStdin: boolean }) => {
        const { passwordStdin, ...input } = options;
        const password = passwordStdin ? await passwordFromStdin() : undefined;
        await withStore(async (store) => {
          const created = await auth.createUser(store, cliActor(), { ...input, ...(password ? { password } : {}) });
          io.out(`created ${created.role} ${created.email}${password ? ' (can sign in)' : ' (no password: set one with `firebreak user set-password`)'}\n${created.id}\n`);
        });
      }),
    );
  user
    .command('set-password')
    .description("set a user's password, read from standard input; ends the user's sessions")
    .requiredOption('--email <email>', 'the user', emailArg)
    .option('--password-stdin', 'read the password from standard input (the default; the flag is accepted for symmetry with user create)', true)
    .action(
      action(async (options: { email: string }) => {
        const password = await passwordFromStdin();
        await withStore(async (store) => {
          const found = await auth.findUserByEmail(store.db, options.email);
          if (!found) throw new UsageError(`no user with email ${options.email}`);
          await auth.updateUser(store, cliActor(), found.id, { password });
          io.out(`password set for ${found.email}; their other sessions have ended\n`);
        });
      }),
    );
  user
    .command('list')
    .description('list users')
    .action(
      action(async () => {
        await withStore(async (store) => {
          const users = await auth.listUsers(store.db);
          printTable(users.map((u) => ({ id: u.id, email: u.email, name: u.name, role: u.role, zone: u.timeZone, disabled: u.disabled ? 'yes' : '' })));
        });
      }),
    );

  const token = program.command('token').description('manage API tokens');
  token
    .command('create')
    .description('create an API token for a user; the token is printed alone on the last line')
    .requiredOption('--email <email>', 'the user the token acts as', emailArg)
    .option('--name <label>', 'what the token is for', nonEmptyArg('--name'), 'cli')
    .action(
      action(async (options: { email: string; name: string }) => {
        await withStore(async (store) => {
          const owner = await auth.findUserByEmail(store.db, options.email);
          if (!owner) throw new UsageError(`no user with email ${options.email}`);
          const { token: secret, view } = await auth.createToken(store, cliActor(), { userId: owner.id, name: options.name });
          io.out(`created token ${view.id} (${view.name}) for ${owner.email}; it is shown only now:\n${secret}\n`);
        });
      }),
    );
  token
    .command('revoke')
    .description('revoke an API token by id')
    .argument('<id>', 'token id (from token list or the creation message)')
    .action(
      action(async (id: string) => {
        if (!/^[0-9a-f-]{36}$/i.test(id)) throw new UsageError(`"${id}" is not a token id`);
        await withStore(async (store) => {
          const revoked = await auth.revokeToken(store, cliActor(), id);
          io.out(`revoked token ${revoked.id} (${revoked.name})\n`);
        });
      }),
    );
  token
    .command('list')
    .description('list every API token (never the secrets)')
    .action(
      action(async () => {
        await withStore(async (store) => {
          const tokens = await auth.listTokens(store.db, cliActor(), true);
          printTable(tokens.map((t) => ({ id: t.id, user: t.userId, name: t.name, prefix: t.prefix, lastUsed: t.lastUsedAt ?? '', revoked: t.revokedAt ?? '' })));
        });
      }),
    );
}
