/**
 * The one generator of synthetic incident history for tests and benchmarks:
 * a seeded random source (mulberry32, so a failing history is reproduced by
 * its seed) and the incidents drawn from it, seen three ways:
 * - `familyHistory`: families of incidents that are the same problem
 *   recurring (same failure words, usually the same alert rule, often the same
 *   fingerprint and service), written differently each time, over a
 *   background of words every outage shares; families share services, so the
 *   service alone never decides (the similar-incidents test and benchmark);
 * - `timedHistory`: incidents with designed key times (acknowledged, shared
 *   picture, mitigated, resolved, action items), which `src/testing/metrics.ts`
 *   turns into event logs and rows (the metrics test and benchmark);
 * - `randomNextEvent` (synthetic-events.ts): a random event valid next for an
 *   incident's state (the replay property test).
 */
import { randomUUID } from 'node:crypto';
import type { Severity } from '../domains/incidents/model.js';
import type { IncidentDoc } from '../domains/similar/similarity.js';

/** A seeded random source: numbers in [0, 1), whole numbers in a range, a pick from a list. */
export interface SeededRandom {
  next(): number;
  /** A whole number from lo to hi, both included. */
  int(lo: number, hi: number): number;
  pick<T>(xs: readonly T[]): T;
}

/** mulberry32: small, fast and the same on every run for a seed. */
export function seededRandom(seed: number): SeededRandom {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
  };
}

const FAMILY_SERVICES = ['checkout-api', 'payments', 'search', 'login', 'orders-db', 'cdn-edge', 'notifications', 'inventory', 'billing', 'gateway'];
/** The failure a family is about: its own words. */
const FAILURES = [
  'tls certificate expired pinning handshake',
  'connection pool exhausted postgres replica lag',
  'kafka consumer stuck poison message backlog',
  'dns resolution failing coredns timeout',
  'memory leak oom killed pods restart',
  'disk full volume write errors',
  'rate limiter misconfigured throttling 429',
  'feature flag rollout broke cart',
  'redis eviction cache stampede',
  'cron job duplicated invoices',
  'third party provider outage webhook',
  'deploy regression null pointer serializer',
  'load balancer health check flapping',
  'clock skew token validation jwt',
  'elasticsearch shard unassigned red cluster',
  'smtp relay rejecting mail queue',
  'cdn purge stale assets javascript',
  'schema migration lock table blocked',
  'autoscaler stuck capacity quota',
  'sso identity provider saml metadata',
  'payment gateway 3ds challenge loop',
  'image resizing worker crashloop',
  'bgp route leak packet loss region',
  'nginx buffer upstream header too big',
  'batch export s3 permission denied',
  'search index reindex missing documents',
  'websocket disconnects proxy idle timeout',
  'grpc deadline exceeded retries storm',
  'currency conversion rate stale',
  'push notification apns certificate',
  'vault secret rotation lease expired',
  'cpu throttling cgroup limits latency',
  'thread pool deadlock jvm hang',
  'object storage eventual consistency reads',
  'ipv6 misroute mobile clients',
  'session store sticky sessions lost carts',
  'geoip database outdated blocking',
  'log volume ingestion dropped',
  'ntp drift certificates not yet valid',
  'queue visibility timeout redelivery duplicates',
];
const COMMON = ['customers', 'errors', 'elevated', 'failing', 'users', 'requests', 'degraded', 'latency', 'outage', 'intermittent', 'checkout', 'production', 'spike', 'impact', 'investigating', 'broken'];

export interface FamilyIncident extends IncidentDoc {
  family: number;
}

