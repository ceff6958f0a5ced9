import type { Kysely } from 'kysely';
import { loadConfig } from '../../config.js';
import { SEALED_SECRET_PREFIX, seal, sealingKeyOf } from '../../crypto/sealed.js';

/**
 * Outgoing incident webhooks' signing secrets were stored in plain text: seal
 * them with FIREBREAK_SECRET_KEY, and the copies waiting in the notify outbox
 * too. A database with such secrets cannot migrate without the key (it says
 * so); one without them needs no key.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sealWebhookSecrets(db, sealingKeyOf(loadConfig()));
}

/** Seals every plain incident-webhook secret (in the subscriptions and in queued deliveries); answers how many. */
export async function sealWebhookSecrets(db: Kysely<any>, key: Buffer | undefined): Promise<number> {
  const plain = (await db.selectFrom('incident_webhooks').select(['id', 'secret']).execute()) as Array<{ id: string; secret: string }>;
  const outbox = (await db.selectFrom('deliveries').select(['id', 'signing_secret']).where('reason', 'like', 'incident.webhook.%').where('signing_secret', 'is not', null).execute()) as Array<{ id: string; signing_secret: string }>;
  const waiting = outbox.filter((d) => !d.signing_secret.startsWith(SEALED_SECRET_PREFIX));
  const rows = plain.filter((r) => !r.secret.startsWith('v1.'));
  if (rows.length + waiting.length === 0) return 0;
  if (!key) throw new Error(`FIREBREAK_SECRET_KEY must be set to migrate: ${rows.length} incident webhook signing secret(s) are stored in plain text and are now sealed with it (32 random bytes, base64: \`openssl rand -base64 32\`)`);
  for (const row of rows) await db.updateTable('incident_webhooks').set({ secret: seal(key, row.secret) }).where('id', '=', row.id).execute();
  for (const d of waiting) await db.updateTable('deliveries').set({ signing_secret: `${SEALED_SECRET_PREFIX}${seal(key, d.signing_secret)}` }).where('id', '=', d.id).execute();
  return rows.length + waiting.length;
}

/** Sealed secrets stay sealed: going back would write them out in plain text again. */
export async function down(): Promise<void> {}
