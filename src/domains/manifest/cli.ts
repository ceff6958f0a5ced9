import { readFileSync } from 'node:fs';
import path from 'node:path';
import { listUsers } from '../auth/service.js';
import { importPagerDuty, type PagerDutyExport } from './import-pagerduty.js';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { withJobDeps } from '../../cli/acting.js';
import { io } from '../../cli/io.js';
import { action } from '../../cli/support.js';
import { cliActor } from '../auth/identity.js';
import { applyManifest } from './apply.js';
import { currentManifest } from './current.js';
import { describeProblems, parseManifest } from './parse.js';
import { describePlan } from './plan.js';

const HEADER = '# Firebreak configuration: `firebreak apply -f <this file>` makes a server match it (`--plan` to preview).\n';

/** The manifest as YAML, the same bytes for the same configuration. */
export function manifestYaml(manifest: object): string {
  return HEADER + stringify(manifest, { lineWidth: 0 });
}

function readList(dir: string, file: string, key: string): unknown[] {
  const body = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;
  if (!Array.isArray(body[key])) throw new Error(`${path.join(dir, file)} has no "${key}" array (save PagerDuty's list answer as it came)`);
  return body[key] as unknown[];
}

export function registerManifestCli(program: Command): void {
  program
    .command('import')
    .description('import from another vendor')
    .command('pagerduty')
    .description("import users' schedules, escalation policies, services and Events API v2 integrations from a folder of PagerDuty REST answers (users.json, schedules.json, escalation_policies.json, services.json)")
    .requiredOption('--from <dir>', 'the folder')
    .option('--plan', 'show what would change, change nothing; exit 2 when something would')
    .action(
      action(async (o: { from: string; plan?: boolean }) => {
        const pd = {
          users: readList(o.from, 'users.json', 'users'),
          schedules: readList(o.from, 'schedules.json', 'schedules'),
          escalation_policies: readList(o.from, 'escalation_policies.json', 'escalation_policies'),
          services: readList(o.from, 'services.json', 'services'),
        } as PagerDutyExport;
        await withJobDeps(async (deps) => {
          const emails = new Set((await listUsers(deps.store.db)).map((u) => u.email.toLowerCase()));
          const { manifest, skipped } = importPagerDuty(pd, emails);
          const result = await applyManifest(deps.store, deps, cliActor(), manifest, { prune: false, dryRun: Boolean(o.plan) });
          io.out(describePlan({ ...result.plan, unmanaged: [] }));
          for (const k of result.newKeys) io.out(`new key for ${k.integration}: point its sender at ${k.intakePath} with routing_key ${k.key} (shown only now)\n`);
          for (const s of skipped) io.out(`not imported: ${s.what}: ${s.why}\n`);
          if (o.plan && result.plan.changes.length > 0) process.exitCode = 2;
        });
      }),
    );
  program
    .command('export')
    .description('print the configuration (services, integrations without keys, schedules, escalation policies) as YAML')
    .action(
      action(async () => {
        await withJobDeps(async ({ store, config }) => {
          io.out(manifestYaml(await currentManifest(store.db, config)));
        });
      }),
    );
  program
    .command('apply')
    .description('make the server match a configuration file: create and update (delete only with --prune); --plan only shows the changes and exits 2 when there are some')
    .requiredOption('-f, --file <file>', 'the YAML file (- for standard input)')
    .option('--plan', 'show what would change, change nothing; exit 2 when something would')
    .option('--prune', 'also delete what the file does not name')
    .action(
      action(async (o: { file: string; plan?: boolean; prune?: boolean }) => {
        const text = readFileSync(o.file === '-' ? 0 : o.file, 'utf8');
        const parsed = parseManifest(text);
        if (!parsed.ok) throw new Error(`${o.file} is not a valid configuration:\n${describeProblems(o.file, parsed.problems)}`);
        await withJobDeps(async (deps) => {
          const result = await applyManifest(deps.store, deps, cliActor(), parsed.manifest, { prune: Boolean(o.prune), dryRun: Boolean(o.plan) });
          io.out(describePlan(result.plan));
          for (const k of result.newKeys) io.out(`new key for ${k.integration} (send to ${k.intakePath.replace(k.key, '<key>')}), shown only now: ${k.key}\n`);
          if (o.plan && result.plan.changes.length > 0) process.exitCode = 2;
        });
      }),
    );
}
