/**
 * Links a page carries: acknowledge, resolve, escalate now. Each is signed
 * for one person and one escalation by being a random token that only its
 * SHA-256 in `ack_links` recognises; single-purpose, single-use, expiring.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/schema.js';
import { forUpdate } from '../../db/dialect.js';
import { conflict, notFound } from '../../errors.js';
import type { LinkPurpose } from './paging-tables.js';

export const LINK_PURPOSES: readonly LinkPurpose[] = ['acknowledge', 'resolve', 'escalate'];

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The origin links point to: the public URL, or the address the server listens on. */
export function linkBase(config: { publicUrl?: string | undefined; host: string; port: number }): string {
  return (config.publicUrl ?? `http://${config.host}:${config.port}`).replace(/\/$/, '');
}

export type PageLinks = Record<LinkPurpose, string>;

/** Creates the three links of one page (in the page's transaction); returns their URLs. */
export async function createPageLinks(
  trx: Db,
  base: string,
  page: { id: string; userId: string; escalationId: string },
  ttlMinutes: number,
  now: string,
): Promise<PageLinks> {
  const expires = new Date(Date.parse(now) + ttlMinutes * 60_000).toISOString();
  // 16 random bytes: 22 characters, short enough for an SMS and far past guessing.
  const tokens = LINK_PURPOSES.map((purpose) => ({ purpose, token: randomBytes(16).toString('base64url') }));
  await trx
    .insertInto('ack_links')
    .values(tokens.map((t) => ({ token_hash: hashToken(t.token), purpose: t.purpose, user_id: page.userId, escalation_id: page.escalationId, page_id: page.id, expires_at: expires, used_at: null, created_at: now })))
    .execute();
  return Object.fromEntries(tokens.map((t) => [t.purpose, `${base}/p/${t.token}`])) as PageLinks;
}

export interface LinkRow {
  token_hash: string;
  purpose: LinkPurpose;
  user_id: string;
  escalation_id: string;
  page_id: string;
  expires_at: string;
  used_at: string | null;
}

/** Looks a link up by its token without changing anything (what a GET may do). */
export async function findLink(db: Db, token: string): Promise<LinkRow> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) throw notFound('link', 'link-not-found');
  const row = await db.selectFrom('ack_links').selectAll().where('token_hash', '=', hashToken(token)).executeTakeFirst();
  if (!row) throw notFound('link', 'link-not-found');
  return row;
}

/** Claims a link for its one use, under a row lock; refuses expired and used ones. */
export async function useLink(trx: Db, token: string, now: string): Promise<LinkRow> {
  const found = await findLink(trx, token);
  const row = (await forUpdate(trx, trx.selectFrom('ack_links').selectAll().where('token_hash', '=', found.token_hash)).executeTakeFirst())!;
  if (row.used_at) throw conflict('link-used', 'this link has already been used');
  if (row.expires_at <= now) throw conflict('link-expired', 'this link has expired; act from the app or the CLI instead');
  await trx.updateTable('ack_links').set({ used_at: now }).where('token_hash', '=', row.token_hash).execute();
  return row;
}
