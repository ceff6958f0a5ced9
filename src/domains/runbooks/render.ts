/**
 * Runbook Markdown to HTML, safely: raw HTML is off (a `<script>` is shown as
 * text), and a link or image survives only when it is http(s), mailto or
 * relative, judged after markdown-it has decoded entities and percent-escapes
 * (so `JaVaScRiPt:`, `&#106;avascript:` and `java\tscript:` are all refused).
 * Pure.
 */
import { createHash, randomBytes } from 'node:crypto';
import MarkdownIt from 'markdown-it';

const SCHEME = /^([a-z][a-z0-9+.-]*):/;
const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

/** True for an http(s), mailto or relative URL; false for every other scheme (javascript:, data:, vbscript:, file:, ...). */
export function isSafeLink(url: string): boolean {
  // Browsers ignore control characters and whitespace inside a scheme; so does this check.
  let decoded = url;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    // a lone % is not an escape; judge the text as written
  }
  const squashed = [...decoded].filter((ch) => ch.charCodeAt(0) > 0x20 && (ch.charCodeAt(0) < 0x7f || ch.charCodeAt(0) > 0x9f)).join('').toLowerCase();
  const scheme = SCHEME.exec(squashed);
  // No scheme: a relative link (a path, `#anchor`, `?query` or `//host`, which takes the page's http(s)).
  return scheme === null || ALLOWED_SCHEMES.has(scheme[1]!);
}

function createRenderer(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
  md.validateLink = isSafeLink;
  const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    // Links leave Firebreak: no referrer, no handle on the opener.
    tokens[idx]!.attrSet('rel', 'noopener noreferrer nofollow');
    return defaultLinkOpen(tokens, idx, options, env, self);
  };
  return md;
}

const renderer = createRenderer();

/** Beyond these, a paragraph's inline markup is shown as text: real runbooks come nowhere near them. */
const MAX_UNCLOSED_BRACKETS = 64;
const MAX_INLINE_MARKS = 4000;
const INLINE_MARK = /[[\]*_`<>!]/g;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Markdown with its pathological paragraphs set aside: each is a placeholder line, and its text is kept to be shown as written. */
export interface DefusedMarkdown {
  markdown: string;
  /** The paragraphs set aside, by placeholder number. */
  asText: string[];
  /** The placeholder of paragraph n is `${placeholder}${n}`: random, so no runbook can contain it. */
  placeholder: string;
}

/**
 * markdown-it scans ahead from every `[`, `*` or backtick that might open
 * something; a paragraph of 50,000 unclosed `![` costs seconds. Such a
 * paragraph (outside code fences) is set aside and shown as the plain text
 * that was written, which costs time linear in its length.
 */
export function defuseMarkdown(markdown: string): DefusedMarkdown {
  const lines = markdown.split('\n');
  const placeholder = `fbdefused${randomBytes(9).toString('hex')}x`;
  const asText: string[] = [];
  let fence: string | null = null;
  let start = -1;
  const settle = (end: number) => {
    if (start < 0) return;
    const paragraph = lines.slice(start, end).join('\n');
    let marks = 0;
    let open = 0;
    let unclosed = 0;
    for (const ch of paragraph.match(INLINE_MARK) ?? []) {
      marks++;
      if (ch === '[') open++;
      else if (ch === ']' && open > 0) open--;
      unclosed = Math.max(unclosed, open);
    }
    if (unclosed > MAX_UNCLOSED_BRACKETS || marks > MAX_INLINE_MARKS) {
      lines[start] = `${placeholder}${asText.length}`;
      for (let i = start + 1; i < end; i++) lines[i] = '';
      asText.push(paragraph);
    }
    start = -1;
  };
  lines.forEach((line, i) => {
    const marker = FENCE.exec(line)?.[1];
    if (fence !== null) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = null;
      return;
    }
    if (marker) {
      settle(i);
      fence = marker;
    } else if (line.trim() === '') settle(i);
    else if (start < 0) start = i;
  });
  settle(lines.length);
  return { markdown: asText.length ? lines.join('\n') : markdown, asText, placeholder };
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Rendered runbooks by body: a body is rendered once, not on every read. */
const rendered = new Map<string, string>();
const RENDERED_KEPT = 256;

/** The runbook's Markdown as HTML that is safe to put in a page; rendered once per distinct body. */
export function renderRunbook(markdown: string): string {
  const key = createHash('sha256').update(markdown).digest('base64');
  const cached = rendered.get(key);
  if (cached !== undefined) return cached;
  const defused = defuseMarkdown(markdown);
  let html = renderer.render(defused.markdown);
  if (defused.asText.length) html = html.replace(new RegExp(`<p>${defused.placeholder}(\\d+)</p>`, 'g'), (_, n: string) => `<p>${escapeHtml(defused.asText[Number(n)]!)}</p>`);
  if (rendered.size >= RENDERED_KEPT) rendered.delete(rendered.keys().next().value!);
  rendered.set(key, html);
  return html;
}

/** The distinct http(s) links of a runbook (what the link check requests), in order of appearance. */
export function runbookLinks(markdown: string): string[] {
  const found: string[] = [];
  const walk = (tokens: ReturnType<MarkdownIt['parse']>): void => {
    for (const token of tokens) {
      const href = token.type === 'link_open' ? token.attrGet('href') : token.type === 'image' ? token.attrGet('src') : null;
      if (href && /^https?:\/\//i.test(href) && !found.includes(href)) found.push(href);
      if (token.children) walk(token.children);
    }
  };
  // Paragraphs shown as text hold no links to check.
  walk(renderer.parse(defuseMarkdown(markdown).markdown, {}));
  return found;
}
