/**
 * PagerDuty's REST API answers (users, schedules, escalation policies,
 * services) as a manifest, so an import is an apply: `--plan`, idempotent,
 * references by name. What has no Firebreak equivalent is listed with why.
 * Pure. Layer order follows the API's array (the last layer wins where
 * layers overlap); check the shifts before switching paging over.
 */
import { DateTime } from 'luxon';
import type { Manifest, ManifestIntegration, ManifestLayer, ManifestPolicy, ManifestSchedule, ManifestService } from './document.js';
import type { Static } from '@sinclair/typebox';

type Layer = Static<typeof ManifestLayer>;

interface Ref { id: string; type?: string; summary?: string }
export interface PagerDutyExport {
  users: Array<{ id: string; email: string; name?: string }>;
  schedules: Array<{ id: string; name: string; description?: string | null; time_zone: string; schedule_layers: Array<{ name?: string; start?: string; end?: string | null; rotation_virtual_start: string; rotation_turn_length_seconds: number; users: Array<{ user: Ref }>; restrictions?: Array<{ type: string; start_time_of_day: string; duration_seconds: number; start_day_of_week?: number }> }> }>;
  escalation_policies: Array<{ id: string; name: string; description?: string | null; num_loops?: number; escalation_rules: Array<{ escalation_delay_in_minutes: number; targets: Ref[] }> }>;
  services: Array<{ id: string; name: string; description?: string | null; escalation_policy?: Ref; integrations?: Ref[] }>;
}

export interface Skipped {
  what: string;
  why: string;
}

export interface ImportResult {
  manifest: Manifest;
  skipped: Skipped[];
}

function lengthOf(seconds: number): Layer['length'] | undefined {
  if (seconds > 0 && seconds % 604800 === 0) return { unit: 'weeks', count: seconds / 604800 };
  if (seconds > 0 && seconds % 86400 === 0) return { unit: 'days', count: seconds / 86400 };
  if (seconds > 0 && seconds % 3600 === 0) return { unit: 'hours', count: seconds / 3600 };
  return undefined;
}

