/**
 * Secrets Firebreak must use again (a bot token it sends, a signing secret it
 * keys an HMAC with) cannot be hashed: they are sealed with AES-256-GCM under
 * FIREBREAK_SECRET_KEY, so a copy of the database alone does not reveal them.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/** The 32-byte key from its base64 (or base64url) or hex text. */
export function secretKeyBytes(text: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (key.length !== 32) throw new Error('FIREBREAK_SECRET_KEY must hold 32 bytes (base64 or hex)');
  return key;
}

/** Seals a secret: `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
export function seal(key: Buffer, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

/** Opens a sealed secret; throws when the key is not the one it was sealed with. */
export function unseal(key: Buffer, sealed: string): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('not a sealed secret');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

/**
 * A signing secret the notify outbox keeps sealed: `sealed:` before the sealed
 * text, so a delivery row never holds the secret itself and the worker knows
 * to open it (with FIREBREAK_SECRET_KEY) just before signing.
 */
export const SEALED_SECRET_PREFIX = 'sealed:';

/** The secret a delivery signs with: opened when it was stored sealed, as it is otherwise. */
export function openSigningSecret(key: Buffer | undefined, stored: string | null): string | null {
  if (stored === null || !stored.startsWith(SEALED_SECRET_PREFIX)) return stored;
  if (!key) throw new Error('this delivery is signed with a sealed secret and FIREBREAK_SECRET_KEY is not set');
  return unseal(key, stored.slice(SEALED_SECRET_PREFIX.length));
}

/** The sealing key of a configuration, or undefined when FIREBREAK_SECRET_KEY is not set. */
export function sealingKeyOf(config: { secretKey?: string | undefined }): Buffer | undefined {
  return config.secretKey ? secretKeyBytes(config.secretKey) : undefined;
}