/** `families` × `perFamily` incidents; each family's members are each other's expected neighbours. */
export function familyHistory(families = 40, perFamily = 6, seed = 20261206): FamilyIncident[] {
  const random = seededRandom(seed);
  const rnd = random.next;
  const pick = random.pick;
  const out: FamilyIncident[] = [];
  for (let f = 0; f < families; f++) {
    const words = FAILURES[f % FAILURES.length]!.split(' ');
    const service = FAMILY_SERVICES[f % FAMILY_SERVICES.length]!;
    const rule = `${words[0]!.replace(/[^a-z]/g, '')}_${words[1]!.replace(/[^a-z]/g, '')}`.replace(/(^|_)([a-z])/g, (_, s: string, c: string) => `${s}${c.toUpperCase()}`).replace(/_/g, '');
    const fingerprint = `fp-${f.toString(16).padStart(4, '0')}`;
    for (let m = 0; m < perFamily; m++) {
      // Each member uses about half the family's words, in its own order, among common outage words.
      const own = words.filter(() => rnd() < 0.55);
      if (own.length < 2) own.push(words[m % words.length]!, words[(m + 2) % words.length]!);
      const noise = Array.from({ length: 4 + Math.floor(rnd() * 4) }, () => pick(COMMON));
      const text = [...own, ...noise].sort(() => rnd() - 0.5).join(' ');
      // Some were declared by hand (no alert); some surfaced on another service.
      const byHand = rnd() < 0.2;
      const elsewhere = rnd() < 0.15;
      out.push({
        id: `f${String(f).padStart(2, '0')}-m${m}`,
        family: f,
        text,
        services: [elsewhere ? pick(FAMILY_SERVICES) : service],
        rules: byHand ? [] : [rule],
        fingerprints: byHand || rnd() < 0.4 ? [] : [fingerprint],
      });
    }
  }
  return out;
}

/** Mean share of each incident's top-3 that belong to its own family. */
export function topThreePrecision(history: readonly FamilyIncident[], rank: (target: FamilyIncident, all: readonly FamilyIncident[]) => Array<{ id: string }>): number {
  const family = new Map(history.map((h) => [h.id, h.family]));
  let sum = 0;
  for (const target of history) {
    const top = rank(target, history).slice(0, 3);
    sum += top.filter((m) => family.get(m.id) === target.family).length / 3;
  }
  return sum / history.length;
}

export const TIMED_HISTORY_START = Date.parse('2026-01-05T00:00:00.000Z');
export const TIMED_SERVICES = ['checkout', 'search', 'payments', 'ledger'] as const;

/** The times an incident was designed with (seconds after declaration; null = never happened). */
export interface TimedIncident {
  id: string;
  severity: Severity;
  services: string[];
  drill: boolean;
  declaredAt: number;
  ack: number;
  sharedPicture: number;
  mitigated: number | null;
  resolved: number | null;
  /** Seconds from the first symptom to the declaration. */
  detection: number | null;
  commitmentMet: boolean;
  reminders: number;
  /** Action items of its postmortem, in seconds after declaration (closed/due null = not closed / no due date). */
  actionItems: Array<{ created: number; closed: number | null; due: number | null }>;
}

/** `count` incidents over about six months with designed key times (`TIMED_SERVICES`, drills among them). */
export function timedHistory(count: number, seed = 11): TimedIncident[] {
  const random = seededRandom(seed);
  const rand = random.next;
  const int = random.int;
  const out: TimedIncident[] = [];
  for (let i = 0; i < count; i++) {
    const ack = int(0, 1800);
    const sharedPicture = ack + int(60, 3600);
    const mitigated = rand() < 0.85 ? sharedPicture + int(600, 7200) : null;
    const resolved = mitigated !== null && rand() < 0.9 ? mitigated + int(1800, 3 * 3600) : null;
    out.push({
      id: randomUUID(),
      severity: (['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const)[int(0, 3)]!,
      services: TIMED_SERVICES.filter(() => rand() < 0.4).slice(0, 2),
      drill: i % 9 === 4,
      // Spread over about six months, at whole seconds.
      declaredAt: TIMED_HISTORY_START + int(0, 180 * 86_400) * 1000,
      ack,
      sharedPicture,
      mitigated,
      resolved,
      detection: rand() < 0.7 ? int(30, 7200) : null,
      commitmentMet: rand() < 0.75,
      reminders: int(0, 2),
      actionItems: Array.from({ length: rand() < 0.5 ? 0 : int(1, 3) }, () => {
        const created = int(86_400, 5 * 86_400);
        return { created, closed: rand() < 0.5 ? created + int(3600, 30 * 86_400) : null, due: rand() < 0.8 ? created + int(86_400, 200 * 86_400) : null };
      }),
    });
  }
  return out;
}
