/**
 * The server's configuration as a manifest, read through each domain's
 * service (never its tables), with ids turned into names and users into
 * emails. Arrays come sorted by name so an export is stable.
 */
import type { Config } from '../../config.js';
import type { Db } from '../../db/schema.js';
import { currentIncidentPolicy, currentStatusPages } from './status-pages.js';
import { currentDrills, currentRunbooks } from './runbooks-drills.js';
import { listIntegrations } from '../alerts/integrations.js';
import { listUsers } from '../auth/service.js';
import { listTeams } from '../auth/teams.js';
import { listServices } from '../catalog/service.js';
import { listPolicies } from '../oncall/escalation-service.js';
import { listSchedules } from '../oncall/schedule-service.js';
import { compact } from './compact.js';
import type { Manifest, ManifestIntegration, ManifestPolicy, ManifestSchedule, ManifestService } from './document.js';

export interface Directory {
  emailOf: Map<string, string>;
  userIdOf: Map<string, string>;
  teamNameOf: Map<string, string>;
  teamIdOf: Map<string, string>;
}

export async function directory(db: Db): Promise<Directory> {
  const users = await listUsers(db);
  const teams = await listTeams(db);
  return {
    emailOf: new Map(users.map((u) => [u.id, u.email])),
    userIdOf: new Map(users.map((u) => [u.email.toLowerCase(), u.id])),
    teamNameOf: new Map(teams.map((t) => [t.id, t.name])),
    teamIdOf: new Map(teams.map((t) => [t.name, t.id])),
  };
}

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

/** The server's configuration as a manifest. */
export async function currentManifest(db: Db, config: Config): Promise<Manifest> {
  const dir = await directory(db);
  const services = await listServices(db);
  const serviceName = new Map(services.map((s) => [s.id, s.name]));
  const policies = await listPolicies(db);
  const policyName = new Map(policies.map((p) => [p.id, p.name]));
  const schedules = await listSchedules(db);
  const scheduleName = new Map(schedules.map((s) => [s.id, s.name]));
  const email = (id: string) => dir.emailOf.get(id) ?? id;

  const manifestServices: ManifestService[] = services
    .map((s) =>
      compact({
        name: s.name,
        description: s.description ?? undefined,
        ownerTeam: s.ownerTeamId ? (dir.teamNameOf.get(s.ownerTeamId) ?? s.ownerTeamId) : undefined,
        runbookUrl: s.runbookUrl ?? undefined,
        tier: s.tier ?? undefined,
        escalationPolicy: s.escalationPolicyId ? (policyName.get(s.escalationPolicyId) ?? s.escalationPolicyId) : undefined,
        groupBy: s.groupBy.length ? s.groupBy : undefined,
        dependsOn: s.dependsOn.length ? s.dependsOn.map((id) => serviceName.get(id) ?? id).sort() : undefined,
      }),
    )
    .sort(byName);

  const integrations: ManifestIntegration[] = (await listIntegrations(db))
    .filter((i) => i.kind !== 'test')
    .map((i) =>
      compact({
        service: serviceName.get(i.serviceId) ?? i.serviceId,
        name: i.name,
        kind: i.kind as ManifestIntegration['kind'],
        enabled: i.enabled ? undefined : false,
        mappings: i.mappings ?? undefined,
        groupBy: i.groupBy?.length ? i.groupBy : undefined,
        heartbeatSeconds: i.heartbeat?.intervalSeconds,
      }),
    )
    .sort((a, b) => a.service.localeCompare(b.service) || a.name.localeCompare(b.name));

  const manifestSchedules: ManifestSchedule[] = schedules
    .map((s) =>
      compact({
        name: s.name,
        description: s.description ?? undefined,
        timeZone: s.timeZone,
        ownerTeam: s.ownerTeamId ? (dir.teamNameOf.get(s.ownerTeamId) ?? s.ownerTeamId) : undefined,
        layers: s.layers.map((l) => compact({ name: l.name, start: l.start, length: { unit: l.length.unit, count: l.length.count }, participants: l.participants.map(email), restrictions: l.restrictions.length ? l.restrictions.map((r) => ({ days: r.days, from: r.from, to: r.to })) : undefined })),
      }),
    )
    .sort(byName);

  const manifestPolicies: ManifestPolicy[] = policies
    .map((p) =>
      compact({
        name: p.name,
        description: p.description ?? undefined,
        repeat: p.repeat,
        repeatDelaySeconds: p.repeatDelaySeconds,
        steps: p.steps.map((step) => ({
          delaySeconds: step.delaySeconds,
          targets: step.targets.map((t) => ({ type: t.type, name: t.type === 'user' ? email(t.id) : t.type === 'schedule' ? (scheduleName.get(t.id) ?? t.id) : (dir.teamNameOf.get(t.id) ?? t.id) })),
        })),
      }),
    )
    .sort(byName);

  return {
    version: 1,
    incidentPolicy: await currentIncidentPolicy(db),
    services: manifestServices,
    integrations,
    schedules: manifestSchedules,
    escalationPolicies: manifestPolicies,
    statusPages: await currentStatusPages(db, config),
    runbooks: await currentRunbooks(db, config, dir),
    drills: await currentDrills(db, dir),
  };
}
