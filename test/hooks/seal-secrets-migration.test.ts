/**
 * The migration that seals outgoing incident webhooks' signing secrets: rows
 * written in plain text before it (the subscription and a queued delivery)
 * are sealed, the delivery still signs with the same secret, and without
 * FIREBREAK_SECRET_KEY it refuses rather than leave them plain.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { sql } from 'kysely';
import { describeEachStore } from '../../src/db/testing.js';
import { sealWebhookSecrets } from '../../src/db/migrations/0026_seal_webhook_secrets.js';
import { openSigningSecret, secretKeyBytes, unseal } from '../../src/crypto/sealed.js';

describeEachStore('sealing incident webhook secrets stored in plain text', (fixture) => {
  test('plain secrets in subscriptions and queued deliveries are sealed and still open to the same secret', async () => {
    const db = fixture.store.db;
    const plain = `fbwh_${randomBytes(16).toString('hex')}`;
    const now = new Date(0).toISOString();
    await sql`insert into incident_webhooks (id, name, url, secret, kinds, service_ids, min_severity, include_private, include_drills, disabled_at, created_at, updated_at)
      values ('w1', 'old', 'https://example.com/hook', ${plain}, '["declared"]', null, null, 0, 0, null, ${now}, ${now})`.execute(db);
    await sql`insert into deliveries (id, channel, recipient_user_id, recipient_address, subject, body_text, payload, headers, signing_secret, reason, incident_id, status, status_detail, attempts, created_at, updated_at, sent_at, fallback)
      values ('d1', 'webhook', null, 'https://example.com/hook', null, null, '{}', null, ${plain}, 'incident.webhook.declared', null, 'queued', null, 0, ${now}, ${now}, null, null)`.execute(db);

    await assert.rejects(sealWebhookSecrets(db, undefined), /FIREBREAK_SECRET_KEY must be set/);
    const key = secretKeyBytes(randomBytes(32).toString('base64'));
    assert.equal(await sealWebhookSecrets(db, key), 2);
    const subscription = (await sql<{ secret: string }>`select secret from incident_webhooks where id = 'w1'`.execute(db)).rows[0]!;
    const delivery = (await sql<{ signing_secret: string }>`select signing_secret from deliveries where id = 'd1'`.execute(db)).rows[0]!;
    assert.ok(!subscription.secret.includes(plain) && !delivery.signing_secret.includes(plain), 'the database column no longer holds the plain secret');
    assert.equal(unseal(key, subscription.secret), plain);
    assert.equal(openSigningSecret(key, delivery.signing_secret), plain, 'the queued delivery signs with the same secret');
    assert.equal(await sealWebhookSecrets(db, undefined), 0, 'sealed rows need nothing more (and no key) when the migration runs again');
  });
});
