/**
 * Falling through to the next channel: a delivery may carry, as JSON, the
 * delivery to send instead if it fails for good (a page's SMS failing moves
 * on to a voice call). The next one is written in the same transaction that
 * records the failure, so the chain survives a crash between the two.
 */
import { randomUUID } from 'node:crypto';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { DeliveryRow } from './store.js';
import { clockNow } from '../../clock.js';

const Channel = Type.Union(['email', 'webhook', 'slack', 'sms', 'voice', 'push'].map((c) => Type.Literal(c)));

/** What it takes to send a delivery later; `fallback` nests the one after it. */
export const DeliveryTemplateSchema = Type.Recursive((Self) =>
  Type.Object({
    channel: Channel,
    recipientUserId: Type.Union([Type.String(), Type.Null()]),
    address: Type.String(),
    subject: Type.Union([Type.String(), Type.Null()]),
    text: Type.Union([Type.String(), Type.Null()]),
    payload: Type.Union([Type.String(), Type.Null()]),
    secret: Type.Union([Type.String(), Type.Null()]),
    reason: Type.String(),
    incidentId: Type.Union([Type.String(), Type.Null()]),
    fallback: Type.Union([Self, Type.Null()]),
  }),
);
export type DeliveryTemplate = Static<typeof DeliveryTemplateSchema>;

/** A queued delivery row from a template (its own fallback carried along as JSON). */
export function deliveryFromTemplate(t: DeliveryTemplate, now: string): DeliveryRow {
  return {
    id: randomUUID(),
    channel: t.channel as DeliveryRow['channel'],
    recipient_user_id: t.recipientUserId,
    recipient_address: t.address,
    subject: t.subject,
    body_text: t.text,
    payload: t.payload,
    headers: null,
    signing_secret: t.secret,
    reason: t.reason,
    incident_id: t.incidentId,
    status: 'queued',
    status_detail: null,
    attempts: 0,
    created_at: now,
    updated_at: now,
    sent_at: null,
    fallback: t.fallback ? JSON.stringify(t.fallback) : null,
  };
}

/** The delivery to try after this one failed, or undefined (none, or not a template this version understands). */
export function fallbackOf(row: Pick<DeliveryRow, 'fallback'>): DeliveryRow | undefined {
  if (!row.fallback) return undefined;
  const parsed: unknown = JSON.parse(row.fallback);
  if (!Value.Check(DeliveryTemplateSchema, parsed)) return undefined;
  return deliveryFromTemplate(parsed, clockNow().toISOString());
}
