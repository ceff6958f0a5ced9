/**
 * Contact methods and notification rules per person. A method is paged only
 * after it has been verified: a code is sent through it and the person types
 * it back. Only the code's SHA-256 is kept.
 */
import { createHash, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/schema.js';
import type { Store } from '../../db/store.js';
import type { JobQueue } from '../../jobs/queue.js';
import { conflict, forbidden, invalidField, notFound, rateLimited } from '../../errors.js';
import type { Actor } from '../auth/identity.js';
import { recordAudit } from '../audit/service.js';
import { findUser } from '../auth/service.js';
import { enqueueTemplate, type DeliveryTemplate } from '../notify/service.js';
import * as contacts from './contact-store.js';
import type { PlanMethod } from './contact-plan.js';
import type { ContactKind } from './paging-tables.js';
import { clockMs, clockNow } from '../../clock.js';

const CODE_TTL_MS = 15 * 60_000;
const MAX_CODE_ATTEMPTS = 5;

export interface ContactMethodView {
  id: string;
  userId: string;
  kind: ContactKind;
  address: string;
  label: string;
  verified: boolean;
  verifiedAt: string | null;
  createdAt: string;
}

function toView(r: contacts.ContactMethodRow): ContactMethodView {
  return { id: r.id, userId: r.user_id, kind: r.kind, address: r.address, label: r.label, verified: r.verified_at !== null, verifiedAt: r.verified_at, createdAt: r.created_at };
}

function hashCode(code: string): string {
  return createHash('sha256').update(code).digest('hex');
}

/** People manage their own methods; admins anyone's. */
function mayManage(actor: Actor, userId: string): void {
  if (actor.role === 'admin' || actor.userId === userId) return;
  throw forbidden("only the person or an admin may change a person's contact methods and rules");
}

/** Checks an address for its kind; throws invalid naming `address`. */
export function checkAddress(kind: ContactKind, address: string): void {
  const ok = {
    email: () => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address),
    sms: () => /^\+[1-9][0-9]{6,14}$/.test(address),
    voice: () => /^\+[1-9][0-9]{6,14}$/.test(address),
    push: () => /^[A-Za-z0-9_-]{1,64}$/.test(address),
    webhook: () => /^https?:\/\/[^\s]+$/.test(address) && URL.canParse(address),
    slack: () => /^https?:\/\/[^\s]+$/.test(address) && URL.canParse(address),
  }[kind];
  const expected = { email: 'an email address', sms: 'an E.164 phone number such as +15550100', voice: 'an E.164 phone number such as +15550100', push: 'an ntfy topic name (letters, digits, - and _)', webhook: 'an http(s) URL', slack: 'an http(s) URL' }[kind];
  if (!ok()) throw invalidField('address', `must be ${expected}`);
}

/** A delivery of `text` through one method (with what to try if it fails). */
export function templateFor(
  method: PlanMethod,
  userId: string,
  message: { subject: string; text: string; reason: string; incidentId: string | null; actions?: Array<{ label: string; url: string }>; link?: string | null; data?: Record<string, unknown> },
  fallback: DeliveryTemplate | null,
): DeliveryTemplate {
  const base = { recipientUserId: userId, address: method.address, subject: null, text: null, payload: null, secret: null, reason: message.reason, incidentId: message.incidentId, fallback };
  switch (method.kind) {
    case 'email':
      return { ...base, channel: 'email', subject: message.subject, text: message.text };
    case 'sms':
    case 'voice':
      return { ...base, channel: method.kind, text: message.text };
    case 'push':
      return { ...base, channel: 'push', subject: message.subject, text: message.text, payload: JSON.stringify({ actions: message.actions ?? [], ...(message.link ? { click: message.link } : {}) }) };
    case 'slack':
      return { ...base, channel: 'slack', payload: JSON.stringify({ text: `${message.subject}\n${message.text}` }) };
    case 'webhook':
      return { ...base, channel: 'webhook', secret: method.secret, payload: JSON.stringify({ event: message.reason, subject: message.subject, text: message.text, links: message.actions ?? [], ...(message.link ? { warRoom: message.link } : {}), ...message.data }) };
  }
}

