/**
 * Makes the server match a manifest, through each domain's service: schedules,
 * then escalation policies, services, integrations; deletions (only with
 * prune) in the reverse order. Every reference is resolved before anything is
 * written, so a file naming an unknown user or policy changes nothing.
 */
import type { Store } from '../../db/store.js';
import { invalidField } from '../../errors.js';
import { createIntegration, deleteIntegration, listIntegrations, updateIntegration } from '../alerts/integrations.js';
import type { Actor } from '../auth/identity.js';
import { createService, deleteService, listServices, updateService } from '../catalog/service.js';
import { createPolicy, deletePolicy, listPolicies, updatePolicy } from '../oncall/escalation-service.js';
import { createSchedule, deleteSchedule, listSchedules, updateSchedule } from '../oncall/schedule-service.js';
import { currentManifest, directory, type Directory } from './current.js';
import type { Manifest, ManifestPolicy, ManifestSchedule, ManifestService } from './document.js';
import { canonicalIntegration, planChanges, type Plan } from './plan.js';
import type { StatusDeps } from '../statuspage/service.js';
import { applyDrill, applyRunbook, checkDrillChanges, checkRunbookAndDrillReferences, removeRunbook } from './runbooks-drills.js';
import { applyIncidentPolicy, applyStatusPage, checkStatusPageReferences, deleteStatusPage } from './status-pages.js';

export interface ApplyResult {
  plan: Plan;
  /** Keys of integrations created now: shown once, for the senders. */
  newKeys: Array<{ integration: string; key: string; intakePath: string }>;
}

function userIds(dir: Directory, emails: readonly string[], field: string): string[] {
  return emails.map((email, i) => {
    const id = dir.userIdOf.get(email.toLowerCase());
    if (!id) throw invalidField(`${field}[${i}]`, `no user with the email ${email}`);
    return id;
  });
}

function teamId(dir: Directory, name: string | undefined, field: string): string | null {
  if (name === undefined) return null;
  const id = dir.teamIdOf.get(name);
  if (!id) throw invalidField(field, `no team named ${name}`);
  return id;
}

/** Checks every reference in the file against the server and the file itself; throws naming the first unknown one. */
function checkReferences(m: Manifest, dir: Directory, server: { schedules: Set<string>; policies: Set<string>; services: Set<string> }): void {
  const schedules = new Set([...server.schedules, ...(m.schedules ?? []).map((s) => s.name)]);
  const policies = new Set([...server.policies, ...(m.escalationPolicies ?? []).map((p) => p.name)]);
  const services = new Set([...server.services, ...(m.services ?? []).map((s) => s.name)]);
  for (const [i, s] of (m.schedules ?? []).entries()) {
    teamId(dir, s.ownerTeam, `schedules[${i}].ownerTeam`);
    for (const [j, l] of s.layers.entries()) userIds(dir, l.participants, `schedules[${i}].layers[${j}].participants`);
  }
  for (const [i, p] of (m.escalationPolicies ?? []).entries()) {
    for (const [j, step] of p.steps.entries()) {
      for (const [k, t] of step.targets.entries()) {
        const field = `escalationPolicies[${i}].steps[${j}].targets[${k}].name`;
        if (t.type === 'user') userIds(dir, [t.name], field);
        else if (t.type === 'team') teamId(dir, t.name, field);
        else if (!schedules.has(t.name)) throw invalidField(field, `no schedule named ${t.name}`);
      }
    }
  }
  for (const [i, s] of (m.services ?? []).entries()) {
    teamId(dir, s.ownerTeam, `services[${i}].ownerTeam`);
    if (s.escalationPolicy !== undefined && !policies.has(s.escalationPolicy)) throw invalidField(`services[${i}].escalationPolicy`, `no escalation policy named ${s.escalationPolicy}`);
    for (const [j, d] of (s.dependsOn ?? []).entries()) if (!services.has(d)) throw invalidField(`services[${i}].dependsOn[${j}]`, `no service named ${d}`);
  }
  for (const [i, integration] of (m.integrations ?? []).entries()) {
    if (!services.has(integration.service)) throw invalidField(`integrations[${i}].service`, `no service named ${integration.service}`);
    if (integration.kind === 'heartbeat' && integration.heartbeatSeconds === undefined) throw invalidField(`integrations[${i}].heartbeatSeconds`, 'a heartbeat integration needs its interval');
  }
}

