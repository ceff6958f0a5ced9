import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { outboundPolicy } from './http/outbound.js';

/** Every setting Firebreak reads, with its environment variable and default. */
const ConfigSchema = Type.Object({
  port: Type.Integer({ minimum: 0, maximum: 65535, default: 8080 }),
  host: Type.String({ minLength: 1, default: '127.0.0.1' }),
  dataDir: Type.String({ minLength: 1, default: './firebreak-data' }),
  databaseUrl: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  databasePoolSize: Type.Integer({ minimum: 1, maximum: 200, default: 10 }),
  logLevel: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  publicUrl: Type.Optional(Type.String({ pattern: '^https?://' })),
  bodyLimitBytes: Type.Integer({ minimum: 1024, maximum: 64 * 1024 * 1024, default: 1024 * 1024 }),
  adminEmail: Type.String({ pattern: '^[^@\\s]+@[^@\\s]+$', default: 'admin@localhost' }),
  workerConcurrency: Type.Integer({ minimum: 1, maximum: 256, default: 8 }),
  jobLeaseSeconds: Type.Integer({ minimum: 1, maximum: 3600, default: 30 }),
  jobMaxAttempts: Type.Integer({ minimum: 1, maximum: 100, default: 8 }),
  shutdownTimeoutSeconds: Type.Integer({ minimum: 1, maximum: 600, default: 25 }),
  secureCookies: Type.Boolean({ default: false }),
  // Alert intake: per-route body limit, batch size, per-integration rate limit (token bucket per process).
  intakeBodyLimitBytes: Type.Integer({ minimum: 1024, maximum: 64 * 1024 * 1024, default: 1024 * 1024 }),
  intakeMaxAlertsPerRequest: Type.Integer({ minimum: 1, maximum: 10_000, default: 1000 }),
  intakeRateLimitPerSecond: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1000 }),
  intakeRateLimitBurst: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 2000 }),
  alertGroupWindowSeconds: Type.Integer({ minimum: 1, maximum: 86_400, default: 300 }),
  alertSeverityMap: Type.String({ pattern: '^(critical|error|warning|info)=SEV[1-4](,(critical|error|warning|info)=SEV[1-4])*$', default: 'critical=SEV1,error=SEV2,warning=SEV3,info=SEV4' }),
  alertFlapChanges: Type.Integer({ minimum: 2, maximum: 1000, default: 5 }),
  alertFlapWindowMinutes: Type.Integer({ minimum: 1, maximum: 1440, default: 10 }),
  alertPayloadMaxBytes: Type.Integer({ minimum: 256, maximum: 16 * 1024 * 1024, default: 16 * 1024 }),
  alertPayloadRetentionDays: Type.Integer({ minimum: 1, maximum: 3650, default: 30 }),
  smtpUrl: Type.Optional(Type.String({ pattern: '^smtps?://' })),
  smtpFrom: Type.String({ minLength: 3, default: 'Firebreak <firebreak@localhost>' }),
  // Paging: SMS and voice through a Twilio-compatible REST API, push through ntfy.
  twilioBaseUrl: Type.String({ pattern: '^https?://', default: 'https://api.twilio.com' }),
  twilioAccountSid: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9]{1,64}$' })),
  twilioAuthToken: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  twilioFromNumber: Type.Optional(Type.String({ pattern: '^\\+[1-9][0-9]{6,14}$' })),
  ntfyBaseUrl: Type.String({ pattern: '^https?://', default: 'https://ntfy.sh' }),
  ntfyToken: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  pagesPerMinute: Type.Integer({ minimum: 1, maximum: 1000, default: 5 }),
  pageLinkTtlMinutes: Type.Integer({ minimum: 1, maximum: 10_080, default: 1440 }),
  // Each new postmortem action item is posted here (through the notify outbox) so a tracker can open the ticket.
  actionItemWebhookUrl: Type.Optional(Type.String({ pattern: '^https?://' })),
  // Runbook rot: untested longer than this is rotting; each link check waits this long; owners are reminded once per period.
  runbookMaxUntestedDays: Type.Integer({ minimum: 1, maximum: 3650, default: 90 }),
  runbookLinkCheckTimeoutMs: Type.Integer({ minimum: 50, maximum: 60_000, default: 5000 }),
  runbookReminderPeriodDays: Type.Integer({ minimum: 1, maximum: 365, default: 7 }),
  // Abuse resistance: small bodies on public routes, where the server may call out, what one caller may hold, how often public forms mail.
  publicBodyLimitBytes: Type.Integer({ minimum: 1024, maximum: 1024 * 1024, default: 16 * 1024 }),
  outboundAllow: Type.String({ maxLength: 4000, default: '', description: 'Comma-separated address ranges outbound calls may reach although private' }),
  outboundTimeoutMs: Type.Integer({ minimum: 100, maximum: 120_000, default: 10_000, description: 'How long one delivery (HTTP or SMTP) may take' }),
  streamsPerToken: Type.Integer({ minimum: 1, maximum: 10_000, default: 16 }),
  streamsPerUser: Type.Integer({ minimum: 1, maximum: 10_000, default: 32 }),
  maxConnections: Type.Integer({ minimum: 16, maximum: 1_000_000, default: 4096 }),
  headersTimeoutMs: Type.Integer({ minimum: 1000, maximum: 600_000, default: 10_000 }),
  requestTimeoutMs: Type.Integer({ minimum: 1000, maximum: 3_600_000, default: 30_000 }),
  subscribePerAddressPerHour: Type.Integer({ minimum: 1, maximum: 100_000, default: 20 }),
  subscribePerRecipientPerHour: Type.Integer({ minimum: 1, maximum: 1000, default: 3 }),
  sendCodePerHour: Type.Integer({ minimum: 1, maximum: 1000, default: 5 }),
  // Seals secrets Firebreak must use again (chat bot tokens, signing secrets): 32 bytes, base64 or hex.
  secretKey: Type.Optional(Type.String({ pattern: '^([A-Za-z0-9+/_-]{43}=?|[0-9a-fA-F]{64})$' })),
  slackApiUrl: Type.String({ pattern: '^https?://', default: 'https://slack.com/api' }),
  // The command line's clock (tests and replays run a command "at" a chosen moment); serve ignores it.
  now: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$' })),
  // serve's clock: a file holding an ISO instant, re-read when it changes (tests and rehearsals move product time).
  clockFile: Type.Optional(Type.String({ minLength: 1 })),
});

