/**
 * Incident facts as CloudEvents 1.0 (JSON event format, structured mode).
 * Pure. The event id is the same for every retry of one fact, so a receiver
 * deduplicates by it.
 */
import type { FactContext, IncidentFact, IncidentFactKind } from '../incidents/facts.js';

/** The facts other automation may subscribe to, and their CloudEvents types. */
export const WEBHOOK_FACTS = {
  declared: 'dev.firebreak.incident.declared',
  severity_changed: 'dev.firebreak.incident.severity_changed',
  mitigated: 'dev.firebreak.incident.mitigated',
  resolved: 'dev.firebreak.incident.resolved',
  published_publicly: 'dev.firebreak.incident.public_update',
} as const satisfies Partial<Record<IncidentFactKind, string>>;

export type WebhookFactKind = keyof typeof WEBHOOK_FACTS;
export const WEBHOOK_FACT_KINDS = Object.keys(WEBHOOK_FACTS) as WebhookFactKind[];
export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json; charset=utf-8';

export interface CloudEvent {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  subject: string;
  time: string;
  datacontenttype: 'application/json';
  data: Record<string, unknown>;
}

/** The CloudEvent for one fact of an append; `baseUrl` (the public URL, or a path) makes the source and links. */
export function incidentCloudEvent(fact: IncidentFact & { kind: WebhookFactKind }, context: FactContext, serviceNames: readonly string[], baseUrl: string): CloudEvent {
  const { after, event, incident } = context;
  const { kind, ...detail } = fact;
  return {
    specversion: '1.0',
    id: `${incident.id}:${event.seq}:${kind}`,
    source: `${baseUrl}/incidents`,
    type: WEBHOOK_FACTS[kind],
    subject: incident.ref,
    time: event.occurredAt,
    datacontenttype: 'application/json',
    data: {
      fact: kind,
      ...detail,
      incident: {
        id: incident.id,
        ref: incident.ref,
        title: after.title,
        severity: after.severity,
        status: after.status,
        services: serviceNames,
        drill: after.drill,
        url: `${baseUrl}/incidents/${incident.id}`,
      },
    },
  };
}
