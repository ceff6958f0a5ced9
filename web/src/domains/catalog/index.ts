import { lazy } from 'react';
import type { WebDomain } from '../../shell/registry';

export const catalogScreens: WebDomain = {
  name: 'catalog',
  routes: [{ path: '/services', screen: lazy(() => import('./ServicesPage')) }],
  nav: [{ label: 'Services', to: '/services', order: 30 }],
};
