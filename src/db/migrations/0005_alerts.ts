import type { Kysely } from 'kysely';
import { autoId, oneOf, timestampType } from '../migration-kit.js';

const STATUSES = ['triggered', 'acknowledged', 'resolved'];
const SEVERITIES = ['critical', 'error', 'warning', 'info'];

/** Alert intake: integrations, alerts and their history, groups, silences, maintenance windows, raw payloads. */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);

  await db.schema
    .createTable('integrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', ['alertmanager', 'pagerduty', 'grafana', 'generic', 'test'])))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('key_prefix', 'text', (c) => c.notNull())
    .addColumn('mappings', 'text')
    .addColumn('group_by', 'text')
    .addColumn('disabled_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('integrations_service').on('integrations').column('service_id').execute();

  await db.schema
    .createTable('alert_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id').onDelete('cascade'))
    .addColumn('group_key', 'text', (c) => c.notNull())
    .addColumn('group_labels', 'text', (c) => c.notNull())
    .addColumn('open_slot', 'integer')
    .addColumn('status', 'text', (c) => c.notNull().check(oneOf('status', STATUSES)))
    .addColumn('severity', 'text', (c) => c.notNull().check(oneOf('severity', SEVERITIES)))
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('opened_at', ts, (c) => c.notNull())
    .addColumn('acknowledged_at', ts)
    .addColumn('resolved_at', ts)
    .addColumn('alert_count', 'integer', (c) => c.notNull())
    .addColumn('open_count', 'integer', (c) => c.notNull())
    .addColumn('unacked_count', 'integer', (c) => c.notNull())
    .addColumn('incident_id', 'text')
    .addColumn('incident_ref', 'text')
    .addColumn('escalation_policy_id', 'text')
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  // At most one open group per (service, key): NULLs (closed groups) never collide.
  await db.schema.createIndex('alert_groups_open').on('alert_groups').columns(['service_id', 'group_key', 'open_slot']).unique().execute();
  await db.schema.createIndex('alert_groups_opened').on('alert_groups').columns(['opened_at']).execute();

  await db.schema
    .createTable('alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('integration_id', 'text', (c) => c.notNull().references('integrations.id').onDelete('cascade'))
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id').onDelete('cascade'))
    .addColumn('dedup_key', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(oneOf('status', STATUSES)))
    .addColumn('severity', 'text', (c) => c.notNull().check(oneOf('severity', SEVERITIES)))
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('rule', 'text')
    .addColumn('labels', 'text', (c) => c.notNull())
    .addColumn('links', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.references('alert_groups.id').onDelete('set null'))
    .addColumn('suppressed_by', 'text')
    .addColumn('first_seen_at', ts, (c) => c.notNull())
    .addColumn('last_seen_at', ts, (c) => c.notNull())
    .addColumn('last_change_at', ts, (c) => c.notNull())
    .addColumn('starts_at', ts)
    .addColumn('ends_at', ts)
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('trigger_count', 'integer', (c) => c.notNull())
    .addColumn('ack_count', 'integer', (c) => c.notNull())
    .addColumn('acted_count', 'integer', (c) => c.notNull())
    .addColumn('state_changes', 'integer', (c) => c.notNull())
    .addColumn('recent_changes', 'text', (c) => c.notNull())
    .addColumn('flapping', 'integer', (c) => c.notNull())
    .addColumn('acknowledged_at', ts)
    .addColumn('acknowledged_by', 'text')
    .addColumn('resolved_at', ts)
    .addColumn('resolved_by', 'text')
    .addColumn('payload_digest', 'text', (c) => c.notNull())
    .addUniqueConstraint('alerts_dedup', ['integration_id', 'dedup_key'])
    .execute();

  await db.schema
    .createTable('alert_bodies')
    .addColumn('alert_id', 'text', (c) => c.primaryKey().references('alerts.id').onDelete('cascade'))
    .addColumn('payload', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alerts_group').on('alerts').column('group_id').execute();
  await db.schema.createIndex('alerts_service_status').on('alerts').columns(['service_id', 'status']).execute();

  await db.schema
    .createTable('alert_events')
    .addColumn('id', ...autoId(db))
    .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id').onDelete('cascade'))
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('flapping', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alert_events_alert').on('alert_events').columns(['alert_id', 'id']).execute();

  await db.schema
    .createTable('silences')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('matchers', 'text', (c) => c.notNull())
    .addColumn('service_id', 'text', (c) => c.references('services.id').onDelete('cascade'))
    .addColumn('starts_at', ts, (c) => c.notNull())
    .addColumn('ends_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_by_id', 'text')
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('expired_at', ts)
    .execute();
  await db.schema.createIndex('silences_ends').on('silences').columns(['ends_at']).execute();

  await db.schema
    .createTable('maintenance_windows')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id').onDelete('cascade'))
    .addColumn('starts_at', ts, (c) => c.notNull())
    .addColumn('ends_at', ts, (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('maintenance_windows_service').on('maintenance_windows').columns(['service_id', 'ends_at']).execute();

  await db.schema
    .createTable('alert_payloads')
    .addColumn('id', ...autoId(db))
    .addColumn('integration_id', 'text', (c) => c.notNull().references('integrations.id').onDelete('cascade'))
    .addColumn('received_at', ts, (c) => c.notNull())
    .addColumn('request_id', 'text')
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('truncated', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alert_payloads_received').on('alert_payloads').columns(['received_at']).execute();
  await db.schema.createIndex('alert_payloads_integration').on('alert_payloads').columns(['integration_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['alert_payloads', 'maintenance_windows', 'silences', 'alert_events', 'alert_bodies', 'alerts', 'alert_groups', 'integrations']) {
    await db.schema.dropTable(table).execute();
  }
}