function hhmm(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

type Restriction = NonNullable<Layer['restrictions']>[number];

/** A PagerDuty restriction as Firebreak's, when it is one window within a day. */
function restrictionOf(r: NonNullable<PagerDutyExport['schedules'][number]['schedule_layers'][number]['restrictions']>[number]): Restriction | undefined {
  const [h, m] = r.start_time_of_day.split(':').map(Number) as [number, number];
  const start = h * 60 + m;
  if (r.duration_seconds % 60 !== 0 || r.duration_seconds <= 0 || r.duration_seconds >= 86400) return undefined;
  const end = start + r.duration_seconds / 60;
  if (r.type === 'daily_restriction') return { days: [1, 2, 3, 4, 5, 6, 7], from: hhmm(start), to: hhmm(end) };
  if (r.type === 'weekly_restriction' && r.start_day_of_week && end <= 1440) return { days: [r.start_day_of_week], from: hhmm(start), to: hhmm(end) };
  return undefined;
}

/** Translates PagerDuty's answers; users are matched by email (they must exist in Firebreak). */
export function importPagerDuty(pd: PagerDutyExport, knownEmails: ReadonlySet<string>): ImportResult {
  const skipped: Skipped[] = [];
  const email = new Map(pd.users.map((u) => [u.id, u.email.toLowerCase()]));
  for (const u of pd.users) if (!knownEmails.has(u.email.toLowerCase())) skipped.push({ what: `user ${u.email}`, why: 'no Firebreak user with this email: create the user, then import again' });
  const known = (id: string) => {
    const e = email.get(id);
    return e && knownEmails.has(e) ? e : undefined;
  };

  const schedules: ManifestSchedule[] = [];
  const scheduleName = new Map<string, string>();
  for (const s of pd.schedules) {
    if (!DateTime.local().setZone(s.time_zone).isValid) {
      skipped.push({ what: `schedule ${s.name}`, why: `time zone "${s.time_zone}" is not an IANA zone` });
      continue;
    }
    const layers: Layer[] = [];
    for (const [i, l] of s.schedule_layers.entries()) {
      const name = l.name ?? `Layer ${i + 1}`;
      const length = lengthOf(l.rotation_turn_length_seconds);
      const participants = l.users.map((u) => known(u.user.id)).filter((e): e is string => e !== undefined);
      if (!length) {
        skipped.push({ what: `schedule ${s.name} layer ${name}`, why: `a turn of ${l.rotation_turn_length_seconds} s is not whole hours, days or weeks` });
        continue;
      }
      if (participants.length === 0) {
        skipped.push({ what: `schedule ${s.name} layer ${name}`, why: 'none of its users exists in Firebreak' });
        continue;
      }
      const restrictions: Restriction[] = [];
      const unmapped = (l.restrictions ?? []).filter((r) => {
        const mapped = restrictionOf(r);
        if (mapped) restrictions.push(mapped);
        return !mapped;
      });
      if (unmapped.length) {
        // Around the clock would put someone on call who is not: leave the layer out instead.
        const r = unmapped[0]!;
        skipped.push({ what: `schedule ${s.name} layer ${name}`, why: `its ${r.type} from ${r.start_time_of_day} for ${r.duration_seconds} s is not one window within a day; recreate it as one restriction per day` });
        continue;
      }
      if (l.end) skipped.push({ what: `schedule ${s.name} layer ${name} end`, why: `layers do not end in Firebreak (ended ${l.end}); remove the layer when it should stop` });
      const start = DateTime.fromISO(l.rotation_virtual_start, { setZone: true }).setZone(s.time_zone).toFormat("yyyy-MM-dd'T'HH:mm");
      layers.push({ name, start, length, participants, ...(restrictions.length ? { restrictions } : {}) });
    }
    scheduleName.set(s.id, s.name);
    schedules.push({ name: s.name, ...(s.description ? { description: s.description } : {}), timeZone: s.time_zone, layers });
  }

  const policies: ManifestPolicy[] = [];
  const policyName = new Map<string, string>();
  for (const p of pd.escalation_policies) {
    const steps: ManifestPolicy['steps'] = [];
    for (const [i, rule] of p.escalation_rules.entries()) {
      const targets: ManifestPolicy['steps'][number]['targets'] = [];
      for (const t of rule.targets) {
        if (t.type === 'user_reference' || t.type === 'user') {
          const e = known(t.id);
          if (e) targets.push({ type: 'user', name: e });
          else skipped.push({ what: `escalation policy ${p.name} rule ${i + 1} target ${t.summary ?? t.id}`, why: 'the user does not exist in Firebreak' });
        } else if ((t.type === 'schedule_reference' || t.type === 'schedule') && scheduleName.has(t.id)) targets.push({ type: 'schedule', name: scheduleName.get(t.id)! });
        else skipped.push({ what: `escalation policy ${p.name} rule ${i + 1} target ${t.summary ?? t.id}`, why: `a ${t.type ?? 'target'} Firebreak cannot page` });
      }
      // PagerDuty's delay is how long a rule waits before the next; Firebreak's, how long a step waits after the previous.
      if (targets.length) steps.push({ delaySeconds: i === 0 ? 0 : p.escalation_rules[i - 1]!.escalation_delay_in_minutes * 60, targets });
    }
    if (steps.length === 0) {
      skipped.push({ what: `escalation policy ${p.name}`, why: 'none of its targets can be imported' });
      continue;
    }
    policyName.set(p.id, p.name);
    const last = p.escalation_rules[p.escalation_rules.length - 1];
    policies.push({ name: p.name, ...(p.description ? { description: p.description } : {}), repeat: Math.min(p.num_loops ?? 0, 10), repeatDelaySeconds: Math.min((last?.escalation_delay_in_minutes ?? 5) * 60, 86400), steps });
  }

  const services: ManifestService[] = [];
  const integrations: ManifestIntegration[] = [];
  for (const s of pd.services) {
    const policy = s.escalation_policy ? policyName.get(s.escalation_policy.id) : undefined;
    services.push({ name: s.name, ...(s.description ? { description: s.description } : {}), ...(policy ? { escalationPolicy: policy } : {}) });
    for (const i of s.integrations ?? []) {
      if (i.type === 'events_api_v2_inbound_integration' || i.type === 'events_api_v2_inbound_integration_reference') integrations.push({ service: s.name, name: i.summary ?? `Events API v2 ${i.id}`, kind: 'pagerduty' });
      else skipped.push({ what: `service ${s.name} integration ${i.summary ?? i.id}`, why: `${i.type ?? 'this integration type'} has no Firebreak equivalent; send to an Events API v2, Alertmanager or generic integration instead` });
    }
  }
  return { manifest: { version: 1, services, integrations, schedules, escalationPolicies: policies }, skipped };
}