export type Config = Static<typeof ConfigSchema>;

/** Config key → environment variable, and how to parse its text. */
const ENV: Record<keyof Config, { name: string; kind: 'string' | 'integer' | 'boolean' }> = {
  port: { name: 'FIREBREAK_PORT', kind: 'integer' },
  host: { name: 'FIREBREAK_HOST', kind: 'string' },
  dataDir: { name: 'FIREBREAK_DATA_DIR', kind: 'string' },
  databaseUrl: { name: 'FIREBREAK_DATABASE_URL', kind: 'string' },
  databasePoolSize: { name: 'FIREBREAK_DATABASE_POOL_SIZE', kind: 'integer' },
  logLevel: { name: 'FIREBREAK_LOG_LEVEL', kind: 'string' },
  publicUrl: { name: 'FIREBREAK_PUBLIC_URL', kind: 'string' },
  bodyLimitBytes: { name: 'FIREBREAK_BODY_LIMIT_BYTES', kind: 'integer' },
  adminEmail: { name: 'FIREBREAK_ADMIN_EMAIL', kind: 'string' },
  workerConcurrency: { name: 'FIREBREAK_WORKER_CONCURRENCY', kind: 'integer' },
  jobLeaseSeconds: { name: 'FIREBREAK_JOB_LEASE_SECONDS', kind: 'integer' },
  jobMaxAttempts: { name: 'FIREBREAK_JOB_MAX_ATTEMPTS', kind: 'integer' },
  shutdownTimeoutSeconds: { name: 'FIREBREAK_SHUTDOWN_TIMEOUT_SECONDS', kind: 'integer' },
  secureCookies: { name: 'FIREBREAK_SECURE_COOKIES', kind: 'boolean' },
  intakeBodyLimitBytes: { name: 'FIREBREAK_INTAKE_BODY_LIMIT_BYTES', kind: 'integer' },
  intakeMaxAlertsPerRequest: { name: 'FIREBREAK_INTAKE_MAX_ALERTS_PER_REQUEST', kind: 'integer' },
  intakeRateLimitPerSecond: { name: 'FIREBREAK_INTAKE_RATE_LIMIT_PER_SECOND', kind: 'integer' },
  intakeRateLimitBurst: { name: 'FIREBREAK_INTAKE_RATE_LIMIT_BURST', kind: 'integer' },
  alertGroupWindowSeconds: { name: 'FIREBREAK_ALERT_GROUP_WINDOW_SECONDS', kind: 'integer' },
  alertSeverityMap: { name: 'FIREBREAK_ALERT_SEVERITY_MAP', kind: 'string' },
  alertFlapChanges: { name: 'FIREBREAK_ALERT_FLAP_CHANGES', kind: 'integer' },
  alertFlapWindowMinutes: { name: 'FIREBREAK_ALERT_FLAP_WINDOW_MINUTES', kind: 'integer' },
  alertPayloadMaxBytes: { name: 'FIREBREAK_ALERT_PAYLOAD_MAX_BYTES', kind: 'integer' },
  alertPayloadRetentionDays: { name: 'FIREBREAK_ALERT_PAYLOAD_RETENTION_DAYS', kind: 'integer' },
  smtpUrl: { name: 'FIREBREAK_SMTP_URL', kind: 'string' },
  smtpFrom: { name: 'FIREBREAK_SMTP_FROM', kind: 'string' },
  twilioBaseUrl: { name: 'FIREBREAK_TWILIO_BASE_URL', kind: 'string' },
  twilioAccountSid: { name: 'FIREBREAK_TWILIO_ACCOUNT_SID', kind: 'string' },
  twilioAuthToken: { name: 'FIREBREAK_TWILIO_AUTH_TOKEN', kind: 'string' },
  twilioFromNumber: { name: 'FIREBREAK_TWILIO_FROM_NUMBER', kind: 'string' },
  ntfyBaseUrl: { name: 'FIREBREAK_NTFY_BASE_URL', kind: 'string' },
  ntfyToken: { name: 'FIREBREAK_NTFY_TOKEN', kind: 'string' },
  pagesPerMinute: { name: 'FIREBREAK_PAGES_PER_MINUTE', kind: 'integer' },
  pageLinkTtlMinutes: { name: 'FIREBREAK_PAGE_LINK_TTL_MINUTES', kind: 'integer' },
  actionItemWebhookUrl: { name: 'FIREBREAK_ACTION_ITEM_WEBHOOK_URL', kind: 'string' },
  runbookMaxUntestedDays: { name: 'FIREBREAK_RUNBOOK_MAX_UNTESTED_DAYS', kind: 'integer' },
  runbookLinkCheckTimeoutMs: { name: 'FIREBREAK_RUNBOOK_LINK_CHECK_TIMEOUT_MS', kind: 'integer' },
  runbookReminderPeriodDays: { name: 'FIREBREAK_RUNBOOK_REMINDER_PERIOD_DAYS', kind: 'integer' },
  publicBodyLimitBytes: { name: 'FIREBREAK_PUBLIC_BODY_LIMIT_BYTES', kind: 'integer' },
  outboundAllow: { name: 'FIREBREAK_OUTBOUND_ALLOW', kind: 'string' },
  outboundTimeoutMs: { name: 'FIREBREAK_OUTBOUND_TIMEOUT_MS', kind: 'integer' },
  streamsPerToken: { name: 'FIREBREAK_STREAMS_PER_TOKEN', kind: 'integer' },
  streamsPerUser: { name: 'FIREBREAK_STREAMS_PER_USER', kind: 'integer' },
  maxConnections: { name: 'FIREBREAK_MAX_CONNECTIONS', kind: 'integer' },
  headersTimeoutMs: { name: 'FIREBREAK_HEADERS_TIMEOUT_MS', kind: 'integer' },
  requestTimeoutMs: { name: 'FIREBREAK_REQUEST_TIMEOUT_MS', kind: 'integer' },
  subscribePerAddressPerHour: { name: 'FIREBREAK_SUBSCRIBE_PER_ADDRESS_PER_HOUR', kind: 'integer' },
  subscribePerRecipientPerHour: { name: 'FIREBREAK_SUBSCRIBE_PER_RECIPIENT_PER_HOUR', kind: 'integer' },
  sendCodePerHour: { name: 'FIREBREAK_SEND_CODE_PER_HOUR', kind: 'integer' },
  secretKey: { name: 'FIREBREAK_SECRET_KEY', kind: 'string' },
  slackApiUrl: { name: 'FIREBREAK_SLACK_API_URL', kind: 'string' },
  now: { name: 'FIREBREAK_NOW', kind: 'string' },
  clockFile: { name: 'FIREBREAK_CLOCK_FILE', kind: 'string' },
};

