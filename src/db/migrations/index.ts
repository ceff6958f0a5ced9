import type { Migration } from 'kysely';
import * as m0001 from './0001_platform.js';
import * as m0002 from './0002_incidents.js';
import * as m0003 from './0003_notify.js';
import * as m0004 from './0004_catalog.js';
import * as m0005 from './0005_alerts.js';
import * as m0008 from './0008_incident_model.js';
import * as m0010 from './0010_oncall_schedules.js';
import * as m0011 from './0011_oncall_paging.js';
import * as m0012 from './0012_statuspage.js';
import * as m0013 from './0013_postmortems.js';
import * as m0014 from './0014_changes.js';
import * as m0015 from './0015_runbooks.js';
import * as m0016 from './0016_drills.js';
import * as m0017 from './0017_metric_facts_postmortem_review.js';
import * as m0018 from './0018_chat.js';
import * as m0019 from './0019_edges_page_skips.js';
import * as m0020 from './0020_journal_intake.js';
import * as m0021 from './0021_migrate_integration_kinds.js';
import * as m0022 from './0022_seams_paging_stops.js';
import * as m0023 from './0023_migrate_heartbeats.js';
import * as m0024 from './0024_migrate_incident_webhooks.js';
import * as m0025 from './0025_trackers.js';
import * as m0026 from './0026_seal_webhook_secrets.js';
import * as m0027 from './0027_journal_set_aside.js';

/**
 * Every migration in order. Names sort by their number; a domain adds its own
 * file here (static imports keep the list identical in source and build).
 */
export const migrations: Record<string, Migration> = {
  '0001_platform': m0001,
  '0002_incidents': m0002,
  '0003_notify': m0003,
  '0004_catalog': m0004,
  '0005_alerts': m0005,
  '0008_incident_model': m0008,
  '0010_oncall_schedules': m0010,
  '0011_oncall_paging': m0011,
  '0012_statuspage': m0012,
  '0013_postmortems': m0013,
  '0014_changes': m0014,
  '0015_runbooks': m0015,
  '0016_drills': m0016,
  '0017_metric_facts_postmortem_review': m0017,
  '0018_chat': m0018,
  '0019_edges_page_skips': m0019,
  '0020_journal_intake': m0020,
  '0021_migrate_integration_kinds': m0021,
  '0022_seams_paging_stops': m0022,
  '0023_migrate_heartbeats': m0023,
  '0024_migrate_incident_webhooks': m0024,
  '0025_trackers': m0025,
  '0026_seal_webhook_secrets': m0026,
  '0027_journal_set_aside': m0027,
};
