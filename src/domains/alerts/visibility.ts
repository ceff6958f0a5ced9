/**
 * Alert groups linked to a private incident take the incident's visibility:
 * to whoever may not see the incident (not a member, not an admin), the group
 * and its alerts do not exist: lists leave them out, reads and actions answer
 * 404, and the noise report does not count them, so neither the incident link
 * nor the service and alert summaries tell anything about it.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Role } from '../auth/identity.js';

export interface AlertReader {
  userId: string | null;
  role: Role | null;
  via?: string;
}

/** The user whose private-incident visibility limits the read, or undefined when the reader sees everything. */
export function hiddenFrom(reader: AlertReader | undefined): string | undefined {
  if (!reader || reader.role === 'admin' || reader.via === 'system' || reader.via === 'integration') return undefined;
  // Without a user id nobody is a member: every private incident stays hidden.
  return reader.userId ?? '';
}

/**
 * True for rows whose group (`groupIdColumn`, possibly null) is not linked to a
 * private incident hidden from `userId`.
 */
export function visibleGroup(groupIdColumn: string, userId: string): Expression<SqlBool> {
  return sql<SqlBool>`not exists (
    select 1 from alert_groups hg
    join incidents pi on pi.id = hg.incident_id
    where hg.id = ${sql.ref(groupIdColumn)}
      and pi.is_private = 1
      and not exists (select 1 from incident_members pm where pm.incident_id = pi.id and pm.user_id = ${userId})
  )`;
}
