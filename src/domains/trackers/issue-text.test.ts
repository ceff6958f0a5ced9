import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeMarkdown, githubBody, issueTitle, type IssueFacts } from './issue-text.js';
import { jiraDescription } from './jira.js';

const facts: IssueFacts = { title: 'Alert on lag', postmortemUrl: 'https://fb.example/postmortems/INC-7', incidentRef: 'INC-7', incidentTitle: 'DB <script>x</script> @oncall **down** www.evil.example', type: 'detect', priority: 'high', due: '2027-01-02' };

test('typed text reaches GitHub escaped: no HTML, mention, emphasis or autolink survives', () => {
  const body = githubBody(facts);
  assert.ok(!/(^|[^\\])<script/.test(body), body);
  assert.ok(!/(^|[^\\])@oncall/.test(body));
  assert.ok(!/(^|[^\\])\*\*down/.test(body));
  assert.ok(body.includes('www\\.evil\\.example'), 'no bare www. autolink');
  assert.equal(escapeMarkdown('a\nb'), 'a b', 'one line: no new block can start');
  assert.match(body, /Due: 2027-01-02/);
});

test('a private incident’s title never reaches the tracker', () => {
  const hidden = { ...facts, incidentTitle: null };
  assert.ok(!githubBody(hidden).includes('DB'));
  assert.match(githubBody(hidden), /a private incident/);
  assert.ok(!JSON.stringify(jiraDescription(hidden)).includes('DB'));
});

test('titles are one line and at most 255 characters', () => {
  assert.equal(issueTitle('a\r\nb'), 'a b');
  assert.equal(issueTitle('x'.repeat(400)).length, 255);
});
