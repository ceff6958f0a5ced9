/**
 * Every domain's screens. A new domain (on-call, status page, postmortems)
 * adds a folder under web/src/domains/ exporting a WebDomain, and one line here.
 */
import type { WebDomain } from '../shell/registry';
import { authScreens } from './auth';
import { incidentScreens } from './incidents';
import { alertScreens } from './alerts';
import { catalogScreens } from './catalog';
import { adminScreens } from './admin';
import { oncallScreens } from './oncall';
import { statusPageScreens } from './statuspage';
import { runbookScreens } from './runbooks';
import { postmortemScreens } from './postmortems';
import { changeScreens } from './changes';
import { drillScreens } from './drills';

export const webDomains: readonly WebDomain[] = [authScreens, incidentScreens, alertScreens, catalogScreens, adminScreens, oncallScreens, statusPageScreens, runbookScreens, postmortemScreens, changeScreens, drillScreens];
