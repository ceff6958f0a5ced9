import type { Kysely, Transaction } from 'kysely';
import type { AuthTables } from '../domains/auth/tables.js';
import type { AuditTables } from '../domains/audit/tables.js';
import type { JobTables } from '../jobs/tables.js';
import type { IncidentsTables } from '../domains/incidents/tables.js';
import type { NotifyTables } from '../domains/notify/tables.js';
import type { CatalogTables } from '../domains/catalog/tables.js';
import type { AlertsTables } from '../domains/alerts/tables.js';
import type { OncallScheduleTables } from '../domains/oncall/schedule-tables.js';
import type { PagingTables } from '../domains/oncall/paging-tables.js';
import type { StatuspageTables } from '../domains/statuspage/tables.js';
import type { PostmortemTables } from '../domains/postmortems/tables.js';
import type { ChangesTables } from '../domains/changes/tables.js';
import type { MetricsTables } from '../domains/metrics/tables.js';
import type { RunbooksTables } from '../domains/runbooks/tables.js';
import type { DrillsTables } from '../domains/drills/tables.js';
import type { ChatTables } from '../domains/chat/tables.js';
import type { HooksTables } from '../domains/hooks/tables.js';
import type { TrackersTables } from '../domains/trackers/tables.js';

/** Every table, composed from the tables each domain declares beside its code. */
export interface Database extends AuthTables, AuditTables, JobTables, IncidentsTables, NotifyTables, CatalogTables, AlertsTables, OncallScheduleTables, PagingTables, StatuspageTables, PostmortemTables, ChangesTables, RunbooksTables, MetricsTables, DrillsTables, ChatTables, HooksTables, TrackersTables {}

/** A database handle or an open transaction; stores accept either. */
export type Db = Kysely<Database> | Transaction<Database>;
