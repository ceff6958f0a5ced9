/** Request and response schemas of the tracker routes. */
import { Type } from '@sinclair/typebox';
import { Body } from '../../http/schemas.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Labels = Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 20, description: 'Labels every issue gets' });
const Token = Type.String({ minLength: 1, maxLength: 2000 });
const WebhookSecret = Type.String({ minLength: 16, maxLength: 200, description: 'The secret the tracker signs its webhooks with; absent: Firebreak generates one and answers it once' });

export const GithubTrackerBody = Body({
  repository: Type.String({ minLength: 3, maxLength: 141, description: 'owner/repo' }),
  token: Type.String({ ...Token, description: 'A token that may create issues in the repository (fine-grained: Issues read and write); sealed at rest, never answered' }),
  webhookSecret: Type.Optional(WebhookSecret),
  labels: Type.Optional(Labels),
  apiUrl: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'Default https://api.github.com (GitHub Enterprise Server: https://HOST/api/v3)' })),
});

export const JiraTrackerBody = Body({
  siteUrl: Type.String({ minLength: 1, maxLength: 500, description: 'https://your-site.atlassian.net' }),
  email: Type.String({ minLength: 3, maxLength: 320, description: 'The Atlassian account the API token belongs to (basic auth)' }),
  token: Type.String({ ...Token, description: 'An Atlassian API token; sealed at rest, never answered' }),
  projectKey: Type.String({ minLength: 2, maxLength: 10, description: 'The project issues are created in (OPS)' }),
  issueType: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Default Task' })),
  webhookSecret: Type.Optional(WebhookSecret),
  labels: Type.Optional(Labels),
});

export const TrackerSchema = Type.Object({
  provider: Type.Union([Type.Literal('github'), Type.Literal('jira')]),
  settings: Type.Object({
    repository: Type.Optional(Type.String()),
    apiUrl: Type.Optional(Type.String()),
    siteUrl: Type.Optional(Type.String()),
    email: Type.Optional(Type.String()),
    projectKey: Type.Optional(Type.String()),
    issueType: Type.Optional(Type.String()),
    labels: Type.Array(Type.String()),
  }, { description: 'Never a token or secret' }),
  webhookUrl: Type.String({ description: 'Register this URL for the tracker’s webhooks (GitHub: the issues event; Jira: issue updated)' }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const ConfiguredTrackerSchema = Type.Object({
  tracker: TrackerSchema,
  webhookSecret: Type.Optional(Type.String({ description: 'The generated webhook secret: shown once; give it to the tracker now' })),
});

export const TrackerItemParams = Type.Object({ itemId: Type.String({ format: 'uuid' }) });

export const TrackerIssueSchema = Type.Object({
  link: Type.Object({
    provider: Type.Union([Type.Literal('github'), Type.Literal('jira')]),
    key: Nullable(Type.String()),
    url: Nullable(Type.String()),
    state: Nullable(Type.Union([Type.Literal('open'), Type.Literal('closed')])),
    sync: Type.Union([Type.Literal('pending'), Type.Literal('created'), Type.Literal('failed')]),
    attempts: Type.Integer(),
    lastError: Nullable(Type.String()),
    lastAttemptAt: Nullable(Type.String()),
  }),
  attempts: Type.Array(Type.Object({ attempt: Type.Integer(), at: Type.String(), outcome: Type.Union([Type.Literal('created'), Type.Literal('retry'), Type.Literal('failed')]), detail: Type.String() })),
});

export const WebhookAnswerSchema = Type.Object({
  outcome: Type.Union([Type.Literal('applied'), Type.Literal('unchanged'), Type.Literal('ignored')]),
  reason: Type.Optional(Type.String()),
  actionItemId: Type.Optional(Type.String()),
});
