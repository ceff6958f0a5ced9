/**
 * A designed incident history with known neighbours, for the similarity test
 * and benchmark: families of incidents that are the same problem recurring
 * (same failure words, usually the same alert rule, often the same
 * fingerprint and service), written differently each time, over a background
 * of words every outage shares. Families share services with each other, so
 * the service alone never decides. Deterministic (seeded).
 */
import type { IncidentDoc } from './similarity.js';

/** A small seeded generator (mulberry32): the same history on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SERVICES = ['checkout-api', 'payments', 'search', 'login', 'orders-db', 'cdn-edge', 'notifications', 'inventory', 'billing', 'gateway'];
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

export interface DesignedIncident extends IncidentDoc {
  family: number;
}

/** `families` × `perFamily` incidents; each family's members are each other's expected neighbours. */
export function designedHistory(families = 40, perFamily = 6, seed = 20261206): DesignedIncident[] {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const out: DesignedIncident[] = [];
  for (let f = 0; f < families; f++) {
    const words = FAILURES[f % FAILURES.length]!.split(' ');
    const service = SERVICES[f % SERVICES.length]!;
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
        services: [elsewhere ? pick(SERVICES) : service],
        rules: byHand ? [] : [rule],
        fingerprints: byHand || rnd() < 0.4 ? [] : [fingerprint],
      });
    }
  }
  return out;
}

/** Mean share of each incident's top-3 that belong to its own family. */
export function topThreePrecision(history: readonly DesignedIncident[], rank: (target: DesignedIncident, all: readonly DesignedIncident[]) => Array<{ id: string }>): number {
  const family = new Map(history.map((h) => [h.id, h.family]));
  let sum = 0;
  for (const target of history) {
    const top = rank(target, history).slice(0, 3);
    sum += top.filter((m) => family.get(m.id) === target.family).length / 3;
  }
  return sum / history.length;
}
