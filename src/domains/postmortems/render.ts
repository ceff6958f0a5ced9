/**
 * A postmortem as a document: Markdown in the postmortem template (docs/practices.md#blameless-postmortems) with what people
 * wrote (sections, five whys, action items) over what the log knows (the
 * draft), and HTML rendered from that Markdown with raw HTML disabled, so
 * every text people typed is escaped. Pure.
 */
import MarkdownIt from 'markdown-it';
import { eventLink } from './markdown.js';
import type { DraftLine } from './draft.js';
import type { PostmortemView } from './views.js';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const oneLine = (text: string) => text.replace(/\r?\n/g, ' ');
const generated = (items: readonly DraftLine[]) => items.map((l) => `- ${oneLine(l.text)} ${eventLink(l.seq)}`);
const written = (items: readonly string[] | undefined) => (items ?? []).map((t) => `- ${oneLine(t)}`);
const duration = (s: number | null) => (s === null ? 'unknown' : `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`);
const orNone = (lines: string[], none: string) => (lines.length > 0 ? lines : [`- ${none}`]);

/** The postmortem as Markdown: written sections first, the log's facts beside them. */
export function postmortemDocument(pm: PostmortemView): string {
  const d = pm.draft;
  const h = d.header;
  const out = [
    `# Postmortem: ${h.ref} ${oneLine(h.title)}${h.drill ? ' (drill)' : ''}`,
    '',
    `**Status:** ${pm.status.replace('_', ' ')}${pm.publishedAt ? ` (published ${pm.publishedAt})` : ''} · **Date:** ${h.date} · **Duration:** ${duration(h.durationSeconds)} · **Severity:** ${h.severity} · **Author:** ${oneLine(h.author)}`,
    '',
    '## Summary',
    ...(pm.sections.summary ? [pm.sections.summary] : generated(d.summary)),
    '',
    '## Impact',
    ...orNone(generated(d.impact), 'no impact statement on the timeline'),
    '',
    '## Timeline (UTC)',
    '| Time | Event | Source |',
    '|---|---|---|',
    ...d.timeline.map((r) => `| ${r.at.slice(0, 19).replace('T', ' ')} | ${cell(r.text)} | ${eventLink(r.seq)} |`),
    '',
    '## Detection',
    `- First symptom: ${d.detection.firstSymptom ? `${d.detection.firstSymptom.at} ${eventLink(d.detection.firstSymptom.seq)}` : 'not marked'}`,
    `- Declared: ${d.detection.declaredAt}`,
    `- Detection delay (first symptom → declared): ${duration(d.detection.detectionDelaySeconds)}`,
    `- Time to shared picture: ${duration(d.facts.timeToSharedPictureSeconds)}`,
    '',
    '## Root cause',
    ...(pm.sections.rootCause ? [pm.sections.rootCause] : orNone(generated(d.rootCause), 'not written')),
    '',
    '## Five whys',
    ...orNone(pm.whys.map((w, i) => `${i + 1}. ${w.steps.map((s) => `${oneLine(s.statement)}${s.seqs?.length ? ` (${s.seqs.map(eventLink).join(', ')})` : ''}`).join(' → ')}`), 'no chains'),
    '',
    '## Contributing factors',
    ...orNone(written(pm.sections.contributingFactors), 'none written'),
    '',
    '## What went well',
    ...orNone([...written(pm.sections.wentWell), ...generated(d.wentWell)], 'none'),
    '',
    '## What went poorly',
    ...orNone([...written(pm.sections.wentPoorly), ...generated(d.wentPoorly)], 'none'),
    '',
    '## Action items',
    '| Action | Type | Priority | Owner | Due | Status |',
    '|---|---|---|---|---|---|',
    ...pm.actionItems.map((a) => `| ${cell(a.title)} | ${a.type} | ${a.priority} | ${a.ownerId ?? '-'} | ${a.dueAt?.slice(0, 10) ?? '-'} | ${a.status} |`),
    '',
  ];
  return out.join('\n');
}

// Raw HTML off: any tag people typed comes out as text; markdown-it also refuses javascript:, vbscript: and data: links.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** The postmortem as a standalone HTML page. */
export function postmortemHtml(pm: PostmortemView): string {
  const title = markdown.utils.escapeHtml(`Postmortem ${pm.ref}`);
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>\n${markdown.render(postmortemDocument(pm))}</body></html>\n`;
}
