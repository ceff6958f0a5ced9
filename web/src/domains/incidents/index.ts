import { lazy } from 'react';
import type { WebDomain } from '../../shell/registry';

export const incidentScreens: WebDomain = {
  name: 'incidents',
  routes: [
    { path: '/incidents', screen: lazy(() => import('./IncidentList')) },
    { path: '/incidents/new', screen: lazy(() => import('./DeclarePage')), role: 'responder' },
    { path: '/incidents/:ref', screen: lazy(() => import('./warroom/WarRoom')) },
    { path: '/incidents/:ref/handoff', screen: lazy(() => import('./HandoffPage')) },
  ],
  nav: [{ label: 'Incidents', to: '/incidents', order: 10 }],
};
