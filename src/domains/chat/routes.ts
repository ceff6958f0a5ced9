import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../app/context.js';
import { actorOf, requireIdentity } from '../../http/access.js';
import { IdParams, problemResponses } from '../../http/schemas.js';
import { requireVisibleIncident } from '../incidents/access.js';
import { IncidentParams } from '../incidents/schemas.js';
import { ConnectBody, IncidentChannelSchema, SettingsBody, TestResultSchema, WorkspaceSchema } from './schemas.js';
import * as service from './service.js';
import * as store from './store.js';

/** The chat admin API: connect, test, configure and disconnect workspaces; an incident's channels. */
export function chatRoutes(app: App, ctx: AppContext): void {
  const { store: st, config } = ctx;
  const tags = ['chat'];

  app.get('/api/v1/chat/workspaces', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Connected chat workspaces, each with what it still needs', response: { 200: Type.Object({ workspaces: Type.Array(WorkspaceSchema) }), ...problemResponses } },
  }, async () => ({ workspaces: await service.listWorkspaces(st.db, config) }));

  app.post('/api/v1/chat/workspaces', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Connect a Slack workspace or Mattermost team (the token is checked with the vendor first; secrets are stored encrypted)', body: ConnectBody, response: { 201: WorkspaceSchema, ...problemResponses } },
  }, async (request, reply) => reply.status(201).send(await service.connectWorkspace(st, config, actorOf(request), request.body)));

  app.get('/api/v1/chat/workspaces/:id', {
    config: { access: 'admin' },
    schema: { tags, summary: 'One chat workspace', params: IdParams, response: { 200: WorkspaceSchema, ...problemResponses } },
  }, async (request) => service.getWorkspace(st.db, config, request.params.id));

  app.post('/api/v1/chat/workspaces/:id/test', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Check the bot token with the vendor now; says what is missing', params: IdParams, response: { 200: TestResultSchema, ...problemResponses } },
  }, async (request) => service.testWorkspace(st, config, request.params.id));

  app.patch('/api/v1/chat/workspaces/:id', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Change the incident channel policy or the page channel', params: IdParams, body: SettingsBody, response: { 200: WorkspaceSchema, ...problemResponses } },
  }, async (request) => service.updateWorkspaceSettings(st, config, actorOf(request), request.params.id, request.body));

  app.delete('/api/v1/chat/workspaces/:id', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Disconnect a workspace (its channels stay in chat)', params: IdParams, response: { 204: Type.Null(), ...problemResponses } },
  }, async (request, reply) => {
    await service.disconnectWorkspace(st, actorOf(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.get('/api/v1/chat/slack/manifest', {
    config: { access: 'admin' },
    schema: { tags, summary: 'The Slack app manifest to paste at api.slack.com/apps, with this server’s URLs', response: { 200: Type.Record(Type.String(), Type.Unknown()), ...problemResponses } },
  }, async () => service.slackManifest(config));

  app.get('/api/v1/chat/incidents/:id', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'The incident’s chat channels and how far its timeline is mirrored', params: IncidentParams, response: { 200: Type.Object({ channels: Type.Array(IncidentChannelSchema) }), ...problemResponses } },
  }, async (request) => {
    const incident = await requireVisibleIncident(st.db, requireIdentity(request), request.params.id);
    const workspaces = new Map((await store.listWorkspaces(st.db)).map((w) => [w.id, w]));
    const channels = await store.channelsOfIncident(st.db, incident.id);
    return {
      channels: channels.map((c) => ({
        workspaceId: c.workspace_id,
        provider: workspaces.get(c.workspace_id)?.provider ?? 'unknown',
        channelId: c.channel_id,
        name: c.name,
        private: c.is_private === 1,
        mirroredSeq: c.mirrored_seq,
        posts: c.posts,
        topic: c.topic,
        resolvedPostedAt: c.resolved_posted_at,
        archivedAt: c.archived_at,
      })),
    };
  });
}
