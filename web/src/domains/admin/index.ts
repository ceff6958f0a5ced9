import { lazy } from 'react';
import type { WebDomain } from '../../shell/registry';

const AdminPage = lazy(() => import('./AdminPage'));

export const adminScreens: WebDomain = {
  name: 'admin',
  routes: [
    { path: '/admin', screen: AdminPage, role: 'admin' },
    { path: '/admin/:tab', screen: AdminPage, role: 'admin' },
  ],
  nav: [{ label: 'Admin', to: '/admin', order: 90, role: 'admin' }],
};
