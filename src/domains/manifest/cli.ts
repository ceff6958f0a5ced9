import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { clockNow } from '../../clock.js';
import { outboundPolicy } from '../../http/outbound.js';
import { importPagerDuty, type ImportResult, type PagerDutyExport } from './import-pagerduty.js';
import { describeImport, knownEmails, runImport } from './import-run.js';
import type { VendorReadSource } from './vendor-rest.js';
import { readPagerDuty } from './pagerduty-rest.js';
import { importOpsgenie, type OpsgenieExport } from './import-opsgenie.js';
import { readOpsgenie } from './opsgenie-rest.js';
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

/** Overrides are copied for this many days ahead. */
const IMPORT_DAYS = 30;

const HEADER = '# Firebreak configuration: `firebreak apply -f <this file>` makes a server match it (`--plan` to preview).\n';

/** The manifest as YAML, the same bytes for the same configuration. */
export function manifestYaml(manifest: object): string {
  return HEADER + stringify(manifest, { lineWidth: 0 });
}

function readList(dir: string, file: string, key: string, vendor = 'PagerDuty'): unknown[] {
  const body = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;
  if (!Array.isArray(body[key])) throw new Error(`${path.join(dir, file)} has no "${key}" array (save ${vendor}'s list answer as it came)`);
  return body[key] as unknown[];
}

/** An Opsgenie answer saved in the folder, or an empty list when the file is absent (overrides). */
function readOpsgenieFolder(dir: string): OpsgenieExport {
  const list = (file: string) => readList(dir, file, 'data', 'Opsgenie');
  return {
    users: list('users.json'),
    teams: list('teams.json'),
    schedules: list('schedules.json'),
    overrides: existsSync(path.join(dir, 'overrides.json')) ? list('overrides.json') : [],
    escalations: list('escalations.json'),
    integrations: existsSync(path.join(dir, 'integrations.json')) ? list('integrations.json') : [],
  } as OpsgenieExport;
}

/** The token for a vendor's API: from standard input with --token-stdin, else FIREBREAK_IMPORT_TOKEN; never an argument (shell history). */
async function importToken(o: { tokenStdin?: boolean }): Promise<string> {
  const token = (o.tokenStdin ? await io.readStdin() : (io.env.FIREBREAK_IMPORT_TOKEN ?? '')).trim();
  if (!token) throw new Error('no API token: pipe it in with --token-stdin or set FIREBREAK_IMPORT_TOKEN');
  if (/\s/.test(token) || token.length > 500) throw new Error('the API token has spaces or is longer than 500 characters');
  return token;
}

interface ImportOptions {
  from?: string;
  apiUrl?: string;
  tokenStdin?: boolean;
  plan?: boolean;
}

function checkSource(o: ImportOptions): void {
  if (Boolean(o.from) === Boolean(o.apiUrl)) throw new Error('give either --from <folder> or --api-url <url>');
}

/** One import from a vendor: read (REST or folder), translate, run or plan, print; `--plan` exits 2 when something would change. */
async function runVendorImport<T>(
  o: ImportOptions,
  vendor: string,
  readApi: (src: VendorReadSource) => Promise<T>,
  readFolder: (dir: string) => T,
  translate: (data: T, emails: Set<string>, now: Date) => ImportResult,
): Promise<void> {
  checkSource(o);
  const token = o.apiUrl ? await importToken(o) : '';
  await withJobDeps(async (deps) => {
    const now = clockNow();
    const data = o.apiUrl ? await readApi({ apiUrl: o.apiUrl, token, policy: outboundPolicy(deps.config.outboundAllow ?? ''), timeoutMs: deps.config.outboundTimeoutMs ?? 10_000, now, days: IMPORT_DAYS }) : readFolder(o.from!);
    const translated = translate(data, await knownEmails(deps.store), now);
    // Saved answers were rendered for another window than the next 30 days: only a live read is checked.
    if (!o.apiUrl) translated.finals = [];
    const report = await runImport(deps.store, deps, cliActor(), translated, Boolean(o.plan), { since: now.getTime(), until: now.getTime() + IMPORT_DAYS * 86_400_000, vendor });
    io.out(describeImport(report, translated.skipped, Boolean(o.plan), vendor));
    if (o.plan && report.changed) process.exitCode = 2;
  });
}

export function registerManifestCli(program: Command): void {
  const importer = program.command('import').description('import from another vendor');
  importer
    .command('pagerduty')
    .description("import users, teams, schedules with overrides, escalation policies, services and Events API v2 integrations from PagerDuty's REST API (--api-url) or a folder of its answers (--from)")
    .option('--from <dir>', 'a folder of saved REST answers: users.json, schedules.json, escalation_policies.json, services.json')
    .option('--api-url <url>', 'read through the REST API, e.g. https://api.pagerduty.com (api.eu.pagerduty.com for EU accounts)')
    .option('--token-stdin', 'read the REST API key from standard input (otherwise from FIREBREAK_IMPORT_TOKEN)')
    .option('--plan', 'show what would change, change nothing; exit 2 when something would')
    .action(
      action((o: ImportOptions) =>
        runVendorImport(o, 'PagerDuty', (src) => readPagerDuty(src), (dir) => ({
          users: readList(dir, 'users.json', 'users'),
          schedules: readList(dir, 'schedules.json', 'schedules'),
          escalation_policies: readList(dir, 'escalation_policies.json', 'escalation_policies'),
          services: readList(dir, 'services.json', 'services'),
        }) as PagerDutyExport, importPagerDuty),
      ),
    );
  importer
    .command('opsgenie')
    .description("import users, teams, schedules with rotations and overrides, escalations, and integrations (as services per owner team, with new keys) from Opsgenie's REST API (--api-url) or a folder of its answers (--from)")
    .option('--from <dir>', 'a folder of saved REST answers: users.json, teams.json (each team as GET /v2/teams/{id} gives it), schedules.json (?expand=rotation), overrides.json, escalations.json, integrations.json')
    .option('--api-url <url>', 'read through the REST API, e.g. https://api.opsgenie.com (api.eu.opsgenie.com for EU accounts)')
    .option('--token-stdin', 'read the API key (GenieKey) from standard input (otherwise from FIREBREAK_IMPORT_TOKEN)')
    .option('--plan', 'show what would change, change nothing; exit 2 when something would')
    .action(
      action((o: ImportOptions) => runVendorImport(o, 'Opsgenie', (src) => readOpsgenie(src), readOpsgenieFolder, importOpsgenie)),
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
