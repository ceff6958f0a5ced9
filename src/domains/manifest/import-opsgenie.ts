/**
 * Opsgenie's REST answers (users, teams with members, schedules with
 * rotations, schedule overrides, escalations) as a manifest plus the people
 * to create and the overrides to copy: the same import as PagerDuty's
 * (import-run.ts). What has no faithful Firebreak equivalent is listed with why.
 * Pure.
 *
 * Rotations: all of an Opsgenie schedule's rotations are on call at the same
 * time (its on-call people are their union), where Firebreak's later layer
 * wins. So a schedule of one rotation becomes one Firebreak schedule, and one
 * of several rotations one Firebreak schedule per rotation ("<schedule> /
 * <rotation>"), every escalation rule targeting the Opsgenie schedule
 * targeting all of them (ARCHITECTURE.md, "Importing from PagerDuty and
 * Opsgenie").
 */
import { DateTime } from 'luxon';
import type { Static } from '@sinclair/typebox';
import type { ManifestIntegration, ManifestLayer, ManifestPolicy, ManifestSchedule, ManifestService } from './document.js';
import type { VendorFinalSchedule } from './import-check.js';
import type { ImportResult, PeopleToImport, Skipped } from './import-pagerduty.js';

type Layer = Static<typeof ManifestLayer>;
type Restriction = NonNullable<Layer['restrictions']>[number];

interface Recipient { type: string; id?: string; name?: string; username?: string }
interface TimeOfDay { startHour?: number; startMin?: number; endHour?: number; endMin?: number }
interface WeekdayTime extends TimeOfDay { startDay?: string; endDay?: string }
export interface OpsgenieRotation {
  id?: string;
  name?: string;
  startDate?: string;
  endDate?: string;
  type?: string;
  length?: number;
  participants?: Recipient[];
  timeRestriction?: { type: string; restriction?: TimeOfDay; restrictions?: WeekdayTime[] };
}
export interface OpsgenieExport {
  users: Array<{ id: string; username: string; fullName?: string; timeZone?: string }>;
  /** Teams with members (GET /v2/teams/{identifier}). */
  teams?: Array<{ id: string; name: string; description?: string; members?: Array<{ user?: { id?: string; username?: string } }> }>;
  /** GET /v2/schedules?expand=rotation. */
  schedules: Array<{ id: string; name: string; description?: string; timezone?: string; enabled?: boolean; rotations?: OpsgenieRotation[] }>;
  /** GET /v2/schedules/{identifier}/overrides, each with its schedule (`_parent`). */
  overrides?: Array<{ _parent?: { id?: string }; scheduleId?: string; user?: Recipient; startDate?: string; endDate?: string; rotations?: Array<{ id?: string; name?: string }> }>;
  escalations: Array<{ id: string; name: string; description?: string; ownerTeam?: { id?: string; name?: string }; rules?: Array<{ condition?: string; notifyType?: string; delay?: { timeAmount: number; timeUnit?: string }; recipient?: Recipient }>; repeat?: { waitInterval?: number | null; count?: number | null } }>;
  /** GET /v2/integrations (IntegrationMeta: id, name, type, enabled, teamId). */
  integrations?: OpsgenieIntegration[];
  /** GET /v2/schedules/{identifier}/timeline: the vendor's own answer, to check the translation against. */
  timelines?: Array<{ _parent?: { id?: string }; finalTimeline?: { rotations?: Array<{ periods?: Array<{ startDate: string; endDate: string; recipient?: Recipient }> }> } }>;
}

export interface OpsgenieIntegration { id?: string; name: string; type?: string; enabled?: boolean; teamId?: string }

/**
 * Opsgenie integration types Firebreak takes, and as which kind. `API` senders
 * use Opsgenie's Alert API: Firebreak's drop-in (`opsgenie`), only the URL and
 * key change. `Prometheus` is Alertmanager and `Grafana` Grafana: their native
 * Firebreak kinds keep every label and the resolve of each alert, so they are
 * taken as those (the sender's receiver becomes a webhook to the printed URL).
 */
