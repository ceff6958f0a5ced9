import { lazy } from 'react';
import type { WebDomain } from '../../shell/registry';

/** Status page management: pages, components and their states, maintenance, subscribers, update templates and channels. */
export const statusPageScreens: WebDomain = {
  name: 'statuspage',
  routes: [
    { path: '/status-pages', screen: lazy(() => import('./StatusPagesPage')) },
    // Before ":id", which would match it too.
    { path: '/status-pages/templates', screen: lazy(() => import('./TemplatesPage')) },
    { path: '/status-pages/channels', screen: lazy(() => import('./ChannelsPage')) },
    { path: '/status-pages/:id', screen: lazy(() => import('./StatusPageDetail')) },
  ],
  nav: [{ label: 'Status pages', to: '/status-pages', order: 50 }],
};
