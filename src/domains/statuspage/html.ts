/**
 * The status page as HTML that needs no JavaScript: overall state, components
 * with 90-day uptime bars, active incidents with their updates, maintenance,
 * and history. Readable on a phone, light and dark, states in words as well as
 * colours. Pure functions over a snapshot.
 */
import { DateTime } from 'luxon';
import { COMPONENT_LABELS, worseStatus, type ComponentStatus } from './model.js';
import type { PageSnapshot, PublicComponent, PublicIncident, PublicMaintenance } from './snapshot.js';
import { statusJson } from './statuspage-json.js';
import { uptimeDays } from './uptime.js';

export interface RenderOptions {
  now: Date;
  /** Path the page is served under: '/status', '/status/<slug>' or '' for its own host. */
  base: string;
  /** Set when the database is unreachable: the snapshot's age is shown. */
  staleSince: string | null;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const COLOURS: Record<ComponentStatus | 'none', string> = {
  operational: 'var(--ok)',
  degraded_performance: 'var(--minor)',
  partial_outage: 'var(--major)',
  major_outage: 'var(--critical)',
  under_maintenance: 'var(--maint)',
  none: 'var(--nodata)',
};

const STATUS_WORDS: Record<string, string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  completed: 'Completed',
};

const CSS = `
:root{--bg:#fff;--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--card:#f6f8fa;--ok:#1a7f37;--minor:#9a6700;--major:#bc4c00;--critical:#cf222e;--maint:#0969da;--nodata:#d0d7de;--brand:#0969da}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#30363d;--card:#161b22;--ok:#3fb950;--minor:#d29922;--major:#db6d28;--critical:#f85149;--maint:#4493f8;--nodata:#30363d;--brand:#4493f8}}
*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif}
main{max-width:52rem;margin:0 auto;padding:1rem}header{display:flex;gap:.75rem;align-items:center;padding:1rem 0}header img{max-height:2.5rem}
h1{font-size:1.5rem;margin:0}h2{font-size:1.15rem;margin:2rem 0 .5rem}h3{font-size:1rem;margin:0}
a{color:var(--brand)}.banner{padding:1rem;border-radius:.5rem;color:#fff;font-weight:600;font-size:1.1rem}
.stale{border:2px solid var(--major);padding:.75rem;border-radius:.5rem;margin-bottom:1rem}
.card{border:1px solid var(--line);border-radius:.5rem;padding:1rem;margin:.5rem 0;background:var(--card)}
ul.components{list-style:none;padding:0;margin:0}ul.components>li{border-bottom:1px solid var(--line);padding:.75rem 0}
.row{display:flex;justify-content:space-between;gap:1rem;flex-wrap:wrap}.state{font-weight:600}
.bars{display:block;width:100%;height:2rem;margin-top:.35rem}.muted{color:var(--muted);font-size:.875rem}
.update{border-left:3px solid var(--line);padding-left:.75rem;margin:.75rem 0}.body{white-space:pre-line;margin:.25rem 0}
.group>ul{list-style:none;padding-left:1rem}.s-operational{fill:var(--ok)}.s-degraded_performance{fill:var(--minor)}.s-partial_outage{fill:var(--major)}.s-major_outage{fill:var(--critical)}.s-under_maintenance{fill:var(--maint)}.s-none{fill:var(--nodata)}.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
form{display:flex;gap:.5rem;flex-wrap:wrap}input[type=email]{flex:1;min-width:12rem;padding:.5rem;font:inherit}button{padding:.5rem 1rem;font:inherit}
`;

function time(iso: string, zone: string): string {
  const dt = DateTime.fromISO(iso, { zone });
  return `<time datetime="${escapeHtml(iso)}">${escapeHtml(dt.toFormat("d LLL yyyy, HH:mm ZZZZ"))}</time>`;
}

function ageText(since: string, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - Date.parse(since)) / 1000));
  if (seconds < 120) return `${seconds} seconds`;
  const minutes = Math.round(seconds / 60);
  return minutes < 120 ? `${minutes} minutes` : `${Math.round(minutes / 60)} hours`;
}

const BAR = 5;
/** One pattern per state (a 4-unit bar and a 1-unit gap), defined once per page; runs of equal days are one rect. */
const PATTERNS = `<svg width="0" height="0" aria-hidden="true" style="position:absolute"><defs>${(['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance', 'none'] as const)
  .map((s) => `<pattern id="p-${s}" width="${BAR}" height="30" patternUnits="userSpaceOnUse"><rect width="${BAR - 1}" height="30" rx="1" class="s-${s}"/></pattern>`)
  .join('')}</defs></svg>`;

