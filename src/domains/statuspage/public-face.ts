/**
 * What the public status page says about one incident right now, and what would
 * stop a public update from being published, with how to fix it. Read by the war
 * room's public page panel. Apart from publish.ts because it reads incidents, and
 * publish.ts is reached from the incident service (an import cycle otherwise).
 */
import { Type, type Static } from '@sinclair/typebox';
import type { Config } from '../../config.js';
import type { Db } from '../../db/schema.js';
import { fromJson } from '../../db/dialect.js';
import type { Viewer } from '../incidents/access.js';
import { getIncident } from '../incidents/reads.js';
import { pageUrl } from './load.js';
import { publicUrlOf } from './service.js';
import * as store from './store.js';

const Component = Type.Object({ id: Type.String(), name: Type.String(), status: Type.String() });

export const PublicFaceSchema = Type.Object({
  onPage: Type.Array(
    Type.Object({
      pageId: Type.String(),
      pageName: Type.String(),
      url: Type.String(),
      title: Type.String(),
      status: Type.String({ description: 'investigating, identified, monitoring or resolved' }),
      impact: Type.String(),
      components: Type.Array(Component, { description: 'The components this incident affects, with their state on the page now' }),
      lastUpdate: Type.Union([Type.Object({ text: Type.String(), at: Type.String() }), Type.Null()]),
    }),
    { description: 'What each status page shows about this incident (empty: nothing public yet)' },
  ),
  components: Type.Array(Component, { description: 'The components of the default status page, to choose from' }),
  blocked: Type.Union([Type.String(), Type.Null()], { description: 'Why a public update would not be published now, and how to fix it; null when it would be' }),
});
export type PublicFace = Static<typeof PublicFaceSchema>;

/** The incident's public face for someone who may see the incident. */
export async function publicFaceOf(db: Db, config: Config, who: Viewer, incidentRef: string): Promise<PublicFace> {
  const state = await getIncident(db, who, incidentRef);
  const [statusIncidents, defaultPage] = await Promise.all([store.listStatusIncidentsOf(db, state.id), store.findDefaultPage(db)]);
  const pageIds = [...new Set([...statusIncidents.map((s) => s.page_id), ...(defaultPage ? [defaultPage.id] : [])])];
  const components = await store.listComponents(db, pageIds);
  const byId = new Map(components.map((c) => [c.id, c]));
  const updates = await store.listStatusUpdates(db, statusIncidents.map((s) => s.id));
  const onPage = [];
  for (const s of statusIncidents) {
    const page = (await store.findPage(db, s.page_id))!;
    const last = updates.find((u) => u.status_incident_id === s.id);
    onPage.push({
      pageId: page.id,
      pageName: page.name,
      url: pageUrl(page, publicUrlOf(config)),
      title: s.name,
      status: s.status,
      impact: s.impact,
      components: (fromJson<string[]>(s.component_ids) ?? []).flatMap((id) => {
        const c = byId.get(id);
        return c ? [{ id: c.id, name: c.name, status: c.status }] : [];
      }),
      lastUpdate: last ? { text: last.body, at: last.created_at } : null,
    });
  }
  return {
    onPage,
    components: defaultPage ? components.filter((c) => c.page_id === defaultPage.id && c.is_group === 0).map((c) => ({ id: c.id, name: c.name, status: c.status })) : [],
    blocked: blockedBecause(state, defaultPage !== undefined, onPage.length > 0),
  };
}

/** Why a public update would not reach the status page, in words that say how to fix it. */
function blockedBecause(state: { private: boolean; drill: boolean }, hasPage: boolean, onPage: boolean): string | null {
  if (state.private) return 'not published: a private incident has no public face (make it public first, or post the update as internal)';
  if (state.drill) return 'not published: a drill never reaches the status page';
  if (!onPage && !hasPage) return 'not published: there is no status page yet (create one under Status pages, or `firebreak statuspage create`)';
  if (!onPage) return 'not published: the incident is not on the status page yet; give it a public title (and the affected components) in the public page panel';
  return null;
}
