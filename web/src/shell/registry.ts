/**
 * How a domain adds its screens: each folder under web/src/domains/ exports a
 * WebDomain (routes and navigation), and domains/index.ts lists them. Later
 * domains (on-call, status page, postmortems) add a folder and one line there.
 */
import type { ComponentType, LazyExoticComponent } from 'react';
import type { Role } from '../api/types';

export interface ScreenProps {
  params: Record<string, string>;
}

export interface ScreenRoute {
  /** "/incidents/:ref" */
  path: string;
  screen: LazyExoticComponent<ComponentType<ScreenProps>> | ComponentType<ScreenProps>;
  /** Reachable without a session (login, first run). */
  public?: boolean;
  /** Least role that may open it; viewers by default. */
  role?: Role;
}

export interface NavItem {
  label: string;
  to: string;
  /** Lower comes first in the navigation. */
  order: number;
  role?: Role;
}

export interface WebDomain {
  name: string;
  routes: ScreenRoute[];
  nav: NavItem[];
}
