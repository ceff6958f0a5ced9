/**
 * PagerDuty's REST API answers (users, teams, schedules with overrides,
 * escalation policies, services) as a manifest plus the people to create and
 * the overrides to copy, so an import is an apply: `--plan`, idempotent,
 * references by name. What has no Firebreak equivalent is listed with why.
 * Pure.
 *
 * Layers: PagerDuty's higher-numbered layer ("Layer 2" over "Layer 1") wins
 * where layers overlap, and `schedule_layers` lists them in the order a
 * schedule is created with (Layer 1 first), so the array's order is
 * Firebreak's bottom-first order. The REST description itself does not say
 * which layer wins (ARCHITECTURE.md, "Importing from PagerDuty and Opsgenie",
 * records how this was judged); the on-call comparison test checks the whole
 * translation hour by hour against a model of the documented behaviour.
 */
import { DateTime } from 'luxon';
import type { Manifest, ManifestIntegration, ManifestLayer, ManifestPolicy, ManifestSchedule, ManifestService } from './document.js';
import type { Static } from '@sinclair/typebox';
import type { VendorFinalSchedule } from './import-check.js';

type Layer = Static<typeof ManifestLayer>;

interface Ref { id: string; type?: string; summary?: string }
export interface PagerDutyRestriction { type: string; start_time_of_day: string; duration_seconds: number; start_day_of_week?: number }
export interface PagerDutyExport {
  users: Array<{ id: string; email: string; name?: string; time_zone?: string }>;
  /** Teams with their members' user ids (GET /teams, GET /teams/{id}/members). */
  teams?: Array<{ id: string; name: string; description?: string | null; members: string[] }>;
  schedules: Array<{ id: string; name: string; description?: string | null; time_zone: string; final_schedule?: { rendered_schedule_entries?: Array<{ start: string; end: string; user?: Ref }> }; schedule_layers: Array<{ name?: string; start: string; end?: string | null; rotation_virtual_start: string; rotation_turn_length_seconds: number; users: Array<{ user: Ref }>; restrictions?: PagerDutyRestriction[] }> }>;
  /** GET /schedules/{id}/overrides for the coming days, each with its schedule's id. */
  overrides?: Array<{ scheduleId: string; start: string; end: string; user: Ref }>;
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
  people: PeopleToImport;
  /** The vendor's own rendering of who is on call, where it gave one, to check the translation against. */
  finals: VendorFinalSchedule[];
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

/** "HH:MM:SS" as minutes of the day. */
function minutesOf(timeOfDay: string): number {
  const [h, m] = timeOfDay.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/**
 * A PagerDuty restriction as Firebreak's per-day windows in the schedule's
 * zone: a daily one is one window every day; a weekly one that spans days is
 * split into a window for its first day (to midnight), whole days, and its
 * last day's morning. Undefined when it cannot be expressed (seconds).
 * An empty list means around the clock (a restriction of a whole day or week).
 */
export function restrictionWindows(r: PagerDutyRestriction): Restriction[] | undefined {
  if (r.duration_seconds % 60 !== 0 || r.duration_seconds <= 0 || !/^\d{2}:\d{2}(:00)?$/.test(r.start_time_of_day)) return undefined;
  const start = minutesOf(r.start_time_of_day);
  const minutes = r.duration_seconds / 60;
  if (r.type === 'daily_restriction') {
    if (minutes >= 1440) return [];
    return [{ days: [1, 2, 3, 4, 5, 6, 7], from: hhmm(start), to: hhmm(start + minutes) }];
  }
  if (r.type !== 'weekly_restriction' || !r.start_day_of_week) return undefined;
  if (minutes >= 7 * 1440) return [];
  const windows: Restriction[] = [];
  const day = (offset: number) => ((r.start_day_of_week! - 1 + offset) % 7) + 1;
  let offset = 0;
  let from = start;
  let left = minutes;
  while (left > 0) {
    const untilMidnight = 1440 - from;
    if (left <= untilMidnight) {
      windows.push({ days: [day(offset)], from: hhmm(from), to: hhmm(from + left) });
      break;
    }
    // to 00:00 after from ends at the next midnight; from = to = 00:00 is the whole day.
    windows.push({ days: [day(offset)], from: hhmm(from), to: '00:00' });
    left -= untilMidnight;
    from = 0;
    offset++;
  }
  return windows;
}

/** The k-th hand-off of a PagerDuty layer: whole days step in local days (the hand-off keeps its local time), others in elapsed seconds. */
function handoff(virtualStart: DateTime, turnSeconds: number, k: number): DateTime {
  return turnSeconds % 86400 === 0 ? virtualStart.plus({ days: (k * turnSeconds) / 86400 }) : virtualStart.plus({ seconds: k * turnSeconds });
}

export interface PeopleToImport {
  /** PagerDuty users with no Firebreak user of that email: created without a password. */
  users: Array<{ email: string; name: string; timeZone?: string }>;
  teams: Array<{ name: string; description?: string; members: string[] }>;
  /** PagerDuty overrides: this person alone is on call for the range. */
  overrides: Array<{ schedule: string; email: string; start: string; end: string }>;
}

/** Translates PagerDuty's answers; users missing in Firebreak become users to create (by email). `now` decides which layers have ended. */
export function importPagerDuty(pd: PagerDutyExport, knownEmails: ReadonlySet<string>, now: Date): ImportResult {
  const skipped: Skipped[] = [];
  const people: PeopleToImport = { users: [], teams: [], overrides: [] };
  const email = new Map(pd.users.map((u) => [u.id, u.email.trim().toLowerCase()]));
  for (const u of pd.users) {
    const e = u.email.trim().toLowerCase();
    if (knownEmails.has(e)) continue;
    const zone = u.time_zone && DateTime.local().setZone(u.time_zone).isValid ? u.time_zone : undefined;
    people.users.push({ email: e, name: (u.name ?? e).slice(0, 200), ...(zone ? { timeZone: zone } : {}) });
  }
  const known = (id: string) => email.get(id);

  for (const t of pd.teams ?? []) {
    const members = t.members.map((id) => known(id)).filter((e): e is string => e !== undefined);
    for (const id of t.members) if (!known(id)) skipped.push({ what: `team ${t.name} member ${id}`, why: 'not among the users PagerDuty listed' });
    people.teams.push({ name: t.name, ...(t.description ? { description: t.description } : {}), members: [...new Set(members)].sort() });
  }

  const schedules: ManifestSchedule[] = [];
  const finals: VendorFinalSchedule[] = [];
  const scheduleName = new Map<string, string>();
  const nowMs = now.getTime();
  for (const s of pd.schedules) {
    if (!DateTime.local().setZone(s.time_zone).isValid) {
      skipped.push({ what: `schedule ${s.name}`, why: `time zone "${s.time_zone}" is not an IANA zone; change it in PagerDuty (same hours, IANA name) and import again` });
      continue;
    }
    const layers: Layer[] = [];
    for (const [i, l] of s.schedule_layers.entries()) {
      const name = l.name ?? `Layer ${i + 1}`;
      const what = `schedule ${s.name} layer ${name}`;
      if (l.end && Date.parse(l.end) <= nowMs) {
        skipped.push({ what, why: `it ended ${l.end}: nobody is on call through it any more` });
        continue;
      }
      const length = lengthOf(l.rotation_turn_length_seconds);
      if (!length) {
        skipped.push({ what, why: `a turn of ${l.rotation_turn_length_seconds} s is not whole hours, days or weeks` });
        continue;
      }
      const missing = l.users.filter((u) => !known(u.user.id));
      if (missing.length > 0 || l.users.length === 0) {
        // Leaving one person out would shift everyone else's turns.
        skipped.push({ what, why: l.users.length === 0 ? 'it has no users' : `its users ${missing.map((u) => u.user.summary ?? u.user.id).join(', ')} are not among the users PagerDuty listed` });
        continue;
      }
      const restrictions: Restriction[] = [];
      const unmapped = (l.restrictions ?? []).filter((r) => {
        const mapped = restrictionWindows(r);
        if (mapped) restrictions.push(...mapped);
        return !mapped;
      });
      if (unmapped.length) {
        // Around the clock would put someone on call who is not: leave the layer out instead.
        const r = unmapped[0]!;
        skipped.push({ what, why: `its ${r.type} from ${r.start_time_of_day} for ${r.duration_seconds} s is not in whole minutes` });
        continue;
      }
      // A restriction of a whole day or week leaves the layer on around the clock.
      const aroundTheClock = (l.restrictions ?? []).some((r) => restrictionWindows(r)?.length === 0);
      if (l.end) skipped.push({ what: `${what} end`, why: `layers do not end in Firebreak (it ends ${l.end}); remove the layer then` });
      // Firebreak's first hand-off is the layer's start: the hand-off at or before PagerDuty's start, participants turned to match.
      const virtual = DateTime.fromISO(l.rotation_virtual_start, { setZone: true }).setZone(s.time_zone);
      const layerStart = DateTime.fromISO(l.start, { setZone: true });
      let k = 0;
      while (handoff(virtual, l.rotation_turn_length_seconds, k + 1) <= layerStart) k++;
      const first = handoff(virtual, l.rotation_turn_length_seconds, k);
      if (first < layerStart && layerStart.toMillis() > nowMs) skipped.push({ what: `${what} start`, why: `it starts ${l.start}, within a turn; Firebreak starts it at that turn's hand-off ${first.toISO()}` });
      const ordered = l.users.map((u) => known(u.user.id)!);
      const participants = ordered.map((_, j) => ordered[(j + k) % ordered.length]!);
      layers.push({ name, start: first.toFormat("yyyy-MM-dd'T'HH:mm"), length, participants, ...(restrictions.length && !aroundTheClock ? { restrictions } : {}) });
    }
    scheduleName.set(s.id, s.name);
    const rendered = s.final_schedule?.rendered_schedule_entries;
    if (rendered) finals.push({ schedule: s.name, entries: rendered.flatMap((e) => (e.user && known(e.user.id) ? [{ start: Date.parse(e.start), end: Date.parse(e.end), email: known(e.user.id)! }] : [])) });
    schedules.push({ name: s.name, ...(s.description ? { description: s.description } : {}), timeZone: s.time_zone, layers });
  }

  for (const o of pd.overrides ?? []) {
    const schedule = scheduleName.get(o.scheduleId);
    const who = known(o.user.id);
    if (!schedule) skipped.push({ what: `override ${o.start}–${o.end}`, why: 'its schedule is not imported' });
    else if (!who) skipped.push({ what: `override on ${schedule} ${o.start}–${o.end}`, why: `${o.user.summary ?? o.user.id} is not among the users PagerDuty listed` });
    else people.overrides.push({ schedule, email: who, start: new Date(o.start).toISOString(), end: new Date(o.end).toISOString() });
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
  return { manifest: { version: 1, services, integrations, schedules, escalationPolicies: policies }, skipped, people, finals };
}
