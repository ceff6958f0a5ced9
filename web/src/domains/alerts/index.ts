import { lazy } from 'react';
import type { WebDomain } from '../../shell/registry';

export const alertScreens: WebDomain = {
  name: 'alerts',
  routes: [
    { path: '/alerts', screen: lazy(() => import('./AlertsPage')) },
    { path: '/alerts/noise', screen: lazy(() => import('./NoisePage')) },
    { path: '/alerts/silences', screen: lazy(() => import('./SilencesPage')) },
  ],
  nav: [{ label: 'Alerts', to: '/alerts', order: 20 }],
};
