import { lazy } from 'react';
import type { WebDomain } from '../../shell/registry';

export const postmortemScreens: WebDomain = {
  name: 'postmortems',
  routes: [
    { path: '/postmortems', screen: lazy(() => import('./PostmortemList')) },
    { path: '/postmortems/:ref', screen: lazy(() => import('./PostmortemPage')) },
    { path: '/metrics', screen: lazy(() => import('./MetricsPage')) },
  ],
  nav: [
    { label: 'Postmortems', to: '/postmortems', order: 40 },
    { label: 'Metrics', to: '/metrics', order: 45 },
  ],
};
