/**
 * The one-screen first page (docs/practices.md#runbooks), as the body a new runbook starts from:
 * the eight things a responder needs in the first minutes, in the order they
 * need them. Pure.
 */

export const TEMPLATE_SECTIONS = [
  'Impact',
  'Owner',
  'Timeline',
  'Unsafe actions',
  'Mitigation options',
  'Communication cadence',
  'Evidence links',
  'Recovery criteria',
] as const;

const PROMPTS: Record<(typeof TEMPLATE_SECTIONS)[number], string> = {
  Impact: 'Which user journeys break when this goes wrong, for whom, and whether writes are safe.',
  Owner: 'The team that owns this service and how to reach them (channel, escalation policy).',
  Timeline: 'Where to look for what changed: deploys, config, flags. Mark the first symptom and the first causal change.',
  'Unsafe actions': 'What must NOT be done during an incident here (restarts that drop queues, failovers that split brain), and why.',
  'Mitigation options': 'Safe first moves, most reversible first: roll back the last change, shed load, fail over. Each with its expected signal.',
  'Communication cadence': 'How often to post updates (internal and public) at each severity, and where.',
  'Evidence links': 'Dashboards, logs and traces to open first, as Markdown links: `[errors dashboard](https://grafana.example.com/d/…)`.',
  'Recovery criteria': 'What must be true to call it resolved: error rate, latency, backlog drained, data reconciled.',
};

/** The Markdown body of a new runbook. */
export function runbookTemplate(title = 'Service runbook'): { title: string; body: string } {
  const sections = TEMPLATE_SECTIONS.map((name) => `## ${name}\n\n${PROMPTS[name]}`);
  return { title, body: `# ${title}\n\n${sections.join('\n\n')}\n` };
}
