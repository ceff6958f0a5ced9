import { lazy } from 'react';
import type { WebDomain } from '../../shell/registry';

export const drillScreens: WebDomain = {
  name: 'drills',
  routes: [
    { path: '/drills', screen: lazy(() => import('./DrillsPage')) },
    { path: '/drills/new', screen: lazy(() => import('./NewDrillPage')), role: 'responder' },
    { path: '/drills/:id', screen: lazy(() => import('./DrillPage')) },
    { path: '/drills/:id/runs/:runId', screen: lazy(() => import('./RunReportPage')) },
  ],
  nav: [{ label: 'Drills', to: '/drills', order: 45 }],
};