async function sendCode(trx: Db, jobs: JobQueue, row: contacts.ContactMethodRow): Promise<void> {
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await contacts.updateMethod(trx, row.id, { verify_code_hash: hashCode(code), verify_expires_at: new Date(clockMs() + CODE_TTL_MS).toISOString(), verify_attempts: 0 });
  const text = `Your Firebreak verification code is ${code}. It expires in 15 minutes.`;
  await enqueueTemplate(trx, jobs, templateFor({ id: row.id, kind: row.kind, address: row.address, secret: row.signing_secret }, row.user_id, { subject: 'Firebreak verification code', text, reason: 'contact.verify', incidentId: null, data: { code } }, null));
}

/** Adds a contact method for a person and sends it a verification code (in one transaction). */
export async function addContactMethod(store: Store, jobs: JobQueue, actor: Actor, input: { userId: string; kind: ContactKind; address: string; label?: string; signingSecret?: string }): Promise<ContactMethodView> {
  mayManage(actor, input.userId);
  checkAddress(input.kind, input.address);
  const row: contacts.ContactMethodRow = {
    id: randomUUID(),
    user_id: input.userId,
    kind: input.kind,
    address: input.address,
    label: input.label ?? input.kind,
    signing_secret: input.kind === 'webhook' ? (input.signingSecret ?? null) : null,
    verified_at: null,
    verify_code_hash: null,
    verify_expires_at: null,
    verify_attempts: 0,
    created_at: clockNow().toISOString(),
  };
  return store.transaction(async (trx) => {
    // An admin may name any user: one that does not exist is a 404, not a failed foreign key.
    if (!(await findUser(trx, input.userId))) throw notFound('user');
    if (!(await contacts.insertMethod(trx, row))) throw conflict('contact-method-exists', `this person already has ${input.kind} ${input.address}`);
    await sendCode(trx, jobs, row);
    await recordAudit(trx, actor, { action: 'contact_method.create', targetType: 'user', targetId: input.userId, detail: { id: row.id, kind: row.kind } });
    return toView(row);
  });
}

async function ownedMethod(db: Db, actor: Actor, id: string): Promise<contacts.ContactMethodRow> {
  const row = await contacts.findMethod(db, id);
  if (!row) throw notFound('contact method');
  mayManage(actor, row.user_id);
  return row;
}

/** Sends a fresh code (the old one stops working). */
export async function resendCode(store: Store, jobs: JobQueue, actor: Actor, id: string): Promise<ContactMethodView> {
  return store.transaction(async (trx) => {
    const row = await ownedMethod(trx, actor, id);
    await sendCode(trx, jobs, row);
    return toView(row);
  });
}

/** Checks the code; the method can be paged from then on. Five wrong codes void it. */
export async function verifyContactMethod(store: Store, actor: Actor, id: string, code: string): Promise<ContactMethodView> {
  const outcome = await store.transaction(async (trx) => {
    const row = await ownedMethod(trx, actor, id);
    if (row.verified_at) return { view: toView(row) };
    if (!row.verify_code_hash || !row.verify_expires_at || Date.parse(row.verify_expires_at) < clockMs() || row.verify_attempts >= MAX_CODE_ATTEMPTS) {
      return { error: conflict('verification-expired', 'this code is no longer valid: ask for a new one') };
    }
    const given = Buffer.from(hashCode(code));
    if (!timingSafeEqual(given, Buffer.from(row.verify_code_hash))) {
      await contacts.updateMethod(trx, id, { verify_attempts: row.verify_attempts + 1 });
      return { error: row.verify_attempts + 1 >= MAX_CODE_ATTEMPTS ? rateLimited('verification-attempts', 'too many wrong codes: ask for a new one', 60) : invalidField('code', 'is not the code that was sent') };
    }
    const now = clockNow().toISOString();
    await contacts.updateMethod(trx, id, { verified_at: now, verify_code_hash: null, verify_expires_at: null });
    await recordAudit(trx, actor, { action: 'contact_method.verify', targetType: 'user', targetId: row.user_id, detail: { id } });
    return { view: toView({ ...row, verified_at: now }) };
  });
  if ('error' in outcome) throw outcome.error;
  return outcome.view;
}