function scheduleInput(s: ManifestSchedule, dir: Directory, index: number) {
  return {
    name: s.name,
    description: s.description ?? null,
    timeZone: s.timeZone,
    ownerTeamId: teamId(dir, s.ownerTeam, `schedules[${index}].ownerTeam`),
    layers: s.layers.map((l, j) => ({ name: l.name, start: l.start, length: l.length, participants: userIds(dir, l.participants, `schedules[${index}].layers[${j}].participants`), restrictions: l.restrictions ?? [] })),
  };
}

/** Applies the manifest (or, with dryRun, only plans it). */
export async function applyManifest(store: Store, deps: StatusDeps, actor: Actor, m: Manifest, options: { prune: boolean; dryRun: boolean }): Promise<ApplyResult> {
  const { jobs } = deps;
  const current = await currentManifest(store.db, deps.config);
  const plan = planChanges(m, current, options.prune);
  const dir = await directory(store.db);
  checkReferences(m, dir, { schedules: new Set((current.schedules ?? []).map((s) => s.name)), policies: new Set((current.escalationPolicies ?? []).map((p) => p.name)), services: new Set((current.services ?? []).map((s) => s.name)) });
  const allServices = new Set([...(current.services ?? []), ...(m.services ?? [])].map((s) => s.name));
  checkStatusPageReferences(m, allServices);
  checkRunbookAndDrillReferences(m.runbooks ?? [], m.drills ?? [], dir, allServices);
  checkDrillChanges(m.drills ?? [], current.drills ?? []);
  const result: ApplyResult = { plan, newKeys: [] };
  if (options.dryRun || plan.changes.length === 0) return result;
  const touched = (kind: string, name: string) => plan.changes.find((c) => c.kind === kind && c.name === name);
  if (m.incidentPolicy && touched('incident policy', 'incident policy')) await applyIncidentPolicy(store, actor, m.incidentPolicy);

  for (const [i, s] of (m.schedules ?? []).entries()) {
    const change = touched('schedule', s.name);
    if (change?.action === 'create') await createSchedule(store, actor, scheduleInput(s, dir, i));
    else if (change?.action === 'update') await updateSchedule(store, actor, s.name, scheduleInput(s, dir, i));
  }
  const scheduleIds = new Map((await listSchedules(store.db)).map((s) => [s.name, s.id]));
  const policyInput = (p: ManifestPolicy) => ({
    name: p.name,
    description: p.description ?? null,
    repeat: p.repeat ?? 0,
    repeatDelaySeconds: p.repeatDelaySeconds ?? 300,
    steps: p.steps.map((step) => ({ delaySeconds: step.delaySeconds, targets: step.targets.map((t) => ({ type: t.type, id: t.type === 'user' ? dir.userIdOf.get(t.name.toLowerCase())! : t.type === 'team' ? dir.teamIdOf.get(t.name)! : scheduleIds.get(t.name)! })) })),
  });
  for (const p of m.escalationPolicies ?? []) {
    const change = touched('escalation policy', p.name);
    if (change?.action === 'create') await createPolicy(store, actor, policyInput(p));
    else if (change?.action === 'update') await updatePolicy(store, actor, p.name, policyInput(p));
  }
  const policyIds = new Map((await listPolicies(store.db)).map((p) => [p.name, p.id]));
  // Services first without their dependencies (which may name services created in this run), then those.
  const serviceInput = (s: ManifestService, i: number) => ({
    description: s.description ?? null,
    ownerTeamId: teamId(dir, s.ownerTeam, `services[${i}].ownerTeam`),
    runbookUrl: s.runbookUrl ?? null,
    tier: s.tier ?? null,
    escalationPolicyId: s.escalationPolicy ? policyIds.get(s.escalationPolicy)! : null,
    groupBy: s.groupBy ?? [],
  });
  for (const [i, s] of (m.services ?? []).entries()) {
    const change = touched('service', s.name);
    if (change?.action === 'create') await createService(store, actor, { name: s.name, ...serviceInput(s, i) });
  }
  const serviceIds = new Map((await listServices(store.db)).map((s) => [s.name, s.id]));
  for (const [i, s] of (m.services ?? []).entries()) {
    if (!touched('service', s.name)) continue;
    await updateService(store, actor, serviceIds.get(s.name)!, { ...serviceInput(s, i), dependsOn: (s.dependsOn ?? []).map((d) => serviceIds.get(d)!) });
  }
  const existing = await listIntegrations(store.db);
  for (const [i, integration] of (m.integrations ?? []).entries()) {
    const name = `${integration.service}/${integration.name}`;
    const change = touched('integration', name);
    if (!change) continue;
    const serviceId = serviceIds.get(integration.service)!;
    const settings = {
      ...(integration.mappings ? { mappings: integration.mappings } : {}),
      groupBy: integration.groupBy ?? [],
      ...(integration.heartbeatSeconds !== undefined ? { heartbeat: { intervalSeconds: integration.heartbeatSeconds } } : {}),
    };
    if (change.action === 'create') {
      const created = await createIntegration(store, actor, serviceId, { kind: integration.kind, name: integration.name, ...settings }, jobs);
      if (integration.enabled === false) await updateIntegration(store, actor, created.view.id, { enabled: false }, jobs);
      result.newKeys.push({ integration: name, key: created.key, intakePath: created.intakePath });
    } else {
      const found = existing.find((e) => e.serviceId === serviceId && e.name === integration.name)!;
      if (found.kind !== integration.kind) throw invalidField(`integrations[${i}].kind`, `${name} is a ${found.kind} integration; a kind cannot change (delete it and add a new one)`);
      const changes = canonicalIntegration(integration);
      await updateIntegration(store, actor, found.id, { ...settings, enabled: changes.enabled !== false }, jobs);
    }
  }

  for (const page of m.statusPages ?? []) if (touched('status page', page.slug)) await applyStatusPage(store, deps, actor, page, options.prune);

  for (const r of m.runbooks ?? []) {
    const change = touched('runbook', r.title);
    if (change) await applyRunbook({ store, jobs, config: deps.config }, actor, dir, r, change.action === 'update');
  }
  for (const [i, d] of (m.drills ?? []).entries()) {
    if (touched('drill', d.name)) await applyDrill({ store, jobs, config: deps.config }, actor, dir, d, i, (current.drills ?? []).find((c) => c.name === d.name));
  }

  for (const change of plan.changes.filter((c) => c.action === 'delete' && c.kind === 'runbook')) await removeRunbook({ store, config: deps.config }, actor, change.name);
  for (const change of plan.changes.filter((c) => c.action === 'delete' && c.kind === 'status page')) await deleteStatusPage(store, deps, actor, change.name);
  for (const change of plan.changes.filter((c) => c.action === 'delete')) {
    if (change.kind === 'integration') {
      const [service, ...rest] = change.name.split('/');
      const found = existing.find((e) => e.serviceId === serviceIds.get(service!) && e.name === rest.join('/'));
      if (found) await deleteIntegration(store, actor, found.id);
    }
  }
  for (const change of plan.changes.filter((c) => c.action === 'delete' && c.kind === 'service')) await deleteService(store, actor, serviceIds.get(change.name)!);
  for (const change of plan.changes.filter((c) => c.action === 'delete' && c.kind === 'escalation policy')) await deletePolicy(store, actor, change.name);
  for (const change of plan.changes.filter((c) => c.action === 'delete' && c.kind === 'schedule')) await deleteSchedule(store, actor, change.name);
  return result;
}
