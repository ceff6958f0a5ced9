/** HTTP routes of similar incidents: for an incident (the war room) and for one being declared. */
import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../app/context.js';
import { requireIdentity } from '../../http/access.js';
import { problemResponses } from '../../http/schemas.js';
import { IncidentParams } from '../incidents/schemas.js';
import { similarToDraft, similarToIncident } from './service.js';

const Text = (max: number, description: string) => Type.String({ maxLength: max, description });
const Reasons = Type.Object({
  sharedServices: Type.Array(Type.String()),
  sharedServiceNames: Type.Array(Type.String()),
  sharedRules: Type.Array(Type.String(), { description: 'Alert rule names (alertname) both incidents had' }),
  sharedFingerprints: Type.Array(Type.String(), { description: 'The very same alert (fingerprint or dedup key) fired in both' }),
  matchingTerms: Type.Array(Type.String(), { description: 'Words of the title and impact both use, strongest first (TF-IDF)' }),
  textSimilarity: Type.Number({ description: 'Cosine similarity of the TF-IDF vectors of title and impact, 0 to 1' }),
});
const SimilarSchema = Type.Object({
  ref: Type.String(),
  title: Type.String(),
  severity: Type.String(),
  status: Type.String(),
  declaredAt: Type.String(),
  resolvedAt: Type.Union([Type.String(), Type.Null()]),
  score: Type.Number(),
  reasons: Reasons,
  why: Type.String({ description: 'The reasons in one sentence' }),
  resolutionSummary: Type.Union([Type.String(), Type.Null()]),
  postmortem: Type.Union([
    Type.Object({
      status: Type.String(),
      rootCause: Type.Union([Type.String(), Type.Null()]),
      actionItems: Type.Array(Type.Object({ title: Type.String(), status: Type.String(), open: Type.Boolean() })),
    }),
    Type.Null(),
  ]),
});
const Answer = Type.Object({ similar: Type.Array(SimilarSchema) });
const Limit = Type.Optional(Type.Integer({ minimum: 1, maximum: 10, default: 3 }));
const DraftQuery = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200, description: 'The title being typed' }),
    impact: Type.Optional(Text(2000, 'The impact being typed')),
    service: Type.Optional(Type.Union([Text(100, 'A service id or name'), Type.Array(Text(100, 'A service id or name'), { maxItems: 20 })])),
    limit: Limit,
  },
  { additionalProperties: false },
);

export function similarRoutes(app: App, ctx: AppContext): void {
  const { store } = ctx;
  const tags = ['incidents'];
  app.get('/api/v1/incidents/similar', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'Past incidents like one being declared (title, impact, services), each with why it matched, its resolution and its postmortem', querystring: DraftQuery, response: { 200: Answer, ...problemResponses } },
  }, async (request) => {
    const { title, impact, service, limit } = request.query;
    const services = service === undefined ? [] : Array.isArray(service) ? service : [service];
    return { similar: await similarToDraft(store.db, requireIdentity(request), { title, impact, services }, limit ?? 3) };
  });
  app.get('/api/v1/incidents/:id/similar', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'Have we seen this before? The incidents most like this one (same service, same alerts, similar words), each with why it matched, its resolution and its postmortem (open action items flagged)', params: IncidentParams, querystring: Type.Object({ limit: Limit }, { additionalProperties: false }), response: { 200: Answer, ...problemResponses } },
  }, async (request) => ({ similar: await similarToIncident(store.db, requireIdentity(request), request.params.id, request.query.limit ?? 3) }));
}
