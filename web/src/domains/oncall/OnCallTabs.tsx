/** The on-call section's own navigation. */
import { Link, useLocation } from '../../shell/router';

const TABS: Array<[string, string]> = [
  ['/oncall', 'Who is on call'],
  ['/oncall/my-shifts', 'My shifts'],
  ['/oncall/contact-methods', 'My contact methods'],
  ['/oncall/policies', 'Escalation policies'],
  ['/oncall/burden', 'Burden'],
];

export function OnCallTabs() {
  const { pathname } = useLocation();
  return (
    <nav aria-label="On call" className="tabs">
      {TABS.map(([to, label]) => (
        <Link key={to} to={to} aria-current={pathname === to ? 'page' : undefined}>{label}</Link>
      ))}
    </nav>
  );
}
