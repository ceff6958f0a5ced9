/**
 * One import, whatever the vendor: create the missing users and teams, apply
 * the manifest (schedules, escalation policies, services, integrations), then
 * overrides. With `dryRun` nothing changes and the report says what
 * would. The vendor's translation has already happened (pure, elsewhere).
 */
import type { Config } from '../../config.js';
import type { Store } from '../../db/store.js';
import type { Actor } from '../auth/identity.js';
import { listUsers } from '../auth/service.js';
import { applyManifest } from './apply.js';
import { currentManifest } from './current.js';
import type { ImportResult } from './import-pagerduty.js';
import { checkOnCall, describeChecks, type OnCallCheck } from './import-check.js';
import { importOverrides, importTeams, importUsers } from './import-people.js';
import { describePlan, planChanges, type Plan } from './plan.js';

export interface ImportReport {
  plan: Plan;
  /** `+ user …`, `+ team …`, `+ override …` lines. */
  peopleLines: string[];
  newUsers: string[];
  newKeys: Array<{ service: string; integration: string; key: string; url: string }>;
  changed: boolean;
  checks: OnCallCheck[];
}

/** The emails Firebreak already knows, for the translation. */
export async function knownEmails(store: Store): Promise<Set<string>> {
  return new Set((await listUsers(store.db)).map((u) => u.email.toLowerCase()));
}

/** `window`: the hours the vendor rendered its final schedules for (checked before anything is written, so --plan shows it too). */
export async function runImport(store: Store, deps: Parameters<typeof applyManifest>[1] & { config: Config }, actor: Actor, translated: ImportResult, dryRun: boolean, window: { since: number; until: number; vendor: string }): Promise<ImportReport> {
  const checks = checkOnCall(translated.manifest.schedules ?? [], translated.people.overrides, translated.finals, window.since, window.until, window.vendor);
  const users = await importUsers(store, actor, translated.people.users, dryRun);
  const teams = await importTeams(store, actor, translated.people, dryRun);
  let plan: Plan;
  let newKeys: ImportReport['newKeys'] = [];
  if (dryRun) {
    // The users the plan would create do not exist yet, so the manifest's references are not checked here.
    plan = planChanges(translated.manifest, await currentManifest(store.db, deps.config), false);
  } else {
    const result = await applyManifest(store, deps, actor, translated.manifest, { prune: false, dryRun: false });
    plan = result.plan;
    const base = deps.config.publicUrl?.replace(/\/$/, '') ?? '';
    newKeys = result.newKeys.map((k) => {
      const [service, ...rest] = k.integration.split('/');
      return { service: service!, integration: rest.join('/'), key: k.key, url: `${base}${k.intakePath}` };
    });
  }
  const overrides = await importOverrides(store, actor, translated.people, dryRun);
  const peopleLines = [...users.lines, ...teams.lines, ...overrides.lines];
  return { plan: { ...plan, unmanaged: [] }, peopleLines, newUsers: users.newUsers, newKeys, changed: plan.changes.length > 0 || peopleLines.length > 0, checks };
}

/** The report as the CLI prints it. */
export function describeImport(report: ImportReport, skipped: ImportResult['skipped'], dryRun: boolean, vendor: string): string {
  const out: string[] = [];
  const planText = describePlan(report.plan);
  if (report.plan.changes.length > 0 || report.peopleLines.length === 0) out.push(planText.trimEnd());
  out.push(...report.peopleLines);
  if (report.newUsers.length) out.push('', `${dryRun ? 'would create' : 'created'} ${report.newUsers.length} users without a password; set one (firebreak user set-password) or invite them: ${report.newUsers.join(', ')}`);
  for (const s of skipped) out.push(`not imported: ${s.what}: ${s.why}`);
  out.push(...describeChecks(report.checks, vendor));
  if (report.newKeys.length) {
    out.push('', 'change these senders to the new Firebreak keys (shown only now):', 'service\tintegration\tsend to (routing_key / URL)');
    for (const k of report.newKeys) out.push(`${k.service}\t${k.integration}\t${k.url} routing_key ${k.key}`);
  }
  return out.join('\n') + '\n';
}
