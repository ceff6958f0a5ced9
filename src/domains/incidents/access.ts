/**
 * Finding an incident by id or reference, and who may see it. Private
 * incidents are visible to members and admins only; to everyone else they do
 * not exist (404), so their existence is not even confirmed.
 */
import type { Db } from '../../db/schema.js';
import { fromJson } from '../../db/dialect.js';
import { invalidField, isDomainError, notFound } from '../../errors.js';
import type { Actor, Role } from '../auth/identity.js';
import { getUser } from '../auth/service.js';
import type { Holder, IncidentRecord, IncidentState } from './model.js';
import * as incidents from './store.js';

/** Anyone asking to see an incident: an API identity or an actor. */
export interface Viewer {
  userId: string | null;
  role: Role | null;
  via?: Actor['via'] | 'token' | 'session';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** `INC-42`, `inc-42`, `INC-042`, `inc42` and plain `42` all name incident number 42. */
const REF = /^(?:INC-?)?0*(\d{1,15})$/i;

/** Finds an incident row by its id or its reference (INC-42, inc-42, INC-042, 42); `lock` holds its row lock for the transaction. */
export async function getIncidentRow(db: Db, idOrRef: string, lock = false): Promise<incidents.IncidentRow | undefined> {
  const trimmed = idOrRef.trim();
  if (UUID.test(trimmed)) return incidents.findIncident(db, { id: trimmed.toLowerCase() }, lock);
  const ref = REF.exec(trimmed);
  // Numbers past the column's int4 range name no incident (and PostgreSQL would refuse the query).
  if (ref && Number(ref[1]) <= 2_147_483_647) return incidents.findIncident(db, { number: Number(ref[1]) }, lock);
  return undefined;
}

/** True when `who` may see the incident: it is not private, they are a member, an admin, or Firebreak itself. */
export async function canSee(db: Db, who: Viewer, incident: { id: string; is_private: number } | { id: string; private: boolean }): Promise<boolean> {
  const isPrivate = 'private' in incident ? incident.private : incident.is_private === 1;
  if (!isPrivate || who.role === 'admin' || who.via === 'system' || who.via === 'integration') return true;
  return who.userId !== null && (await incidents.isMember(db, incident.id, who.userId));
}

/** The private incidents `who` may not see, for reports that aggregate many incidents (one query). */
export async function incidentsHiddenFrom(db: Db, who: Viewer): Promise<Set<string>> {
  if (who.role === 'admin' || who.via === 'system' || who.via === 'integration') return new Set();
  return new Set(await incidents.privateIncidentsHiddenFrom(db, who.userId));
}

/** The incident row if `who` may see it; otherwise 404, the same answer as for an incident that does not exist. */
export async function requireVisibleIncident(db: Db, who: Viewer, idOrRef: string, lock = false): Promise<incidents.IncidentRow> {
  const row = await getIncidentRow(db, idOrRef, lock);
  if (!row || !(await canSee(db, who, row))) throw notFound(`incident ${idOrRef}`);
  return row;
}

export function stateOf(row: incidents.IncidentRow): IncidentState {
  return fromJson<IncidentState>(row.state)!;
}

export function recordOf(row: incidents.IncidentRow): IncidentRecord {
  return { id: row.id, ref: row.ref, title: row.title, private: row.is_private === 1, drill: row.is_drill === 1 };
}

/** A user as a role holder, labelled by name; refuses unknown or disabled users naming `field`. */
export async function userHolder(db: Db, userId: string, field: string): Promise<Holder> {
  try {
    const user = await getUser(db, userId);
    if (user.disabled) throw invalidField(field, `user ${user.email} is disabled`);
    return { userId: user.id, label: user.name };
  } catch (err) {
    if (isDomainError(err, 'not_found')) throw invalidField(field, `no user with id ${userId}`);
    throw err;
  }
}
