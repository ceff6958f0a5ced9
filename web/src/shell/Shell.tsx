/** The frame every screen lives in: navigation from the domain registry, theme switch, the signed-in user. */
import { Suspense, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { roleAtLeast } from '../api/types';
import { webDomains } from '../domains';
import { Button } from '../ui/components';
import { Link, matchPath, navigate, useLocation } from './router';
import { ME_KEY, useMe } from './session';
import { applyTheme, storedTheme, type ThemeChoice } from './theme';
import type { ScreenRoute } from './registry';
import { LoadFailures } from './LoadFailures';
import { LoginPage } from '../domains/auth/LoginPage';
import { displayZone } from '../ui/time';

const routes = webDomains.flatMap((d) => d.routes);
const nav = webDomains.flatMap((d) => d.nav).sort((a, b) => a.order - b.order);

function findRoute(pathname: string): { route: ScreenRoute; params: Record<string, string> } | null {
  for (const route of routes) {
    const params = matchPath(route.path, pathname);
    if (params) return { route, params };
  }
  return null;
}

function ThemeSwitch() {
  const [choice, setChoice] = useState<ThemeChoice>(storedTheme());
  const next: Record<ThemeChoice, ThemeChoice> = { system: 'dark', dark: 'light', light: 'system' };
  return (
    <Button
      variant="quiet"
      aria-label={`Theme: ${choice}. Switch to ${next[choice]}`}
      onClick={() => {
        applyTheme(next[choice]);
        setChoice(next[choice]);
      }}
    >
      <span aria-hidden="true">◐</span> {choice}
    </Button>
  );
}

export function Shell() {
  const { pathname } = useLocation();
  const me = useMe();
  const client = useQueryClient();
  if (pathname === '/') {
    navigate('/incidents', { replace: true });
    return null;
  }
  const found = findRoute(pathname);
  if (me.isPending) return <div className="loading-screen" role="status">Loading Firebreak…</div>;
  if (found?.route.public) {
    const Screen = found.route.screen;
    return (
      <Suspense fallback={<div className="loading-screen" role="status">Loading…</div>}>
        <Screen params={found.params} />
      </Suspense>
    );
  }
  if (!me.data) return <LoginPage params={{}} />;
  const user = me.data;

  const logout = async () => {
    await unwrap(api.POST('/api/v1/auth/logout'));
    client.clear();
    client.setQueryData(ME_KEY, null);
    navigate('/login');
  };

  const inWarRoom = /^\/incidents\/INC-\d+\/?$/.test(pathname);
  let content;
  if (!found) content = <main id="main" className="page"><h1>Not found</h1><p>No screen at {pathname}. <Link to="/incidents">Open incidents</Link></p></main>;
  else if (found.route.role && !roleAtLeast(user.role, found.route.role)) {
    content = <main id="main" className="page"><h1>Not allowed</h1><p>This screen needs the {found.route.role} role; you are {user.role}.</p></main>;
  } else {
    const Screen = found.route.screen;
    content = (
      <Suspense fallback={<main id="main" className="page" role="status">Loading…</main>}>
        <Screen params={found.params} />
      </Suspense>
    );
  }

  return (
    <div className="shell">
      <a className="skip" href="#main">Skip to content</a>
      <header className="topbar">
        <Link to="/incidents" className="brand">Firebreak</Link>
        <nav aria-label="Main">
          <ul>
            {nav.filter((n) => !n.role || roleAtLeast(user.role, n.role)).map((n) => (
              <li key={n.to}>
                <Link to={n.to} aria-current={pathname === n.to || pathname.startsWith(`${n.to}/`) ? 'page' : undefined}>{n.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="topbar-end">
          {/* The one clock: every screen's times are in this zone (the profile's); the war room names it in its own header. */}
          {!inWarRoom && <span className="muted small zone-note" title="Every time on these screens is in your profile's time zone">times in {displayZone()}</span>}
          <ThemeSwitch />
          <Link to="/profile" className="who">{user.name} <span className="role">({user.role})</span></Link>
          <Button variant="quiet" onClick={logout}>Log out</Button>
        </div>
      </header>
      <LoadFailures />
      {content}
    </div>
  );
}
