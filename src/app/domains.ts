import type { DomainModule } from './context.js';
import { authDomain } from '../domains/auth/index.js';
import { auditDomain } from '../domains/audit/index.js';
import { notifyDomain } from '../domains/notify/index.js';
import { incidentsDomain } from '../domains/incidents/index.js';
import { catalogDomain } from '../domains/catalog/index.js';
import { alertsDomain } from '../domains/alerts/index.js';
import { oncallDomain } from '../domains/oncall/index.js';
import { statuspageDomain } from '../domains/statuspage/index.js';
import { metricsDomain } from '../domains/metrics/index.js';
import { postmortemsDomain } from '../domains/postmortems/index.js';
import { changesDomain } from '../domains/changes/index.js';
import { runbooksDomain } from '../domains/runbooks/index.js';
import { drillsDomain } from '../domains/drills/index.js';
import { similarDomain } from '../domains/similar/index.js';
import { chatDomain } from '../domains/chat/index.js';
import { hooksDomain } from '../domains/hooks/index.js';
import { trackersDomain } from '../domains/trackers/index.js';

/** Every domain in the process. A new domain adds one line here. */
export const domains: readonly DomainModule[] = [authDomain, auditDomain, notifyDomain, incidentsDomain, catalogDomain, alertsDomain, oncallDomain, statuspageDomain, metricsDomain, postmortemsDomain, changesDomain, runbooksDomain, drillsDomain, similarDomain, chatDomain, hooksDomain, trackersDomain];
