/** A postmortem draft as Markdown in the postmortem template (docs/practices.md#blameless-postmortems); each generated line links to its event. */
import type { DraftLine, PostmortemDraft } from './draft.js';

/** A link to the event a line came from, e.g. `[#12](events#12)`. */
export const eventLink = (seq: number) => `[#${seq}](events#${seq})`;
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const lines = (items: readonly DraftLine[], empty: string) => (items.length === 0 ? [`- ${empty}`] : items.map((l) => `- ${l.text} ${eventLink(l.seq)}`));
const duration = (s: number | null) => (s === null ? 'unknown' : `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`);

export function postmortemMarkdown(d: PostmortemDraft): string {
  const h = d.header;
  const det = d.detection;
  const out = [
    `# Postmortem: ${h.ref} ${h.title}${h.drill ? ' (drill)' : ''}`,
    '',
    `**Date:** ${h.date} · **Duration:** ${duration(h.durationSeconds)} · **Severity:** ${h.severity} · **Author:** ${h.author}`,
    '',
    '## Summary',
    ...lines(d.summary, '_to write_'),
    '',
    '## Impact',
    ...lines(d.impact, '_no impact statement on the timeline_'),
    '',
    '## Timeline (UTC)',
    '| Time | Event | Source |',
    '|---|---|---|',
    ...d.timeline.map((r) => `| ${r.at.slice(0, 19).replace('T', ' ')} | ${cell(r.text)} | ${eventLink(r.seq)} |`),
    '',
    '## Detection',
    `- First causal change: ${det.firstCausalChange ? `${det.firstCausalChange.at} ${eventLink(det.firstCausalChange.seq)}` : 'not marked'}`,
    `- First symptom: ${det.firstSymptom ? `${det.firstSymptom.at} ${eventLink(det.firstSymptom.seq)}` : 'not marked'}`,
    `- Declared: ${det.declaredAt}`,
    `- Detection delay (first symptom → declared): ${det.detectionDelaySeconds === null ? 'unknown' : duration(det.detectionDelaySeconds)}`,
    `- Time to shared picture: ${duration(d.facts.timeToSharedPictureSeconds)}`,
    '',
    '## Root cause',
    ...lines(d.rootCause, '_to write: the system condition, found by asking why_'),
    '',
    '## Contributing factors',
    ...lines(d.contributingFactors, '_to write_'),
    '',
    '## What went well',
    ...lines(d.wentWell, '_to write_'),
    '',
    '## What went poorly',
    ...lines(d.wentPoorly, '_to write_'),
    '',
    '## Action items',
    '| Action | Type | Owner | Due | Priority | Status |',
    '|---|---|---|---|---|---|',
    '',
  ];
  return out.join('\n');
}
