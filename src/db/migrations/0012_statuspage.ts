import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { autoId, oneOf, timestampType } from '../migration-kit.js';
import { clockNow } from '../../clock.js';

const COMPONENT_STATUSES = ['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance'];
const INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'];
const MAINTENANCE_STATUSES = ['scheduled', 'in_progress', 'completed', 'cancelled'];

/**
 * Status pages: pages, components with their state history, the
 * public face of incidents, maintenance windows, subscribers and the update
 * templates. A new installation gets one empty public page so /status answers
 * from the first start. Deliveries gain extra mail headers (List-Unsubscribe).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);

  await db.schema
    .createTable('status_pages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('host', 'text', (c) => c.unique())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('logo_url', 'text')
    .addColumn('brand_color', 'text')
    .addColumn('visibility', 'text', (c) => c.notNull().check(oneOf('visibility', ['public', 'internal'])))
    // The page served at /status; exactly one page has position 0.
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('status_components')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('page_id', 'text', (c) => c.notNull().references('status_pages.id').onDelete('cascade'))
    .addColumn('group_id', 'text', (c) => c.references('status_components.id').onDelete('set null'))
    .addColumn('is_group', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('service_id', 'text', (c) => c.references('services.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull().check(oneOf('status', COMPONENT_STATUSES)))
    .addColumn('only_show_if_degraded', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('status_components_page').on('status_components').columns(['page_id', 'position']).execute();

  await db.schema
    .createTable('status_component_history')
    .addColumn('id', ...autoId(db))
    .addColumn('component_id', 'text', (c) => c.notNull().references('status_components.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull().check(oneOf('status', COMPONENT_STATUSES)))
    .addColumn('started_at', ts, (c) => c.notNull())
    .addColumn('cause', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('status_component_history_component').on('status_component_history').columns(['component_id', 'started_at']).execute();

  await db.schema
    .createTable('status_incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('page_id', 'text', (c) => c.notNull().references('status_pages.id').onDelete('cascade'))
    // No foreign key: the public record stays when an incident is purged.
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(oneOf('status', INCIDENT_STATUSES)))
    .addColumn('impact', 'text', (c) => c.notNull())
    .addColumn('component_ids', 'text', (c) => c.notNull())
    .addColumn('started_at', ts, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('monitoring_at', ts)
    .addColumn('resolved_at', ts)
    .addUniqueConstraint('status_incidents_page_incident', ['page_id', 'incident_id'])
    .execute();
  await db.schema.createIndex('status_incidents_incident').on('status_incidents').column('incident_id').execute();

  await db.schema
    .createTable('status_incident_updates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('status_incident_id', 'text', (c) => c.notNull().references('status_incidents.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull().check(oneOf('status', INCIDENT_STATUSES)))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('affected_components', 'text', (c) => c.notNull())
    .addColumn('source_seq', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('notified_at', ts)
    .addUniqueConstraint('status_incident_updates_source', ['status_incident_id', 'source_seq'])
    .execute();

  await db.schema
    .createTable('status_maintenances')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('page_id', 'text', (c) => c.notNull().references('status_pages.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('component_ids', 'text', (c) => c.notNull())
    .addColumn('scheduled_for', ts, (c) => c.notNull())
    .addColumn('scheduled_until', ts, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(oneOf('status', MAINTENANCE_STATUSES)))
    .addColumn('notice_minutes', 'integer', (c) => c.notNull())
    .addColumn('started_at', ts)
    .addColumn('completed_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('status_subscribers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('page_id', 'text', (c) => c.notNull().references('status_pages.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', ['email', 'webhook'])))
    .addColumn('address', 'text', (c) => c.notNull())
    // JSON array of component ids, or null for every component.
    .addColumn('component_ids', 'text')
    .addColumn('secret', 'text')
    .addColumn('confirmed_at', ts)
    .addColumn('unsubscribed_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('status_subscribers_address', ['page_id', 'kind', 'address'])
    .execute();

  await db.schema
    .createTable('status_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema.alterTable('deliveries').addColumn('headers', 'text').execute();

  const now = clockNow().toISOString();
  await db
    .insertInto('status_pages')
    .values({ id: randomUUID(), slug: 'status', name: 'Status', host: null, time_zone: 'UTC', logo_url: null, brand_color: null, visibility: 'public', position: 0, created_at: now, updated_at: now })
    .execute();
  // Key for subscriber confirm/unsubscribe links: tokens are derived, never stored.
  await db.insertInto('status_settings').values({ key: 'link_key', value: randomBytes(32).toString('base64url'), updated_at: now }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('deliveries').dropColumn('headers').execute();
  for (const table of ['status_settings', 'status_subscribers', 'status_maintenances', 'status_incident_updates', 'status_incidents', 'status_component_history', 'status_components', 'status_pages']) {
    await db.schema.dropTable(table).execute();
  }
}