function dayLabel(d: { date: string; worst: ComponentStatus | null; uptime: number | null }): string {
  if (d.uptime === null) return 'no data';
  return `${(d.uptime * 100).toFixed(2)}% up${d.worst && d.worst !== 'operational' ? `, ${COMPONENT_LABELS[d.worst]}` : ''}`;
}

function bars(c: PublicComponent, s: PageSnapshot, now: Date): string {
  const { days, uptime } = uptimeDays(c.history, now, s.page.timeZone);
  const runs: Array<{ from: number; to: number; label: string; state: ComponentStatus | 'none' }> = [];
  days.forEach((d, i) => {
    const state = d.worst ?? 'none';
    const label = dayLabel(d);
    const last = runs.at(-1);
    // Operational and empty days merge into runs; a day with trouble stands alone with its own figure.
    if (last && last.state === state && (state === 'operational' || state === 'none')) last.to = i;
    else runs.push({ from: i, to: i, label, state });
  });
  const rects = runs
    .map((r) => {
      const span = r.from === r.to ? days[r.from]!.date : `${days[r.from]!.date} to ${days[r.to]!.date}`;
      return `<rect x="${r.from * BAR}" width="${(r.to - r.from + 1) * BAR}" height="30" fill="url(#p-${r.state})"><title>${span}: ${r.label}</title></rect>`;
    })
    .join('');
  const summary = uptime === null ? 'no data yet' : `${(uptime * 100).toFixed(2)}% uptime`;
  return `<svg class="bars" viewBox="0 0 ${days.length * BAR} 30" preserveAspectRatio="none" role="img" aria-label="${escapeHtml(c.name)}: 90 days, ${summary}">${rects}</svg><div class="row muted"><span>90 days ago</span><span>${summary}</span><span>Today</span></div>`;
}

function componentItem(c: PublicComponent, s: PageSnapshot, now: Date): string {
  const members = s.components.filter((m) => m.groupId === c.id);
  const status = c.isGroup ? members.reduce<ComponentStatus>((w, m) => worseStatus(w, m.status), 'operational') : c.status;
  const head = `<div class="row"><h3>${escapeHtml(c.name)}</h3><span class="state" style="color:${COLOURS[status]}">${COMPONENT_LABELS[status]}</span></div>`;
  const description = c.description ? `<p class="muted">${escapeHtml(c.description)}</p>` : '';
  if (c.isGroup) return `<li class="group">${head}${description}<ul class="components">${members.map((m) => componentItem(m, s, now)).join('')}</ul></li>`;
  return `<li>${head}${description}${bars(c, s, now)}</li>`;
}

function incidentCard(i: PublicIncident, s: PageSnapshot): string {
  const updates = i.updates
    .map((u) => `<div class="update"><strong>${STATUS_WORDS[u.status]}</strong> <span class="muted">${time(u.createdAt, s.page.timeZone)}</span><p class="body">${escapeHtml(u.body)}</p></div>`)
    .join('');
  // A published postmortem's public summary leads, as on Statuspage (its `postmortem` update).
  const postmortem = i.postmortem ? `<div class="update"><strong>Postmortem</strong> <span class="muted">${time(i.postmortem.publishedAt, s.page.timeZone)}</span><p class="body">${escapeHtml(i.postmortem.body)}</p></div>` : '';
  const affected = s.components.filter((c) => i.componentIds.includes(c.id)).map((c) => escapeHtml(c.name));
  return `<article class="card" id="incident-${escapeHtml(i.id)}"><h3>${escapeHtml(i.name)}</h3><p class="muted">${STATUS_WORDS[i.status]}${affected.length ? ` · Affects ${affected.join(', ')}` : ''}</p>${postmortem}${updates}</article>`;
}

function maintenanceCard(m: PublicMaintenance, s: PageSnapshot): string {
  const affected = s.components.filter((c) => m.componentIds.includes(c.id)).map((c) => escapeHtml(c.name));
  return `<article class="card" id="maintenance-${escapeHtml(m.id)}"><h3>${escapeHtml(m.name)}</h3><p class="muted">${STATUS_WORDS[m.status] ?? m.status} · ${time(m.scheduledFor, s.page.timeZone)} – ${time(m.scheduledUntil, s.page.timeZone)}${affected.length ? ` · Affects ${affected.join(', ')}` : ''}</p><p class="body">${escapeHtml(m.body)}</p></article>`;
}

