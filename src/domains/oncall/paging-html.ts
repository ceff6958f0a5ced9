/** The minimal pages a page's link opens: a confirmation with its button (GET), and the result (POST). */
import type { LinkPreview } from './ack-links-service.js';

function escapeHtml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&#39;', '"': '&quot;' })[c]!);
}

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}button{font-size:1.2rem;padding:.6rem 1.4rem}</style></head><body>${body}</body></html>`;
}

const VERB: Record<LinkPreview['purpose'], string> = { acknowledge: 'Acknowledge', resolve: 'Resolve', escalate: 'Escalate now' };

/**
 * What the page says about the escalation. `exhausted` is not stopped: every
 * step has paged (a single-step policy right away) and nobody has acknowledged,
 * so the alert group is still waiting for someone.
 */
const STATE_NOTE: Partial<Record<LinkPreview['escalationStatus'], string>> = {
  active: '',
  exhausted: '<p>Every step of the escalation has paged and nobody has acknowledged yet: the alert is still unacknowledged.</p>',
};

/** The confirmation page: says what the button will do; the GET that shows it changes nothing. */
export function confirmationPage(preview: LinkPreview): string {
  const heading = `${VERB[preview.purpose]}: ${preview.title}`;
  if (!preview.usable) return layout(heading, `<h1>${escapeHtml(heading)}</h1><p>${escapeHtml(preview.why ?? '')}.</p>`);
  // Nobody commands the incident: taking command is offered as one action beside the plain acknowledgement.
  const command = preview.offersCommand ? '<p>Nobody commands this incident yet.</p><form method="post" action="?take=command"><button type="submit">Acknowledge and take command</button></form>' : '';
  const state = STATE_NOTE[preview.escalationStatus] ?? `<p>This escalation has already stopped (${escapeHtml(preview.escalationStatus)}).</p>`;
  return layout(heading, `<h1>${escapeHtml(heading)}</h1><p>Sent to ${escapeHtml(preview.recipient)}.</p>${state}<form method="post"><button type="submit">${VERB[preview.purpose]}</button></form>${command}`);
}

/** The result of a link; `next` is where to go on from here (the incident's war room). */
export function resultPage(title: string, message: string, next?: { label: string; url: string }): string {
  const link = next ? `<p><a href="${escapeHtml(next.url)}">${escapeHtml(next.label)}</a></p>` : '';
  return layout(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>${link}`);
}
