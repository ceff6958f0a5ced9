import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { parseCapture } from './capture-service.js';
import { escapeMattermost } from './mattermost-api.js';
import { retryAfterMs } from './outbound.js';
import { channelName, channelTopic, DEFAULT_CHANNEL_POLICY, mirrorIntervalMs, mirrorPost } from './policy.js';
import { seal, secretKeyBytes, unseal } from '../../crypto/sealed.js';
import { escapeSlack } from './slack-api.js';
import { slackSignature, tokenHash, verifyMattermostToken, verifySlackRequest } from './verify.js';
import type { IncidentState, StoredEvent } from '../incidents/model.js';

const secret = '8f742231b10e8888abcd99yyyzzz85a5';
const now = new Date('2026-12-06T02:00:00Z');
const ts = String(Math.floor(now.getTime() / 1000));

test('a Slack request verifies with the signature Slack computes over v0:timestamp:body, and not with any change', () => {
  const body = 'token=x&team_id=T1&text=ack';
  const signature = slackSignature(secret, ts, body);
  assert.match(signature, /^v0=[0-9a-f]{64}$/);
  assert.deepEqual(verifySlackRequest(secret, { signature, timestamp: ts }, body, now), { ok: true });
  assert.equal(verifySlackRequest(secret, { signature, timestamp: ts }, `${body}x`, now).ok, false, 'another body');
  assert.equal(verifySlackRequest('another secret', { signature, timestamp: ts }, body, now).ok, false, 'another secret');
  assert.equal(verifySlackRequest(secret, { signature: undefined, timestamp: ts }, body, now).ok, false, 'no signature');
  assert.equal(verifySlackRequest(secret, { signature, timestamp: 'soon' }, body, now).ok, false, 'a timestamp that is no number');
});

test('a Slack request more than five minutes from now is refused, even correctly signed', () => {
  const old = String(Number(ts) - 301);
  const verdict = verifySlackRequest(secret, { signature: slackSignature(secret, old, 'a'), timestamp: old }, 'a', now);
  assert.deepEqual(verdict, { ok: false, reason: 'the request timestamp is more than five minutes from now' });
  const future = String(Number(ts) + 301);
  assert.equal(verifySlackRequest(secret, { signature: slackSignature(secret, future, 'a'), timestamp: future }, 'a', now).ok, false);
  const edge = String(Number(ts) - 299);
  assert.equal(verifySlackRequest(secret, { signature: slackSignature(secret, edge, 'a'), timestamp: edge }, 'a', now).ok, true);
});

test('a Mattermost token verifies against its stored hash only', () => {
  const stored = tokenHash('abc123token');
  assert.equal(verifyMattermostToken(stored, 'abc123token').ok, true);
  assert.equal(verifyMattermostToken(stored, 'abc123tokeN').ok, false);
  assert.equal(verifyMattermostToken(stored, undefined).ok, false);
  assert.equal(verifyMattermostToken(null, 'abc123token').ok, false);
});

test('sealed secrets open with their key only, and the text never shows the secret', () => {
  const key = secretKeyBytes(randomBytes(32).toString('base64'));
  const sealed = seal(key, 'xoxb-1-secret');
  assert.ok(!sealed.includes('xoxb'));
  assert.notEqual(seal(key, 'xoxb-1-secret'), sealed, 'a fresh nonce each time');
  assert.equal(unseal(key, sealed), 'xoxb-1-secret');
  assert.throws(() => unseal(secretKeyBytes(randomBytes(32).toString('hex')), sealed));
  assert.throws(() => secretKeyBytes('c2hvcnQ='), /32 bytes/);
});

test('channel names follow the pattern and are valid for both vendors', () => {
  const incident = { ref: 'INC-42', title: 'Checkout: 5xx > 5% (EU) ', severity: 'SEV1', declaredAt: '2026-12-06T01:00:00Z' };
  assert.equal(channelName(DEFAULT_CHANNEL_POLICY.namePattern, incident), 'inc-42-checkout-5xx-5-eu');
  assert.equal(channelName('{date}-{severity}-{ref}', incident), '2026-12-06-sev1-inc-42');
  assert.equal(channelName('{ref}-{title}', { ...incident, title: 'x'.repeat(200) }).length, 80);
  assert.equal(channelName('{title}', { ...incident, title: '!!!' }), 'inc-42', 'never empty');
});

test('a burst of events becomes one post listing the first few and counting the rest', () => {
  const events: StoredEvent[] = Array.from({ length: 25 }, (_, i) => ({ incidentId: 'i', seq: i + 2, kind: 'observation', actorId: null, actorLabel: 'ann', occurredAt: '2026-12-06T01:02:00Z', recordedAt: '2026-12-06T01:02:00Z', body: { text: `<!channel> line ${i}` } }));
  const post = mirrorPost(events, 10, escapeSlack, 'http://fb/incidents/INC-1');
  const lines = post.split('\n');
  assert.equal(lines.length, 11);
  assert.equal(lines[0], '01:02 ann — observation: &lt;!channel&gt; line 0');
  assert.equal(lines[10], '… and 15 more events in the timeline: http://fb/incidents/INC-1');
  assert.equal(mirrorIntervalMs({ ...DEFAULT_CHANNEL_POLICY, mirrorPostsPerMinute: 6 }), 10_000);
});

test('stored text cannot mention everyone or forge links in chat', () => {
  assert.equal(escapeSlack('<!here> <@U1> <http://x|y> & co'), '&lt;!here&gt; &lt;@U1&gt; &lt;http://x|y&gt; &amp; co');
  const mm = escapeMattermost('@channel see [docs](http://evil) ![img](x)');
  assert.ok(!mm.includes('@channel'));
  assert.ok(!/\[docs\]\(/.test(mm));
});

test('the topic says severity, status, commander and the next update due', () => {
  const state = { ref: 'INC-7', severity: 'SEV2', status: 'mitigating', roles: [{ role: 'commander', userId: 'u', label: 'Ann' }], nextUpdateDue: '2026-12-06T02:30:00.000Z' } as unknown as IncidentState;
  assert.equal(channelTopic(state), 'INC-7 SEV2 · mitigating · IC Ann · next update 02:30 UTC');
});

test('capture takes a Mattermost or Slack permalink, as evidence unless told otherwise', () => {
  assert.deepEqual(parseCapture('capture https://mm.example/team/pl/abcdefghijklmnopqrstuvwxyz'), { messageId: 'abcdefghijklmnopqrstuvwxyz', as: 'evidence' });
  assert.deepEqual(parseCapture('capture https://x.slack.com/archives/C1/p1733450000123456 as observation'), { messageId: '1733450000.123456', as: 'observation' });
  assert.deepEqual(parseCapture('capture'), { error: "give the message's permalink: /firebreak capture <link> [as observation]" });
  assert.deepEqual(parseCapture('capture https://x/pl/abcdefghijklmnopqrstuvwxyz as note'), { error: 'capture as evidence or as observation' });
  assert.equal(parseCapture('hyp capture the flag'), null);
});

test('Retry-After in seconds or as a date; a minute when absent', () => {
  assert.equal(retryAfterMs('30', now), 30_000);
  assert.equal(retryAfterMs(new Date(now.getTime() + 5000).toUTCString(), now), 5000);
  assert.equal(retryAfterMs(null, now), 60_000);
});
