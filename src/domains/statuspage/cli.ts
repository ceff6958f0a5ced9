/** The `firebreak status-page ...` subcommands: see pages, set a component's state, print an update draft. */
import type { Command } from 'commander';
import { io } from '../../cli/io.js';
import { actingUser, withJobDeps } from '../../cli/acting.js';
import { action, cliNow, oneOfArg, printTable, UsageError, withStore } from '../../cli/support.js';
import type { Config } from '../../config.js';
import type { Db } from '../../db/schema.js';
import { getDraft } from './drafts.js';
import { COMPONENT_STATUSES, type ComponentStatus } from './model.js';
import { TEMPLATE_KINDS, type TemplateKind } from './schemas.js';
import { listComponents, listPages, setComponentStatus, type PageView } from './service.js';

async function pageBySlug(db: Db, config: Config, slug: string | undefined): Promise<PageView> {
  const pages = await listPages(db, config);
  const page = slug === undefined ? pages.find((p) => p.isDefault) : pages.find((p) => p.slug === slug);
  if (!page) throw new UsageError(`--page: no status page with the slug ${slug}; \`firebreak status-page list\` shows them`);
  return page;
}

export function registerStatuspageCli(program: Command): void {
  const command = program.command('status-page').description('status pages: list them, set a component state, draft an update');

  command
    .command('list')
    .description('list status pages with their URLs')
    .action(
      action(async () => {
        await withStore(async (store, config) => {
          const pages = await listPages(store.db, config);
          printTable(pages.map((p) => ({ slug: p.slug, name: p.name, visibility: p.visibility, url: p.url })));
        });
      }),
    );

  command
    .command('components')
    .description("list a page's components and their states")
    .option('--page <slug>', 'the page (default: the one at /status)')
    .action(
      action(async (o: { page?: string }) => {
        await withStore(async (store, config) => {
          const page = await pageBySlug(store.db, config, o.page);
          const components = await listComponents(store.db, page.id);
          printTable(components.map((c) => ({ name: c.name, state: c.group ? '(group)' : c.status, id: c.id })));
        });
      }),
    );

  command
    .command('set')
    .description("set a component's state by hand (incidents set it through their public updates)")
    .argument('<component>', 'component name or id')
    .argument('<state>', COMPONENT_STATUSES.join(' | '), oneOfArg(COMPONENT_STATUSES, 'state'))
    .option('--page <slug>', 'the page (default: the one at /status)')
    .option('--as <email>', 'act as this user (recorded in the audit log)')
    .action(
      action(async (component: string, state: ComponentStatus, o: { page?: string; as?: string }) => {
        await withJobDeps(async (deps) => {
          const page = await pageBySlug(deps.store.db, deps.config, o.page);
          const found = (await listComponents(deps.store.db, page.id)).filter((c) => c.id === component || c.name === component);
          if (found.length !== 1) throw new UsageError(`<component>: ${found.length === 0 ? 'no' : 'more than one'} component named ${component} on ${page.slug}; use its id`);
          const { actor } = await actingUser(deps.store, o.as);
          const updated = await setComponentStatus(deps.store, deps, actor, found[0]!.id, state);
          io.out(`${updated.name}: ${updated.status}\n`);
        });
      }),
    );

  command
    .command('draft')
    .description("print an update draft for an incident from the workspace's template")
    .argument('<incident>', 'incident ref (INC-12) or id')
    .option('--template <kind>', TEMPLATE_KINDS.join(' | '), oneOfArg(TEMPLATE_KINDS, '--template'), 'update')
    .action(
      action(async (incident: string, o: { template: TemplateKind }) => {
        await withStore(async (store, config) => {
          const draft = await getDraft(store.db, { userId: null, role: 'admin' }, incident, o.template, cliNow(config));
          io.out(`${draft.text}\n`);
        });
      }),
    );
}
