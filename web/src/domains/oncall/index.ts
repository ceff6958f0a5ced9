import { lazy } from 'react';
import type { WebDomain } from '../../shell/registry';

const ScheduleEditPage = lazy(() => import('./ScheduleEditPage'));

/** On call: who is on call, schedules and their timelines, my shifts and contact methods, escalation policies, burden. */
export const oncallScreens: WebDomain = {
  name: 'oncall',
  routes: [
    { path: '/oncall', screen: lazy(() => import('./OnCallNowPage')) },
    { path: '/oncall/schedules/new', screen: ScheduleEditPage, role: 'responder' },
    { path: '/oncall/schedules/:schedule/edit', screen: ScheduleEditPage, role: 'responder' },
    { path: '/oncall/schedules/:schedule', screen: lazy(() => import('./SchedulePage')) },
    { path: '/oncall/my-shifts', screen: lazy(() => import('./MyShiftsPage')) },
    { path: '/oncall/contact-methods', screen: lazy(() => import('./ContactMethodsPage')) },
    { path: '/oncall/policies', screen: lazy(() => import('./PoliciesPage')) },
    { path: '/oncall/burden', screen: lazy(() => import('./BurdenPage')) },
  ],
  nav: [{ label: 'On call', to: '/oncall', order: 40 }],
};