export async function removeContactMethod(store: Store, actor: Actor, id: string): Promise<void> {
  await store.transaction(async (trx) => {
    const row = await ownedMethod(trx, actor, id);
    await contacts.deleteMethod(trx, id);
    await recordAudit(trx, actor, { action: 'contact_method.delete', targetType: 'user', targetId: row.user_id, detail: { id, kind: row.kind } });
  });
}

export async function listContactMethods(db: Db, actor: Actor, userId: string): Promise<ContactMethodView[]> {
  if (actor.role !== 'admin' && actor.userId !== userId) throw forbidden("only the person or an admin may see a person's contact methods");
  return (await contacts.methodsOf(db, [userId])).map(toView);
}

export interface RuleView {
  contactMethodId: string;
  delaySeconds: number;
}

export async function listRules(db: Db, actor: Actor, userId: string): Promise<RuleView[]> {
  if (actor.role !== 'admin' && actor.userId !== userId) throw forbidden("only the person or an admin may see a person's notification rules");
  return (await contacts.rulesOf(db, [userId])).map((r) => ({ contactMethodId: r.contact_method_id, delaySeconds: r.delay_seconds }));
}

/** Replaces a person's notification rules; every method named must be theirs. */
export async function setRules(store: Store, actor: Actor, userId: string, rules: readonly RuleView[]): Promise<RuleView[]> {
  mayManage(actor, userId);
  return store.transaction(async (trx) => {
    const mine = new Set((await contacts.methodsOf(trx, [userId])).map((m) => m.id));
    rules.forEach((r, i) => {
      if (!mine.has(r.contactMethodId)) throw invalidField(`rules/${i}/contactMethodId`, "is not one of this person's contact methods");
    });
    const seen = new Set<string>();
    const rows = rules
      .filter((r) => !seen.has(`${r.contactMethodId}:${r.delaySeconds}`) && seen.add(`${r.contactMethodId}:${r.delaySeconds}`))
      .map((r) => ({ id: randomUUID(), user_id: userId, contact_method_id: r.contactMethodId, delay_seconds: r.delaySeconds, created_at: clockNow().toISOString() }));
    await contacts.replaceRules(trx, userId, rows);
    await recordAudit(trx, actor, { action: 'notification_rules.set', targetType: 'user', targetId: userId, detail: { rules: rows.length } });
    return rows.map((r) => ({ contactMethodId: r.contact_method_id, delaySeconds: r.delay_seconds }));
  });
}

/** Everyone's verified methods and rules, for paging them. */
export async function reachOf(db: Db, userIds: readonly string[]): Promise<Map<string, { methods: PlanMethod[]; rules: Array<{ methodId: string; delaySeconds: number }> }>> {
  const out = new Map(userIds.map((id) => [id, { methods: [] as PlanMethod[], rules: [] as Array<{ methodId: string; delaySeconds: number }> }]));
  for (const m of await contacts.methodsOf(db, userIds)) {
    if (m.verified_at) out.get(m.user_id)!.methods.push({ id: m.id, kind: m.kind, address: m.address, secret: m.signing_secret });
  }
  for (const r of await contacts.rulesOf(db, userIds)) out.get(r.user_id)!.rules.push({ methodId: r.contact_method_id, delaySeconds: r.delay_seconds });
  return out;
}