function layout(s: PageSnapshot, o: RenderOptions, title: string, content: string): string {
  const brand = s.page.brandColor && /^#[0-9a-fA-F]{3,8}$/.test(s.page.brandColor) ? `<style>:root{--brand:${s.page.brandColor}}</style>` : '';
  const logo = s.page.logoUrl ? `<img src="${escapeHtml(s.page.logoUrl)}" alt="">` : '';
  const stale = o.staleSince
    ? `<p class="stale" role="status">This page may be out of date: it shows the state as of ${time(s.builtAt, s.page.timeZone)} (${ageText(s.builtAt, o.now)} ago) because the status service cannot reach its database right now.</p>`
    : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="color-scheme" content="light dark"><title>${escapeHtml(title)}</title><link rel="alternate" type="application/rss+xml" title="RSS" href="${o.base}/history.rss"><link rel="alternate" type="application/atom+xml" title="Atom" href="${o.base}/history.atom"><style>${CSS}</style>${brand}</head><body>${PATTERNS}<main><header>${logo}<h1><a href="${o.base || '/'}" style="color:inherit;text-decoration:none">${escapeHtml(s.page.name)}</a></h1></header>${stale}${content}<footer class="muted"><p><a href="${o.base}/history">Incident history</a> · <a href="${o.base}/history.rss">RSS</a> · <a href="${o.base}/history.atom">Atom</a> · <a href="${o.base}/api/v2/summary.json">JSON</a></p></footer></main></body></html>`;
}

/** The page itself. */
export function renderPageHtml(s: PageSnapshot, o: RenderOptions): string {
  const overall = statusJson(s);
  const colour = overall.indicator === 'none' ? 'var(--ok)' : overall.indicator === 'maintenance' ? 'var(--maint)' : COLOURS[overall.indicator === 'minor' ? 'degraded_performance' : overall.indicator === 'major' ? 'partial_outage' : 'major_outage'];
  const active = s.incidents.filter((i) => i.status !== 'resolved');
  const maintenance = s.maintenances.filter((m) => m.status === 'scheduled' || m.status === 'in_progress');
  const topLevel = s.components.filter((c) => c.groupId === null && !(c.onlyShowIfDegraded && c.status === 'operational'));
  const recent = s.incidents.filter((i) => i.status === 'resolved').slice(0, 5);
  const content = [
    `<section aria-label="Overall status"><p class="banner" style="background:${colour}">${escapeHtml(overall.description)}</p></section>`,
    active.length ? `<section><h2>Active incidents</h2>${active.map((i) => incidentCard(i, s)).join('')}</section>` : '',
    maintenance.length ? `<section><h2>Scheduled maintenance</h2>${maintenance.map((m) => maintenanceCard(m, s)).join('')}</section>` : '',
    `<section><h2>Components</h2>${topLevel.length ? `<ul class="components">${topLevel.map((c) => componentItem(c, s, o.now)).join('')}</ul>` : '<p class="muted">No components yet.</p>'}</section>`,
    `<section><h2>Recent incidents</h2>${recent.length ? recent.map((i) => incidentCard(i, s)).join('') : '<p class="muted">No incidents reported recently.</p>'}</section>`,
    `<section><h2>Get updates</h2><form method="post" action="${o.base}/subscribe"><label class="sr" for="email">Email address</label><input id="email" type="email" name="email" required placeholder="you@example.com" autocomplete="email"><button type="submit">Subscribe by email</button></form></section>`,
  ].join('');
  return layout(s, o, s.page.name, content);
}

/** Every incident and maintenance of the last 90 days. */
export function renderHistoryHtml(s: PageSnapshot, o: RenderOptions): string {
  const incidents = s.incidents.map((i) => incidentCard(i, s)).join('') || '<p class="muted">No incidents in the last 90 days.</p>';
  const maintenances = s.maintenances.filter((m) => m.status !== 'cancelled').map((m) => maintenanceCard(m, s)).join('') || '<p class="muted">No maintenance in the last 90 days.</p>';
  return layout(s, o, `${s.page.name}: history`, `<h2>Incidents</h2>${incidents}<h2>Maintenance</h2>${maintenances}`);
}

/** A plain message page (subscription confirmed, unsubscribed, ...). */
export function renderMessageHtml(title: string, message: string, form?: { action: string; button: string; fields: Record<string, string> }): string {
  const hidden = form ? Object.entries(form.fields).map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`).join('') : '';
  const formHtml = form ? `<form method="post" action="${escapeHtml(form.action)}">${hidden}<button type="submit">${escapeHtml(form.button)}</button></form>` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="color-scheme" content="light dark"><title>${escapeHtml(title)}</title><style>${CSS}</style></head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>${formHtml}</main></body></html>`;
}
