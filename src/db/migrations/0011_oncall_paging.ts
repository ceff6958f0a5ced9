import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.js';
import { autoId, oneOf, timestampType } from '../migration-kit.js';

const OLD_CHANNELS = ['email', 'webhook', 'slack'];
const NEW_CHANNELS = [...OLD_CHANNELS, 'sms', 'voice', 'push'];

/**
 * Rewrites the outbox's channel constraint. PostgreSQL alters it in place; SQLite cannot change a
 * CHECK, so the two outbox tables are rebuilt (attempts first copied aside: dropping `deliveries`
 * with foreign keys on would cascade into them).
 */
async function setChannels(db: Kysely<any>, channels: readonly string[], withFallback: boolean): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`alter table deliveries drop constraint if exists deliveries_channel_check`.execute(db);
    await sql`alter table deliveries add constraint deliveries_channel_check check (${oneOf('channel', channels)})`.execute(db);
    if (withFallback) await db.schema.alterTable('deliveries').addColumn('fallback', 'text').execute();
    else await db.schema.alterTable('deliveries').dropColumn('fallback').execute();
    return;
  }
  const ts = timestampType(db);
  let create = db.schema
    .createTable('deliveries_next')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('channel', 'text', (c) => c.notNull().check(oneOf('channel', channels)))
    .addColumn('recipient_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('recipient_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('body_text', 'text')
    .addColumn('payload', 'text')
    .addColumn('signing_secret', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('incident_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(oneOf('status', ['queued', 'sent', 'failed', 'skipped'])))
    .addColumn('status_detail', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('sent_at', ts);
  if (withFallback) create = create.addColumn('fallback', 'text');
  await create.execute();
  const columns = sql.raw(
    'id, channel, recipient_user_id, recipient_address, subject, body_text, payload, signing_secret, reason, incident_id, status, status_detail, attempts, created_at, updated_at, sent_at',
  );
  await sql`insert into deliveries_next (${columns}) select ${columns} from deliveries where channel in (${sql.join(channels.map((c) => sql.lit(c)))})`.execute(db);
  await sql`create table delivery_attempts_copy as select * from delivery_attempts where delivery_id in (select id from deliveries_next)`.execute(db);
  await db.schema.dropTable('delivery_attempts').execute();
  await db.schema.dropTable('deliveries').execute();
  await sql`alter table deliveries_next rename to deliveries`.execute(db);
  await db.schema
    .createTable('delivery_attempts')
    .addColumn('id', ...autoId(db))
    .addColumn('delivery_id', 'text', (c) => c.notNull().references('deliveries.id').onDelete('cascade'))
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull().check(oneOf('outcome', ['sent', 'failed', 'skipped'])))
    .addColumn('detail', 'text', (c) => c.notNull())
    .execute();
  await sql`insert into delivery_attempts (id, delivery_id, attempt, at, outcome, detail) select id, delivery_id, attempt, at, outcome, detail from delivery_attempts_copy`.execute(db);
  await db.schema.dropTable('delivery_attempts_copy').execute();
  await db.schema.createIndex('deliveries_created').on('deliveries').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('deliveries_incident').on('deliveries').columns(['incident_id', 'created_at']).execute();
  await db.schema.createIndex('deliveries_status').on('deliveries').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('delivery_attempts_delivery').on('delivery_attempts').columns(['delivery_id', 'attempt']).execute();
}

/** Paging: escalation policies and running escalations, pages, contact methods and rules, acknowledgement links. */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await setChannels(db, NEW_CHANNELS, true);

  await db.schema
    .createTable('escalation_policies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text')
    .addColumn('steps', 'text', (c) => c.notNull())
    .addColumn('repeat', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('repeat_delay_seconds', 'integer', (c) => c.notNull().defaultTo(300))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('escalations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject', 'text', (c) => c.notNull().check(oneOf('subject', ['alert_group', 'incident'])))
    // Unique: one escalation per alert group, however many processes see it open.
    .addColumn('alert_group_id', 'text', (c) => c.unique())
    .addColumn('incident_id', 'text')
    .addColumn('service_id', 'text')
    .addColumn('policy_id', 'text')
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(oneOf('status', ['active', 'acknowledged', 'resolved', 'exhausted'])))
    .addColumn('round', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('step', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_step_at', ts)
    .addColumn('acknowledged_by', 'text')
    .addColumn('acknowledged_at', ts)
    .addColumn('stopped_at', ts)
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('escalations_incident').on('escalations').columns(['incident_id']).execute();

  await db.schema
    .createTable('pages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('escalation_id', 'text', (c) => c.notNull().references('escalations.id').onDelete('cascade'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('step', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull().check(oneOf('status', ['sent', 'folded', 'digested'])))
    .addColumn('digest_id', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('acknowledged_at', ts)
    .addColumn('acknowledged_by_recipient', 'integer', (c) => c.notNull().defaultTo(0))
    // One page per escalation step per person: a retried step job pages nobody twice.
    .addUniqueConstraint('pages_once', ['escalation_id', 'round', 'step', 'user_id'])
    .execute();
  await db.schema.createIndex('pages_user_time').on('pages').columns(['user_id', 'created_at']).execute();

  await db.schema
    .createTable('page_budgets')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('contact_methods')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', ['email', 'sms', 'voice', 'push', 'webhook', 'slack'])))
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('signing_secret', 'text')
    .addColumn('verified_at', ts)
    .addColumn('verify_code_hash', 'text')
    .addColumn('verify_expires_at', ts)
    .addColumn('verify_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('contact_methods_once', ['user_id', 'kind', 'address'])
    .execute();

  await db.schema
    .createTable('notification_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('contact_method_id', 'text', (c) => c.notNull().references('contact_methods.id').onDelete('cascade'))
    .addColumn('delay_seconds', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('notification_rules_once', ['user_id', 'contact_method_id', 'delay_seconds'])
    .execute();

  await db.schema
    .createTable('ack_links')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('purpose', 'text', (c) => c.notNull().check(oneOf('purpose', ['acknowledge', 'resolve', 'escalate'])))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('escalation_id', 'text', (c) => c.notNull().references('escalations.id').onDelete('cascade'))
    .addColumn('page_id', 'text', (c) => c.notNull())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addColumn('used_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['ack_links', 'notification_rules', 'contact_methods', 'page_budgets', 'pages', 'escalations', 'escalation_policies']) {
    await db.schema.dropTable(table).execute();
  }
  await setChannels(db, OLD_CHANNELS, false);
}
