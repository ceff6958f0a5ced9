import { lazy } from 'react';
import type { WebDomain } from '../../shell/registry';

export const changeScreens: WebDomain = {
  name: 'changes',
  routes: [{ path: '/changes', screen: lazy(() => import('./ChangesPage')) }],
  nav: [{ label: 'Changes', to: '/changes', order: 40 }],
};
