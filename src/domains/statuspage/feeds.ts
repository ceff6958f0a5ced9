/** RSS 2.0 and Atom feeds of a page's public incidents and maintenance, through the `feed` package. */
import { Feed } from 'feed';
import { escapeHtml } from './html.js';
import type { PageSnapshot } from './snapshot.js';

/**
 * Feed readers render an item's title, description and content as HTML (the
 * `feed` package wraps them in CDATA without escaping; Atom marks them
 * type="html"), so the text people wrote is
 * escaped: `<img src=x onerror=…>` in an update arrives as text, not markup.
 */
const asText = (text: string) => escapeHtml(text).replace(/\n/g, '<br>');

function feedOf(s: PageSnapshot): Feed {
  const feed = new Feed({
    id: s.page.url,
    title: `${s.page.name} status`,
    link: s.page.url,
    description: `Incidents and maintenance reported on ${s.page.name}`,
    updated: new Date(s.page.updatedAt),
    generator: 'Firebreak',
    copyright: s.page.name,
    feedLinks: { rss: `${s.page.url}/history.rss`, atom: `${s.page.url}/history.atom` },
  });
  for (const i of s.incidents) {
    const updates = asText(i.updates.map((u) => `${u.status} (${u.createdAt}): ${u.body}`).join('\n\n'));
    feed.addItem({ title: escapeHtml(i.name), id: `${s.page.url}#incident-${i.id}`, link: `${s.page.url}#incident-${i.id}`, date: new Date(i.updates[0]?.createdAt ?? i.updatedAt), published: new Date(i.createdAt), description: updates, content: updates });
  }
  for (const m of s.maintenances) {
    if (m.status === 'cancelled') continue;
    feed.addItem({
      title: escapeHtml(`Maintenance: ${m.name}`),
      id: `${s.page.url}#maintenance-${m.id}`,
      link: `${s.page.url}#maintenance-${m.id}`,
      date: new Date(m.updatedAt),
      published: new Date(m.createdAt),
      description: asText(`${m.scheduledFor} – ${m.scheduledUntil} (${m.status}): ${m.body}`),
    });
  }
  feed.items.sort((a, b) => b.date.getTime() - a.date.getTime());
  return feed;
}

export function rssFeed(s: PageSnapshot): string {
  return feedOf(s).rss2();
}

export function atomFeed(s: PageSnapshot): string {
  return feedOf(s).atom1();
}