export class ConfigError extends Error {}

function parseEnvValue(name: string, kind: 'string' | 'integer' | 'boolean', raw: string): unknown {
  if (kind === 'string') return raw;
  if (kind === 'boolean') {
    if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
    if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
    throw new ConfigError(`${name}: expected true or false, got "${raw}"`);
  }
  if (!/^-?\d+$/.test(raw.trim())) throw new ConfigError(`${name}: expected an integer, got "${raw}"`);
  return Number(raw.trim());
}

function readConfigFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`FIREBREAK_CONFIG: cannot read ${file}: ${(err as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`FIREBREAK_CONFIG: ${file} is not valid JSON: ${(err as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError(`FIREBREAK_CONFIG: ${file} must hold a JSON object`);
  }
  return parsed as Record<string, unknown>;
}

/**
 * Reads the configuration once: defaults, then the optional JSON file named by
 * FIREBREAK_CONFIG (keys as in Config), then FIREBREAK_* variables. Throws a
 * ConfigError naming the variable when a value is invalid.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const merged: Record<string, unknown> = {};
  const origin: Record<string, string> = {};
  if (env.FIREBREAK_CONFIG) {
    const fromFile = readConfigFile(env.FIREBREAK_CONFIG);
    for (const [key, value] of Object.entries(fromFile)) {
      if (!(key in ENV)) throw new ConfigError(`FIREBREAK_CONFIG: unknown setting "${key}"`);
      merged[key] = value;
      origin[key] = `${key} in ${env.FIREBREAK_CONFIG}`;
    }
  }
  for (const [key, { name, kind }] of Object.entries(ENV)) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    merged[key] = parseEnvValue(name, kind, raw);
    origin[key] = name;
  }
  const withDefaults = Value.Default(ConfigSchema, merged) as Record<string, unknown>;
  const firstError = Value.Errors(ConfigSchema, withDefaults).First();
  if (firstError) {
    const key = firstError.path.split('/')[1] ?? '';
    const name = origin[key] ?? ENV[key as keyof Config]?.name ?? key;
    throw new ConfigError(`${name}: ${firstError.message} (got ${JSON.stringify(firstError.value)})`);
  }
  const config = withDefaults as Config;
  try {
    outboundPolicy(config.outboundAllow);
  } catch (err) {
    throw new ConfigError(`${origin.outboundAllow ?? ENV.outboundAllow.name}: ${(err as Error).message}`);
  }
  return { ...config, dataDir: path.resolve(config.dataDir) };
}

/** The environment variable that sets a config key, for messages and docs. */
export function envNameOf(key: keyof Config): string {
  return ENV[key].name;
}
