import { lazy } from 'react';
import type { WebDomain } from '../../shell/registry';
import { LoginPage } from './LoginPage';

export const authScreens: WebDomain = {
  name: 'auth',
  routes: [
    { path: '/login', screen: LoginPage, public: true },
    { path: '/setup', screen: lazy(() => import('./SetupPage')), public: true },
    { path: '/profile', screen: lazy(() => import('./ProfilePage')) },
  ],
  nav: [],
};