const INTEGRATION_KINDS: Record<string, ManifestIntegration['kind']> = { API: 'opsgenie', Prometheus: 'alertmanager', Grafana: 'grafana', GrafanaV2: 'grafana' };

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

function hhmm(h = 0, m = 0): string | undefined {
  if (!Number.isInteger(h) || !Number.isInteger(m) || h < 0 || h > 24 || m < 0 || m > 59) return undefined;
  return `${String(h % 24).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/**
 * An Opsgenie time restriction as Firebreak's per-day windows in the
 * schedule's zone. A weekday window over several days is its first day to
 * midnight, whole days, and its last day's morning. Undefined when malformed.
 */
export function opsgenieWindows(r: NonNullable<OpsgenieRotation['timeRestriction']>): Restriction[] | undefined {
  if (r.type === 'time-of-day' && r.restriction) {
    const from = hhmm(r.restriction.startHour, r.restriction.startMin);
    const to = hhmm(r.restriction.endHour, r.restriction.endMin);
    // Firebreak's `to` at or before `from` ends on the next day, as Opsgenie's does.
    return from && to ? [{ days: [1, 2, 3, 4, 5, 6, 7], from, to }] : undefined;
  }
  if (r.type !== 'weekday-and-time-of-day' || !r.restrictions?.length) return undefined;
  const out: Restriction[] = [];
  for (const w of r.restrictions) {
    const start = DAYS.indexOf(w.startDay ?? '');
    const end = DAYS.indexOf(w.endDay ?? '');
    const from = hhmm(w.startHour, w.startMin);
    const to = hhmm(w.endHour, w.endMin);
    if (start < 0 || end < 0 || !from || !to) return undefined;
    let span = (end - start + 7) % 7;
    if (span === 0 && to <= from) span = 7;
    if (span === 0) {
      out.push({ days: [start + 1], from, to });
      continue;
    }
    out.push({ days: [start + 1], from, to: '00:00' });
    const whole = Array.from({ length: span - 1 }, (_, i) => ((start + 1 + i) % 7) + 1);
    if (whole.length) out.push({ days: whole, from: '00:00', to: '00:00' });
    if (to !== '00:00') out.push({ days: [((start + span) % 7) + 1], from: '00:00', to });
  }
  return out;
}

function lengthOf(r: OpsgenieRotation): Layer['length'] | undefined {
  const count = r.length ?? 1;
  if (!Number.isInteger(count) || count < 1 || count > 1000) return undefined;
  if (r.type === 'hourly') return { unit: 'hours', count };
  if (r.type === 'daily') return { unit: 'days', count };
  if (r.type === 'weekly') return { unit: 'weeks', count };
  return undefined;
}

/** Translates Opsgenie's answers; users missing in Firebreak become users to create (by email, Opsgenie's username). `now` decides which rotations have ended. */
export function importOpsgenie(og: OpsgenieExport, knownEmails: ReadonlySet<string>, now: Date): ImportResult {
  const skipped: Skipped[] = [];
  const people: PeopleToImport = { users: [], teams: [], overrides: [] };
  const email = new Map(og.users.map((u) => [u.id, u.username.trim().toLowerCase()]));
  for (const u of og.users) {
    const e = u.username.trim().toLowerCase();
    if (knownEmails.has(e)) continue;
    const zone = u.timeZone && DateTime.local().setZone(u.timeZone).isValid ? u.timeZone : undefined;
    people.users.push({ email: e, name: (u.fullName ?? e).slice(0, 200), ...(zone ? { timeZone: zone } : {}) });
  }
  const known = (r?: { id?: string; username?: string }) => (r?.id ? email.get(r.id) : undefined) ?? (r?.username && [...email.values()].includes(r.username.toLowerCase()) ? r.username.toLowerCase() : undefined);

  const teamName = new Map<string, string>();
  for (const t of og.teams ?? []) {
    teamName.set(t.id, t.name);
    const members = (t.members ?? []).map((m) => known(m.user)).filter((e): e is string => e !== undefined);
    for (const m of t.members ?? []) if (!known(m.user)) skipped.push({ what: `team ${t.name} member ${m.user?.username ?? m.user?.id}`, why: 'not among the users Opsgenie listed' });
    people.teams.push({ name: t.name, ...(t.description ? { description: t.description } : {}), members: [...new Set(members)].sort() });
  }

  const schedules: ManifestSchedule[] = [];
  /** Opsgenie schedule id → the Firebreak schedules it became, by rotation id. */
  const became = new Map<string, Map<string, string>>();
  const nowMs = now.getTime();
  for (const s of og.schedules) {
    const zone = s.timezone ?? '';
    if (!DateTime.local().setZone(zone).isValid) {
      skipped.push({ what: `schedule ${s.name}`, why: `time zone "${zone}" is not an IANA zone` });
      continue;
    }
    if (s.enabled === false) skipped.push({ what: `schedule ${s.name} (disabled)`, why: 'imported enabled: Firebreak schedules cannot be disabled; remove it from the escalation policies that should not use it' });
    const rotations = s.rotations ?? [];
    const byRotation = new Map<string, string>();
    for (const [i, r] of rotations.entries()) {
      const rotationName = r.name ?? `Rotation ${i + 1}`;
      const name = rotations.length === 1 ? s.name : `${s.name} / ${rotationName}`;
      const what = `schedule ${s.name} rotation ${rotationName}`;
      if (r.endDate && Date.parse(r.endDate) <= nowMs) {
        skipped.push({ what, why: `it ended ${r.endDate}: nobody is on call through it any more` });
        continue;
      }
      const length = lengthOf(r);
      if (!length || !r.startDate) {
        skipped.push({ what, why: `a ${r.type ?? 'rotation'} of length ${r.length ?? '?'} is not whole hours, days or weeks (or it has no start)` });
        continue;
      }
      const others = (r.participants ?? []).filter((p) => p.type !== 'user' || !known(p));
      if (others.length || !r.participants?.length) {
        // Leaving one participant out would shift everyone else's turns.
        skipped.push({ what, why: !r.participants?.length ? 'it has no participants' : `its participants ${others.map((p) => `${p.type} ${p.name ?? p.username ?? p.id}`).join(', ')} are not users Opsgenie listed (Firebreak rotations take people)` });
        continue;
      }
      let restrictions: Restriction[] | undefined;
      if (r.timeRestriction) {
        restrictions = opsgenieWindows(r.timeRestriction);
        if (!restrictions) {
          // Around the clock would put someone on call who is not: leave the rotation out instead.
          skipped.push({ what, why: `its ${r.timeRestriction.type} restriction cannot be read` });
          continue;
        }
      }
      if (r.endDate) skipped.push({ what: `${what} end`, why: `Firebreak layers do not end (it ends ${r.endDate}); remove the schedule ${name} then` });
      const start = DateTime.fromISO(r.startDate, { setZone: true }).setZone(zone).toFormat("yyyy-MM-dd'T'HH:mm");
      const participants = r.participants.map((p) => known(p)!);
      byRotation.set(r.id ?? rotationName, name);
      schedules.push({ name, ...(s.description ? { description: s.description } : {}), timeZone: zone, layers: [{ name: rotationName, start, length, participants, ...(restrictions?.length ? { restrictions } : {}) }] });
    }
    if (rotations.length === 0) {
      schedules.push({ name: s.name, ...(s.description ? { description: s.description } : {}), timeZone: zone, layers: [] });
      byRotation.set('', s.name);
    }
    became.set(s.id, byRotation);
  }

  for (const o of og.overrides ?? []) {
    const scheduleId = o.scheduleId ?? o._parent?.id ?? '';
    const targets = became.get(scheduleId);
    const who = known(o.user);
    const range = `${o.startDate}–${o.endDate}`;
    if (!targets || targets.size === 0) skipped.push({ what: `override ${range}`, why: 'its schedule is not imported' });
    else if (!who || !o.startDate || !o.endDate) skipped.push({ what: `override ${range}`, why: `${o.user?.type ?? 'its recipient'} ${o.user?.username ?? o.user?.id ?? ''} is not among the users Opsgenie listed` });
    else {
      // Scoped to rotations: those rotations' schedules; otherwise it takes precedence over all of them (alone on call).
      const scoped = (o.rotations ?? []).map((r) => targets.get(r.id ?? '') ?? [...targets.entries()].find(([id]) => id === r.name)?.[1]);
      const names = o.rotations?.length ? scoped.filter((n): n is string => n !== undefined) : [...targets.values()];
      if (o.rotations?.length && names.length < o.rotations.length) skipped.push({ what: `override ${range} on rotations not imported`, why: 'their rotations are not imported' });
      for (const schedule of names) people.overrides.push({ schedule, email: who, start: new Date(o.startDate).toISOString(), end: new Date(o.endDate).toISOString() });
    }
  }

  const policies: ManifestPolicy[] = [];
  for (const p of og.escalations) {
    // Opsgenie's delay counts from the alert's creation; Firebreak's from the previous step: rules of one delay are one step.
    const byDelay = new Map<number, ManifestPolicy['steps'][number]['targets']>();
    for (const [i, rule] of (p.rules ?? []).entries()) {
      const what = `escalation ${p.name} rule ${i + 1}`;
      const minutes = minutesOf(rule.delay);
      const r = rule.recipient;
      if (minutes === undefined) {
        skipped.push({ what, why: `its delay ${rule.delay?.timeAmount} ${rule.delay?.timeUnit ?? 'minutes'} is not whole minutes up to a day` });
        continue;
      }
      const targets: ManifestPolicy['steps'][number]['targets'] = [];
      if (r?.type === 'user' && known(r)) targets.push({ type: 'user', name: known(r)! });
      else if (r?.type === 'schedule' && (rule.notifyType ?? 'default') === 'default' && became.get(r.id ?? '')?.size) for (const name of became.get(r.id ?? '')!.values()) targets.push({ type: 'schedule', name });
      else if (r?.type === 'schedule' && became.get(r.id ?? '')?.size) skipped.push({ what, why: `notifying the ${rule.notifyType} on-call of a schedule has no Firebreak equivalent (a step pages whoever is on call now)` });
      else if (r?.type === 'team' && (teamName.has(r.id ?? '') || r.name) && ['default', 'all'].includes(rule.notifyType ?? 'default')) {
        // A Firebreak team target pages every member: Opsgenie's `all`; its `default` follows the team's routing rules instead.
        targets.push({ type: 'team', name: teamName.get(r.id ?? '') ?? r.name! });
        if ((rule.notifyType ?? 'default') === 'default') skipped.push({ what: `${what} team routing`, why: `Opsgenie notifies team ${r.name ?? r.id} through its routing rules; Firebreak pages all its members (target its schedule instead to page only who is on call)` });
      } else if (r?.type === 'team') skipped.push({ what, why: `notifying the ${rule.notifyType} of team ${r.name ?? r.id} has no Firebreak equivalent (a team target pages all members)` });
      else skipped.push({ what, why: `a ${r?.type ?? 'recipient'} ${r?.name ?? r?.username ?? r?.id ?? ''} Firebreak cannot page` });
      if (!targets.length) continue;
      if (rule.condition === 'if-not-closed') skipped.push({ what: `${what} condition`, why: 'if-not-closed: Firebreak stops escalating at the acknowledgement, not the close' });
      byDelay.set(minutes, [...(byDelay.get(minutes) ?? []), ...targets]);
    }
    const delays = [...byDelay.keys()].sort((a, b) => a - b);
    if (delays.length === 0) {
      skipped.push({ what: `escalation ${p.name}`, why: 'none of its recipients can be imported' });
      continue;
    }
    const steps = delays.map((d, i) => ({ delaySeconds: (d - (i === 0 ? 0 : delays[i - 1]!)) * 60, targets: byDelay.get(d)!.slice(0, 20) }));
    const repeat = Math.min(p.repeat?.count ?? 0, 10);
    if ((p.repeat?.count ?? 0) > 10) skipped.push({ what: `escalation ${p.name} repeat`, why: `Firebreak repeats at most 10 times, Opsgenie ${p.repeat?.count}` });
    policies.push({ name: p.name, ...(p.description ? { description: p.description } : {}), repeat, ...(repeat ? { repeatDelaySeconds: Math.min((p.repeat?.waitInterval ?? 0) * 60, 86400) } : {}), steps });
  }

  const { services, integrations } = servicesOf(og, teamName, new Set(policies.map((p) => p.name)), skipped);

  const finals: VendorFinalSchedule[] = [];
  for (const t of og.timelines ?? []) {
    const s = og.schedules.find((x) => x.id === t._parent?.id);
    const targets = s ? became.get(s.id) : undefined;
    if (!s || !targets?.size) continue;
    const entries = (t.finalTimeline?.rotations ?? []).flatMap((r) => (r.periods ?? []).flatMap((p) => (p.recipient?.type === 'user' && known(p.recipient) ? [{ start: Date.parse(p.startDate), end: Date.parse(p.endDate), email: known(p.recipient)! }] : [])));
    finals.push({ schedule: s.name, schedules: [...targets.values()], entries });
  }
  return { manifest: { version: 1, services, integrations, schedules, escalationPolicies: policies }, skipped, people, finals };
}

/**
 * Each team owning integrations Firebreak takes becomes a service of its name,
 * paged through the team's escalation when it owns exactly one (imported);
 * each such integration an integration on it, disabled ones disabled.
 */
function servicesOf(og: OpsgenieExport, teamName: ReadonlyMap<string, string>, policies: ReadonlySet<string>, skipped: Skipped[]): { services: ManifestService[]; integrations: ManifestIntegration[] } {
  const services: ManifestService[] = [];
  const integrations: ManifestIntegration[] = [];
  for (const i of og.integrations ?? []) {
    const what = `integration ${i.name} (${i.type ?? 'no type'})`;
    const kind = INTEGRATION_KINDS[i.type ?? ''];
    const team = teamName.get(i.teamId ?? '');
    if (!kind) {
      skipped.push({ what, why: `an Opsgenie ${i.type ?? ''} integration has no Firebreak equivalent; point the sender at a Firebreak opsgenie, Alertmanager, Grafana or generic integration instead` });
      continue;
    }
    if (!team) {
      skipped.push({ what, why: i.teamId ? `its team ${i.teamId} is not among the teams Opsgenie listed` : 'it has no owner team, and a Firebreak integration belongs to a service (one per owner team); create it on the service its alerts are about' });
      continue;
    }
    if (!services.some((s) => s.name === team)) {
      const owned = og.escalations.filter((e) => e.ownerTeam?.id === i.teamId || (!e.ownerTeam?.id && e.ownerTeam?.name === team));
      const policy = owned.length === 1 && policies.has(owned[0]!.name) ? owned[0]!.name : undefined;
      if (!policy) {
        const why = owned.length === 0 ? `team ${team} owns no escalation` : owned.length === 1 ? `its escalation ${owned[0]!.name} is not imported` : `team ${team} owns ${owned.length} escalations (${owned.map((e) => e.name).join(', ')})`;
        skipped.push({ what: `service ${team} escalation policy`, why: `${why}: choose one and set it (escalationPolicy in firebreak.yaml, or firebreak service update); the service has none until then` });
      }
      services.push({ name: team, ownerTeam: team, ...(policy ? { escalationPolicy: policy } : {}) });
    }
    integrations.push({ service: team, name: i.name, kind, ...(i.enabled === false ? { enabled: false } : {}) });
  }
  return { services, integrations };
}

/** A delay in whole minutes up to a day, or undefined. */
function minutesOf(d?: { timeAmount: number; timeUnit?: string }): number | undefined {
  if (!d) return 0;
  const per: Record<string, number> = { minutes: 1, hours: 60, days: 1440 };
  const m = d.timeAmount * (per[d.timeUnit ?? 'minutes'] ?? NaN);
  return Number.isInteger(m) && m >= 0 && m <= 1440 ? m : undefined;
}
