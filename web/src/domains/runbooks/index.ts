import { lazy } from 'react';
import type { WebDomain } from '../../shell/registry';

export const runbookScreens: WebDomain = {
  name: 'runbooks',
  routes: [
    { path: '/runbooks', screen: lazy(() => import('./RunbooksPage')) },
    { path: '/runbooks/:id', screen: lazy(() => import('./RunbookPage')) },
  ],
  nav: [{ label: 'Runbooks', to: '/runbooks', order: 35 }],
};
